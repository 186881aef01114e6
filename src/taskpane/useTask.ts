import { useCallback, useRef, useState } from "react";
import { ExcelHostError } from "../hosts/excel/problems";
import type { PaneStrings } from "../i18n/pane";
import { excelProblemText, unexpectedText } from "./hostMessages";
import { WorkerFailure } from "./workerFailure";

export type TaskState<R> =
  { status: "idle" } | { status: "running" } | { status: "done"; result: R } | { status: "error"; message: string };

/**
 * A long operation started by a button: it runs once at a time (a second click while it runs is ignored, before
 * React has even disabled the button), and its error becomes a message in the pane's language saying what to do.
 */
export function useTask<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
  strings: PaneStrings,
): [TaskState<R>, (...args: A) => Promise<R | undefined>, () => void] {
  const [state, setState] = useState<TaskState<R>>({ status: "idle" });
  const running = useRef(false);
  const latest = useRef(run);
  latest.current = run;
  const start = useCallback(
    async (...args: A): Promise<R | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setState({ status: "running" });
      try {
        const result = await latest.current(...args);
        setState({ status: "done", result });
        return result;
      } catch (error) {
        setState({ status: "error", message: await errorMessage(error, strings) });
        return undefined;
      } finally {
        running.current = false;
      }
    },
    [strings],
  );
  const reset = useCallback(() => setState({ status: "idle" }), []);
  return [state, start, reset];
}

/**
 * What the user reads when something fails: what the Excel host reports, said in the pane's language (it says what
 * to do); anything else is wrapped in a sentence that does.
 */
export async function errorMessage(error: unknown, strings: PaneStrings): Promise<string> {
  if (error instanceof ExcelHostError) {
    return excelProblemText(error.problem, strings.language).catch((failure: unknown) =>
      unexpectedText(failure, strings),
    );
  }
  if (error instanceof WorkerFailure) {
    return strings.unexpected(strings.workerFailures[error.failure](error.detail ?? strings.unknownError));
  }
  return unexpectedText(error, strings);
}
