/**
 * The error the Excel host throws, carrying an ExcelProblem (src/sheet/hostProblems.ts), which the shells say in the
 * user's language (src/i18n/errors.ts). Free of Office.js, so the pane can tell it apart without the Office typings.
 */
import type { ExcelProblem } from "../../sheet/hostProblems";

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
