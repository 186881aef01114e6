/**
 * Why a file cannot be read or written, as a code and its parameters; the shells say it in the user's language
 * (src/i18n/errors.ts). Apart from ExcelJS, so the pane can tell these errors apart without loading the file library.
 */

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

export type UnusableInputKind =
  | "missing" // no such file
  | "unreadable" // exists but cannot be opened (a folder, no permission, locked)
  | "notWorkbook" // not an .xlsx at all (empty, text, another zip-based format, …)
  | "corrupt" // looks like an .xlsx but is truncated or damaged
  | "encrypted" // OLE compound file: password-to-open workbook (or an OLE file we cannot tell apart)
  | "legacyFormat" // OLE compound file holding an old binary .xls workbook
  | "overLimit"; // an .xlsx past the limits set against compressed bombs and absurd content

type InputProblem = Exclude<FileProblem, OutputProblem>;

const KIND_OF: Record<InputProblem["code"], UnusableInputKind> = {
  missing: "missing",
  isFolder: "unreadable",
  noPermission: "unreadable",
  locked: "unreadable",
  unreadable: "unreadable",
  notWorkbook: "notWorkbook",
  corrupt: "corrupt",
  encrypted: "encrypted",
  legacyFormat: "legacyFormat",
  encryptedOrLegacy: "encrypted",
  overLimit: "overLimit",
};

/** The input cannot be used at all. The message is for logs; the user reads `problem` in their language. */
export class UnusableInputError extends Error {
  readonly kind: UnusableInputKind;

  constructor(readonly problem: InputProblem) {
    super(JSON.stringify(problem));
    this.name = "UnusableInputError";
    this.kind = KIND_OF[problem.code];
  }
}

/** The output cannot be written (no such folder, no permission, disk full, it exists …). */
export class UnwritableOutputError extends Error {
  constructor(readonly problem: OutputProblem) {
    super(JSON.stringify(problem));
    this.name = "UnwritableOutputError";
  }
}
