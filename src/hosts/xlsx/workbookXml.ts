/**
 * The small parts of a workbook the reader needs besides its sheets: the sheets' names, visibility and relationship
 * ids and the date system (workbook.xml), the shared strings, and when the file was last saved (core.xml).
 * Node-free, read from UTF-8 bytes (packageParts.ts converted any UTF-16 part).
 */
import type { SheetVisibility } from "../../sheet/grid";
import { Tag, attributeAt, isElement, text, unescapeXstring, walkElements } from "./xmlBytes";

export interface SheetEntry {
  name: string;
  visibility: SheetVisibility;
  /** The relationship that names the sheet's part. */
  id: string;
}

const VISIBILITY: Record<string, SheetVisibility> = { visible: "visible", hidden: "hidden", veryHidden: "veryHidden" };

/** An xsd:boolean attribute: "1" or "true". */
const isTrue = (value: string | null) => value === "1" || value === "true";

/** The sheets of a workbook part in its order, and whether its dates count from 1904. */
export function readWorkbookXml(data: Uint8Array | undefined): { sheets: SheetEntry[]; date1904: boolean } {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  if (!data) return { sheets, date1904 };
  walkElements(data, (start, end, tag) => {
    if (tag === Tag.Close) return;
    if (isElement(data, start, "sheet")) {
      sheets.push({
        name: attributeAt(data, start, end, "name") ?? "",
        visibility: VISIBILITY[attributeAt(data, start, end, "state") ?? "visible"] ?? "visible",
        id: attributeAt(data, start, end, "*:id") ?? "",
      });
    } else if (isElement(data, start, "workbookPr")) {
      date1904 = isTrue(attributeAt(data, start, end, "date1904"));
    }
  });
  return { sheets, date1904 };
}

/**
 * The shared strings in order: the text of each item, its runs joined, phonetic readings (`<rPh>`) left out; null
 * for an item with no text element at all.
 */
export function readSharedStrings(data: Uint8Array | undefined): (string | null)[] {
  const strings: (string | null)[] = [];
  if (!data) return strings;
  let item: string | null = null;
  let inItem = false;
  let phonetic = 0; // depth inside <rPh>
  let textFrom = -1; // where the open <t>'s text starts
  walkElements(data, (start, end, tag) => {
    if (phonetic > 0) {
      phonetic += tag === Tag.Open ? 1 : tag === Tag.Close ? -1 : 0;
      return;
    }
    if (isElement(data, start, "si")) {
      if (tag === Tag.Close) strings.push(item);
      else if (tag === Tag.Empty) strings.push(null);
      inItem = tag === Tag.Open;
      item = null;
    } else if (!inItem) {
      return;
    } else if (isElement(data, start, "rPh")) {
      if (tag === Tag.Open) phonetic = 1;
    } else if (isElement(data, start, "t")) {
      if (tag === Tag.Open) textFrom = end + 1;
      else if (tag === Tag.Empty) item ??= "";
      else if (textFrom >= 0) {
        item = (item ?? "") + unescapeXstring(text(data, textFrom, start));
        textFrom = -1;
      }
    }
  });
  return strings;
}

/** When the document was last saved (`dcterms:modified`), or null when it does not say or says no date. */
export function readModified(data: Uint8Array | undefined): Date | null {
  if (!data) return null;
  let modified: Date | null = null;
  let from = -1;
  walkElements(data, (start, end, tag) => {
    if (!isElement(data, start, "modified")) return;
    if (tag === Tag.Open) from = end + 1;
    else if (tag === Tag.Close && from >= 0) {
      const date = new Date(text(data, from, start).trim());
      modified = Number.isNaN(date.getTime()) ? null : date;
      return true;
    }
  });
  return modified;
}
