/**
 * A ledger export's bytes → Grids for the core (src/domain/ledger/): an .xlsx through the workbook reader, anything
 * else as delimited text. Node-free, so the CLI and the task pane read an export the same way; papaparse is loaded
 * only here, when an export is read, so the pane's first bundle does not carry it.
 *
 * Text: UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's "Unicode text"), and Windows-1252 (what
 * financial systems on Windows write) when the bytes are not valid UTF-8. Delimiter: the one of ; tab , | found on
 * most of the first lines, ; first: with decimal commas in the amounts, a comma is the delimiter only when nothing
 * else is. Each record is a row of the grid, so a finding's row is the line in the file (unless a quoted field above
 * it spans lines).
 */
import type { Grid } from "../../sheet/grid";
import { readWorkbookBuffer } from "../xlsx/readBytes";

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const DELIMITERS = [";", "\t", ",", "|"];
const SNIFFED_LINES = 20;

export type LedgerEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "xlsx";

export interface LedgerFileRead {
  grids: Grid[];
  encoding: LedgerEncoding;
}

/** `name`: the file name as the user knows it; a CSV's grid is named after it, so findings say "utfall.csv!D7". */
export async function readLedgerBytes(data: Uint8Array, name: string): Promise<LedgerFileRead> {
  if (startsWith(data, ZIP_MAGIC) || startsWith(data, OLE_MAGIC)) {
    return { grids: (await readWorkbookBuffer(data, name)).grids, encoding: "xlsx" };
  }
  const { text, encoding } = decode(data);
  const papa = await import("papaparse");
  const parsed = papa.parse<string[]>(text, { delimiter: sniffDelimiter(text), skipEmptyLines: false });
  return { grids: [{ sheet: name, top: 0, left: 0, values: parsed.data }], encoding };
}

function startsWith(data: Uint8Array, magic: number[]): boolean {
  return magic.every((byte, i) => data[i] === byte);
}

/** The text of an export: by its byte-order mark, else UTF-8 when the bytes are valid UTF-8, else Windows-1252. */
export function decode(data: Uint8Array): { text: string; encoding: Exclude<LedgerEncoding, "xlsx"> } {
  if (startsWith(data, [0xff, 0xfe])) return { text: new TextDecoder("utf-16le").decode(data), encoding: "utf-16le" };
  if (startsWith(data, [0xfe, 0xff])) return { text: new TextDecoder("utf-16be").decode(data), encoding: "utf-16be" };
  try {
    // The mark, when there is one, is dropped (ignoreBOM false).
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(data), encoding: "utf-8" };
  } catch {
    const text = new TextDecoder("windows-1252").decode(data);
    return { text: text.replace(C1, (ch) => WINDOWS_1252_C1[ch.charCodeAt(0) - 0x80]), encoding: "windows-1252" };
  }
}

/**
 * Bytes 0x80–0x9F in Windows-1252 (WHATWG Encoding Standard, index-windows-1252): €, dashes, quotes. Node 20.18.3 and
 * later decode them as Latin-1 control characters instead (nodejs/node#60888), so an en dash in a name would vanish;
 * browsers decode them right, and then there is nothing left to replace.
 */
const C1 = /[\u0080-\u009f]/g;
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

/** The delimiter found on most of the first lines (ties: the earlier in DELIMITERS). */
export function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/, SNIFFED_LINES);
  let best = DELIMITERS[0];
  let bestLines = 0;
  for (const delimiter of DELIMITERS) {
    const count = lines.filter((line) => line.includes(delimiter)).length;
    if (count > bestLines) [best, bestLines] = [delimiter, count];
  }
  return best;
}
