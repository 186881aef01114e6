/**
 * Units the two hosts disagree on, converted in one place.
 *
 * Column widths: a SheetSpec gives them in characters, ExcelJS's unit, which is the `width` stored in the file
 * (OOXML `<col width>`, padding included, in widths of the digit "0" of the default font). Office.js
 * `format.columnWidth` takes points. ECMA-376 Part 1, §18.3.1.13 gives the pixels of a stored width:
 * trunc(((256 × width + trunc(128 / MDW)) / 256) × MDW), where MDW, the maximum digit width of the default font
 * (Calibri 11, Excel's default since 2007), is 7 pixels; a pixel is 0.75 points at 96 dpi. So a width of 12
 * characters is 84 px = 63 pt, and 42 characters are 294 px = 220.5 pt: roughly 5.25 points per character.
 *
 * Row heights: both hosts (and a SheetSpec) use points, so they need no conversion.
 */

/** Maximum digit width of Calibri 11 in pixels. */
export const MAX_DIGIT_WIDTH_PX = 7;
/** Points per pixel at 96 dpi. */
export const POINTS_PER_PIXEL = 0.75;

/** A SheetSpec/ExcelJS column width (characters) as Office.js `format.columnWidth` (points). */
export function columnWidthPoints(characters: number): number {
  const mdw = MAX_DIGIT_WIDTH_PX;
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / mdw)) / 256) * mdw);
  return pixels * POINTS_PER_PIXEL;
}

/**
 * Payload size: Excel on the web caps a request and a response at 5 MB of JSON on the wire, where a character
 * outside ASCII (å, ä, ö) takes two or three bytes. The JSON of a value in UTF-8 bytes, for the host's estimates.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Text whose JSON is itself in quotes, a byte a character: printable ASCII without `"` and `\`. */
const PLAIN_JSON_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * jsonBytes of rows of cells (text, numbers, booleans, empty), without making their JSON: the host measures every
 * response that reads cells, up to 5 MB each, in the task pane's thread, where stringifying it alone took longer than
 * the pane may be busy. Most cells are plain text, counted by their length; the others by their own JSON.
 */
export function cellsJsonBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2 + Math.max(0, rows.length - 1); // the brackets and the commas between rows
  for (const row of rows) {
    bytes += 2 + Math.max(0, row.length - 1);
    for (const cell of row) {
      if (typeof cell === "string" && PLAIN_JSON_TEXT.test(cell)) bytes += cell.length + 2;
      else bytes += jsonBytes(cell === undefined ? null : cell); // in an array, undefined is null
    }
  }
  return bytes;
}
