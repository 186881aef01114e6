/**
 * The workbook model behind the proxies: sheets, cells with their formats, validations, conditional formats,
 * layout and protection, changed only when a sync applies its queue.
 */
import { cellAt, parseAreas } from "./addresses";
import { fail } from "./errors";

export type ModelValue = string | number | boolean | { error: string } | null;

export interface CellModel {
  value: ModelValue;
  /** With a leading "=". */
  formula?: string;
  numberFormat: string;
  locked: boolean;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** "#RRGGBB" */
  color?: string;
  /** "#RRGGBB" */
  fill?: string;
  wrap?: boolean;
  verticalAlignment?: string;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface ValidationModel {
  range: string;
  /** Absent: the range has only an input message (any value is allowed). */
  rule?: { list: { inCellDropDown: boolean; source: string } };
  prompt?: { showPrompt: boolean; title: string; message: string };
}

export interface ConditionalFormatModel {
  range: string;
  type: "CellValue" | "Custom";
  rule?: { formula1: string; formula2?: string; operator: string };
  /** A Custom format's rule formula. */
  formula?: string;
  fill?: string;
  fontColor?: string;
}

/** A chart (ChartCollection.add): its series' ranges as "Sheet!B4:B9", colours as "#RRGGBB". */
export interface ChartModel {
  type: string;
  title?: string;
  legend?: boolean;
  /** The cells it covers, "A14:F29". */
  position?: string;
  /** The category axis's order reversed (reversePlotOrder): a bar chart's first category at the top. */
  reversedCategories?: boolean;
  series: SeriesModel[];
}

export interface SeriesModel {
  name: string;
  values?: string;
  categories?: string;
  color?: string;
  /** Fills of single points, by 0-based index. */
  pointColors?: Record<number, string>;
}

export class SheetModel {
  readonly cells = new Map<number, CellModel>();
  /** Points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** By 0-based row. */
  readonly hiddenRows = new Set<number>();
  /** Points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  /** Rows whose height Excel fits to their content (RangeFormat.autofitRows); a height set later replaces it. */
  readonly fittedRows = new Set<number>();
  /** A1 addresses, e.g. "B1:H1". */
  readonly merges: string[] = [];
  frozenRows = 0;
  readonly validations: ValidationModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly charts: ChartModel[] = [];
  protection: { protected: boolean; password?: string; options?: unknown } = { protected: false };
  readonly pageLayout: {
    orientation?: string;
    paperSize?: string;
    printTitleRows?: string;
    zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
    /** Points. */
    margins?: Partial<Record<"top" | "bottom" | "left" | "right" | "header" | "footer", number>>;
    footer?: { left?: string; center?: string; right?: string };
  } = {};
  /** The autofilter's range ("A3:I64"), or null when the sheet has none. */
  autoFilter: string | null = null;
  /** 0-based rows with a manual page break above them, in the order added. */
  readonly rowBreaks: number[] = [];
  deleted = false;

  constructor(
    public name: string,
    public visibility: Visibility,
    readonly id: string,
  ) {}

  static key(row: number, col: number): number {
    return row * MAX_COLS + col;
  }

  cell(address: string): CellModel | undefined;
  cell(row: number, col: number): CellModel | undefined;
  cell(a: string | number, b?: number): CellModel | undefined {
    const [row, col] = typeof a === "string" ? cellAt(a) : [a, b as number];
    return this.cells.get(SheetModel.key(row, col));
  }

  /** The cell, created with Excel's defaults when absent. */
  at(row: number, col: number): CellModel {
    const key = SheetModel.key(row, col);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: null, numberFormat: "General", locked: true };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Puts a value straight into the model (no coercion): for building a workbook a test then reads. */
  put(address: string, value: ModelValue, extra: Partial<CellModel> = {}): this {
    const [row, col] = cellAt(address);
    Object.assign(this.at(row, col), { value }, extra);
    return this;
  }

  /**
   * The validation of a cell (the last set over it, as a later rule replaces an earlier one cell by cell), whichever
   * area of its range the cell is in; undefined when it has none.
   */
  validationAt(address: string): ValidationModel | undefined {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      if (covers(this.validations[i].range, address)) return this.validations[i];
    }
    return undefined;
  }

  /** The conditional formats that apply to a cell, from any area of their range, in the order added. */
  conditionalFormatsAt(address: string): ConditionalFormatModel[] {
    return this.conditionalFormats.filter((format) => covers(format.range, address));
  }

  /** The bounding box of cells with a value or formula (or, with `valuesOnly` false, any formatting); null if none. */
  usedArea(valuesOnly: boolean): Area | null {
    // forEach, not for-of over entries: the tests read sheets of 100 000s of cells many times, and an entry pair per
    // cell made this the stand-in's costliest loop.
    let top = MAX_ROWS;
    let left = MAX_COLS;
    let bottom = -1;
    let right = -1;
    this.cells.forEach((cell, key) => {
      const hasContent = cell.value !== null || cell.formula !== undefined;
      if (!hasContent && (valuesOnly || isDefaultCell(cell))) return;
      const row = Math.floor(key / MAX_COLS);
      const col = key - row * MAX_COLS;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (col < left) left = col;
      if (col > right) right = col;
    });
    return bottom < 0 ? null : { top, left, bottom, right };
  }
}

/** Whether a cell is in one of the areas of `range`. */
function covers(range: string, address: string): boolean {
  const [row, col] = cellAt(address);
  return parseAreas(range).some((a) => a.top <= row && row <= a.bottom && a.left <= col && col <= a.right);
}

function isDefaultCell(cell: CellModel): boolean {
  return (
    cell.numberFormat === "General" &&
    cell.locked &&
    !cell.bold &&
    !cell.italic &&
    cell.size === undefined &&
    cell.color === undefined &&
    cell.fill === undefined &&
    !cell.wrap
  );
}

export class StandInWorkbook {
  readonly sheets: SheetModel[] = [];
  enableEvents = true;
  /** The sheet shown (Worksheet.activate) and the range selected (Range.select) in the Excel UI. */
  active: SheetModel | null = null;
  selection: string | null = null;
  private nextId = 1;

  addSheet(name: string, visibility: Visibility = "Visible"): SheetModel {
    checkSheetName(this, name);
    const sheet = new SheetModel(name, visibility, `{stand-in-sheet-${this.nextId++}}`);
    this.sheets.push(sheet);
    return sheet;
  }

  find(name: string): SheetModel | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  sheet(name: string): SheetModel {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`stand-in: no sheet named ${name}`);
    return sheet;
  }

  remove(sheet: SheetModel): void {
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    sheet.deleted = true;
  }

  /** A default name for `add()` without one, as Excel gives it ("Blad1" in Swedish Excel). */
  defaultName(): string {
    for (let n = this.sheets.length + 1; ; n++) if (!this.find(`Blad${n}`)) return `Blad${n}`;
  }
}

export function checkSheetName(workbook: StandInWorkbook, name: unknown, self?: SheetModel): asserts name is string {
  if (
    typeof name !== "string" ||
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'")
  ) {
    fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (sheet name ${name}).`);
  }
  const other = workbook.find(name);
  if (other && other !== self) fail("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
}
