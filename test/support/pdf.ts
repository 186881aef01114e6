/**
 * What a PDF printed by LibreOffice shows, read with poppler's tools: each page's size and each word's height.
 */
import { spawnSync } from "node:child_process";

export interface PdfWord {
  /** 0-based. */
  page: number;
  word: string;
  /** Points, as pdftotext places the word (its font's ascent to descent). */
  height: number;
}

/** The height of each word on each page, in points. */
export function wordHeights(pdf: string): PdfWord[] {
  const xml = spawnSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" }).stdout;
  return xml
    .split("<page ")
    .slice(1)
    .flatMap((page, i) =>
      [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)].map((m) => ({
        page: i,
        word: m[3],
        height: Number(m[2]) - Number(m[1]),
      })),
    );
}

/**
 * A word's box in ems, as pdftotext gives it for Carlito (LibreOffice's Calibri): this many times the font's size.
 * Measured on the demo's report, where a 14 pt title's box is 18.2 pt and an 11 pt cell's 14.3 pt (Carlito's ascent
 * plus descent alone, 1.221 ems, would take text of 7.6 pt for 8 pt).
 */
export const CARLITO_LINE = 1.3;

/** Each page's size in points, "841.89 x 595.304 pts (A4)" as pdfinfo gives it. */
export function pageSizes(pdf: string): string[] {
  const info = spawnSync("pdfinfo", ["-f", "1", "-l", "9999", pdf], { encoding: "utf8" }).stdout;
  return [...info.matchAll(/^Page\s+\d+ size:\s+(.+)$/gm)].map((m) => m[1].trim());
}

/** The page's text laid out as printed (pdftotext -layout), 0-based. */
export function pageText(pdf: string, page: number): string {
  const at = String(page + 1);
  return spawnSync("pdftotext", ["-layout", "-f", at, "-l", at, pdf, "-"], { encoding: "utf8" }).stdout;
}
