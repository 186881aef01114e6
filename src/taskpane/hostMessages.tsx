/**
 * What Excel, a file or a write reported, said in the pane's language. Those words (i18n/errors.ts, both languages)
 * load on first need rather than with the pane: a pane that opens and works never shows them.
 */
import { useEffect, useState } from "react";
import type { Language, PaneStrings } from "../i18n/pane";
import type { ExcelProblem, FileProblem, WriteWarning } from "../sheet/hostProblems";

type HostWords = typeof import("../i18n/errors");

let loading: Promise<HostWords> | null = null;
function hostWords(): Promise<HostWords> {
  loading ??= import(/* webpackChunkName: "host-messages" */ "../i18n/errors").catch((error: unknown) => {
    loading = null; // a failed download is tried anew next time
    throw error;
  });
  return loading;
}

export async function excelProblemText(problem: ExcelProblem, language: Language): Promise<string> {
  return (await hostWords()).excelProblemMessage(problem, language);
}

export async function fileProblemText(problem: FileProblem, language: Language): Promise<string> {
  return (await hostWords()).fileProblemMessage(problem, language);
}

/**
 * A write's warnings, one line each. Their words come in a moment after the note that holds them; if they cannot be
 * loaded, a sentence says so, so that no warning goes unsaid.
 */
export function WriteWarnings({ warnings, strings }: { warnings: readonly WriteWarning[]; strings: PaneStrings }) {
  const [texts, setTexts] = useState<string[]>([]);
  useEffect(() => {
    let current = true;
    const show = (next: string[]) => current && setTexts(next);
    if (warnings.length === 0) show([]);
    else {
      hostWords().then(
        (words) => show(warnings.map((warning) => words.writeWarningMessage(warning, strings.language))),
        (error: unknown) => show([unexpectedText(error, strings)]),
      );
    }
    return () => {
      current = false;
    };
  }, [warnings, strings]);
  return (
    <>
      {texts.map((text) => (
        <div key={text}>{text}</div>
      ))}
    </>
  );
}

/** Any other failure, wrapped in a sentence that says what to do. */
export function unexpectedText(error: unknown, strings: PaneStrings): string {
  const message = error instanceof Error ? error.message : String(error);
  return strings.unexpected(/[.!?]$/.test(message) ? message : `${message}.`);
}
