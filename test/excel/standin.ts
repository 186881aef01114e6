/**
 * A STRICT in-memory stand-in for the part of the Excel JavaScript API (Office.js) that src/hosts/excel uses, so the
 * Excel host is tested without Excel and a host that breaks an Office.js rule fails its tests.
 *
 * The subset (ExcelApi requirement set in brackets; anything above the stand-in's `apiVersion` fails at sync with
 * ApiNotFound, so degrading below 1.8/1.9 is testable):
 *   RequestContext: workbook, application, runtime, sync()
 *   Application: suspendApiCalculationUntilNextSync() [1.6]
 *   Runtime: enableEvents (load, set) [1.8]
 *   Workbook: worksheets, application
 *   WorksheetCollection: items, load("items/…"), add(name), getItem(name), getItemOrNullObject(name)
 *   Worksheet: name, visibility, id (load, set name/visibility), activate(), delete(), getRange(address),
 *     getRangeByIndexes(row, col, rows, cols) [1.7], getUsedRangeOrNullObject(valuesOnly) [1.4],
 *     getUsedRange(valuesOnly) [1.1] (a blank sheet gives its top-left cell, as Excel documents), protection,
 *     freezePanes.freezeRows(n) [1.7], pageLayout [1.9], horizontalPageBreaks.add(range) [1.9]
 *   WorksheetProtection: protected (load), protect(options, password) [1.2; password 1.7], unprotect(password)
 *   PageLayout [1.9]: orientation, paperSize, zoom (set), setPrintTitleRows(address), topMargin, bottomMargin,
 *     leftMargin, rightMargin, headerMargin, footerMargin (set, points),
 *     headersFooters.defaultForAllPages.{left,center,right}Footer (set)
 *   Range: values, numberFormat, formulas (load, set; 2-D arrays or one value for all cells), valueTypes, rowIndex,
 *     columnIndex, rowCount, columnCount, address (load), columnHidden (set) [1.2], merge(across) [1.2], select(),
 *     format, dataValidation [1.8], conditionalFormats [1.6],
 *     getSpecialCellsOrNullObject("Constants" | "Formulas", "All" | "Errors" | "Logical" | "Numbers" | "Text") [1.9],
 *     getIntersectionOrNullObject(range) [1.4] (a range of another sheet: InvalidArgument),
 *     getMergedAreasOrNullObject() [1.13] (the merged areas whose top-left cell is in the range, as Excel gives them;
 *     more than 512 fail the sync with GeneralException: Excel documents the limit, not its error code)
 *   RangeAreas [1.9]: isNullObject, load("areas/items/…") with Range's properties above, areas.items
 *   RangeFormat: columnWidth, rowHeight, autofitRows(), wrapText, verticalAlignment, font {bold, italic, size,
 *     color}, fill {color}, protection {locked} [1.2]
 *   DataValidation [1.8]: rule = { list: { inCellDropDown, source } }, prompt = { showPrompt, title, message }
 *     (title at most 32 characters, message at most 255, as Excel checks them)
 *   ConditionalFormatCollection [1.6]: add("CellValue") → cellValue { format { fill.color, font.color }, rule }
 *   ClientObject: load(names | array), isNullObject (after a sync)
 *
 * Strictness, as Excel (on the web, where the limits are tightest) behaves:
 * - Proxies queue; nothing happens before context.sync(). A sync applies the queue in order and stops at the first
 *   failing action, with the earlier ones applied (batches are not transactions).
 * - Reading a property before load() + sync() throws PropertyNotLoaded; so does isNullObject before a sync.
 * - Every sync's request and response is measured as JSON (actions and object paths shaped like Office.js's own,
 *   each new object path with the action that instantiates it);
 *   over 5 MB fails with RequestPayloadSizeLimitExceeded or ResponsePayloadSizeLimitExceeded (the Office docs name
 *   the response case separately); a read of over 5 million cells with RangeExceedsLimit.
 * - getItem of a missing sheet: ItemNotFound. A bad sheet name (empty, > 31 characters, : \ / ? * [ ], leading or
 *   trailing apostrophe): InvalidArgument; a name taken, ignoring case: ItemAlreadyExists (Excel's code for it).
 * - protect() on a protected sheet and unprotect() on an unprotected one: AccessDenied; so is changing cells,
 *   formats or layout of a protected sheet. Deleting a very hidden sheet: GeneralException (OfficeDev/office-js#365).
 *   Hiding or deleting the last visible sheet: InvalidOperation.
 * - Arrays whose shape differs from the range: InvalidArgument. A list source that is not "=" + a reference to an
 *   existing sheet: InvalidArgument.
 * - Strings written through `values` or `formulas` into a cell whose number format is not "@" are COERCED as Excel
 *   reads typed input: "=…" a formula, "+46" / "-5" / "001" / " 12 " numbers, "50%" 0.5 (format 0%), "2024-12-31" a
 *   date serial (format yyyy-mm-dd), "TRUE" a boolean, "#REF!" an error, "@x" and "+x" formulas giving #NAME?,
 *   "'x" the text x. In a "@" cell a string stays as written (a formula too: it is shown, not calculated).
 * - Formulas are not calculated: a formula cell's value is what a test put there (null when written via the API).
 */

// ---------------------------------------------------------------------------------------------------------------
// Errors

export class StandInError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

function fail(code: string, message: string): never {
  throw new StandInError(code, message);
}

// ---------------------------------------------------------------------------------------------------------------
// The workbook model

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

export class SheetModel {
  readonly cells = new Map<number, CellModel>();
  /** Points, by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** Points, by 0-based row. */
  readonly rowHeights = new Map<number, number>();
  /** Rows whose height Excel fits to their content (RangeFormat.autofitRows); a height set later replaces it. */
  readonly fittedRows = new Set<number>();
  /** A1 addresses, e.g. "B1:H1". */
  readonly merges: string[] = [];
  frozenRows = 0;
  readonly validations: ValidationModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
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

