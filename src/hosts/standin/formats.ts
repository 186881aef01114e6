/**
 * RangeFormat: column widths, row heights, wrapping, alignment, font, fill and cell protection.
 */
import { ClientObject } from "./clientObject";
import { fail } from "./errors";
import { CellModel } from "./model";
import { forEachCell, RangeTarget } from "./range";
import { checkUnprotected } from "./worksheet";

/** Sets a cell property over a range, checked and refused on a protected sheet. */
function formatCells(target: RangeTarget, apply: (cell: CellModel) => void): void {
  checkUnprotected(target.sheet);
  forEachCell(target, (row, col) => apply(target.sheet.at(row, col)));
}

export function checkColor(value: unknown): string {
  if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value)) fail("InvalidArgument", `Colour ${value}.`);
  return value.toUpperCase();
}

export class RangeFormatProxy extends ClientObject<RangeTarget> {
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
