import { useCallback, useRef, useState } from "react";
import type { PaneStrings } from "../i18n/pane";

export type TaskState<R> =
  { status: "idle" } | { status: "running" } | { status: "done"; result: R } | { status: "error"; message: string };

/**
 * A long operation started by a button: it runs once at a time (a second click while it runs is ignored, before
 * React has even disabled the button), and its error becomes a Swedish message saying what to do.
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
        setState({ status: "error", message: errorMessage(error, strings) });
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
 * What the user reads when something fails: the Excel host's and the file reader's own messages are already Swedish
 * and say what to do; anything else is wrapped in a sentence that does.
 */
export function errorMessage(error: unknown, strings: PaneStrings): string {
  if (error instanceof Error && (error.name === "ExcelHostError" || error.name === "UnusableInputError")) {
    return error.message;
  }
  const message = error instanceof Error ? error.message : String(error);
  return strings.unexpected(/[.!?]$/.test(message) ? message : `${message}.`);
}