  /** The bounding box of cells with a value or formula (or, with `valuesOnly` false, any formatting); null if none. */
  usedArea(valuesOnly: boolean): Area | null {
    let area: Area | null = null;
    for (const [key, cell] of this.cells) {
      const hasContent = cell.value !== null || cell.formula !== undefined;
      if (!hasContent && (valuesOnly || isDefaultCell(cell))) continue;
      const row = Math.floor(key / MAX_COLS);
      const col = key % MAX_COLS;
      if (!area) area = { top: row, left: col, bottom: row, right: col };
      else {
        area.top = Math.min(area.top, row);
        area.left = Math.min(area.left, col);
        area.bottom = Math.max(area.bottom, row);
        area.right = Math.max(area.right, col);
      }
    }
    return area;
  }
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

function checkSheetName(workbook: StandInWorkbook, name: unknown, self?: SheetModel): asserts name is string {
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

// ---------------------------------------------------------------------------------------------------------------
// Addresses

function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function columnLetters(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellAt(address: string): [number, number] {
  const area = parseArea(address);
  return [area.top, area.left];
}

/** "B7", "B2:E2", "$A$3:$A$6", "A:C", "$1:$3" → a 0-based inclusive area; InvalidArgument otherwise. */
export function parseArea(address: string): Area {
  const part = (text: string): { row?: number; col?: number } | null => {
    const match = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text);
    if (!match || (!match[1] && !match[2])) return null;
    return {
      col: match[1] ? columnIndex(match[1]) : undefined,
      row: match[2] ? Number(match[2]) - 1 : undefined,
    };
  };
  const [first, second = first, extra] = address.split(":");
  const a = part(first);
  const b = part(second);
  const bad: () => never = () =>
    fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${address}).`);
  if (extra !== undefined || !a || !b) bad();
  const wholeRows = a.col === undefined && b.col === undefined;
  const wholeCols = a.row === undefined && b.row === undefined;
  if (
    !wholeRows &&
    !wholeCols &&
    (a.col === undefined || a.row === undefined || b.col === undefined || b.row === undefined)
  )
    bad();
  if ((wholeRows || wholeCols) && !address.includes(":")) bad();
  const area: Area = {
    top: wholeCols ? 0 : (a.row as number),
    left: wholeRows ? 0 : (a.col as number),
    bottom: wholeCols ? MAX_ROWS - 1 : (b.row as number),
    right: wholeRows ? MAX_COLS - 1 : (b.col as number),
  };
  if (area.top < 0 || area.left < 0 || area.bottom >= MAX_ROWS || area.right >= MAX_COLS) bad();
  if (area.bottom < area.top || area.right < area.left) {
    [area.top, area.bottom] = [Math.min(area.top, area.bottom), Math.max(area.top, area.bottom)];
    [area.left, area.right] = [Math.min(area.left, area.right), Math.max(area.left, area.right)];
  }
  return area;
}

export function areaAddress(area: Area): string {
  if (area.left === 0 && area.right === MAX_COLS - 1) return `${area.top + 1}:${area.bottom + 1}`;
  if (area.top === 0 && area.bottom === MAX_ROWS - 1) return `${columnLetters(area.left)}:${columnLetters(area.right)}`;
  const start = `${columnLetters(area.left)}${area.top + 1}`;
  const end = `${columnLetters(area.right)}${area.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** "='Måltavlan listor'!$A$3:$A$6" → sheet and area; null when it is no sheet-qualified or local reference. */
function parseReference(formula: string): { sheet?: string; area: Area } | null {
  const match = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(formula) ?? /^=()()([$A-Za-z0-9:]+)$/.exec(formula);
  if (!match) return null;
  const sheet = match[1] ? match[1].replace(/''/g, "'") : match[2] || undefined;
  try {
    return { sheet, area: parseArea(match[3]) };
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Coercion: how Excel reads a string written through `values` into a cell not formatted as text

const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"];

export function coerce(text: string): { value: ModelValue; formula?: string; numberFormat?: string } {
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=")) return { value: null, formula: text };
  const trimmed = text.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return { value: Number(trimmed) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)%$/.test(trimmed)) {
    return { value: Number(trimmed.slice(0, -1)) / 100, numberFormat: "0%" };
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  if (iso) {
    const [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day) {
      return { value: date.getTime() / 86_400_000 + 25569, numberFormat: "yyyy-mm-dd" };
    }
  }
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  if (ERROR_LITERALS.includes(trimmed.toUpperCase())) return { value: { error: trimmed.toUpperCase() } };
  // "@x" (implicit intersection) and "+x"/"-x" are read as formulas; with an unknown name they give #NAME?.
  if (/^[@+-]/.test(text)) return { value: { error: "#NAME?" }, formula: `=${text}` };
  return { value: text };
}

// ---------------------------------------------------------------------------------------------------------------
// Requests: actions and object paths, applied at sync

interface Action {
  /** What Office.js would send for it: measured, never interpreted. */
  wire: unknown;
  run(): void;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  calculationSuspended: boolean;
  /** Values assigned to Runtime.enableEvents in this sync, in order. */
  eventsSet: boolean[];
  error?: string;
}

export interface Injection {
  /** 1-based number of the sync to act on. */
  sync: number;
  /** The sync never resolves (nothing is applied). */
  hang?: boolean;
  /** Apply this many actions, then fail with `code`. */
  afterActions?: number;
  code?: string;
}

export interface StandInOptions {
  /** Highest ExcelApi 1.x minor version supported (default 17: Office 2024). */
  apiVersion?: number;
  requestLimit?: number;
  responseLimit?: number;
  /** Sheets the workbook starts with (default one visible "Blad1"). */
  sheets?: string[];
}

/** Excel on the web's cap on a request and a response; 5 MB read strictly (decimal), in UTF-8 bytes. */
export const PAYLOAD_LIMIT = 5_000_000;

/**
 * UTF-8 bytes of `text`: Node's Buffer.byteLength under Node; in a browser (the preview, which has no Buffer) counted
 * as TextEncoder would encode it, without building the bytes: a lone surrogate becomes U+FFFD, 3 bytes.
 */
function utf8Bytes(text: string): number {
  if (typeof Buffer !== "undefined") return Buffer.byteLength(text, "utf8");
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a surrogate pair: 4 bytes for 2 code units
      i++;
    } else bytes += 2;
  }
  return bytes;
}

class Context {
  queue: Action[] = [];
  private nextPath = 1;
  private pendingLoads: (() => void)[] = [];
  private created: Tracked[] = [];
  private responseBytes = 0;
  private cellsRead = 0;
  private suspended = false;
  /** The record of the sync being applied. */
  record: SyncRecord | null = null;
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly runtime: RuntimeProxy;

  constructor(readonly standIn: StandIn) {
    // The root objects always exist: bound now, whatever becomes of the first sync.
    this.workbook = new WorkbookProxy(this, this.pathId(), () => standIn.workbook, true);
    this.application = new ApplicationProxy(this, this.pathId(), () => standIn.workbook, true);
    this.runtime = new RuntimeProxy(this, this.pathId(), () => standIn.workbook, true);
  }

  /** An object path id for an object that needs no request (an item of a loaded collection). */
  pathId(): number {
    return this.nextPath++;
  }

  /** A new object path id; its creation is part of the request: the path, and the action instantiating it. */
  path(name: string, parent: number | null, args: unknown[]): number {
    const id = this.nextPath++;
    this.queue.push({
      wire: { Id: id, ObjectPathType: 1, Name: name, ParentObjectPathId: parent, ArgumentInfo: { Arguments: args } },
      run: () => undefined,
    });
    this.queue.push({
      wire: { Id: this.queue.length + 1, ActionType: 1, Name: "", ObjectPathId: id },
      run: () => undefined,
    });
    return id;
  }

  track(object: Tracked): void {
    this.created.push(object);
  }

  action(path: number, name: string, args: unknown[], run: () => void): void {
    this.queue.push({
      wire: {
        Id: this.queue.length + 1,
        ActionType: 1,
        Name: name,
        ObjectPathId: path,
        ArgumentInfo: { Arguments: args },
      },
      run,
    });
  }

  requires(minor: number, what: string): void {
    if (minor > this.standIn.apiVersion) {
      fail("ApiNotFound", `The API you are trying to use could not be found (${what}, ExcelApi 1.${minor}).`);
    }
  }

  /** Registers a load's result: counted in the response, delivered to the proxy only if the whole sync succeeds. */
  respond(data: unknown, deliver: () => void): void {
    this.responseBytes += utf8Bytes(JSON.stringify(data));
    this.pendingLoads.push(deliver);
  }

  countCellsRead(cells: number): void {
    this.cellsRead += cells;
    if (cells > 5_000_000)
      fail("RangeExceedsLimit", "The cell count in the range has exceeded the maximum supported number.");
  }

  suspendCalculation(): void {
    this.suspended = true;
  }

  async sync(): Promise<void> {
    const standIn = this.standIn;
    const number = ++standIn.syncCount;
    const queue = this.queue;
    const created = this.created;
    this.queue = [];
    this.created = [];
    this.pendingLoads = [];
    this.responseBytes = 0;
    this.cellsRead = 0;
    this.suspended = false;
    const requestBytes = queue.reduce((sum, action) => sum + utf8Bytes(JSON.stringify(action.wire)) + 1, 2);
    const record: SyncRecord = {
      requestBytes,
      responseBytes: 0,
      actions: queue.length,
      calculationSuspended: false,
      eventsSet: [],
    };
    this.record = record;
    standIn.log.push(record);
    const injection = standIn.injections.find((i) => i.sync === number);
    await Promise.resolve();
    if (injection?.hang) return new Promise<void>(() => undefined);
    try {
      if (requestBytes > standIn.requestLimit) {
        fail("RequestPayloadSizeLimitExceeded", "The request payload size has exceeded the limit.");
      }
      queue.forEach((action, i) => {
        if (injection && injection.afterActions === i) {
          fail(injection.code ?? "GeneralException", "There was an internal error while processing the request.");
        }
        action.run();
      });
      record.calculationSuspended = this.suspended;
      record.responseBytes = this.responseBytes;
      if (this.responseBytes > standIn.responseLimit) {
        fail("ResponsePayloadSizeLimitExceeded", "The response payload size has exceeded the limit.");
      }
    } catch (error) {
      record.error = error instanceof StandInError ? error.code : String(error);
      this.pendingLoads = [];
      for (const object of created) object.synced = true;
      throw error;
    }
    for (const deliver of this.pendingLoads) deliver();
    this.pendingLoads = [];
    for (const object of created) object.synced = true;
  }
}

interface Tracked {
  synced: boolean;
}

/** Base of every proxy: its object path, what it resolved to at sync, what has been loaded into it. */
abstract class ClientObject<T> implements Tracked {
  /** undefined: its path has not been resolved by a sync yet; null: a null object. */
  target: T | null | undefined = undefined;
  synced = false;
  /** A navigation property (workbook.worksheets, range.format, …) rather than an object a method returned. */
  navigation = false;
  private readonly resolver: () => T | null;
  protected readonly loaded = new Map<string, unknown>();
  private readonly children = new Map<string, unknown>();

  /** `resolve` finds the object at sync, in queue order; with `bound` it is known now (no request needed). */
  constructor(
    readonly context: Context,
    readonly pathId: number,
    resolve: () => T | null,
    bound = false,
  ) {
    this.resolver = resolve;
    if (bound) {
      this.target = resolve();
      this.synced = true;
      return;
    }
    context.track(this);
    context.queue.push({ wire: null, run: () => (this.target = resolve()) });
  }

  get isNullObject(): boolean {
    if (!this.synced) notLoaded("isNullObject");
    return this.target === null;
  }

  /** The object this proxy stands for, at sync. */
  live(): T {
    // A navigation property's path is sent again with every request until it has been resolved.
    if (this.target === undefined && this.navigation) this.target = this.resolver();
    if (this.target === undefined) fail("InvalidObjectPath", "The object path is not valid (it was never synced).");
    if (this.target === null) fail("ItemNotFound", "The requested resource doesn't exist.");
    if (this.target instanceof SheetModel && this.target.deleted) {
      fail("ItemNotFound", "The requested resource doesn't exist (the sheet was deleted).");
    }
    return this.target;
  }

  protected read<V>(property: string): V {
    if (!this.loaded.has(property)) notLoaded(property);
    return this.loaded.get(property) as V;
  }

  /** Queues a property set. */
  protected assign(property: string, value: unknown, apply: (target: T) => void): void {
    this.context.action(this.pathId, property, [value], () => apply(this.live()));
  }

  protected child<C>(name: string, make: (pathId: number) => C): C {
    let object = this.children.get(name) as C | undefined;
    if (!object) {
      object = make(this.context.path(name, this.pathId, []));
      (object as unknown as ClientObject<unknown>).navigation = true;
      this.children.set(name, object);
    }
    return object;
  }

  /** Property names this object loads, with their value at sync. */
  protected abstract loadable(): Record<string, (target: T) => unknown>;

  load(names?: string | string[] | { select?: string }): this {
    const list = (
      typeof names === "string" ? names.split(",") : Array.isArray(names) ? names : (names?.select?.split(",") ?? [])
    )
      .map((name) => name.trim())
      .filter(Boolean);
    if (list.length === 0) fail("InvalidArgument", "stand-in: load() without property names is not modelled.");
    const own: string[] = [];
    const nested = new Map<ClientObject<unknown>, string[]>(); // one load per navigation property, as Office.js sends
    for (const name of list) {
      const slash = name.indexOf("/");
      if (slash > 0 && !(this instanceof CollectionProxy)) {
        const navigation = (this as unknown as Record<string, unknown>)[name.slice(0, slash)];
        if (!(navigation instanceof ClientObject)) fail("InvalidArgument", `Cannot load ${name}.`);
        nested.set(navigation, [...(nested.get(navigation) ?? []), name.slice(slash + 1)]);
      } else own.push(name);
    }
    for (const [navigation, names] of nested) navigation.load(names);
    if (own.length) this.loadOwn(own);
    return this;
  }

  protected loadOwn(names: string[]): void {
    const getters = this.loadable();
    this.context.action(this.pathId, "Load", [names.join(",")], () => {
      if (this.target === null) return; // a null object loads nothing; reading it is the caller's error
      const target = this.live();
      const data: Record<string, unknown> = {};
      for (const name of names) {
        const getter = getters[name];
        if (!getter) fail("InvalidArgument", `The property '${name}' cannot be loaded (not in the stand-in's subset).`);
        data[name] = getter(target);
      }
      this.context.respond(data, () => {
        for (const name of names) this.loaded.set(name, data[name]);
      });
    });
  }

  toJSON(): unknown {
    return Object.fromEntries(this.loaded);
  }
}

function notLoaded(property: string): never {
  fail(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object and call "context.sync()" on the associated request context.`,
  );
}

abstract class CollectionProxy<T> extends ClientObject<T> {}

// ---------------------------------------------------------------------------------------------------------------
// Proxies

class WorkbookProxy extends ClientObject<StandInWorkbook> {
  get worksheets(): WorksheetCollectionProxy {
    return this.child("Worksheets", (id) => new WorksheetCollectionProxy(this.context, id, () => this.live()));
  }

  get application(): ApplicationProxy {
    return this.context.application;
  }

  protected loadable() {
    return {};
  }
}

class ApplicationProxy extends ClientObject<StandInWorkbook> {
  suspendApiCalculationUntilNextSync(): void {
    this.context.action(this.pathId, "SuspendApiCalculationUntilNextSync", [], () => {
      this.context.requires(6, "Application.suspendApiCalculationUntilNextSync");
      this.context.suspendCalculation();
    });
  }

  protected loadable() {
    return {};
  }
}

class RuntimeProxy extends ClientObject<StandInWorkbook> {
  get enableEvents(): boolean {
    return this.read("enableEvents");
  }

  set enableEvents(value: boolean) {
    this.assign("EnableEvents", value, (workbook) => {
      this.context.requires(8, "Runtime.enableEvents");
      if (typeof value !== "boolean") fail("InvalidArgument", "enableEvents must be a boolean.");
      workbook.enableEvents = value;
      this.context.record?.eventsSet.push(value);
    });
  }

  protected loadable() {
    return { enableEvents: (workbook: StandInWorkbook) => workbook.enableEvents };
  }
}

class WorksheetCollectionProxy extends CollectionProxy<StandInWorkbook> {
  get items(): WorksheetProxy[] {
    return this.read("items");
  }

  add(name?: string): WorksheetProxy {
    const sheet = new WorksheetProxy(this.context, this.context.path("Add", this.pathId, [name]), () => {
      const workbook = this.live();
      return workbook.addSheet(name ?? workbook.defaultName());
    });
    return sheet;
  }

  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, this.context.path("GetItem", this.pathId, [name]), () => {
      const sheet = this.live().find(name);
      if (!sheet) fail("ItemNotFound", `The requested resource doesn't exist (sheet ${name}).`);
      return sheet;
    });
  }

  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(
      this.context,
      this.context.path("GetItemOrNullObject", this.pathId, [name]),
      () => this.live().find(name) ?? null,
    );
  }

