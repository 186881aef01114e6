/** Findings about files and their sheets, listed in a step: the answers read at Sammanställ, the earlier sheets at Skapa. */
import { Button, Text } from "@fluentui/react-components";
import { useId, useState } from "react";
import type { FileFinding } from "../../domain/findings";
import { type Language, findingMessage } from "../../i18n/findings";
import type { PaneStrings } from "../../i18n/pane";
import { ErrorBar, useStepStyles } from "../ui";
import { errorMessage } from "../useTask";
import { PLAN_NAME, type PaneWorkbook } from "../workbook";

/** Findings shown in the pane; the rest are counted. */
export const FILE_FINDINGS_SHOWN = 20;

interface FileFindingsProps {
  strings: PaneStrings;
  language: Language;
  findings: FileFinding[];
  heading: (count: number) => string;
  /** What is said of the findings not shown. */
  more: (count: number) => string;
  /**
   * Where a finding in this workbook is a button to its cell; without it (the cells named were in sheets since
   * replaced) every finding is text.
   */
  goToCell?: PaneWorkbook["goToCell"];
}

/** Errors first; a finding in a returned file names the file. */
export function FileFindings({ strings: t, language, findings, heading, more, goToCell }: FileFindingsProps) {
  const styles = useStepStyles();
  const headingId = useId();
  const [error, setError] = useState<string | null>(null);
  if (findings.length === 0) return null;
  const sorted = [...findings].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  return (
    <section aria-labelledby={headingId} className={styles.step}>
      <h2 id={headingId} className={styles.heading}>
        {heading(findings.length)}
      </h2>
      {error ? <ErrorBar message={error} title={t.goToFailed} /> : null}
      <ul className={styles.list}>
        {sorted.slice(0, FILE_FINDINGS_SHOWN).map((f, i) => {
          const text = `${t.severity[f.severity]}: ${findingMessage(f, language)}`;
          return (
            <li key={i}>
              {f.file === PLAN_NAME && goToCell ? (
                <Button
                  appearance="transparent"
                  size="small"
                  onClick={() => {
                    setError(null);
                    goToCell(f.sheet, f.cell).catch((e: unknown) => errorMessage(e, t).then(setError));
                  }}
                >
                  {`${f.sheet}!${f.cell} ${text}`}
                </Button>
              ) : (
                // A CSV's one sheet is named after its file: the file is not named twice.
                <Text>{`${f.sheet}!${f.cell}${f.file === PLAN_NAME || f.file === f.sheet ? "" : ` ${t.inFile(f.file)}`}: ${text}`}</Text>
              )}
            </li>
          );
        })}
      </ul>
      {findings.length > FILE_FINDINGS_SHOWN ? (
        <Text className={styles.muted}>{more(findings.length - FILE_FINDINGS_SHOWN)}</Text>
      ) : null}
    </section>
  );
}
