/**
 * The zip container of an .xlsx, read and written without trusting what it declares: the central directory gives
 * where each entry is, but an entry's size is counted while it is inflated, so a lying directory or a compressed
 * bomb costs no more than the caller's budget. Node-free (pako inflates, the same code JSZip uses inside ExcelJS).
 */
import { Inflate } from "pako/lib/inflate";

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  compressedSize: number;
  /** Where the entry's local header starts. */
  offset: number;
  encrypted: boolean;
}

/** An entry that cannot be read: outside the file, encrypted, compressed by an unknown method, or bad deflate. */
export class ZipCorrupt extends Error {}

/**
 * The entries of a zip's central directory, or null when the central directory is missing or inconsistent
 * (a truncated or damaged file). Handles zip64.
 */
export function zipEntries(buffer: Uint8Array): ZipEntry[] | null {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const u32 = (pos: number) => view.getUint32(pos, true);
  const u16 = (pos: number) => view.getUint16(pos, true);
  const u64 = (pos: number) => Number(view.getBigUint64(pos, true));
  let eocd = -1;
  for (let pos = buffer.length - 22; pos >= 0 && pos >= buffer.length - 22 - 0xffff; pos--) {
    if (u32(pos) === 0x06054b50) {
      eocd = pos;
      break;
    }
  }
  if (eocd < 0) return null;
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === 0x07064b50) {
    const zip64 = u64(eocd - 20 + 8);
    if (zip64 + 56 > buffer.length || u32(zip64) !== 0x06064b50) return null;
    count = u64(zip64 + 32);
    offset = u64(zip64 + 48);
  }
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let pos = offset;
  for (let i = 0; i < count; i++) {
    if (pos + 46 > buffer.length || u32(pos) !== 0x02014b50) return null;
    const nameLength = u16(pos + 28);
    const extraStart = pos + 46 + nameLength;
    const next = extraStart + u16(pos + 30) + u16(pos + 32);
    if (next > buffer.length) return null;
    const entry: ZipEntry = {
      name: decoder.decode(buffer.subarray(pos + 46, extraStart)),
      method: u16(pos + 10),
      compressedSize: u32(pos + 20),
      offset: u32(pos + 42),
      encrypted: (u16(pos + 8) & 1) === 1,
    };
    applyZip64(entry, u32(pos + 24), view, extraStart, extraStart + u16(pos + 30));
    entries.push(entry);
    pos = next;
  }
  return entries;
}

/** Fields of 0xffffffff are in the zip64 extra field, in the order uncompressed, compressed, offset. */
function applyZip64(entry: ZipEntry, uncompressed: number, view: DataView, start: number, end: number): void {
  if (entry.compressedSize !== 0xffffffff && entry.offset !== 0xffffffff) return;
  for (let pos = start; pos + 4 <= end;) {
    const id = view.getUint16(pos, true);
    const size = view.getUint16(pos + 2, true);
    if (id === 0x0001) {
      let field = pos + 4;
      const next = () => {
        const value = field + 8 <= pos + 4 + size ? Number(view.getBigUint64(field, true)) : NaN;
        field += 8;
        return value;
      };
      if (uncompressed === 0xffffffff) next();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
      if (entry.offset === 0xffffffff) entry.offset = next();
      return;
    }
    pos += 4 + size;
  }
}

/** How much input is handed to the inflater at a time: the most one step can inflate is about 1 000 times this. */
const INPUT_STEP = 16 * 1024;

/**
 * An entry's content. `onOutput` is told the size of each piece as it is inflated, before it is kept, and throws to
 * stop. Throws ZipCorrupt when the entry cannot be read (outside the file, encrypted, unknown method, bad deflate).
 */
export function inflateEntry(buffer: Uint8Array, entry: ZipEntry, onOutput: (bytes: number) => void): Uint8Array {
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const header = entry.offset;
  if (entry.encrypted || header + 30 > buffer.length || view.getUint32(header, true) !== 0x04034b50) {
    throw new ZipCorrupt(entry.name);
  }
  const start = header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
  const end = start + entry.compressedSize;
  if (!Number.isFinite(end) || end > buffer.length) throw new ZipCorrupt(entry.name);
  const data = buffer.subarray(start, end);
  if (entry.method === 0) {
    onOutput(data.length);
    return data;
  }
  if (entry.method !== 8) throw new ZipCorrupt(entry.name);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate({ raw: true, chunkSize: 64 * 1024 });
  inflater.onData = (chunk) => {
    onOutput(chunk.length);
    chunks.push(chunk);
    size += chunk.length;
  };
  for (let pos = 0; pos < data.length || pos === 0; pos += INPUT_STEP) {
    const last = pos + INPUT_STEP >= data.length;
    if (!inflater.push(data.subarray(pos, pos + INPUT_STEP), last) && inflater.err) {
      throw new ZipCorrupt(entry.name);
    }
    if (inflater.ended) break;
  }
  if (inflater.err || !inflater.ended) throw new ZipCorrupt(entry.name);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing: an uncompressed zip, for a package rewritten in memory and handed straight to ExcelJS.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of stored (uncompressed) entries, in the order given. Entries of 4 GB or more are not needed here. */
export function storedZip(files: { name: string; data: Uint8Array }[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts = files.map((file) => ({ ...file, nameBytes: encoder.encode(file.name), crc: crc32(file.data) }));
  const localSize = parts.reduce((sum, p) => sum + 30 + p.nameBytes.length + p.data.length, 0);
  const centralSize = parts.reduce((sum, p) => sum + 46 + p.nameBytes.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let pos = 0;
  const header = (signature: number, p: (typeof parts)[number], central: boolean) => {
    view.setUint32(pos, signature, true);
    pos += central ? 6 : 4; // central: version made by, then the fields a local header has
    view.setUint16(pos, 20, true); // version needed
    view.setUint16(pos + 2, 0x0800, true); // flags: UTF-8 names
    view.setUint16(pos + 4, 0, true); // stored
    view.setUint32(pos + 6, 0, true); // time and date
    view.setUint32(pos + 10, p.crc, true);
    view.setUint32(pos + 14, p.data.length, true);
    view.setUint32(pos + 18, p.data.length, true);
    view.setUint16(pos + 22, p.nameBytes.length, true);
    pos += 26; // extra length, and for the central directory the fields after it, stay 0
  };
  for (const p of parts) {
    offsets.push(pos);
    header(0x04034b50, p, false);
    out.set(p.nameBytes, pos);
    out.set(p.data, pos + p.nameBytes.length);
    pos += p.nameBytes.length + p.data.length;
  }
  parts.forEach((p, i) => {
    header(0x02014b50, p, true);
    pos += 10; // comment length, disk, internal and external attributes
    view.setUint32(pos, offsets[i], true);
    pos += 4;
    out.set(p.nameBytes, pos);
    pos += p.nameBytes.length;
  });
  view.setUint32(pos, 0x06054b50, true);
  view.setUint16(pos + 8, parts.length, true);
  view.setUint16(pos + 10, parts.length, true);
  view.setUint32(pos + 12, centralSize, true);
  view.setUint32(pos + 16, localSize, true);
  return out;
}
