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
 * sheet its cells (number formats before values: see `cellContent`), styles, widths, heights, merges, frozen rows,
 * dropdowns, conditional fills and print setup; protection and visibility come last, so no write meets a protected
 * sheet. Calculation is suspended in every sync and add-in events are off while writing (ExcelApi 1.8).
 *
 * Office.js batches are not transactions. If a writing sync fails, a rollback (two more syncs: list the sheets, then
 * act) removes the sheets this write added and gives the replaced sheets back their names, and the error says so.
 */
import { columnName } from "../../sheet/grid";
import type { SheetVisibility } from "../../sheet/grid";
import { footerPart } from "../../sheet/print";
import { isValidSheetName } from "../../sheet/sheetName";
import { TEXT_FORMAT } from "../../sheet/spec";
import type { ConditionalFill, InputPrompt, SheetSpec, SpecCell } from "../../sheet/spec";
import type { ExcelStep, SyncPart, WriteWarning } from "../../sheet/hostProblems";
import { ExcelHostError } from "./problems";
import { DEFAULT_SYNC_TIMEOUT_MS, syncWithWatchdog, toHostError } from "./sync";
import { columnWidthPoints } from "../../sheet/units";
import { cellsJsonBytes } from "./units";
import type { SheetShape } from "./read";
import { readsLean } from "./read";
import { Supports, officeSupports } from "./requirements";

/** Whether the running Excel supports ExcelApi `version` ("1.8"). */

/** A sheet already in the workbook, e.g. `readWorkbookWithStats(…).sheets` in the same Excel.run. */
export interface ExistingSheet {
  name: string;
  visibility?: SheetVisibility;
  /** Worksheet.id: with it, a rollback tells this sheet for certain from one the failed write added. */
  id?: string;
}

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
/**
 * Estimated request bytes of one queued action (a property set or a method call, with small arguments) and of one
 * new proxy object (a range, or a navigation property such as `format` or `font`). Office.js sends an action as a
 * JSON object with ids and a name (about 90 bytes), and an object as its path plus the action that instantiates it
 * (about 170); the estimates round up.
 */
const ACTION_BYTES = 110;
const OBJECT_BYTES = 180;

/** Estimated request bytes of `objects` new proxies and `actions` actions. */
function cost(objects: number, actions: number): number {
  return objects * OBJECT_BYTES + actions * ACTION_BYTES;
}
/** Rows are written in blocks of about this many bytes, the unit in which large writes are split across syncs. */
const CHUNK_BYTES = 100_000;

const OFFICE_VISIBILITY: Record<SheetVisibility, Excel.SheetVisibility | "Visible" | "Hidden" | "VeryHidden"> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

interface Features {
  calculation: boolean;
  events: boolean;
  conditional: boolean;
  validation: boolean;
  print: boolean;
}

/** What one write has queued so far: the proxies later operations use. */
interface WriteState {
  sheets: Map<string, Excel.Worksheet>;
}

/** One unit of queued work with its estimated request bytes; a sync takes as many as fit in the budget. */
interface Op {
  bytes: number;
  queue(context: Excel.RequestContext, state: WriteState): void;
  /** A chunk of cells: where its filled cells stand and what reading them back will take. */
  extent?: Extent;
}

interface Extent {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** Response bytes of reading the chunk's rows back on ExcelApi 1.9, and its cells (more bytes before 1.9). */
  bytes: number;
  cells: number;
}

interface Backup {
  original: string;
  backup: string;
  visibility: SheetVisibility | undefined;
}

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
  };
  const warnings = featureWarnings(specs, features);
  const cellOps = specs.flatMap((spec) => sheetOps(spec, features));
  const batches = pack(
    [...preludeOps(specs, backups, features), ...cellOps, ...finalOps(specs, backups, features)],
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
    shapes: specs.map((spec) => writtenShape(spec.name, cellOps, readsLean(supports))),
  };
}