  protected loadable() {
    return {};
  }

  protected override loadOwn(names: string[]): void {
    const properties = names.map((name) => name.replace(/^items\//, ""));
    const getters = WorksheetProxy.getters;
    for (const property of properties) {
      if (!getters[property]) fail("InvalidArgument", `The property '${property}' cannot be loaded on worksheets.`);
    }
    this.context.action(this.pathId, "Load", [names.join(",")], () => {
      const sheets = [...this.live().sheets];
      const data = sheets.map((sheet) => Object.fromEntries(properties.map((p) => [p, getters[p](sheet)])));
      this.context.respond({ items: data }, () => {
        const items = sheets.map((sheet, i) => WorksheetProxy.loadedFor(this.context, sheet, data[i]));
        this.loaded.set("items", items);
      });
    });
  }
}

class WorksheetProxy extends ClientObject<SheetModel> {
  static readonly getters: Record<string, (sheet: SheetModel) => unknown> = {
    name: (sheet) => sheet.name,
    visibility: (sheet) => sheet.visibility,
    id: (sheet) => sheet.id,
  };

  /** A proxy for an item of a loaded collection, bound and with its properties loaded. */
  static loadedFor(context: Context, sheet: SheetModel, data: Record<string, unknown>): WorksheetProxy {
    const proxy = new WorksheetProxy(context, context.pathId(), () => sheet, true);
    for (const [name, value] of Object.entries(data)) proxy.loaded.set(name, value);
    return proxy;
  }

  get name(): string {
    return this.read("name");
  }

  set name(value: string) {
    this.assign("Name", value, (sheet) => {
      const workbook = this.context.standIn.workbook;
      checkSheetName(workbook, value, sheet);
      sheet.name = value;
    });
  }

  get visibility(): Visibility {
    return this.read("visibility");
  }

  set visibility(value: Visibility) {
    this.assign("Visibility", value, (sheet) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(value)) fail("InvalidArgument", `Visibility ${value}.`);
      if (value !== "Visible" && sheet.visibility === "Visible") checkNotLastVisible(this.context, sheet);
      sheet.visibility = value;
    });
  }

