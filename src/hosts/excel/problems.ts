/**
 * What goes wrong in the Excel host, as codes and their parameters; the shells say them in the user's language
 * (src/i18n/errors.ts). Free of Office.js, so the CLI's i18n can use these types without the Office typings.
 */

/** The step a sync belongs to: the user's message names it, so they know where it stopped. */
export type ExcelStep =
  | "listSheets"
  | "readSheets"
  | "measureSheets"
  | "readSheetsInParts"
  | "markCells"
  | "readProtection"
  | "findMarks"
  | "readMarks"
  | "removeMarks"
  | "writeSheets"
  | "checkWritten"
  | "removeNewSheets"
  | "findSheet"
  | "showCell";

/** Code of an ExcelHostError raised by the sync watchdog (not an Office.js code). */
export const TIMEOUT = "Timeout";

/** Which of several syncs writing one job's sheets (1-based). */
export interface SyncPart {
  index: number;
  count: number;
}

/** What went wrong in the Excel host, as a code and its parameters; never a sentence. */
export type ExcelProblem =
  /** A sync failed with an Office.js error code, or hung (`TIMEOUT`); a write in several parts names the part. */
  | { code: "syncFailed"; officeCode: string; step: ExcelStep; part?: SyncPart }
  /** Sheets the user owns already have the names a write needs: nothing was written. */
  | { code: "sheetNamesTaken"; names: string[] }
  /** A sheet name Excel would refuse, or one given twice: nothing was written. */
  | { code: "invalidSheetName"; name: string }
  | { code: "sheetGone"; sheet: string }
  | { code: "sheetHidden"; sheet: string }
  /** A write failed (`cause`); `undone` when what it wrote was removed again, else `sheets` are left to check. */
  | { code: "writeFailed"; cause: ExcelProblem; undone: boolean; sheets: string[] };

/** What went wrong, as the host reports it; `code` is Office.js's error code where there was one. */
export class ExcelHostError extends Error {
  constructor(
    readonly problem: ExcelProblem,
    readonly code: string,
    /** The Office.js error behind this one, for logs; never shown to the user as is. */
    readonly officeError?: unknown,
  ) {
    // The message is for logs; what the user reads is made from `problem` in their language.
    super(JSON.stringify(problem));
    this.name = "ExcelHostError";
  }
}

/** Something a write left out because this Excel cannot do it. */
export type WriteWarning = "noDropdowns" | "noInputMessages" | "noConditionalFills" | "noPrintSetup";
