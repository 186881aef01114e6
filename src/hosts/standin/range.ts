/**
 * Range: values, number formats and formulas in and out (checked against the range's shape), its navigation
 * properties, special cells and merged areas; RangeAreas.
 */
import { areaAddress, parseArea } from "./addresses";
import { ClientObject, CollectionProxy } from "./clientObject";
import { coerce } from "./coerce";
import { ConditionalFormatCollectionProxy } from "./conditionalFormats";
import { Context } from "./context";
import { DataValidationProxy } from "./dataValidation";
import { fail } from "./errors";
import { RangeFormatProxy } from "./formats";
import { Area, CellModel, SheetModel } from "./model";
import { specialAreas } from "./specialCells";
import { checkUnprotected } from "./worksheet";

export interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

/** Hides (or shows) the columns or rows `from`–`to` of the target's sheet; a protected sheet refuses. */
function hideSpan(target: RangeTarget, hidden: Set<number>, from: number, to: number, hide: boolean): void {
  checkUnprotected(target.sheet);
  for (let i = from; i <= to; i++) {
    if (hide) hidden.add(i);
    else hidden.delete(i);
  }
}

function cellCount(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

export function forEachCell(
  target: RangeTarget,
  visit: (row: number, col: number, r: number, c: number) => void,
): void {
  const { area } = target;
  if (cellCount(area) > 2_000_000)
    fail("InvalidArgument", "stand-in: formatting whole rows or columns of cells is not modelled.");
  for (let row = area.top; row <= area.bottom; row++) {
    for (let col = area.left; col <= area.right; col++) visit(row, col, row - area.top, col - area.left);
  }
}

/** A 2-D input checked against the range's shape, or one value for every cell. */
function shaped(target: RangeTarget, input: unknown, property: string): (r: number, c: number) => unknown {
  const rows = target.area.bottom - target.area.top + 1;
  const cols = target.area.right - target.area.left + 1;
  if (!Array.isArray(input)) return () => input;
  const fits = input.length === rows && input.every((row) => Array.isArray(row) && row.length === cols);
  if (!fits) {
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
    );
  }
  return (r, c) => (input as unknown[][])[r][c];
}

function writeValue(cell: CellModel, input: unknown, asFormula: boolean): void {
  if (input === null || input === undefined) return;
  if (input === "") {
    cell.value = null;
    delete cell.formula;
    return;
  }
  if (typeof input === "number" || typeof input === "boolean") {
    cell.value = input;
    delete cell.formula;
    return;
  }
  if (typeof input !== "string") fail("InvalidArgument", `Cell value ${JSON.stringify(input)}.`);
  if (cell.numberFormat === "@") {
    cell.value = input;
    delete cell.formula;
    return;
  }
  const typed = coerce(input);
  if (asFormula && typed.formula === undefined && input.startsWith("=")) typed.formula = input;
  cell.value = typed.value;
  if (typed.formula !== undefined) cell.formula = typed.formula;
  else delete cell.formula;
  if (typed.numberFormat && cell.numberFormat === "General") cell.numberFormat = typed.numberFormat;
}

/** A cell as Office.js reads it: errors as their text, empty as "". */
function readValue(cell: CellModel | undefined): string | number | boolean {
  if (!cell || cell.value === null) return "";
  if (typeof cell.value === "object") return cell.value.error;
  return cell.value;
}

function valueType(cell: CellModel | undefined): string {
  if (!cell || cell.value === null) return "Empty";
  if (typeof cell.value === "object") return "Error";
  if (typeof cell.value === "number") return "Double";
  if (typeof cell.value === "boolean") return "Boolean";
  return "String";
}

function grid<V>(target: RangeTarget, read: (cell: CellModel | undefined) => V): V[][] {
  const { sheet, area } = target;
  const rows: V[][] = [];
  for (let row = area.top; row <= area.bottom; row++) {
    const values: V[] = [];
    for (let col = area.left; col <= area.right; col++) values.push(read(sheet.cell(row, col)));
    rows.push(values);
  }
  return rows;
}

export class RangeProxy extends ClientObject<RangeTarget> {
  static readonly getters: Record<string, (target: RangeTarget) => unknown> = {
    values: (target) => grid(target, readValue),
    numberFormat: (target) => grid(target, (cell) => cell?.numberFormat ?? "General"),
    formulas: (target) => grid(target, (cell) => cell?.formula ?? readValue(cell)),
    valueTypes: (target) => grid(target, valueType),
    rowIndex: (target) => target.area.top,
    columnIndex: (target) => target.area.left,
    rowCount: (target) => target.area.bottom - target.area.top + 1,
    columnCount: (target) => target.area.right - target.area.left + 1,
    address: (target) => `${quoteSheet(target.sheet.name)}!${areaAddress(target.area)}`,
  };

