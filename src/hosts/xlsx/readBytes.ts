/**
 * The xlsx host's read verb on bytes: an .xlsx workbook → one Grid per worksheet. Node-free (no fs, no Buffer) and
 * free of ExcelJS, so the CLI (read.ts adds the file system) and the task pane's file worker read workbooks the same
 * way, in memory proportional to the parts, not to ExcelJS's model of them.
 *
 * The file is sniffed first (container.ts: empty, OLE compound file, zip, another format), every part is inflated
 * within limits (packageParts.ts, UTF-16 parts converted to UTF-8), the parts are found through the package's
 * relationships (normalize.ts locateParts), and then each is read forward tag by tag: the workbook's sheets and date
 * system, shared strings, cell styles (workbookXml.ts, cellStyles.ts) and each worksheet (sheetScan.ts → sheetGrid.ts).
 * Every unusable input ends as an UnusableInputError saying why (problems.ts).
 */
import type { Grid } from "../../sheet/grid";
import { readCellStyles } from "./cellStyles";
import { chartHomes } from "./chartHomes";
import type { UnsupportedPart } from "../../sheet/hostProblems";
import { checkContainer, notWorkbook, unsupportedParts } from "./container";
import { locateParts, refuseDeepNesting } from "./normalize";
import { LIMITS, overLimit, readParts } from "./packageParts";
import { UnusableInputError } from "./problems";
import { OverlappingMerges, clippedMerges, sheetGrid } from "./sheetGrid";
import { MissingSharedString, scanSheet } from "./sheetScan";
import { readModified, readSharedStrings, readWorkbookXml } from "./workbookXml";
import { MalformedXml } from "./xmlBytes";

export { UnusableInputError } from "./problems";
export type { UnusableInputKind } from "./problems";

export interface WorkbookRead {
  /** One Grid per worksheet, in workbook order, hidden and very hidden sheets included. */
  grids: Grid[];
  /** Swedish names of parts ExcelJS would drop if this workbook were rewritten; empty when there are none. */
  unsupportedParts: UnsupportedPart[];
  /**
   * The worksheets the workbook's charts stand on (empty: it has none); null when a chart is elsewhere (a chart
   * sheet) or no sheet shows it. Lets a caller tell its own charts, on sheets it makes anew, from a user's.
   */
  chartSheets: string[] | null;
  /** When the workbook was last saved, from its document properties; null when it does not say. */
  modified: Date | null;
}

/** `name` is only used in messages (the file name or path as the user knows it). */
export async function readWorkbookBuffer(data: ArrayBuffer | Uint8Array, name: string): Promise<WorkbookRead> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const entries = checkContainer(bytes, name);
  const parts = readParts(bytes, entries, name);
  const located = locateParts(parts);
  if (!located) throw notWorkbook(name);
  refuseDeepNesting(parts, located.sheets, name);
  const role = new Map([...located.renames].map(([part, canonical]) => [canonical, parts.get(part)]));

  const grids: Grid[] = [];
  let modified: Date | null;
  let chartSheets: string[] | null;
  try {
    const { sheets, date1904 } = readWorkbookXml(parts.get(located.workbook));
    const context = {
      strings: readSharedStrings(role.get("xl/sharedStrings.xml")),
      styles: readCellStyles(role.get("xl/styles.xml")),
      date1904,
    };
    const partById = new Map(located.sheets.map((sheet) => [sheet.id, sheet.part]));
    let mergedCells = 0;
    for (const entry of sheets) {
      const part = partById.get(entry.id);
      if (part === undefined) continue; // a chart sheet, or a sheet whose part is missing
      const scanned = scanSheet(parts.get(part)!, context);
      const { merges, cells } = clippedMerges(scanned);
      mergedCells += cells;
      if (mergedCells > LIMITS.mergedCells) throw overLimit(name, "mergedCells", entry.name);
      grids.push(sheetGrid(scanned, merges, entry.name, entry.visibility));
    }
    modified = readModified(role.get("docProps/core.xml"));
    chartSheets = chartHomes(parts, located, new Map(sheets.map((entry) => [entry.id, entry.name])));
  } catch (error) {
    if (error instanceof MalformedXml || error instanceof MissingSharedString || error instanceof OverlappingMerges) {
      throw new UnusableInputError({ code: "corrupt", file: name });
    }
    throw error;
  }
  return {
    grids,
    unsupportedParts: unsupportedParts(entries.map((entry) => entry.name)),
    chartSheets,
    modified,
  };
}