/** A written sheet's shape, from the extents of its chunks. */
function writtenShape(name: string, ops: Op[], lean: boolean): SheetShape {
  const extents = ops.flatMap((op) => (op.extent?.sheet === name ? [op.extent] : []));
  if (extents.length === 0) return { name, top: 0, left: 0, rows: 0, columns: 0, bytes: 0 };
  const top = Math.min(...extents.map((e) => e.top));
  const left = Math.min(...extents.map((e) => e.left));
  const rows = Math.max(...extents.map((e) => e.bottom)) - top + 1;
  const columns = Math.max(...extents.map((e) => e.right)) - left + 1;
  const bytes = extents.reduce((sum, e) => sum + e.bytes + (lean ? 0 : e.cells * TYPE_AND_FORMAT_BYTES), 0);
  return { name, top, left, rows, columns, bytes };
}

function lower(name: string): string {
  return name.toLocaleLowerCase("sv");
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

/** A temporary name for a sheet being replaced, unique in the workbook. */
function backupName(index: number, taken: Set<string>): string {
  for (;;) {
    const name = `~mt-ersatts-${index}-${Math.random().toString(36).slice(2, 8)}`;
    if (!taken.has(lower(name))) {
      taken.add(lower(name));
      return name;
    }
  }
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
  return warnings;
}

// ---------------------------------------------------------------------------------------------------------------
// Planning: specs → ops with estimated bytes

function sheetOf(state: WriteState, name: string): Excel.Worksheet {
  const sheet = state.sheets.get(name);
  if (!sheet) throw new Error(`internal: no proxy for sheet ${name}`);
  return sheet;
}

/** Events off, replaced sheets renamed out of the way, new sheets added: always in the first sync. */
function preludeOps(specs: SheetSpec[], backups: Backup[], features: Features): Op[] {
  return [
    {
      // enableEvents; per backup getItem and its name; per new sheet add()
      bytes: cost(1 + 2 * backups.length + specs.length, 1 + backups.length),
      queue(context, state) {
        if (features.events) context.runtime.enableEvents = false;
        for (const { original, backup } of backups) context.workbook.worksheets.getItem(original).name = backup;
        for (const spec of specs) state.sheets.set(spec.name, context.workbook.worksheets.add(spec.name));
      },
    },
  ];
}

/**
 * Protection and visibility of the new sheets, then the removal of the sheets they replace, then events back on.
 * The removal comes last in the last sync: a sync stops at its first failing action, so the old sheets go only once
 * every new one is complete, and if anything fails the rollback gives them back.
 */
function finalOps(specs: SheetSpec[], backups: Backup[], features: Features): Op[] {
  return [
    {
      // per new sheet its protection and visibility; per backup getItem, hiding and delete(); enableEvents
      bytes: cost(specs.length + 2 * backups.length, 1 + 2 * specs.length + 2 * backups.length),
      queue(context, state) {
        for (const spec of specs) {
          const sheet = sheetOf(state, spec.name);
          if (spec.protect) sheet.protection.protect({}, spec.protect.password);
          if (spec.visibility && spec.visibility !== "visible") sheet.visibility = OFFICE_VISIBILITY[spec.visibility];
        }
        for (const { backup, visibility } of backups) {
          const old = context.workbook.worksheets.getItem(backup);
          // Excel refuses to delete a very hidden sheet (OfficeDev/office-js#365).
          if (visibility === undefined || visibility === "veryHidden") old.visibility = "Hidden";
          old.delete();
        }
        if (features.events) context.runtime.enableEvents = true;
      },
    },
  ];
}

/** A sheet's cells in row chunks, then its layout: each chunk is an op, so a large sheet can span syncs. */
function sheetOps(spec: SheetSpec, features: Features): Op[] {
  const ops: Op[] = [];
  for (const block of spec.blocks) {
    let start = 0;
    let bytes = 0;
    block.rows.forEach((cells, r) => {
      bytes += cells.reduce((sum, cell) => sum + estimateCellBytes(cell), 0);
      if (bytes >= CHUNK_BYTES || r === block.rows.length - 1) {
        const op = chunkOp(spec.name, block.top + start, block.left, block.rows.slice(start, r + 1), spec.font);
        if (op) ops.push(op);
        start = r + 1;
        bytes = 0;
      }
    });
  }
  return [...ops, ...layoutOps(spec, features)];
}

function estimateCellBytes(cell: SpecCell | undefined): number {
  if (!cell) return 5;
  const text = typeof cell.value === "string" ? cell.value.length * 1.2 : 12;
  return 16 + text + (cell.formula?.length ?? 0) + (cell.numberFormat?.length ?? 0);
}

/**
 * Bytes reading a written cell back takes beyond its JSON in `values`: an empty cell reads as "" where it was written
 * as null; a number's format in its area of numbers, and each area's own properties; before ExcelApi 1.9, a cell's
 * value type and number format.
 */
const EMPTY_CELL_SAVING = 2;
const NUMBER_FORMAT_BYTES = 12;
const AREA_BYTES = 45;
const TYPE_AND_FORMAT_BYTES = 19;

/**
 * What goes into a cell's `values`, `numberFormat` and `formulas` entries (null: leave as is). TEXT STAYS TEXT:
 * Excel reads a string written through `values` as if typed ("=…" a formula, "001" the number 1, "50%" 0.5,
 * "2024-12-31" a date, "@x" an error), unless the cell's number format is text; so every non-empty string gets "@",
 * queued before its value. A formula cell never gets "@" (Excel would show the formula as text).
 */
export function cellContent(cell: SpecCell | undefined): {
  value: string | number | boolean | null;
  format: string | null;
  formula: string | null;
} {
  if (!cell) return { value: null, format: null, formula: null };
  if (cell.formula !== undefined) {
    const format = cell.numberFormat === TEXT_FORMAT ? null : (cell.numberFormat ?? null);
    return { value: null, format, formula: `=${cell.formula.replace(/^=/, "")}` };
  }
  if (typeof cell.value === "string" && cell.value !== "") {
    return { value: cell.value, format: TEXT_FORMAT, formula: null };
  }
  // "" is an empty cell, as Office.js writes it (ExcelJS stores an empty string; both read back as null).
  return { value: cell.value === "" ? null : cell.value, format: cell.numberFormat ?? null, formula: null };
}

/**
 * `font`: the spec's font name, written over the whole chunk; without one the cells keep the workbook's own font
 * (the Normal style's, i.e. the theme font), which setting bold or a size through Office.js leaves in place.
 */
function chunkOp(sheetName: string, top: number, left: number, rows: SpecCell[][], font?: string): Op | null {
  const width = Math.max(0, ...rows.map((cells) => cells.length));
  if (width === 0) return null;
  const values: (string | number | boolean | null)[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  let hasValue = false;
  let hasFormat = false;
  let hasFormula = false;
  // What reading these cells back will take, counted on the way: filled extent, empty cells, numbers and their areas.
  const filled = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
  let readExtra = 0;
  rows.forEach((cells, r) => {
    const valueRow: (string | number | boolean | null)[] = [];
    const formatRow: (string | null)[] = [];
    const formulaRow: (string | null)[] = [];
    for (let c = 0; c < width; c++) {
      const { value, format, formula } = cellContent(cells[c]);
      valueRow.push(value);
      formatRow.push(format);
      formulaRow.push(formula);
      hasValue ||= value !== null;
      hasFormat ||= format !== null;
      hasFormula ||= formula !== null;
      if (value === null) readExtra -= EMPTY_CELL_SAVING;
      if (typeof value === "number") {
        readExtra += NUMBER_FORMAT_BYTES + (typeof values[r - 1]?.[c] === "number" ? 0 : AREA_BYTES);
      }
      if (value === null && formula === null) continue;
      filled.top = Math.min(filled.top, r);
      filled.left = Math.min(filled.left, c);
      filled.bottom = Math.max(filled.bottom, r);
      filled.right = Math.max(filled.right, c);
    }
    values.push(valueRow);
    formats.push(formatRow);
    formulas.push(formulaRow);
  });
  const rects = styleRectangles(rows, width);
  const valueBytes = cellsJsonBytes(values);
  let bytes = cost(1, 0);
  if (hasFormat) bytes += cost(0, 1) + cellsJsonBytes(formats);
  if (hasValue) bytes += cost(0, 1) + valueBytes;
  if (hasFormula) bytes += cost(0, 1) + cellsJsonBytes(formulas);
  for (const rect of rects) bytes += styleBytes(rect.style);
  if (font) bytes += cost(2, 1);
  const extent: Extent | undefined =
    filled.bottom < 0
      ? undefined
      : {
          sheet: sheetName,
          top: top + filled.top,
          left: left + filled.left,
          bottom: top + filled.bottom,
          right: left + filled.right,
          bytes: valueBytes + readExtra,
          cells: rows.length * width,
        };

  return {
    bytes,
    extent,
    queue(_context, state) {
      const sheet = sheetOf(state, sheetName);
      const range = sheet.getRangeByIndexes(top, left, rows.length, width);
      // Number formats first: the text format must be in place when the strings arrive.
      if (hasFormat) range.numberFormat = formats;
      if (hasValue) range.values = values;
      if (hasFormula) range.formulas = formulas;
      if (font) range.format.font.name = font;
      for (const rect of rects) {
        applyStyle(sheet.getRangeByIndexes(top + rect.top, left + rect.left, rect.rows, rect.cols), rect.style);
      }
    },
  };
}

interface Style {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  unlocked?: boolean;
}

/** The formatting a cell asks for beyond Excel's defaults; null when none. */
function styleOf(cell: SpecCell | undefined): Style | null {
  if (!cell) return null;
  const style: Style = {};
  if (cell.bold) style.bold = true;
  if (cell.italic) style.italic = true;
  if (cell.fontSize) style.size = cell.fontSize;
  if (cell.fontColor) style.color = cell.fontColor.toUpperCase();
  if (cell.fill) style.fill = cell.fill.toUpperCase();
  if (cell.wrap) style.wrap = true;
  if (cell.locked === false) style.unlocked = true;
  return Object.keys(style).length ? style : null;
}

/** A styled rectangle: its range, `format` and the parts of it used (font, fill, protection), and each setting. */
function styleBytes(style: Style): number {
  const font = style.bold || style.italic || style.size || style.color;
  const objects = 2 + (font ? 1 : 0) + (style.fill ? 1 : 0) + (style.unlocked ? 1 : 0);
  return cost(objects, Object.keys(style).length + (style.wrap ? 1 : 0));
}

function applyStyle(range: Excel.Range, style: Style): void {
  const format = range.format;
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size) format.font.size = style.size;
  if (style.color) format.font.color = `#${style.color}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.wrap) {
    format.wrapText = true;
    format.verticalAlignment = "Top";
  }
  if (style.unlocked) format.protection.locked = false;
}

interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
  style: Style;
}

/**
 * Cells with the same formatting as few rectangles as possible (runs along a row, stacked while the rows below
 * repeat them), so formatting costs one range per band rather than one per cell.
 */
function styleRectangles(rows: SpecCell[][], width: number): Rect[] {
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  rows.forEach((cells, r) => {
    const next = new Map<string, Rect>();
    const styles = Array.from({ length: width }, (_, c) => styleOf(cells[c]));
    const keys = styles.map((style) => (style ? JSON.stringify(style) : ""));
    let c = 0;
    while (c < width) {
      const style = styles[c];
      const key = keys[c];
      let end = c + 1;
      while (end < width && keys[end] === key) end++;
      if (style) {
        const runKey = `${c}:${end}:${key}`;
        const above = open.get(runKey);
        if (above) {
          above.rows++;
          next.set(runKey, above);
        } else {
          const rect = { top: r, left: c, rows: 1, cols: end - c, style };
          rects.push(rect);
          next.set(runKey, rect);
        }
      }
      c = end;
    }
    open = next;
  });
  return rects;
}

/** Column widths, row heights, merges, frozen rows, dropdowns, conditional fills, print setup. */
function layoutOps(spec: SheetSpec, features: Features): Op[] {
  const ops: Op[] = [];
  const op = (bytes: number, queue: (sheet: Excel.Worksheet, context: Excel.RequestContext) => void) =>
    ops.push({ bytes, queue: (context, state) => queue(sheetOf(state, spec.name), context) });

  for (const { col, width, hidden } of spec.columnWidths ?? []) {
    op(cost(2, hidden ? 2 : 1), (sheet) => {
      const column = sheet.getRange(`${columnName(col)}:${columnName(col)}`);
      column.format.columnWidth = columnWidthPoints(width);
      if (hidden) column.columnHidden = true;
    });
  }
  // Rows of wrapped text: Excel measures them itself, exactly, in one call over all of them, where a file gets the
  // spec's estimate (and a height per row would be a third of the request). Excel does not fit merged cells, so
  // rows with a merge keep the estimate, set after the fitting.
  const heights = spec.rowHeights ?? [];
  if (heights.length) {
    const merged = mergedRows(spec.merges ?? []);
    const rows = heights.map((h) => h.row);
    op(cost(2, 1), (sheet) => {
      sheet.getRange(`${Math.min(...rows) + 1}:${Math.max(...rows) + 1}`).format.autofitRows();
    });
    for (const { first, last, height } of rowBands(heights.filter((h) => merged.has(h.row)))) {
      op(cost(2, 1), (sheet) => {
        sheet.getRange(`${first + 1}:${last + 1}`).format.rowHeight = height;
      });
    }
  }
  for (const address of spec.merges ?? []) op(cost(1, 1), (sheet) => sheet.getRange(address).merge(false));
  const frozen = spec.frozenRows ?? 0;
  if (frozen > 0) op(cost(1, 1), (sheet) => sheet.freezePanes.freezeRows(frozen));
  if (features.validation) {
    for (const { range, source, prompt } of spec.validations ?? []) {
      // range and dataValidation; the rule, whose source is an argument of its own size; the prompt likewise
      op(cost(2, prompt ? 2 : 1) + source.length + promptBytes(prompt), (sheet) => {
        const validation = sheet.getRange(range).dataValidation;
        validation.rule = { list: { inCellDropDown: true, source: `=${source.replace(/^=/, "")}` } };
        if (prompt) validation.prompt = officePrompt(prompt);
      });
    }
    for (const { range, prompt } of spec.inputMessages ?? []) {
      op(cost(2, 1) + promptBytes(prompt), (sheet) => {
        sheet.getRange(range).dataValidation.prompt = officePrompt(prompt);
      });
    }
  }
  if (features.conditional) {
    // range, conditionalFormats, add(), cellValue, its format, fill and font; two colours and the rule
    for (const fill of spec.conditionalFills ?? []) op(cost(7, 3), (sheet) => conditionalFill(sheet, fill));
  }
  const print = spec.print;
  if (features.print && print) {
    // pageLayout; orientation, paper, titles, zoom, six margins; the footer's three objects and three parts
    op(cost(4, 13) + JSON.stringify(print.footer ?? {}).length, (sheet) => {
      const layout = sheet.pageLayout;
      layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
      layout.paperSize = "A4";
      if (print.titleRows) layout.setPrintTitleRows(absoluteRows(print.titleRows));
      if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (print.scale !== undefined) layout.zoom = { scale: print.scale };
      const margins = print.margins;
      if (margins) {
        // Office.js takes points; the spec's margins are inches.
        layout.topMargin = points(margins.top);
        layout.bottomMargin = points(margins.bottom);
        layout.leftMargin = points(margins.left);
        layout.rightMargin = points(margins.right);
        layout.headerMargin = points(margins.header);
        layout.footerMargin = points(margins.footer);
      }
      const footer = print.footer;
      if (footer) {
        const pages = layout.headersFooters.defaultForAllPages;
        if (footer.left) pages.leftFooter = footerPart(footer.left);
        if (footer.center) pages.centerFooter = footerPart(footer.center);
        if (footer.right) pages.rightFooter = footerPart(footer.right);
      }
    });
    // A manual break above each row that starts a page: horizontalPageBreaks.add puts it before the range's first row.
    for (const row of print.rowBreaks ?? []) {
      if (row > 0) op(cost(2, 1), (sheet) => void sheet.horizontalPageBreaks.add(`A${row + 1}`));
    }
  }
  return ops;
}

/** Inches as points, to a hundredth (0.6 in is 43.2 pt, not 43.199999999999996). */
function points(inches: number): number {
  return Math.round(inches * 72 * 100) / 100;
}

/** A prompt as Office.js takes it (DataValidation.prompt, ExcelApi 1.8). */
function officePrompt(prompt: InputPrompt): Excel.DataValidationPrompt {
  return { showPrompt: true, title: prompt.title, message: prompt.text };
}

function promptBytes(prompt: InputPrompt | undefined): number {
  return prompt ? prompt.title.length + prompt.text.length * 1.2 + 40 : 0;
}

/** Consecutive rows of equal height as one band, so a sheet of similar rows costs a few ranges. */
function rowBands(heights: { row: number; height: number }[]): { first: number; last: number; height: number }[] {
  const bands: { first: number; last: number; height: number }[] = [];
  for (const { row, height } of [...heights].sort((a, b) => a.row - b.row)) {
    const band = bands[bands.length - 1];
    if (band && band.last === row - 1 && band.height === height) band.last = row;
    else bands.push({ first: row, last: row, height });
  }
  return bands;
}

/** The rows (0-based) that merged ranges such as "B1:H2" cover. */
function mergedRows(merges: string[]): Set<number> {
  const rows = new Set<number>();
  for (const address of merges) {
    const [first, last = first] = address.split(":").map((cell) => Number(/\d+/.exec(cell)?.[0]) - 1);
    for (let row = first; row <= last; row++) rows.add(row);
  }
  return rows;
}

/** "1:3" → "$1:$3", the form Office.js print titles take. */
function absoluteRows(rows: string): string {
  return rows.replace(/\$?(\d+)/g, "$$$1");
}

function conditionalFill(sheet: Excel.Worksheet, { range, when, fill, fontColor }: ConditionalFill): void {
  const format = sheet.getRange(range).conditionalFormats.add("CellValue");
  format.cellValue.format.fill.color = `#${fill}`;
  if (fontColor) format.cellValue.format.font.color = `#${fontColor}`;
  format.cellValue.rule =
    "equals" in when
      ? { formula1: `="${when.equals.replace(/"/g, '""')}"`, operator: "EqualTo" }
      : { formula1: `=${when.greaterThan}`, operator: "GreaterThan" };
}

/** Ops in order into syncs of at most `budget` estimated bytes (an op larger than that gets a sync of its own). */
function pack(ops: Op[], budget: number): Op[][] {
  const batches: Op[][] = [];
  let batch: Op[] = [];
  let bytes = 0;
  for (const op of ops) {
    if (batch.length && bytes + op.bytes > budget) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(op);
    bytes += op.bytes;
  }
  if (batch.length) batches.push(batch);
  return batches;
}

// ---------------------------------------------------------------------------------------------------------------
// Rollback

/**
 * Removes what a failed write added and restores the sheets it was replacing. A batch stops at its first failing
 * action with the earlier ones applied, so what exists is read first. A sheet with a new sheet's name is this
 * write's own unless its id was in the workbook before (when the ids are known), or, by name alone, unless it is a
 * replaced sheet that was never renamed (its temporary name is then absent).
 */
async function rollback(
  context: Excel.RequestContext,
  specs: SheetSpec[],
  backups: Backup[],
  existing: ExistingSheet[],
  features: Features,
  sync: (step: ExcelStep) => Promise<void>,
): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  await sync("checkWritten");
  const present = new Map(worksheets.items.map((sheet) => [lower(sheet.name), sheet]));
  const before = existing.every((s) => s.id !== undefined) ? new Set(existing.map((s) => s.id)) : null;
  const renamed = new Set(backups.filter((b) => present.has(lower(b.backup))).map((b) => lower(b.original)));
  const replacedOriginals = new Set(backups.map((b) => lower(b.original)));
  for (const spec of specs) {
    const sheet = present.get(lower(spec.name));
    if (!sheet) continue;
    if (before ? before.has(sheet.id) : replacedOriginals.has(lower(spec.name)) && !renamed.has(lower(spec.name))) {
      continue;
    }
    if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden";
    sheet.delete();
  }
  for (const { original, backup, visibility } of backups) {
    const sheet = present.get(lower(backup));
    if (!sheet) continue;
    sheet.name = original;
    if (visibility) sheet.visibility = OFFICE_VISIBILITY[visibility];
  }
  if (features.events) context.runtime.enableEvents = true;
  await sync("removeNewSheets");
}
