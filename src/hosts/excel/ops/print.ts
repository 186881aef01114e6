/**
 * A sheet's print setup as ops (ExcelApi 1.9): orientation, paper, title rows, fit or scale, margins and footer in
 * one op, then a manual page break per page that must start at a given row. The autofilter, for long sheets that are
 * read on screen as much as on paper, needs ExcelApi 1.9 as well.
 */
import { footerPart } from "../../../sheet/print";
import { type SheetOpBuilder, cost, sheetOp } from "./op";

export const printOps: SheetOpBuilder = (spec, features) => {
  const print = spec.print;
  if (!features.print || !print) return [];
  // pageLayout; orientation, paper, titles, zoom, six margins; the footer's three objects and three parts
  const page = sheetOp(spec.name, cost(4, 13) + JSON.stringify(print.footer ?? {}).length, (sheet) => {
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
  const breaks = (print.rowBreaks ?? [])
    .filter((row) => row > 0)
    .map((row) => sheetOp(spec.name, cost(2, 1), (sheet) => void sheet.horizontalPageBreaks.add(`A${row + 1}`)));
  return [page, ...breaks];
};

/** The filter buttons on the range's header row (Worksheet.autoFilter, ExcelApi 1.9). */
export const autoFilterOps: SheetOpBuilder = (spec, features) => {
  const range = spec.autoFilter;
  if (!features.autoFilter || !range) return [];
  // autoFilter and apply() with its address
  return [sheetOp(spec.name, cost(1, 1) + range.length, (sheet) => sheet.autoFilter.apply(range))];
};

/** Inches as points, to a hundredth (0.6 in is 43.2 pt, not 43.199999999999996). */
function points(inches: number): number {
  return Math.round(inches * 72 * 100) / 100;
}

/** "1:3" → "$1:$3", the form Office.js print titles take. */
function absoluteRows(rows: string): string {
  return rows.replace(/\$?(\d+)/g, "$$$1");
}
