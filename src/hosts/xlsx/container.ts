/**
 * What an input is before any part of it is parsed: empty, an OLE compound file (encrypted or an old .xls), another
 * zip-based format, not a zip at all, or a workbook package whose entries are listed; and which of its parts ExcelJS
 * would drop on rewrite. Node-free, like readBytes.ts.
 */
import type { UnsupportedPart } from "../../sheet/hostProblems";
import type { NotWorkbookHint } from "../../sheet/hostProblems";
import { UnusableInputError } from "./problems";
import { type ZipEntry, zipEntries } from "./zip";

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function notWorkbook(name: string, hint?: NotWorkbookHint): UnusableInputError {
  return new UnusableInputError(hint ? { code: "notWorkbook", file: name, hint } : { code: "notWorkbook", file: name });
}

/** Rejects anything that is not an intact zip, or is another zip-based format; returns the zip's entries. */
export function checkContainer(buffer: Uint8Array, name: string): ZipEntry[] {
  if (buffer.length === 0) throw notWorkbook(name, "empty");
  if (OLE_MAGIC.every((byte, i) => buffer[i] === byte)) throw oleError(buffer, name);
  if (buffer[0] !== 0x50 || buffer[1] !== 0x4b) {
    throw notWorkbook(name, looksLikeText(buffer) ? "text" : undefined);
  }
  const entries = zipEntries(buffer);
  if (entries === null) {
    throw new UnusableInputError({ code: "corrupt", file: name });
  }
  // A workbook may live under another name (normalize.ts follows the relationships); these are other formats.
  const lower = new Set(entries.map((entry) => entry.name.toLowerCase()));
  if (!lower.has("xl/workbook.xml")) {
    if (lower.has("xl/workbook.bin")) throw notWorkbook(name, "xlsb");
    if (lower.has("word/document.xml")) throw notWorkbook(name, "word");
    if (lower.has("ppt/presentation.xml")) throw notWorkbook(name, "powerpoint");
    if (lower.has("content.xml") && lower.has("mimetype")) throw notWorkbook(name, "openDocument");
  }
  return entries;
}

/** An OLE compound file: Office's container for password-encrypted workbooks and for old .xls files. */
function oleError(buffer: Uint8Array, name: string): UnusableInputError {
  const has = (stream: string) => indexOf(buffer, utf16le(stream)) >= 0;
  if (has("EncryptedPackage") || has("EncryptionInfo"))
    return new UnusableInputError({ code: "encrypted", file: name });
  if (has("Workbook") || has("Book")) return new UnusableInputError({ code: "legacyFormat", file: name });
  return new UnusableInputError({ code: "encryptedOrLegacy", file: name });
}

/** UTF-16 with a byte-order mark (Excel's "Unicode text"), or UTF-8/ASCII without control bytes in the first 512. */
/** Where `pattern` first occurs in `bytes`, or -1. */
function indexOf(bytes: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

/** The stream names in an OLE directory are UTF-16LE. */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[i * 2] = text.charCodeAt(i) & 0xff;
    out[i * 2 + 1] = text.charCodeAt(i) >> 8;
  }
  return out;
}

function looksLikeText(buffer: Uint8Array): boolean {
  if ((buffer[0] === 0xff && buffer[1] === 0xfe) || (buffer[0] === 0xfe && buffer[1] === 0xff)) return true;
  // Leave out the last 3 bytes of a cut-off head: they may be part of a multi-byte character.
  const head = buffer.length > 512 ? buffer.subarray(0, 509) : buffer;
  return (
    !head.some((byte) => byte < 0x09 || (byte > 0x0d && byte < 0x20)) &&
    !new TextDecoder().decode(head).includes("\uFFFD")
  );
}

/** Parts ExcelJS does not model and would drop on rewrite, by (lower-case) entry name. */
const UNSUPPORTED_PARTS: { part: UnsupportedPart; matches: (entry: string) => boolean }[] = [
  { part: "charts", matches: (e) => e.startsWith("xl/charts/") || e.startsWith("xl/chartsheets/") },
  { part: "pivotTables", matches: (e) => e.startsWith("xl/pivottables/") || e.startsWith("xl/pivotcache/") },
  { part: "images", matches: (e) => e.startsWith("xl/media/") },
  { part: "macros", matches: (e) => e.endsWith("vbaproject.bin") },
  { part: "customXml", matches: (e) => e.startsWith("customxml/") },
  { part: "addIns", matches: (e) => e.startsWith("xl/webextensions/") },
  { part: "slicers", matches: (e) => /^xl\/(slicers|slicercaches|timelines|timelinecaches)\//.test(e) },
  { part: "dataConnections", matches: (e) => e === "xl/connections.xml" || e.startsWith("xl/querytables/") },
  { part: "dataModel", matches: (e) => e.startsWith("xl/model/") },
  { part: "externalLinks", matches: (e) => e.startsWith("xl/externallinks/") },
  { part: "embeddedObjects", matches: (e) => /^xl\/(embeddings|activex|ctrlprops)\//.test(e) },
];

export function unsupportedParts(entries: string[]): UnsupportedPart[] {
  const lower = entries.map((entry) => entry.toLowerCase());
  return UNSUPPORTED_PARTS.filter((part) => lower.some(part.matches)).map((part) => part.part);
}
