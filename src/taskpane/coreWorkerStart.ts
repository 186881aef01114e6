import { workerCore } from "./workerCore";

/**
 * The core's Web Worker, started by a small script of its own (webpack's `boot` entry) that the page runs before the
 * pane's big entry: the browser fetches and starts the worker while that entry is still loaded and evaluated, and
 * the worker is ready to read the plan by the time the pane asks. earlyStart.ts hands it to the Excel jobs.
 */
export const startedCore = workerCore({ startNow: true });
