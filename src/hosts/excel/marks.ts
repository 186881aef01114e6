/**
 * Marking the cells of findings in the user's own sheets, on request, and taking the marks away again.
 *
 * A mark is a conditional format, not a change of the cell: the cell's value and its own formatting stay as they
 * are, and a mark goes without a trace. Every mark carries the rule formula MARK_FORMULA (always true, and written
 * so that no one else's rule is the same), which is how `clearMarks` tells Måltavlan's marks from the user's own
 * conditional formats and removes only those. Conditional formats need ExcelApi 1.6.
 */
import type { ExcelStep } from "../../sheet/hostProblems";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithWatchdog } from "./sync";

/** True for every cell; the text names Måltavlan so that the rule is recognisably its own. */
export const MARK_FORMULA = '=N("Måltavlan: fynd")=0';
const MARK_FILL = "#FFC7CE";
const MARK_FONT = "#9C0006";
/** More marks than this would make a sheet unreadable (and a slow request); the first ones are marked. */
export const MAX_MARKS = 500;

export interface CellMark {
  sheet: string;
  cell: string;
}

export interface MarkOptions {
  timeoutMs?: number;
}

/**
 * Marks the cells (2 syncs: the sheets' protection, then the marks). A protected sheet cannot take a conditional
 * format without its password, so its cells are skipped and the sheet named.
 */
export async function markCells(
  context: Excel.RequestContext,
  marks: CellMark[],
  options: MarkOptions = {},
): Promise<{ marked: number; skippedSheets: string[] }> {
  const sync = (step: ExcelStep) => syncWithWatchdog(context, step, options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS);
  const protectedSheets = await protectedAmong(context, [...new Set(marks.map((mark) => mark.sheet))], sync);
  const wanted = marks.filter((mark) => !protectedSheets.has(mark.sheet));
  const unique = [...new Map(wanted.map((mark) => [`${mark.sheet}!${mark.cell}`, mark])).values()].slice(0, MAX_MARKS);
  for (const { sheet, cell } of unique) {
    const format = context.workbook.worksheets.getItem(sheet).getRange(cell).conditionalFormats.add("Custom");
    format.custom.rule.formula = MARK_FORMULA;
    format.custom.format.fill.color = MARK_FILL;
    format.custom.format.font.color = MARK_FONT;
  }
  if (unique.length) await sync("markCells");
  const skipped = [...new Set(marks.filter((mark) => protectedSheets.has(mark.sheet)).map((mark) => mark.sheet))];
  return { marked: unique.length, skippedSheets: skipped };
}

/** Which of `sheets` are protected (1 sync). */
async function protectedAmong(
  context: Excel.RequestContext,
  sheets: string[],
  sync: (step: ExcelStep) => Promise<void>,
): Promise<Set<string>> {
  const protections = sheets.map((sheet) => context.workbook.worksheets.getItem(sheet).protection.load("protected"));
  if (sheets.length) await sync("readProtection");
  return new Set(sheets.filter((_, i) => protections[i].protected));
}

/**
 * Removes Måltavlan's marks from `sheets` (4 syncs: the sheets' protection, their conditional formats, the rules of
 * the custom ones, then the removal); the user's own conditional formats stay. Returns how many were removed.
 */
export async function clearMarks(
  context: Excel.RequestContext,
  sheets: string[],
  options: MarkOptions = {},
): Promise<number> {
  const sync = (step: ExcelStep) => syncWithWatchdog(context, step, options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS);
  const protectedSheets = await protectedAmong(context, sheets, sync);
  const collections = sheets
    .filter((sheet) => !protectedSheets.has(sheet))
    .map((sheet) => context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats.load("items/type"));
  await sync("findMarks");
  const custom = collections.flatMap((formats) => formats.items.filter((format) => format.type === "Custom"));
  const rules = custom.map((format) => format.custom.rule.load("formula"));
  if (custom.length) await sync("readMarks");
  const ours = custom.filter((_, i) => rules[i].formula === MARK_FORMULA);
  for (const format of ours) format.delete();
  if (ours.length) await sync("removeMarks");
  return ours.length;
}