  /** An item of a loaded RangeCollection (RangeAreas.areas), bound and with its properties loaded. */
  static loadedFor(context: Context, target: RangeTarget, data: Record<string, unknown>): RangeProxy {
    const proxy = new RangeProxy(context, context.pathId(), () => target, true);
    for (const [name, value] of Object.entries(data)) proxy.loaded.set(name, value);
    return proxy;
  }

  get values(): unknown[][] {
    return this.read("values");
  }

  set values(input: unknown[][]) {
    this.writeCells("Values", input, false);
  }

  get formulas(): unknown[][] {
    return this.read("formulas");
  }

  set formulas(input: unknown[][]) {
    this.writeCells("Formulas", input, true);
  }

  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }

  set numberFormat(input: unknown[][]) {
    this.assign("NumberFormat", input, (target) => {
      checkUnprotected(target.sheet);
      const at = shaped(target, input, "numberFormat");
      forEachCell(target, (row, col, r, c) => {
        const format = at(r, c);
        if (format === null || format === undefined) return;
        if (typeof format !== "string") fail("InvalidArgument", `Number format ${JSON.stringify(format)}.`);
        target.sheet.at(row, col).numberFormat = format === "" ? "General" : format;
      });
    });
  }

  get valueTypes(): string[][] {
    return this.read("valueTypes");
  }

  get rowIndex(): number {
    return this.read("rowIndex");
  }

  get columnIndex(): number {
    return this.read("columnIndex");
  }

  get rowCount(): number {
    return this.read("rowCount");
  }

  get columnCount(): number {
    return this.read("columnCount");
  }

  get address(): string {
    return this.read("address");
  }

  set columnHidden(hidden: boolean) {
    this.assign("ColumnHidden", hidden, (target) =>
      hideSpan(target, target.sheet.hiddenColumns, target.area.left, target.area.right, hidden),
    );
  }

  set rowHidden(hidden: boolean) {
    this.assign("RowHidden", hidden, (target) =>
      hideSpan(target, target.sheet.hiddenRows, target.area.top, target.area.bottom, hidden),
    );
  }

  get format(): RangeFormatProxy {
    return this.child("Format", (id) => new RangeFormatProxy(this.context, id, () => this.live()));
  }

  get dataValidation(): DataValidationProxy {
    return this.child("DataValidation", (id) => new DataValidationProxy(this.context, id, () => oneArea(this.live())));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child(
      "ConditionalFormats",
      (id) => new ConditionalFormatCollectionProxy(this.context, id, () => oneArea(this.live())),
    );
  }

  getSpecialCellsOrNullObject(cellType: string, valueType = "All"): RangeAreasProxy {
    const pathId = this.context.path("GetSpecialCellsOrNullObject", this.pathId, [cellType, valueType]);
    return new RangeAreasProxy(this.context, pathId, () => {
      this.context.requires(9, "Range.getSpecialCellsOrNullObject");
      const target = this.live();
      const areas = specialAreas(target, cellType, valueType);
      return areas.length ? { sheet: target.sheet, areas } : null;
    });
  }

  getIntersectionOrNullObject(other: RangeProxy): RangeProxy {
    const pathId = this.context.path("GetIntersectionOrNullObject", this.pathId, [{ ObjectPathId: other.pathId }]);
    return new RangeProxy(this.context, pathId, () => {
      this.context.requires(4, "Range.getIntersectionOrNullObject");
      const { sheet, area } = this.live();
      const another = other.live();
      if (another.sheet !== sheet) fail("InvalidArgument", "The ranges are on different sheets.");
      const top = Math.max(area.top, another.area.top);
      const left = Math.max(area.left, another.area.left);
      const bottom = Math.min(area.bottom, another.area.bottom);
      const right = Math.min(area.right, another.area.right);
      return top <= bottom && left <= right ? { sheet, area: { top, left, bottom, right } } : null;
    });
  }

  getMergedAreasOrNullObject(): RangeAreasProxy {
    const pathId = this.context.path("GetMergedAreasOrNullObject", this.pathId, []);
    return new RangeAreasProxy(this.context, pathId, () => {
      this.context.requires(13, "Range.getMergedAreasOrNullObject");
      const { sheet, area } = this.live();
      const areas = sheet.merges
        .map(parseArea)
        .filter((m) => m.top >= area.top && m.top <= area.bottom && m.left >= area.left && m.left <= area.right);
      if (areas.length > MAX_MERGED_AREAS) fail("GeneralException", "There was an internal error (merged areas).");
      return areas.length ? { sheet, areas } : null;
    });
  }

  select(): void {
    this.context.action(this.pathId, "Select", [], () => {
      const { sheet, area } = this.live();
      const workbook = this.context.standIn.workbook;
      if (sheet.visibility !== "Visible") fail("InvalidOperation", "The range is on a hidden sheet.");
      workbook.active = sheet;
      workbook.selection = `${quoteSheet(sheet.name)}!${areaAddress(area)}`;
    });
  }

  merge(across = false): void {
    this.context.action(this.pathId, "Merge", [across], () => {
      const target = this.live();
      checkUnprotected(target.sheet);
      if (across) fail("InvalidArgument", "stand-in: merge(across) is not modelled.");
      target.sheet.merges.push(areaAddress(target.area));
    });
  }

  protected loadable() {
    return RangeProxy.getters;
  }

  protected override loadOwn(names: string[]): void {
    // Excel refuses to read more than 5 million cells at once, before it reads any.
    this.context.queue.push({
      wire: null,
      run: () => {
        const cellsLoaded = names.some((n) => ["values", "numberFormat", "formulas", "valueTypes"].includes(n));
        if (cellsLoaded && this.target !== null) this.context.countCellsRead(cellCount(this.live().area));
      },
    });
    super.loadOwn(names);
  }

  private writeCells(name: string, input: unknown, asFormula: boolean): void {
    this.assign(name, input, (target) => {
      checkUnprotected(target.sheet);
      const at = shaped(target, input, name);
      forEachCell(target, (row, col, r, c) => {
        const value = at(r, c);
        if (value !== null && value !== undefined) writeValue(target.sheet.at(row, col), value, asFormula);
      });
    });
  }
}