  get id(): string {
    return this.read("id");
  }

  get protection(): WorksheetProtectionProxy {
    return this.child("Protection", (id) => new WorksheetProtectionProxy(this.context, id, () => this.live()));
  }

  get freezePanes(): FreezePanesProxy {
    return this.child("FreezePanes", (id) => new FreezePanesProxy(this.context, id, () => this.live()));
  }

  get pageLayout(): PageLayoutProxy {
    return this.child("PageLayout", (id) => new PageLayoutProxy(this.context, id, () => this.live()));
  }

  get horizontalPageBreaks(): PageBreakCollectionProxy {
    return this.child(
      "HorizontalPageBreaks",
      (id) => new PageBreakCollectionProxy(this.context, id, () => this.live()),
    );
  }

  activate(): void {
    this.context.action(this.pathId, "Activate", [], () => {
      const sheet = this.live();
      // Excel cannot show a hidden sheet without unhiding it.
      if (sheet.visibility !== "Visible") fail("InvalidOperation", "The sheet is hidden and cannot be activated.");
      this.context.standIn.workbook.active = sheet;
    });
  }

  delete(): void {
    this.context.action(this.pathId, "Delete", [], () => {
      const sheet = this.live();
      if (sheet.visibility === "VeryHidden") {
        fail("GeneralException", "There was an internal error while processing the request.");
      }
      if (sheet.visibility === "Visible") checkNotLastVisible(this.context, sheet);
      this.context.standIn.workbook.remove(sheet);
    });
  }

