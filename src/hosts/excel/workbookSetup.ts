/**
 * The pane's jobs around the plan rather than its follow-up: saving the settings, adding the template's sheets and
 * showing a finding's cell. Apart from openWorkbook.ts, which holds the read-core-write jobs.
 */
import type { Settings } from "../../domain/settings";
import type { CellValue } from "../../sheet/grid";
import type { ExcelStep, WriteWarning } from "../../sheet/hostProblems";
import { ExcelHostError } from "./problems";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithWatchdog } from "./sync";
import type { JobOptions } from "./validate";

/** What a job that writes did. */
export interface Written {
  /** Syncs of the whole job, read included. */
  syncs: number;
  /** What this Excel could not render. */
  warnings: WriteWarning[];
}

const writers = () => import(/* webpackChunkName: "excel-write" */ "./writers");

/**
 * Saves the settings (levels, scales, periods, mapping) in Måltavlan's very hidden state sheet: 3 syncs (list the
 * sheets, read their A1, write). The state sheet is found by its marker in A1: a sheet of the user's named
 * "Måltavlan" is never replaced, and a new state sheet takes the next free name (src/domain/ownSheetNames.ts).
 */
export async function saveSettings(
  context: Excel.RequestContext,
  settings: Settings,
  options: JobOptions = {},
): Promise<Written> {
  const { listSheets, placeOwnSheets, stateSheet, writeSheets } = await writers();
  const sync = (step: ExcelStep) => syncWithWatchdog(context, step, options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS);
  const existing = await listSheets(context, sync);
  const a1s = existing.map(({ name }) => context.workbook.worksheets.getItem(name).getRange("A1").load("values"));
  await sync("readSheets");
  const own = placeOwnSheets(existing.map(({ name }, i) => ({ name, a1: a1s[i].values[0][0] as CellValue })));
  const written = await writeSheets(context, [stateSheet(settings, own.names)], {
    // An own sheet keeps its name: the state's is among those replaced when there is one (the lists stay).
    replace: own.replace.filter((name) => name === own.names.state),
    existing,
    supports: options.supports,
    timeoutMs: options.timeoutMs,
  });
  return { ...written, syncs: 2 + written.syncs };
}

/** Adds the template's sheets (Nämnder, Mål, Uppdrag, Ramjusteringar, Nyckeltal, lists) to the workbook: 2 syncs. */
export async function createTemplate(context: Excel.RequestContext, options: JobOptions = {}): Promise<Written> {
  const { templateWorkbook, writeSheets } = await writers();
  return writeSheets(context, templateWorkbook().sheets, {
    replace: [],
    supports: options.supports,
    timeoutMs: options.timeoutMs,
  });
}

/**
 * Shows a finding's cell: activates its sheet and selects the cell (2 syncs: the sheet is looked up first, since
 * Excel cannot show a hidden or deleted sheet and the user should hear why).
 */
export async function goToCell(
  context: Excel.RequestContext,
  sheetName: string,
  cell: string,
  options: Pick<JobOptions, "timeoutMs"> = {},
): Promise<void> {
  const sync = (step: ExcelStep) => syncWithWatchdog(context, step, options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS);
  const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
  sheet.load("visibility");
  await sync("findSheet");
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- `sync` above is context.sync() with a watchdog
  const visibility = sheet.isNullObject ? null : sheet.visibility;
  if (visibility === null) {
    throw new ExcelHostError({ code: "sheetGone", sheet: sheetName }, "ItemNotFound");
  }
  if (visibility !== "Visible") {
    throw new ExcelHostError({ code: "sheetHidden", sheet: sheetName }, "InvalidOperation");
  }
  sheet.activate();
  sheet.getRange(cell).select();
  await sync("showCell");
}
