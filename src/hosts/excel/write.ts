/**
 * The Excel host's write verb: SheetSpecs → worksheets in the open workbook (Office.js), rendered as the xlsx host
 * renders them into a file.
 *
 * Syncs: everything is queued and sent in ONE sync when it fits in about 4 MB (Excel on the web refuses a request
 * over 5 MB); larger writes are split into row blocks over as many syncs as needed. Without `existing`, one small
 * sync first lists the workbook's sheets, so that nothing the user owns is ever overwritten or removed. Sheets being
 * replaced are renamed out of the way first and removed at the very end of the last sync (see `finalOps`).
 *
 * Order within the write: sheets this write replaces are renamed out of the way, the new sheets are added, then per
 * sheet its cells (number formats before values: see `cellContent` in ops/cells.ts), styles, widths, heights,
 * merges, frozen rows, dropdowns, conditional fills, charts, autofilter and print setup; protection and visibility come last, so no
 * write meets a protected sheet. Calculation is suspended in every sync and add-in events are off while writing (ExcelApi 1.8).
 *
 * The ops come from one builder per part (ops/: the workbook's sheets, cells, styles, layout, rules, print setup),
 * each estimating its request bytes, and `pack` fills each sync up to the budget.
 *
 * Office.js batches are not transactions. If a writing sync fails, a rollback (two more syncs: list the sheets, then
 * act) removes the sheets this write added and gives the replaced sheets back their names, and the error says so.
 */
import type { SheetVisibility } from "../../sheet/grid";
import { isValidSheetName } from "../../sheet/sheetName";
import type { SheetSpec } from "../../sheet/spec";
import type { ExcelStep, SyncPart, WriteWarning } from "../../sheet/hostProblems";
import { ExcelHostError } from "./problems";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithWatchdog, toHostError } from "./sync";
import type { SheetShape } from "./read";
import { readsLean } from "./read";
import { Supports, officeSupports } from "./requirements";
import { cellOps, writtenShape } from "./ops/cells";
import { chartOps } from "./ops/charts";
import { columnOps, frozenRowOps, hiddenRowOps, mergeOps, rowOps } from "./ops/layout";
import { type Features, type SheetOpBuilder, type WriteState, pack } from "./ops/op";
import { autoFilterOps, printOps } from "./ops/print";
import { conditionalFillOps, validationOps } from "./ops/rules";
import { type Backup, type ExistingSheet, backupName, finalOps, lower, preludeOps, rollback } from "./ops/sheets";

export type { ExistingSheet };

export interface WriteOptions {
  /** Sheets to remove (when present) because this write replaces them, usually with sheets of the same name. */
  replace: string[];
  /**
   * Every sheet in the workbook, read in the same Excel.run just before (`readWorkbookWithStats(…).sheets`): saves
   * the sync that lists them. Not a list from an earlier run: a sheet the user has added since under one of the new
   * names would make the write fail, and the rollback would take that sheet for this write's own.
   */
  existing?: ExistingSheet[];
  /** Requirement-set check; default `Office.context.requirements.isSetSupported("ExcelApi", version)`. */
  supports?: Supports;
  timeoutMs?: number;
  /** Estimated request bytes per sync; Excel on the web refuses more than 5 MB. */
  budgetBytes?: number;
}

export interface WriteResult {
  /** context.sync() calls made. */
  syncs: number;
  /** Estimated request bytes of each writing sync. */
  batchBytes: number[];
  /** What this Excel could not render (e.g. dropdowns below ExcelApi 1.8). */
  warnings: WriteWarning[];
  /** How each written sheet will read back (`ReadOptions.shape`), in the order of the specs. */
  shapes: SheetShape[];
}

export const WRITE_BUDGET_BYTES = 4_000_000;

/** A sheet's parts in the order they are written: its cells first, then its layout, rules and print setup. */
const SHEET_PARTS: SheetOpBuilder[] = [
  cellOps,
  columnOps,
  hiddenRowOps,
  rowOps,
  mergeOps,
  frozenRowOps,
  validationOps,
  conditionalFillOps,
  chartOps,
  autoFilterOps,
  printOps,
];