  /** Without an address: the whole sheet. */
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, this.context.path("GetRange", this.pathId, [address]), () => ({
      sheet: this.live(),
      area: address === undefined ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 } : parseArea(address),
    }));
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(
      this.context,
      this.context.path("GetRangeByIndexes", this.pathId, [row, col, rows, cols]),
      () => {
        this.context.requires(7, "Worksheet.getRangeByIndexes");
        const valid = [row, col, rows, cols].every(Number.isInteger) && row >= 0 && col >= 0 && rows > 0 && cols > 0;
        if (!valid || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
          fail("InvalidArgument", `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols}).`);
        }
        return { sheet: this.live(), area: { top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 } };
      },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      this.context.path("GetUsedRangeOrNullObject", this.pathId, [valuesOnly]),
      () => {
        this.context.requires(4, "Worksheet.getUsedRangeOrNullObject");
        const sheet = this.live();
        const area = sheet.usedArea(valuesOnly);
        return area ? { sheet, area } : null;
      },
    );
  }

  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, this.context.path("GetUsedRange", this.pathId, [valuesOnly]), () => {
      const sheet = this.live();
      return { sheet, area: sheet.usedArea(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  protected loadable() {
    return WorksheetProxy.getters;
  }
}

function checkNotLastVisible(context: Context, sheet: SheetModel): void {
  const visible = context.standIn.workbook.sheets.filter((s) => s.visibility === "Visible");
  if (visible.length === 1 && visible[0] === sheet) {
    fail("InvalidOperation", "The operation attempted is invalid on the object (the last visible sheet).");
  }
}

function checkUnprotected(sheet: SheetModel): void {
  if (sheet.protection.protected) {
    fail("AccessDenied", "You cannot perform the requested operation (the sheet is protected).");
  }
}

class WorksheetProtectionProxy extends ClientObject<SheetModel> {
  get protected(): boolean {
    return this.read("protected");
  }

  protect(options?: unknown, password?: string): void {
    this.context.action(this.pathId, "Protect", [options ?? null, password === undefined ? null : "***"], () => {
      this.context.requires(password === undefined ? 2 : 7, "WorksheetProtection.protect");
      const sheet = this.live();
      if (sheet.protection.protected) fail("AccessDenied", "You cannot perform the requested operation.");
      sheet.protection = { protected: true, password, options };
    });
  }

  unprotect(password?: string): void {
    this.context.action(this.pathId, "Unprotect", [password === undefined ? null : "***"], () => {
      const sheet = this.live();
      if (!sheet.protection.protected) fail("AccessDenied", "You cannot perform the requested operation.");
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        fail("BadPassword", "The password you supplied is incorrect.");
      }
      sheet.protection = { protected: false };
    });
  }

  protected loadable() {
    return { protected: (sheet: SheetModel) => sheet.protection.protected };
  }
}

class FreezePanesProxy extends ClientObject<SheetModel> {
  freezeRows(count = 1): void {
    this.context.action(this.pathId, "FreezeRows", [count], () => {
      this.context.requires(7, "WorksheetFreezePanes.freezeRows");
      const sheet = this.live();
      checkUnprotected(sheet);
      if (!Number.isInteger(count) || count < 0 || count >= MAX_ROWS) fail("InvalidArgument", `freezeRows(${count}).`);
      sheet.frozenRows = count;
    });
  }

  protected loadable() {
    return {};
  }
}

/** Worksheet.horizontalPageBreaks [1.9]: add(range) puts a manual break above the range's first row. */
class PageBreakCollectionProxy extends ClientObject<SheetModel> {
  add(range: string): void {
    this.context.action(this.pathId, "Add", [range], () => {
      this.context.requires(9, "PageBreakCollection.add");
      const sheet = this.live();
      checkUnprotected(sheet);
      const area = parseArea(range);
      if (area.top === 0) fail("InvalidArgument", "A page break cannot go above the first row.");
      if (!sheet.rowBreaks.includes(area.top)) sheet.rowBreaks.push(area.top);
    });
  }

  protected loadable() {
    return {};
  }
}

class HeadersFootersProxy extends ClientObject<SheetModel> {
  get defaultForAllPages(): HeaderFooterProxy {
    return this.child("DefaultForAllPages", (id) => new HeaderFooterProxy(this.context, id, () => this.live()));
  }

  protected loadable() {
    return {};
  }
}

/** Excel refuses a header or footer part longer than 255 characters. */
class HeaderFooterProxy extends ClientObject<SheetModel> {
  private part(which: "left" | "center" | "right", text: string): void {
    const property = `${which[0].toUpperCase()}${which.slice(1)}Footer`;
    this.assign(property, text, (sheet) => {
      this.context.requires(9, `HeaderFooter.${which}Footer`);
      if (typeof text !== "string" || text.length > 255) fail("InvalidArgument", `${property} is too long.`);
      sheet.pageLayout.footer = { ...sheet.pageLayout.footer, [which]: text };
    });
  }

  set leftFooter(text: string) {
    this.part("left", text);
  }

  set centerFooter(text: string) {
    this.part("center", text);
  }

  set rightFooter(text: string) {
    this.part("right", text);
  }

  protected loadable() {
    return {};
  }
}

const PAPER_SIZES = ["Letter", "Legal", "A3", "A4", "A5", "B4", "B5"];

class PageLayoutProxy extends ClientObject<SheetModel> {
  set orientation(value: string) {
    this.assign("Orientation", value, (sheet) => {
      this.context.requires(9, "PageLayout.orientation");
      if (value !== "Portrait" && value !== "Landscape") fail("InvalidArgument", `Orientation ${value}.`);
      sheet.pageLayout.orientation = value;
    });
  }

  set paperSize(value: string) {
    this.assign("PaperSize", value, (sheet) => {
      this.context.requires(9, "PageLayout.paperSize");
      if (!PAPER_SIZES.includes(value)) fail("InvalidArgument", `Paper size ${value}.`);
      sheet.pageLayout.paperSize = value;
    });
  }

  set zoom(value: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number }) {
    this.assign("Zoom", value, (sheet) => {
      this.context.requires(9, "PageLayout.zoom");
      const fit = value.horizontalFitToPages !== undefined || value.verticalFitToPages !== undefined;
      if (fit === (value.scale !== undefined)) fail("InvalidArgument", "Zoom takes a scale or pages to fit.");
      const { scale } = value;
      if (scale !== undefined && (!Number.isInteger(scale) || scale < 10 || scale > 400)) {
        fail("InvalidArgument", `Zoom scale ${scale} (10–400).`);
      }
      sheet.pageLayout.zoom = { ...value };
    });
  }

  private margin(side: "top" | "bottom" | "left" | "right" | "header" | "footer", points: number): void {
    const property = `${side[0].toUpperCase()}${side.slice(1)}Margin`;
    this.assign(property, points, (sheet) => {
      this.context.requires(9, `PageLayout.${side}Margin`);
      if (typeof points !== "number" || !(points >= 0) || points > 49 * 72)
        fail("InvalidArgument", `${property} ${points}.`);
      sheet.pageLayout.margins = { ...sheet.pageLayout.margins, [side]: points };
    });
  }

  set topMargin(points: number) {
    this.margin("top", points);
  }

  set bottomMargin(points: number) {
    this.margin("bottom", points);
  }

  set leftMargin(points: number) {
    this.margin("left", points);
  }

  set rightMargin(points: number) {
    this.margin("right", points);
  }

  set headerMargin(points: number) {
    this.margin("header", points);
  }

  set footerMargin(points: number) {
    this.margin("footer", points);
  }

  get headersFooters(): HeadersFootersProxy {
    return this.child("HeadersFooters", (id) => new HeadersFootersProxy(this.context, id, () => this.live()));
  }

  setPrintTitleRows(rows: string): void {
    this.context.action(this.pathId, "SetPrintTitleRows", [rows], () => {
      this.context.requires(9, "PageLayout.setPrintTitleRows");
      const area = parseArea(rows);
      if (area.left !== 0 || area.right !== MAX_COLS - 1) fail("InvalidArgument", "Print titles must be whole rows.");
      this.live().pageLayout.printTitleRows = rows;
    });
  }

  protected loadable() {
    return {
      orientation: (sheet: SheetModel) => sheet.pageLayout.orientation ?? "Portrait",
      paperSize: (sheet: SheetModel) => sheet.pageLayout.paperSize ?? "Letter",
    };
  }
}