/** What a RangeAreas stands for; a Range's data validation and conditional formats are those of its one area. */
export interface AreasTarget {
  sheet: SheetModel;
  areas: Area[];
}

function oneArea({ sheet, area }: RangeTarget): AreasTarget {
  return { sheet, areas: [area] };
}

/** Range.getMergedAreasOrNullObject fails for a range with more merged areas (Office.js's reference says so). */
const MAX_MERGED_AREAS = 512;

/**
 * RangeAreas [1.9]: Worksheet.getRanges's, Range.getSpecialCellsOrNullObject's [1.9] and getMergedAreasOrNullObject's
 * [1.13] result: its `areas`, and a data validation and conditional formats over every area.
 */
export class RangeAreasProxy extends ClientObject<AreasTarget> {
  get areas(): RangeCollectionProxy {
    // Loading "areas/items/…" on a null RangeAreas loads nothing; reading it afterwards is the caller's error.
    return this.child("Areas", (id) => new RangeCollectionProxy(this.context, id, () => this.target ?? null));
  }

  get dataValidation(): DataValidationProxy {
    return this.child("DataValidation", (id) => new DataValidationProxy(this.context, id, () => this.live()));
  }

  get conditionalFormats(): ConditionalFormatCollectionProxy {
    return this.child(
      "ConditionalFormats",
      (id) => new ConditionalFormatCollectionProxy(this.context, id, () => this.live()),
    );
  }

  protected loadable() {
    return {};
  }
}

/** RangeAreas.areas: load("items/…") with Range's properties. */
class RangeCollectionProxy extends CollectionProxy<AreasTarget> {
  get items(): RangeProxy[] {
    return this.read("items");
  }

  protected loadable() {
    return {};
  }

  protected override loadOwn(names: string[]): void {
    const properties = names.map((name) => name.replace(/^items\//, ""));
    for (const property of properties) {
      if (!RangeProxy.getters[property])
        fail("InvalidArgument", `The property '${property}' cannot be loaded on areas.`);
    }
    const cellsLoaded = properties.some((p) => ["values", "numberFormat", "formulas", "valueTypes"].includes(p));
    this.context.action(this.pathId, "Load", [names.join(",")], () => {
      if (this.target === null) return;
      const { sheet, areas } = this.live();
      const targets = areas.map((area) => ({ sheet, area }));
      if (cellsLoaded) this.context.countCellsRead(targets.reduce((sum, t) => sum + cellCount(t.area), 0));
      const data = targets.map((t) => Object.fromEntries(properties.map((p) => [p, RangeProxy.getters[p](t)])));
      this.context.respond({ items: data }, () => {
        this.loaded.set(
          "items",
          targets.map((t, i) => RangeProxy.loadedFor(this.context, t, data[i])),
        );
      });
    });
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