/** Writes `specs` as new worksheets (replacing `options.replace`), in one sync for workbooks of normal size. */
export async function writeSheets(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  options: WriteOptions,
): Promise<WriteResult> {
  const supports = options.supports ?? officeSupports;
  const budget = options.budgetBytes ?? WRITE_BUDGET_BYTES;
  let syncs = 0;
  const sync = async (step: ExcelStep, part?: SyncPart) => {
    syncs++;
    await syncWithWatchdog(context, step, options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS, part);
  };

  checkNames(specs);
  const existing = options.existing ?? (await listSheets(context, sync));
  const replace = new Set(options.replace.map(lower));
  const kept = new Set(existing.filter((s) => !replace.has(lower(s.name))).map((s) => lower(s.name)));
  const taken = specs.filter((spec) => kept.has(lower(spec.name))).map((spec) => spec.name);
  if (taken.length) {
    throw new ExcelHostError({ code: "sheetNamesTaken", names: taken }, "ItemAlreadyExists");
  }
  const names = new Set([...existing.map((s) => lower(s.name)), ...specs.map((s) => lower(s.name))]);
  const backups: Backup[] = existing
    .filter((s) => replace.has(lower(s.name)))
    .map((s, i) => ({ original: s.name, backup: backupName(i, names), visibility: s.visibility }));

  const features: Features = {
    calculation: supports("1.6"),
    events: supports("1.8"),
    conditional: supports("1.6"),
    validation: supports("1.8"),
    print: supports("1.9"),
    autoFilter: supports("1.9"),
    areas: supports("1.9"),
  };
  const warnings = featureWarnings(specs, features);
  const sheetOps = specs.flatMap((spec) => SHEET_PARTS.flatMap((build) => build(spec, features)));
  const batches = pack(
    [...preludeOps(specs, backups, features), ...sheetOps, ...finalOps(specs, backups, features)],
    budget,
  );

  const state: WriteState = { sheets: new Map() };
  try {
    for (const [i, batch] of batches.entries()) {
      if (features.calculation) context.application.suspendApiCalculationUntilNextSync();
      for (const op of batch) op.queue(context, state);
      await sync("writeSheets", batches.length > 1 ? { index: i + 1, count: batches.length } : undefined);
    }
  } catch (error) {
    const failure = toHostError(error, "writeSheets");
    let undone = true;
    try {
      await rollback(context, specs, backups, existing, features, sync);
    } catch {
      undone = false;
    }
    throw new ExcelHostError(
      { code: "writeFailed", cause: failure.problem, undone, sheets: specs.map((s) => s.name) },
      failure.code,
      error,
    );
  }

  return {
    syncs,
    batchBytes: batches.map((batch) => batch.reduce((sum, op) => sum + op.bytes, 0)),
    warnings,
    shapes: specs.map((spec) => writtenShape(spec.name, sheetOps, readsLean(supports))),
  };
}

/** The same rules Excel applies (and the xlsx host checks), before anything is sent. */
function checkNames(specs: SheetSpec[]): void {
  const seen = new Set<string>();
  for (const { name } of specs) {
    const valid = isValidSheetName(name) && !seen.has(lower(name));
    if (!valid) throw new ExcelHostError({ code: "invalidSheetName", name }, "InvalidArgument");
    seen.add(lower(name));
  }
}

const OFFICE_TO_VISIBILITY: Record<string, SheetVisibility> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

/** Every sheet of the workbook, with its visibility and id: one sync. */
export async function listSheets(
  context: Excel.RequestContext,
  sync: (step: ExcelStep) => Promise<void>,
): Promise<ExistingSheet[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync("listSheets");
  return worksheets.items.map((sheet) => ({
    name: sheet.name,
    visibility: OFFICE_TO_VISIBILITY[sheet.visibility],
    id: sheet.id,
  }));
}

function featureWarnings(specs: SheetSpec[], features: Features): WriteWarning[] {
  const warnings: WriteWarning[] = [];
  const any = (has: (spec: SheetSpec) => boolean) => specs.some(has);
  if (!features.validation && any((s) => (s.validations?.length ?? 0) > 0)) {
    warnings.push("noDropdowns");
  } else if (!features.validation && any((s) => (s.inputMessages?.length ?? 0) > 0)) {
    warnings.push("noInputMessages");
  }
  if (!features.conditional && any((s) => (s.conditionalFills?.length ?? 0) > 0)) {
    warnings.push("noConditionalFills");
  }
  if (!features.print && any((s) => s.print !== undefined)) {
    warnings.push("noPrintSetup");
  }
  if (!features.autoFilter && any((s) => s.autoFilter !== undefined)) {
    warnings.push("noAutoFilter");
  }
  return warnings;
}
