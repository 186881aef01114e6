import type { WorkerFailureKind } from "../i18n/pane";

/**
 * One of the pane's Web Workers failed: the core's or the file library's script did not run, or the file library
 * answered something else than was asked. The pane says it in its language (PaneStrings.workerFailures).
 */
export class WorkerFailure extends Error {
  constructor(
    readonly failure: WorkerFailureKind,
    /** What the browser or the worker said, for the user to pass on; null when it said nothing. */
    readonly detail: string | null,
  ) {
    super(`${failure}: ${detail ?? "no detail"}`);
    this.name = "WorkerFailure";
  }
}
