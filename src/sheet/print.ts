import { PrintFooter, PrintMargins } from "./spec";
import { columnWidthPoints } from "./units";

/**
 * Printing a SheetSpec, as plain arithmetic both hosts agree on: the scale that fits a sheet's columns on an A4 page,
 * how much of a sheet's height a page holds at that scale, and footers in Excel's header/footer codes.
 */

/** A4 in points. */
const A4 = { short: 595.28, long: 841.89 };
/** Points per inch. */
const INCH = 72;

/** Margins that leave room for a one-line footer. */
export const PRINT_MARGINS: PrintMargins = { top: 0.6, bottom: 0.75, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 };

function printable(orientation: "landscape" | "portrait", margins: PrintMargins): { width: number; height: number } {
  const [width, height] = orientation === "landscape" ? [A4.long, A4.short] : [A4.short, A4.long];
  return {
    width: width - (margins.left + margins.right) * INCH,
    height: height - (margins.top + margins.bottom) * INCH,
  };
}

/**
 * The largest whole percentage (at most 100) at which columns of these widths (characters, visible columns only)
 * fit across one A4 page, with 8 % to spare: LibreOffice lays a column out about 6 % wider than Excel's 7 pixels a
 * character, and a column that does not fit prints on a page of its own.
 */
export function printScale(widths: number[], orientation: "landscape" | "portrait", margins: PrintMargins): number {
  const total = widths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
  const fit = (printable(orientation, margins).width / total) * 0.92;
  return Math.max(10, Math.min(100, Math.floor(fit * 100)));
}

/**
 * The sheet points one printed page holds at `scale` percent, before the repeated title rows, with 5 % to spare:
 * Excel fits wrapped rows itself, LibreOffice's rows can come out a point taller, and a manual break placed a
 * little early is harmless where one placed late lets the page break on its own first.
 */
export function pageHeight(orientation: "landscape" | "portrait", margins: PrintMargins, scale: number): number {
  return (printable(orientation, margins).height / (scale / 100)) * 0.95;
}

/**
 * Rows laid out onto pages, one row at a time: where the page breaks fall. `capacity` is the sheet height a page
 * holds below its repeated title rows.
 */
export class PageFlow {
  private used = 0;
  /** 0-based rows that start a new page. */
  readonly breaks: number[] = [];

  constructor(readonly capacity: number) {}

  /** Room left on the current page. */
  get left(): number {
    return this.capacity - this.used;
  }

  /** Whether nothing has been placed on the current page yet. */
  get fresh(): boolean {
    return this.used === 0;
  }

  add(height: number): void {
    this.used += height;
  }

  /** Starts a new page at `row` (unless the current one is still empty). */
  breakBefore(row: number): void {
    if (this.fresh) return;
    this.breaks.push(row);
    this.used = 0;
  }
}

/** Excel's "&" codes escaped in text, so a nämnd called "Kultur & fritid" prints as written. */
function escapeCodes(text: string): string {
  return text.replace(/&/g, "&&");
}

/**
 * A footer as the header/footer code ExcelJS (`oddFooter`) and Office.js (`centerFooter` and the others) take:
 * "{page}" → &P, "{pages}" → &N, and "&L", "&C", "&R" before the parts.
 */
export function footerPart(text: string): string {
  return escapeCodes(text)
    .replace(/\{page\}/g, "&P")
    .replace(/\{pages\}/g, "&N");
}

export function footerCode(footer: PrintFooter): string {
  return (
    (footer.left ? `&L${footerPart(footer.left)}` : "") +
    (footer.center ? `&C${footerPart(footer.center)}` : "") +
    (footer.right ? `&R${footerPart(footer.right)}` : "")
  );
}
