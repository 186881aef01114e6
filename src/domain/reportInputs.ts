/**
 * The workbooks a report reads answers from, in the one order every host gives them: apart from jobs.ts, so that a
 * host can build them without loading the report's steps (the pane's main thread; the steps run in its worker).
 */
import type { WorkbookInput } from "./followup/consolidate";

/** A workbook that may hold answers, as a host read it: the plan workbook or one returned by a nämnd. */
export type AnswerWorkbook = Omit<WorkbookInput, "master">;

/** A report's inputs: the plan workbook first (the master, which any returned answer wins over), then the returned. */
export function reportInputs(plan: AnswerWorkbook, returned: AnswerWorkbook[]): WorkbookInput[] {
  return [{ ...plan, master: true }, ...returned.map((workbook) => ({ ...workbook, master: false }))];
}
