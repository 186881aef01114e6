/**
 * The hidden name `_xlnm._FilterDatabase`, local to its sheet, that Excel writes beside every sheet's autoFilter
 * element. ExcelJS writes the element only, and LibreOffice imports an .xlsx autofilter only through this name, so it
 * is added to the workbook part ExcelJS has written. Node-free (JSZip), as the rest of the bytes' writer.
 */
import JSZip from "jszip";
import { escapeXml, unescapeXml } from "./xmlBytes";

export interface SheetFilter {
  sheet: string;
  /** "A3:I64" */
  range: string;
}

const WORKBOOK = "xl/workbook.xml";
export const FILTER_NAME = "_xlnm._FilterDatabase";

/** The package with a filter name for each sheet's autofilter; the bytes unchanged when there are none. */
export async function withFilterNames(xlsx: Uint8Array, filters: SheetFilter[]): Promise<Uint8Array> {
  if (filters.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = (await zip.file(WORKBOOK)?.async("string")) ?? "";
  zip.file(WORKBOOK, withNames(workbook, filters), { createFolders: false });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** workbook.xml with the names, in `<definedNames>` (made after `</sheets>`, where the schema puts it, if absent). */
export function withNames(workbookXml: string, filters: SheetFilter[]): string {
  // localSheetId is the sheet's place in the workbook's list of sheets.
  const order = [...workbookXml.matchAll(/<sheet\b[^>]*\sname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  const names = filters.map(({ sheet, range }) => {
    const index = order.indexOf(sheet);
    if (index < 0) throw new Error(`No sheet "${sheet}" to put a filter on`);
    const absolute = range.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    const reference = `'${sheet.replace(/'/g, "''")}'!${absolute}`;
    return `<definedName name="${FILTER_NAME}" localSheetId="${index}" hidden="1">${escapeXml(reference)}</definedName>`;
  });
  if (/<definedNames\s*\/>/.test(workbookXml)) {
    return workbookXml.replace(/<definedNames\s*\/>/, `<definedNames>${names.join("")}</definedNames>`);
  }
  if (workbookXml.includes("<definedNames>"))
    return workbookXml.replace("<definedNames>", `<definedNames>${names.join("")}`);
  if (!workbookXml.includes("</sheets>")) throw new Error("The workbook part has no sheets");
  return workbookXml.replace("</sheets>", `</sheets><definedNames>${names.join("")}</definedNames>`);
}
