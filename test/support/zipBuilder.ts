/**
 * Zips built byte by byte for the hostile-package tests: entries deflated or stored, and a central directory that may
 * lie about an entry's sizes (as a crafted bomb does), which no zip library will write.
 */
import { deflateRawSync } from "zlib";
import JSZip from "jszip";

export interface RawEntry {
  name: string;
  data: Uint8Array | string;
  /** Deflate (default) or store. */
  store?: boolean;
  /** Padding after the deflate stream, counted in the declared compressed size. */
  padding?: number;
  /** The uncompressed size the directory declares; the real one by default. */
  declaredSize?: number;
}

export function rawZip(entries: RawEntry[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === "string" ? Buffer.from(entry.data, "utf8") : Buffer.from(entry.data);
    const body = entry.store
      ? data
      : Buffer.concat([deflateRawSync(data, { level: 9 }), Buffer.alloc(entry.padding ?? 0)]);
    const name = Buffer.from(entry.name, "utf8");
    const fields = (header: Buffer, at: number) => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x0800, at + 2); // UTF-8 names
      header.writeUInt16LE(entry.store ? 0 : 8, at + 4);
      header.writeUInt32LE(0, at + 6); // time, date
      header.writeUInt32LE(0, at + 10); // CRC: not checked by the readers under test
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(entry.declaredSize ?? data.length, at + 18);
      header.writeUInt16LE(name.length, at + 22);
    };
    const localHeader = Buffer.alloc(30);
    localHeader.writeUInt32LE(0x04034b50, 0);
    fields(localHeader, 4);
    const centralHeader = Buffer.alloc(46);
    centralHeader.writeUInt32LE(0x02014b50, 0);
    fields(centralHeader, 6);
    centralHeader.writeUInt32LE(offset, 42);
    local.push(localHeader, name, body);
    central.push(centralHeader, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, directory, end]);
}

/** Every entry of an .xlsx as text or bytes, to edit and zip again with rawZip. */
export async function unzipEntries(xlsx: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(xlsx);
  const entries = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) entries.set(file.name, await file.async("nodebuffer"));
  return entries;
}