interface RangeTarget {
  sheet: SheetModel;
  area: Area;
}

function cellCount(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

function forEachCell(target: RangeTarget, visit: (row: number, col: number, r: number, c: number) => void): void {
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

class RangeProxy extends ClientObject<RangeTarget> {
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
    this.assign("ColumnHidden", hidden, (target) => {
      checkUnprotected(target.sheet);
      for (let col = target.area.left; col <= target.area.right; col++) {
        if (hidden) target.sheet.hiddenColumns.add(col);
        else target.sheet.hiddenColumns.delete(col);
      }
    });
  }

  get format(): RangeFormatProxy {
    return this.child("Format", (id) => new RangeFormatProxy(this.context, id, () => this.live()));
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

const SPECIAL_VALUE_TYPES: Record<string, (value: ModelValue) => boolean> = {
  All: () => true,
  Errors: (value) => typeof value === "object" && value !== null,
  Logical: (value) => typeof value === "boolean",
  Numbers: (value) => typeof value === "number",
  Text: (value) => typeof value === "string",
};

/**
 * The cells of `target` that hold a constant (or a formula) of `valueType`, as rectangles: runs of cells in a row,
 * runs of the same columns in consecutive rows merged. Excel's own split into areas is unspecified; a host must
 * not depend on it.
 */
function specialAreas({ sheet, area }: RangeTarget, cellType: string, valueType: string): Area[] {
  const matches = SPECIAL_VALUE_TYPES[valueType];
  if ((cellType !== "Constants" && cellType !== "Formulas") || !matches) {
    fail("InvalidArgument", `stand-in: getSpecialCells(${cellType}, ${valueType}) is not modelled.`);
  }
  const cells: [number, number][] = [];
  for (const [key, cell] of sheet.cells) {
    if (cell.value === null && cell.formula === undefined) continue;
    if ((cell.formula !== undefined) !== (cellType === "Formulas") || !matches(cell.value)) continue;
    const row = Math.floor(key / MAX_COLS);
    const col = key % MAX_COLS;
    if (row >= area.top && row <= area.bottom && col >= area.left && col <= area.right) cells.push([row, col]);
  }
  cells.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const runs: Area[] = [];
  for (const [row, col] of cells) {
    const last = runs[runs.length - 1];
    if (last && last.top === row && last.right === col - 1) last.right = col;
    else runs.push({ top: row, bottom: row, left: col, right: col });
  }
  const areas: Area[] = [];
  const open = new Map<string, Area>(); // by "left:right": the area that ended on the row before
  for (const run of runs) {
    const span = `${run.left}:${run.right}`;
    const above = open.get(span);
    if (above && above.bottom === run.top - 1) above.bottom = run.top;
    else {
      const fresh = { ...run };
      areas.push(fresh);
      open.set(span, fresh);
    }
  }
  return areas;
}

interface AreasTarget {
  sheet: SheetModel;
  areas: Area[];
}

/** Range.getMergedAreasOrNullObject fails for a range with more merged areas (Office.js's reference says so). */
const MAX_MERGED_AREAS = 512;

/** Range.getSpecialCellsOrNullObject's [1.9] and getMergedAreasOrNullObject's [1.13] result: only `areas`. */
class RangeAreasProxy extends ClientObject<AreasTarget> {
  get areas(): RangeCollectionProxy {
    // Loading "areas/items/…" on a null RangeAreas loads nothing; reading it afterwards is the caller's error.
    return this.child("Areas", (id) => new RangeCollectionProxy(this.context, id, () => this.target ?? null));
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

/** Sets a cell property over a range, checked and refused on a protected sheet. */
function formatCells(target: RangeTarget, apply: (cell: CellModel) => void): void {
  checkUnprotected(target.sheet);
  forEachCell(target, (row, col) => apply(target.sheet.at(row, col)));
}

function checkColor(value: unknown): string {
  if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value)) fail("InvalidArgument", `Colour ${value}.`);
  return value.toUpperCase();
}

class RangeFormatProxy extends ClientObject<RangeTarget> {
  set columnWidth(points: number) {
    this.assign("ColumnWidth", points, (target) => {
      checkUnprotected(target.sheet);
      if (typeof points !== "number" || points < 0 || points > 255 * 7.5) fail("InvalidArgument", `Width ${points}.`);
      for (let col = target.area.left; col <= target.area.right; col++) target.sheet.columnWidths.set(col, points);
    });
  }

  set rowHeight(points: number) {
    this.assign("RowHeight", points, (target) => {
      checkUnprotected(target.sheet);
      if (typeof points !== "number" || points < 0 || points > 409) fail("InvalidArgument", `Height ${points}.`);
      for (let row = target.area.top; row <= target.area.bottom; row++) {
        target.sheet.rowHeights.set(row, points);
        target.sheet.fittedRows.delete(row);
      }
    });
  }

  /** Excel measures the rows' content (wrapped text included, merged cells not); the stand-in records which. */
  autofitRows(): void {
    this.context.action(this.pathId, "AutofitRows", [], () => {
      const target = this.live();
      checkUnprotected(target.sheet);
      for (let row = target.area.top; row <= target.area.bottom; row++) {
        target.sheet.rowHeights.delete(row);
        target.sheet.fittedRows.add(row);
      }
    });
  }

  set wrapText(wrap: boolean) {
    this.assign("WrapText", wrap, (target) => formatCells(target, (cell) => (cell.wrap = wrap)));
  }

  set verticalAlignment(alignment: string) {
    this.assign("VerticalAlignment", alignment, (target) => {
      if (!["Top", "Center", "Bottom", "Justify", "Distributed"].includes(alignment)) {
        fail("InvalidArgument", `Vertical alignment ${alignment}.`);
      }
      formatCells(target, (cell) => (cell.verticalAlignment = alignment));
    });
  }

  get font(): RangeFontProxy {
    return this.child("Font", (id) => new RangeFontProxy(this.context, id, () => this.live()));
  }

  get fill(): RangeFillProxy {
    return this.child("Fill", (id) => new RangeFillProxy(this.context, id, () => this.live()));
  }

  get protection(): FormatProtectionProxy {
    return this.child("Protection", (id) => new FormatProtectionProxy(this.context, id, () => this.live()));
  }

  protected loadable() {
    return {
      columnWidth: (target: RangeTarget) => uniform(target, (_row, col) => target.sheet.columnWidths.get(col) ?? 48),
      rowHeight: (target: RangeTarget) => uniform(target, (row) => target.sheet.rowHeights.get(row) ?? 15),
      wrapText: (target: RangeTarget) => uniform(target, (row, col) => target.sheet.cell(row, col)?.wrap ?? false),
    };
  }
}

/** One value when every cell of the range has it, else null (as Office.js reads mixed formats). */
function uniform<V>(target: RangeTarget, read: (row: number, col: number) => V): V | null {
  let first: V | undefined;
  let same = true;
  forEachCell(target, (row, col) => {
    const value = read(row, col);
    if (first === undefined) first = value;
    else if (value !== first) same = false;
  });
  return same ? (first as V) : null;
}

class RangeFontProxy extends ClientObject<RangeTarget> {
  set bold(bold: boolean) {
    this.assign("Bold", bold, (target) => formatCells(target, (cell) => (cell.bold = bold)));
  }

  set italic(italic: boolean) {
    this.assign("Italic", italic, (target) => formatCells(target, (cell) => (cell.italic = italic)));
  }

  set size(size: number) {
    this.assign("Size", size, (target) => {
      if (typeof size !== "number" || size < 1 || size > 409) fail("InvalidArgument", `Font size ${size}.`);
      formatCells(target, (cell) => (cell.size = size));
    });
  }

  set color(color: string) {
    this.assign("Color", color, (target) => {
      const checked = checkColor(color);
      formatCells(target, (cell) => (cell.color = checked));
    });
  }

  protected loadable() {
    return {
      bold: (target: RangeTarget) => uniform(target, (row, col) => target.sheet.cell(row, col)?.bold ?? false),
    };
  }
}

class RangeFillProxy extends ClientObject<RangeTarget> {
  set color(color: string) {
    this.assign("Color", color, (target) => {
      const checked = checkColor(color);
      formatCells(target, (cell) => (cell.fill = checked));
    });
  }

  protected loadable() {
    return {};
  }
}

class FormatProtectionProxy extends ClientObject<RangeTarget> {
  set locked(locked: boolean) {
    this.assign("Locked", locked, (target) => {
      this.context.requires(2, "FormatProtection.locked");
      formatCells(target, (cell) => (cell.locked = locked));
    });
  }

  protected loadable() {
    return {
      locked: (target: RangeTarget) => uniform(target, (row, col) => target.sheet.cell(row, col)?.locked ?? true),
    };
  }
}

class DataValidationProxy extends ClientObject<RangeTarget> {
  set rule(rule: { list?: { inCellDropDown?: boolean; source?: unknown } }) {
    this.assign("Rule", rule, (target) => {
      this.context.requires(8, "DataValidation.rule");
      checkUnprotected(target.sheet);
      const list = rule?.list;
      if (!list || typeof list.source !== "string" || Object.keys(rule).length !== 1) {
        fail("InvalidArgument", "stand-in: only list rules are modelled.");
      }
      const source = list.source;
      if (source.startsWith("=")) {
        const reference = parseReference(source);
        const sheet =
          reference?.sheet === undefined ? target.sheet : this.context.standIn.workbook.find(reference.sheet);
        if (!reference || !sheet) fail("InvalidArgument", `The list source ${source} is not a valid reference.`);
      } else if (source.length > 255) {
        fail("InvalidArgument", "A typed list is limited to 255 characters.");
      }
      const address = areaAddress(target.area);
      const validations = target.sheet.validations;
      const kept = validations.filter((v) => v.range !== address);
      const prompt = validations.find((v) => v.range === address)?.prompt;
      validations.splice(0, validations.length, ...kept, {
        range: address,
        rule: { list: { inCellDropDown: list.inCellDropDown ?? true, source } },
        ...(prompt ? { prompt } : {}),
      });
    });
  }

  set prompt(prompt: { showPrompt?: boolean; title?: string; message?: string }) {
    this.assign("Prompt", prompt, (target) => {
      this.context.requires(8, "DataValidation.prompt");
      checkUnprotected(target.sheet);
      const { showPrompt, title, message } = prompt ?? {};
      if (typeof showPrompt !== "boolean" || typeof title !== "string" || typeof message !== "string") {
        fail("InvalidArgument", "A prompt takes showPrompt, title and message.");
      }
      if (title.length > 32) fail("InvalidArgument", `A prompt's title is limited to 32 characters: "${title}".`);
      if (message.length > 255) fail("InvalidArgument", "A prompt's message is limited to 255 characters.");
      const address = areaAddress(target.area);
      const validations = target.sheet.validations;
      const existing = validations.find((v) => v.range === address);
      if (existing) existing.prompt = { showPrompt, title, message };
      else validations.push({ range: address, prompt: { showPrompt, title, message } });
    });
  }

  protected loadable() {
    return {};
  }
}

class ConditionalFormatCollectionProxy extends CollectionProxy<RangeTarget> {
  get items(): ConditionalFormatProxy[] {
    return this.read("items");
  }

  add(type: string): ConditionalFormatProxy {
    const pathId = this.context.path("Add", this.pathId, [type]);
    return new ConditionalFormatProxy(this.context, pathId, () => {
      this.context.requires(6, "ConditionalFormatCollection.add");
      const target = this.live();
      checkUnprotected(target.sheet);
      if (type !== "CellValue" && type !== "Custom") {
        fail("InvalidArgument", `stand-in: conditional format type ${type} is not modelled.`);
      }
      const format: ConditionalFormatModel = { range: areaAddress(target.area), type };
      target.sheet.conditionalFormats.push(format);
      return format;
    });
  }

  protected loadable() {
    return {};
  }

  /** The conditional formats that intersect the range, as Office.js gives them; only `items/type` is modelled. */
  protected override loadOwn(names: string[]): void {
    if (names.some((name) => name !== "items/type")) fail("InvalidArgument", `stand-in: cannot load ${names}.`);
    this.context.action(this.pathId, "Load", [names.join(",")], () => {
      const { sheet, area } = this.live();
      const formats = sheet.conditionalFormats.filter((format) => intersects(parseArea(format.range), area));
      const data = formats.map((format) => ({ type: format.type }));
      this.context.respond({ items: data }, () => {
        this.loaded.set(
          "items",
          formats.map((format, i) => ConditionalFormatProxy.loadedFor(this.context, sheet, format, data[i])),
        );
      });
    });
  }
}

function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

class ConditionalFormatProxy extends ClientObject<ConditionalFormatModel> {
  private static readonly getters: Record<string, (format: ConditionalFormatModel) => unknown> = {
    type: (format) => format.type,
  };

  /** A proxy for an item of a loaded collection, bound and with its properties loaded. */
  static loadedFor(
    context: Context,
    sheet: SheetModel,
    format: ConditionalFormatModel,
    data: Record<string, unknown>,
  ): ConditionalFormatProxy {
    const proxy = new ConditionalFormatProxy(context, context.pathId(), () => format, true, sheet);
    for (const [name, value] of Object.entries(data)) proxy.loaded.set(name, value);
    return proxy;
  }

  constructor(
    context: Context,
    pathId: number,
    resolve: () => ConditionalFormatModel | null,
    bound = false,
    private readonly sheet?: SheetModel,
  ) {
    super(context, pathId, resolve, bound);
  }

  get type(): string {
    return this.read("type");
  }

  get cellValue(): CellValueConditionalFormatProxy {
    return this.child("CellValue", (id) => new CellValueConditionalFormatProxy(this.context, id, () => this.live()));
  }

  get custom(): CustomConditionalFormatProxy {
    return this.child("Custom", (id) => new CustomConditionalFormatProxy(this.context, id, () => this.live()));
  }

  delete(): void {
    this.context.action(this.pathId, "Delete", [], () => {
      const format = this.live();
      const sheet =
        this.sheet ?? this.context.standIn.workbook.sheets.find((s) => s.conditionalFormats.includes(format));
      if (!sheet) fail("ItemNotFound", "The conditional format no longer exists.");
      checkUnprotected(sheet);
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(format), 1);
    });
  }

  protected loadable() {
    return ConditionalFormatProxy.getters;
  }
}

class CustomConditionalFormatProxy extends ClientObject<ConditionalFormatModel> {
  get rule(): ConditionalFormatRuleProxy {
    return this.child("Rule", (id) => new ConditionalFormatRuleProxy(this.context, id, () => this.live()));
  }

  get format(): ConditionalRangeFormatProxy {
    return this.child("Format", (id) => new ConditionalRangeFormatProxy(this.context, id, () => this.live()));
  }

  protected loadable() {
    return {};
  }
}

class ConditionalFormatRuleProxy extends ClientObject<ConditionalFormatModel> {
  private static readonly getters: Record<string, (format: ConditionalFormatModel) => unknown> = {
    formula: (format) => format.formula ?? null,
  };

  get formula(): string {
    return this.read("formula");
  }

  set formula(formula: string) {
    this.assign("Formula", formula, (format) => {
      if (format.type !== "Custom") fail("InvalidArgument", "Only a Custom conditional format has a rule formula.");
      if (typeof formula !== "string" || !formula.startsWith("=")) fail("InvalidArgument", `Formula ${formula}.`);
      format.formula = formula;
    });
  }

  protected loadable() {
    return ConditionalFormatRuleProxy.getters;
  }
}

const OPERATORS = [
  "Between",
  "NotBetween",
  "EqualTo",
  "NotEqualTo",
  "GreaterThan",
  "LessThan",
  "GreaterThanOrEqual",
  "LessThanOrEqual",
];

class CellValueConditionalFormatProxy extends ClientObject<ConditionalFormatModel> {
  set rule(rule: { formula1: string; formula2?: string; operator: string }) {
    this.assign("Rule", rule, (format) => {
      if (!OPERATORS.includes(rule?.operator) || typeof rule.formula1 !== "string" || rule.formula1 === "") {
        fail("InvalidArgument", `Conditional format rule ${JSON.stringify(rule)}.`);
      }
      format.rule = { ...rule };
    });
  }

  get format(): ConditionalRangeFormatProxy {
    return this.child("Format", (id) => new ConditionalRangeFormatProxy(this.context, id, () => this.live()));
  }

  protected loadable() {
    return {};
  }
}

class ConditionalRangeFormatProxy extends ClientObject<ConditionalFormatModel> {
  get fill(): ConditionalColorProxy {
    return this.child(
      "Fill",
      (id) =>
        new ConditionalColorProxy(
          this.context,
          id,
          () => this.live(),
          (format, color) => (format.fill = color),
        ),
    );
  }

  get font(): ConditionalColorProxy {
    return this.child(
      "Font",
      (id) =>
        new ConditionalColorProxy(
          this.context,
          id,
          () => this.live(),
          (format, color) => (format.fontColor = color),
        ),
    );
  }

  protected loadable() {
    return {};
  }
}

class ConditionalColorProxy extends ClientObject<ConditionalFormatModel> {
  constructor(
    context: Context,
    pathId: number,
    resolve: () => ConditionalFormatModel,
    private readonly apply: (format: ConditionalFormatModel, color: string) => void,
  ) {
    super(context, pathId, resolve);
  }

  set color(color: string) {
    this.assign("Color", color, (format) => this.apply(format, checkColor(color)));
  }

  protected loadable() {
    return {};
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The stand-in

export class StandIn {
  readonly workbook = new StandInWorkbook();
  readonly apiVersion: number;
  readonly requestLimit: number;
  readonly responseLimit: number;
  syncCount = 0;
  readonly log: SyncRecord[] = [];
  readonly injections: Injection[] = [];

  constructor(options: StandInOptions = {}) {
    this.apiVersion = options.apiVersion ?? 17;
    this.requestLimit = options.requestLimit ?? PAYLOAD_LIMIT;
    this.responseLimit = options.responseLimit ?? PAYLOAD_LIMIT;
    for (const name of options.sheets ?? ["Blad1"]) this.workbook.addSheet(name);
  }

  /** Request bytes of each sync so far. */
  get requests(): number[] {
    return this.log.map((record) => record.requestBytes);
  }

  /** Response bytes of each sync so far. */
  get responses(): number[] {
    return this.log.map((record) => record.responseBytes);
  }

  /** A fresh request context, as Excel.run gives one. */
  context(): Excel.RequestContext {
    return new Context(this) as unknown as Excel.RequestContext;
  }

  /** Excel.run-compatible: runs the batch with a fresh context. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    return batch(this.context());
  }

  /** Office.context.requirements.isSetSupported("ExcelApi", version), for this stand-in's apiVersion. */
  readonly supports = (version: string): boolean => {
    const match = /^1\.(\d+)$/.exec(version);
    return match !== null && Number(match[1]) <= this.apiVersion;
  };

  /** Makes the given sync hang or fail part-way. */
  inject(injection: Injection): void {
    this.injections.push(injection);
  }

  /** Installs global `Excel.run` and `Office.context.requirements.isSetSupported`; returns the uninstaller. */
  install(): () => void {
    const globals = globalThis as Record<string, unknown>;
    const previous = { Excel: globals.Excel, Office: globals.Office };
    globals.Excel = { run: this.run.bind(this) };
    globals.Office = {
      context: {
        requirements: {
          isSetSupported: (name: string, version: string) => name === "ExcelApi" && this.supports(version),
        },
      },
    };
    return () => {
      globals.Excel = previous.Excel;
      globals.Office = previous.Office;
    };
  }
}

export function createStandIn(options: StandInOptions = {}): StandIn {
  return new StandIn(options);
}
