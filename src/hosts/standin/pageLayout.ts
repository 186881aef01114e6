/**
 * A worksheet's printing: page breaks, headers and footers, and PageLayout [1.9].
 */
import { parseArea } from "./addresses";
import { ClientObject } from "./clientObject";
import { fail } from "./errors";
import { MAX_COLS, SheetModel } from "./model";
import { checkUnprotected } from "./worksheet";

/** Worksheet.horizontalPageBreaks [1.9]: add(range) puts a manual break above the range's first row. */
export class PageBreakCollectionProxy extends ClientObject<SheetModel> {
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

export class PageLayoutProxy extends ClientObject<SheetModel> {
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
