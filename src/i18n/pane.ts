/**
 * Everything the task pane says, Swedish first (the users' language, paneSv.ts) and English second (paneEn.ts), under
 * the same keys: the English table is typed by the Swedish one, so a key missing in either fails the type check.
 */
import type { Language } from "./findings";
import { en } from "./paneEn";
import { type PaneStrings, sv } from "./paneSv";

export type { Language, PaneStrings };

/** Which of the pane's Web Workers failed, and how (src/taskpane/workerFailure.ts). */
export type WorkerFailureKind =
  | "coreNotRunning"
  | "filesNotLoaded"
  | "filesUnexpectedAnswer"
  | "workbooksNotBuilt"
  | "chapterNotLoaded"
  | "chapterNotBuilt";

export const PANE_STRINGS: Record<Language, PaneStrings> = { sv, en };
