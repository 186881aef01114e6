/**
 * A STRICT in-memory stand-in for the part of the Excel JavaScript API (Office.js) that src/hosts/excel uses, so the
 * Excel host is tested without Excel and a host that breaks an Office.js rule fails its tests. The preview
 * (src/preview) and the bench run on it too, so it lives in src/: one file per part of the API.
 *
 * The subset (ExcelApi requirement set in brackets; anything above the stand-in's `apiVersion` fails at sync with
 * ApiNotFound, so degrading below 1.8/1.9 is testable):
 *   RequestContext: workbook, application, runtime, sync()
 *   Application: suspendApiCalculationUntilNextSync() [1.6]
 *   Runtime: enableEvents (load, set) [1.8]
 *   Workbook: worksheets, application
 *   WorksheetCollection: items, load("items/…"), add(name), getItem(name), getItemOrNullObject(name)
 *   Worksheet: name, visibility, id (load, set name/visibility), activate(), delete(), getRange(address),
 *     getRangeByIndexes(row, col, rows, cols) [1.7], getRanges(address) [1.9] (areas separated by "," or ";", at
 *     most 8192 characters), getUsedRangeOrNullObject(valuesOnly) [1.4],
 *     getUsedRange(valuesOnly) [1.1] (a blank sheet gives its top-left cell, as Excel documents), protection,
 *     freezePanes.freezeRows(n) [1.7], pageLayout [1.9], horizontalPageBreaks.add(range) [1.9],
 *     autoFilter.apply(address) [1.9]
 *   WorksheetProtection: protected (load), protect(options, password) [1.2; password 1.7], unprotect(password)
 *   PageLayout [1.9]: orientation, paperSize, zoom (set), setPrintTitleRows(address), topMargin, bottomMargin,
 *     leftMargin, rightMargin, headerMargin, footerMargin (set, points),
 *     headersFooters.defaultForAllPages.{left,center,right}Footer (set)
 *   Range: values, numberFormat, formulas (load, set; 2-D arrays or one value for all cells), valueTypes, rowIndex,
 *     columnIndex, rowCount, columnCount, address (load), columnHidden, rowHidden (set) [1.2], merge(across) [1.2], select(),
 *     format, dataValidation [1.8], conditionalFormats [1.6],
 *     getSpecialCellsOrNullObject("Constants" | "Formulas", "All" | "Errors" | "Logical" | "Numbers" | "Text") [1.9],
 *     getIntersectionOrNullObject(range) [1.4] (a range of another sheet: InvalidArgument),
 *     getMergedAreasOrNullObject() [1.13] (the merged areas whose top-left cell is in the range, as Excel gives them;
 *     more than 512 fail the sync with GeneralException: Excel documents the limit, not its error code)
 *   RangeAreas [1.9]: isNullObject, load("areas/items/…") with Range's properties above, areas.items,
 *     dataValidation and conditionalFormats (one validation, one format over every area)
 *   RangeFormat: columnWidth, rowHeight, autofitRows(), wrapText, verticalAlignment, font {bold, italic, size,
 *     color}, fill {color}, protection {locked} [1.2]
 *   DataValidation [1.8]: rule = { list: { inCellDropDown, source } }, prompt = { showPrompt, title, message }
 *     (title at most 32 characters, message at most 255, as Excel checks them)
 *   ConditionalFormatCollection [1.6]: add("CellValue") → cellValue { format { fill.color, font.color }, rule }
 *   ChartCollection: column and bar charts series by series, the category axis reversed (charts.ts)
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
import { Context, Injection, PAYLOAD_LIMIT, StandInOptions, SyncRecord } from "./context";
import { StandInWorkbook } from "./model";

export { areaAddress, cellAt, parseArea } from "./addresses";
export { coerce } from "./coerce";
export { type Injection, PAYLOAD_LIMIT, type StandInOptions, type SyncRecord } from "./context";
export { StandInError } from "./errors";
export {
  type Area,
  type CellModel,
  type ConditionalFormatModel,
  MAX_COLS,
  MAX_ROWS,
  type ModelValue,
  SheetModel,
  StandInWorkbook,
  type ValidationModel,
  type Visibility,
} from "./model";

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
