/**
 * Units the two hosts disagree on, converted in one place; the printed page (print.ts) needs them too.
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
const MAX_DIGIT_WIDTH_PX = 7;
/** Points per pixel at 96 dpi. */
const POINTS_PER_PIXEL = 0.75;

/** A column width in characters as points, as Excel converts it (ECMA-376 §18.3.1.13, for Calibri 11). */
export function columnWidthPoints(characters: number): number {
  const mdw = MAX_DIGIT_WIDTH_PX;
  const pixels = Math.trunc(((256 * characters + Math.trunc(128 / mdw)) / 256) * mdw);
  return pixels * POINTS_PER_PIXEL;
}
