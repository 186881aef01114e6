/**
 * Every part of an .xlsx package, inflated within limits before anything parses it, so that a compressed bomb, a
 * huge part or a package of countless parts ends as one clear line (problems.ts: overLimit) instead of gigabytes of memory.
 * XML parts in UTF-16 are converted to UTF-8, which is all the reader (and ExcelJS, for copies) reads. Node-free.
 */
import type { PackageLimit } from "../../sheet/hostProblems";
import { UnusableInputError } from "./problems";
import { type ZipEntry, ZipCorrupt, inflateEntry } from "./zip";

/**
 * The limits, set far above any real plan (well under 1 MB unpacked) and above the largest workbooks Måltavlan is
 * measured on: bench/generate-plan.js's plan of 20 000 uppdrag (largest part 5.9 MB, all parts 14 MB), the follow-up
 * master file written from it (38 MB in 37 parts), and the 200 000-row plan of test/hostile-files.test.ts (one sheet
 * of 47 MB, 62 MB in all). The reader (readBytes.ts) needs a few times a sheet's XML in memory, so a file that
 * passes every limit is read within 600 MB (bench/bombs.js: at-the-limits); ExcelJS, which write.ts still loads a
 * workbook into to copy it, needs 15–25 times, within V8's heap at 96 MB. Every compressed bomb stops at a limit
 * after inflating at most 96 MB, most at 1 MB.
 */
export const LIMITS = {
  /** Unpacked size of one part. */
  partBytes: 64 * 1024 * 1024,
  /** Unpacked size of all parts together. */
  totalBytes: 96 * 1024 * 1024,
  /**
   * Unpacked over packed size of a part (counted once the part passes 1 MB): real parts pack 5–20 times, and even a
   * sheet of nothing but empty formatted cells under 50; a deflate bomb reaches 1 000.
   */
  ratio: 100,
  ratioFrom: 1024 * 1024,
  /** Parts in the package: a workbook with a few hundred sheets has about a thousand. */
  entries: 10_000,
  /** Element nesting in an XML part: a sheet nests 7 deep, the deepest drawing about 25. */
  depth: 100,
  /**
   * Cells covered by merged ranges in a workbook, after each is clipped to its sheet's used range (normalize.ts,
   * sheetGrid.ts): ExcelJS, which copies a workbook, makes an object of every merged cell, and the reader refuses the
   * same files. Real plans merge titles and groups of rows, a few thousand cells.
   */
  mergedCells: 1_000_000,
} as const;

/** `where`: the part, or the sheet, that passed the limit. Sizes are said in MB. */
export function overLimit(file: string, limit: PackageLimit, where: string | null): UnusableInputError {
  const max = limit === "partBytes" || limit === "totalBytes" ? LIMITS[limit] / 1024 / 1024 : LIMITS[limit];
  return new UnusableInputError({ code: "overLimit", file, limit, max, where });
}

/** Parts by name (a leading "/" dropped), in the zip's order; directories left out. */
export type Parts = Map<string, Uint8Array>;

export function readParts(buffer: Uint8Array, entries: ZipEntry[], file: string): Parts {
  if (entries.length > LIMITS.entries) throw overLimit(file, "entries", null);
  const parts: Parts = new Map();
  let total = 0;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const name = entry.name.replace(/^\/+/, "");
    const ratioMax = Math.max(LIMITS.ratioFrom, LIMITS.ratio * entry.compressedSize);
    let size = 0;
    let data: Uint8Array;
    try {
      data = inflateEntry(buffer, entry, (bytes) => {
        size += bytes;
        total += bytes;
        if (size > LIMITS.partBytes) throw overLimit(file, "partBytes", name);
        if (total > LIMITS.totalBytes) throw overLimit(file, "totalBytes", null);
        if (size > ratioMax) throw overLimit(file, "ratio", name);
      });
    } catch (error) {
      if (error instanceof ZipCorrupt) throw new UnusableInputError({ code: "corrupt", file });
      throw error;
    }
    if (isXml(name)) data = utf8(data);
    parts.set(name, data);
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------------------------
// XML bytes

export function isXml(part: string): boolean {
  return /\.(xml|rels|vml)$/i.test(part);
}

/**
 * The XML part in UTF-8. OOXML allows UTF-16 (with a byte-order mark, or told by the first bytes `<?`); the
 * declaration is rewritten to say UTF-8.
 */
function utf8(data: Uint8Array): Uint8Array {
  const [a, b, c, d] = data;
  const encoding =
    (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0)
      ? "utf-16le"
      : (a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f)
        ? "utf-16be"
        : null;
  if (!encoding) return data;
  const text = new TextDecoder(encoding).decode(data); // drops the byte-order mark
  return new TextEncoder().encode(text.replace(/^(<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2/, '$1"UTF-8"'));
}
