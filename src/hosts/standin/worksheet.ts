/**
 * Worksheet and what hangs on it apart from its page layout: protection, frozen panes and the autofilter.
 */
import { areaAddress, parseArea, parseAreas } from "./addresses";
import { ChartCollectionProxy } from "./charts";
import { ClientObject } from "./clientObject";
import { Context } from "./context";
import { fail } from "./errors";
import { checkSheetName, MAX_COLS, MAX_ROWS, SheetModel, Visibility } from "./model";
import { PageBreakCollectionProxy, PageLayoutProxy } from "./pageLayout";
import { RangeAreasProxy, RangeProxy } from "./range";

export class WorksheetProxy extends ClientObject<SheetModel> {
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

  get charts(): ChartCollectionProxy {
    return this.child("Charts", (id) => new ChartCollectionProxy(this.context, id, () => this.live()));
  }

  get freezePanes(): FreezePanesProxy {
    return this.child("FreezePanes", (id) => new FreezePanesProxy(this.context, id, () => this.live()));
  }

  get autoFilter(): AutoFilterProxy {
    return this.child("AutoFilter", (id) => new AutoFilterProxy(this.context, id, () => this.live()));
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

  /** [1.9] The areas of an address such as "A1:B2, A5:B5" or "A1:B2; A5:B5"; without one, the whole sheet. */
  getRanges(address?: string): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this.context.path("GetRanges", this.pathId, [address]), () => {
      this.context.requires(9, "Worksheet.getRanges");
      // Office.js documents this limit for getRange's address; getRanges's is taken to be the same.
      if (address !== undefined && address.length > MAX_ADDRESS) {
        fail("InvalidArgument", `The address exceeds ${MAX_ADDRESS} characters.`);
      }
      const whole = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
      return { sheet: this.live(), areas: address === undefined ? [whole] : parseAreas(address) };
    });
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

const MAX_ADDRESS = 8192;

function checkNotLastVisible(context: Context, sheet: SheetModel): void {
  const visible = context.standIn.workbook.sheets.filter((s) => s.visibility === "Visible");
  if (visible.length === 1 && visible[0] === sheet) {
    fail("InvalidOperation", "The operation attempted is invalid on the object (the last visible sheet).");
  }
}

export function checkUnprotected(sheet: SheetModel): void {
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

/** Worksheet.autoFilter [1.9]: apply(address) puts the filter buttons on the range's first row; one per sheet. */
class AutoFilterProxy extends ClientObject<SheetModel> {
  apply(range: string): void {
    this.context.action(this.pathId, "Apply", [range], () => {
      this.context.requires(9, "AutoFilter.apply");
      const sheet = this.live();
      checkUnprotected(sheet);
      if (typeof range !== "string") fail("InvalidArgument", "The stand-in's AutoFilter.apply takes an address.");
      sheet.autoFilter = areaAddress(parseArea(range));
    });
  }

  protected loadable() {
    return {};
  }
}
