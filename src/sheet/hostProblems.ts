/**
 * What goes wrong in a host, as codes and their parameters, never a sentence: why a file cannot be read or written
 * (src/hosts/xlsx) and what fails in Excel (src/hosts/excel). Declared here, below i18n, so that the messages
 * (src/i18n/errors.ts) say them in the user's language without importing a host; the hosts' error classes carry them.
 */

/** Parts of a workbook ExcelJS does not model, which the CLI would drop on rewriting it (src/hosts/xlsx/container.ts). */
export type UnsupportedPart =
  | "charts"
  | "pivotTables"
  | "images"
  | "macros"
  | "customXml"
  | "addIns"
  | "slicers"
  | "dataConnections"
  | "dataModel"
  | "externalLinks"
  | "embeddedObjects";

/** What a file that is not an .xlsx turned out to be, when that can be told. */
export type NotWorkbookHint = "empty" | "text" | "xlsb" | "word" | "powerpoint" | "openDocument";

/**
 * The limits a package must keep to before it is parsed (packageParts.ts says what each is and why): one part's or
 * all parts' unpacked size, the compression ratio, the number of parts, XML nesting, cells in merged ranges.
 */
export type PackageLimit = "partBytes" | "totalBytes" | "ratio" | "entries" | "depth" | "mergedCells";

/** `file` is the name or path as the user knows it. */
export type FileProblem =
  | { code: "missing"; file: string }
  | { code: "isFolder"; file: string }
  | { code: "noPermission"; file: string }
  | { code: "locked"; file: string }
  /** It cannot be read for another reason: the system's error code (ENAMETOOLONG …), or what failed, or null. */
  | { code: "unreadable"; file: string; detail: string | null }
  | { code: "notWorkbook"; file: string; hint?: NotWorkbookHint }
  | { code: "corrupt"; file: string }
  | { code: "encrypted"; file: string }
  | { code: "legacyFormat"; file: string }
  /** An OLE compound file that is neither recognisably encrypted nor an .xls workbook. */
  | { code: "encryptedOrLegacy"; file: string }
  /** A limit of the package passed: `max` is the limit (sizes in MB), `where` the part or sheet, when there is one. */
  | { code: "overLimit"; file: string; limit: PackageLimit; max: number; where: string | null }
  /** The output cannot be written: the system's error code (ENOSPC …) or null. */
  | { code: "unwritable"; file: string; errno: string | null }
  /** The output exists and is not written over; `meanwhile`: it appeared while this run was working. */
  | { code: "exists"; file: string; meanwhile?: true }
  /**
   * `file` is a folder into which another run is writing a set of files now (process `pid` on computer `host`), or
   * was when it stopped: `remove` is what that run has left there so far.
   */
  | { code: "setInProgress"; file: string; pid: number; host: string; remove: string[] }
  /** A run on this computer (process `pid`, no longer running) stopped before its set in `file` was complete. */
  | { code: "setIncomplete"; file: string; pid: number; remove: string[] };

/** Why an output cannot be written. */
export type OutputProblem = Extract<FileProblem, { code: "unwritable" | "exists" | "setInProgress" | "setIncomplete" }>;

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

/** Something a write left out because this Excel cannot do it. */
export type WriteWarning = "noDropdowns" | "noInputMessages" | "noConditionalFills" | "noPrintSetup" | "noAutoFilter";
