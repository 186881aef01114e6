/**
 * A workbook loaded into ExcelJS from its normalised package, for writing a copy of it (write.ts). Reading values
 * goes through readBytes.ts, which does not need ExcelJS. Node-free.
 *
 * Before ExcelJS sees the bytes, the file is sniffed (container.ts) and every part is inflated within limits
 * (packageParts.ts), then rewritten into the shape ExcelJS reads (normalize.ts), so every unusable input ends as an
 * UnusableInputError saying why (problems.ts); ExcelJS's own errors never escape.
 */
import ExcelJS from "exceljs";
import { checkContainer, notWorkbook } from "./container";
import { normalizedPackage } from "./normalize";
import { readParts } from "./packageParts";
import { UnusableInputError } from "./problems";

/** Throws UnusableInputError for every input that cannot be used. */
export async function loadWorkbook(
  data: ArrayBuffer | Uint8Array,
  name: string,
): Promise<{ workbook: ExcelJS.Workbook; entries: string[] }> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const entries = checkContainer(bytes, name);
  const normalized = normalizedPackage(readParts(bytes, entries, name), name);
  if (!normalized) throw notWorkbook(name);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS hands the bytes to JSZip, which takes a Uint8Array in Node and in the browser alike.
    await workbook.xlsx.load(normalized as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    throw new UnusableInputError({ code: "corrupt", file: name });
  }
  return { workbook, entries: entries.map((entry) => entry.name) };
}

/**
 * Worksheet XML that a copy does not need. ExcelJS expands every data validation range into one entry per cell, so a
 * user's whole-column dropdowns (B1:E1048576) would take seconds and hundreds of MB; skipping them keeps loading fast.
 */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst"];
