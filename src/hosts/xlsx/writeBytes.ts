/**
 * The xlsx host's write verb on bytes: a WorkbookSpec → an .xlsx workbook through ExcelJS, in memory. Node-free, so
 * the CLI (write.ts adds the file system) and the task pane's file worker (one workbook per nämnd) write the same.
 * Strings are written as strings (ExcelJS never interprets them), so text that looks like a formula, a number, a date
 * or a percentage stays text.
 */
import ExcelJS from "exceljs";
import { withCharts } from "./charts/addCharts";
import { SheetFilter, withFilterNames } from "./filterNames";
import { areasOf } from "../../sheet/areas";
import { columnIndex } from "../../sheet/grid";
import { footerCode } from "../../sheet/print";
import { isValidSheetName } from "../../sheet/sheetName";
import { DEFAULT_FONT } from "../../sheet/spec";
import type { InputPrompt, SheetSpec, SpecCell, WorkbookSpec } from "../../sheet/spec";

/**
 * A password's `sheetProtection` (salt and hash) as ExcelJS made it for the first sheet it protected. One run that
 * writes several workbooks (a set per nämnd) passes one, so that the password is hashed once, not once per workbook.
 */
export type ProtectionHashes = Map<string, object>;

/** Builds the workbook in memory; no I/O. */
export function buildWorkbook(spec: WorkbookSpec, protections: ProtectionHashes = new Map()): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Måltavlan";
  addSheets(workbook, spec.sheets, protections);
  return workbook;
}

/** Adds `specs` as new worksheets of `workbook`: one style cache for them, one hash per password (`protections`). */
export function addSheets(
  workbook: ExcelJS.Workbook,
  specs: SheetSpec[],
  protections: ProtectionHashes = new Map(),
): void {
  const caches: WriteCaches = { styles: new Map(), protections };
  for (const sheetSpec of specs) addSheet(workbook, sheetSpec, caches);
}

interface WriteCaches {
  styles: StyleCache;
  protections: ProtectionHashes;
}

/**
 * The .xlsx file's bytes, with the sheets' charts (which ExcelJS cannot write) and their autofilters' names (which
 * it leaves out) added to what ExcelJS wrote.
 */
export async function workbookBytes(spec: WorkbookSpec, protections?: ProtectionHashes): Promise<Uint8Array> {
  const written = new Uint8Array(await buildWorkbook(spec, protections).xlsx.writeBuffer());
  const charted = await withCharts(
    written,
    spec.sheets.map((sheet) => ({ sheet: sheet.name, charts: sheet.charts ?? [] })),
  );
  return withFilterNames(charted, sheetFilters(spec.sheets));
}

/** The sheets' autofilters, for withFilterNames. */
export function sheetFilters(specs: SheetSpec[]): SheetFilter[] {
  return specs.flatMap((sheet) => (sheet.autoFilter ? [{ sheet: sheet.name, range: sheet.autoFilter }] : []));
}

function addSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, { styles, protections }: WriteCaches): void {
  const frozen = spec.frozenRows ?? 0;
  const sheet = workbook.addWorksheet(checkedSheetName(workbook, spec.name), {
    state: spec.visibility ?? "visible",
    views: frozen > 0 ? [{ state: "frozen", xSplit: 0, ySplit: frozen }] : [],
  });

  const font = spec.font ?? DEFAULT_FONT;
  for (const block of spec.blocks) {
    block.rows.forEach((cells, r) => {
      cells.forEach((cellSpec, c) =>
        writeCell(sheet.getCell(block.top + r + 1, block.left + c + 1), cellSpec, font, styles),
      );
    });
  }

  for (const { col, width, hidden } of spec.columnWidths ?? []) {
    const column = sheet.getColumn(col + 1);
    column.width = width;
    if (hidden) column.hidden = true;
  }
  for (const row of spec.hiddenRows ?? []) sheet.getRow(row + 1).hidden = true;

  const validations = (sheet as unknown as SheetWithValidations).dataValidations;
  // ExcelJS 4.4 accepts an area's address here (written as one sqref) though its typings only expose per-cell
  // `cell.dataValidation`; an address of several areas makes its writer throw, so each area is a validation of its own.
  for (const { range, source, prompt } of spec.validations ?? []) {
    for (const area of areasOf(range)) {
      validations.add(area, {
        type: "list",
        allowBlank: true,
        formulae: [source.replace(/^=/, "")],
        showErrorMessage: true,
        ...promptOf(prompt),
      });
    }
  }
  // An input message alone is a validation that allows any value ("any": no criteria) and shows a prompt.
  for (const { range, prompt } of spec.inputMessages ?? []) {
    for (const area of areasOf(range)) {
      validations.add(area, {
        type: "any",
        allowBlank: true,
        formulae: [],
        ...promptOf(prompt),
      } as ExcelJS.DataValidation);
    }
  }

  for (const { row, height } of spec.rowHeights ?? []) sheet.getRow(row + 1).height = height;

  mergeAll(sheet as unknown as MergingSheet, spec.merges ?? []);

  for (const { range, when, fill, fontColor } of spec.conditionalFills ?? []) {
    const [operator, formula] =
      "equals" in when
        ? (["equal", `"${when.equals.replace(/"/g, '""')}"`] as const)
        : (["greaterThan", String(when.greaterThan)] as const);
    sheet.addConditionalFormatting({
      ref: areasOf(range).join(" "), // one rule over every area: a sqref's areas are separated by spaces
      rules: [
        {
          type: "cellIs",
          operator,
          priority: 1,
          formulae: [formula],
          style: {
            fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${fill}` } },
            ...(fontColor ? { font: { color: { argb: `FF${fontColor}` } } } : {}),
          },
        },
      ],
    });
  }

  const print = spec.print;
  if (print) {
    sheet.pageSetup = {
      ...sheet.pageSetup,
      orientation: print.orientation,
      paperSize: 9, // A4
      printTitlesRow: print.titleRows,
      ...(print.fitToWidth ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      ...(print.scale !== undefined ? { fitToPage: false, scale: print.scale } : {}),
      ...(print.margins ? { margins: { ...print.margins } } : {}),
    };
    // A break after (1-based) row r starts the page at 0-based row r.
    for (const row of print.rowBreaks ?? []) if (row > 0) sheet.getRow(row).addPageBreak();
    if (print.footer) sheet.headerFooter = { ...sheet.headerFooter, oddFooter: footerCode(print.footer) };
  }

  if (spec.autoFilter) sheet.autoFilter = spec.autoFilter;

  if (spec.protect) protect(sheet as unknown as ProtectableSheet, spec.protect.password ?? "", protections);
}

interface MergingSheet extends ExcelJS.Worksheet {
  _merges: Record<string, unknown>;
}

/**
 * Merges `ranges`, which must not overlap (checked here, cell by cell). ExcelJS checks each new merge against every
 * merge already on the sheet: on a report with 20 000 merged uppdrag rows that was 200 million checks and 40 % of
 * consolidate's time. So each merge is made against an empty list, by ExcelJS's own code, and then added to the rest.
 */
function mergeAll(sheet: MergingSheet, ranges: string[]): void {
  const covered = new Set<string>();
  const merges = sheet._merges;
  for (const range of ranges) {
    const [top, left, bottom, right] = rangeBounds(range);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        if (covered.has(`${r},${c}`)) throw new Error(`Overlapping merged ranges at ${range}`);
        covered.add(`${r},${c}`);
      }
    }
    sheet._merges = {};
    sheet.mergeCells(range);
    Object.assign(merges, sheet._merges);
  }
  sheet._merges = merges;
}

/** "B3:H3" → [top, left, bottom, right], 1-based. */
function rangeBounds(range: string): [number, number, number, number] {
  const [from, to = from] = range.split(":");
  const at = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell)!;
    return [Number(m[2]), columnIndex(m[1]) + 1];
  };
  const [top, left] = at(from);
  const [bottom, right] = at(to);
  return [top, left, bottom, right];
}

interface ProtectableSheet extends ExcelJS.Worksheet {
  sheetProtection: object;
}

/**
 * The sheets a run writes share a password's salt and hash: ExcelJS spins SHA-512 100 000 times per sheet, which
 * made a password cost seconds on a plan with many nämnder. Excel checks each sheet's hash against its own salt.
 */
function protect(sheet: ProtectableSheet, password: string, protections: ProtectionHashes): void {
  const made = protections.get(password);
  if (made) {
    sheet.sheetProtection = { ...made };
    return;
  }
  // ExcelJS's protect() is declared async, but sets `sheetProtection` synchronously inside its Promise executor.
  void sheet.protect(password, {});
  protections.set(password, { ...sheet.sheetProtection });
}

interface SheetWithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

/** A prompt as ExcelJS writes it (`showInputMessage`, `promptTitle`, `prompt`). */
function promptOf(prompt: InputPrompt | undefined): Partial<ExcelJS.DataValidation> {
  return prompt ? { showInputMessage: true, promptTitle: prompt.title, prompt: prompt.text } : {};
}

function writeCell(cell: ExcelJS.Cell, spec: SpecCell, font: string, styles: StyleCache): void {
  if (spec.formula !== undefined) {
    const formula = spec.formula.replace(/^=/, "");
    cell.value = spec.value === null ? { formula } : { formula, result: spec.value as number | string | boolean };
  } else {
    cell.value = spec.value;
  }
  cell.style = styleOf(spec, font, styles);
}

/**
 * One style object per distinct look: ExcelJS writes a style once for every object it is given, so sharing them
 * keeps a sheet of a hundred thousand cells from carrying a hundred thousand styles.
 */
type StyleCache = Map<string, Partial<ExcelJS.Style>>;

/**
 * Every cell gets a font with a name (and a size): a font with only bold or italic set makes LibreOffice fall back
 * to a serif.
 */
function styleOf(spec: SpecCell, font: string, styles: StyleCache): Partial<ExcelJS.Style> {
  const { numberFormat, bold, italic, fontSize, fontColor, fill, wrap, alignTop, locked } = spec;
  const top = alignTop && !wrap;
  const key = JSON.stringify([font, numberFormat, bold, italic, fontSize, fontColor, fill, wrap, top, locked]);
  let style = styles.get(key);
  if (!style) {
    style = {};
    if (numberFormat !== undefined) style.numFmt = numberFormat;
    style.font = {
      name: font,
      family: 2,
      size: fontSize ?? 11,
      ...(bold ? { bold } : {}),
      ...(italic ? { italic } : {}),
      ...(fontColor ? { color: { argb: `FF${fontColor}` } } : {}),
    };
    if (fill !== undefined)
      style.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${fill.toUpperCase()}` } };
    if (wrap) style.alignment = { wrapText: true, vertical: "top" };
    else if (top) style.alignment = { vertical: "top" };
    if (locked !== undefined) style.protection = { locked };
    styles.set(key, style);
  }
  return style;
}

/** The core validates sheet names; this guard only stops ExcelJS from silently truncating or renaming one. */
function checkedSheetName(workbook: ExcelJS.Workbook, name: string): string {
  const valid =
    isValidSheetName(name) && !workbook.worksheets.some((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
  if (!valid) throw new Error(`Ogiltigt eller upprepat bladnamn: "${name}"`);
  return name;
}
