/**
 * The errors the file host throws, carrying a FileProblem (src/sheet/hostProblems.ts), which the shells say in the
 * user's language (src/i18n/errors.ts). Apart from ExcelJS, so the pane can tell these errors apart without loading
 * the file library.
 */
import type { FileProblem, OutputProblem } from "../../sheet/hostProblems";

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
