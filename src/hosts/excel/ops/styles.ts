/**
 * Cell formatting as few ranges as possible: cells of the same style in rectangles (styleRectangles), each set in
 * one go on its range (applyStyle), at an estimated cost in request bytes (styleBytes). Used by the cells' ops.
 */
import type { SpecCell } from "../../../sheet/spec";
import { cost } from "./op";

export interface Style {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  wrap?: boolean;
  /** Aligned to the top without wrapping (wrapping aligns to the top anyway). */
  top?: boolean;
  unlocked?: boolean;
}

/** The formatting a cell asks for beyond Excel's defaults; null when none. */
function styleOf(cell: SpecCell | undefined): Style | null {
  if (!cell) return null;
  const style: Style = {};
  if (cell.bold) style.bold = true;
  if (cell.italic) style.italic = true;
  if (cell.fontSize) style.size = cell.fontSize;
  if (cell.fontColor) style.color = cell.fontColor.toUpperCase();
  if (cell.fill) style.fill = cell.fill.toUpperCase();
  if (cell.wrap) style.wrap = true;
  else if (cell.alignTop) style.top = true;
  if (cell.locked === false) style.unlocked = true;
  return Object.keys(style).length ? style : null;
}

/** A styled rectangle: its range, `format` and the parts of it used (font, fill, protection), and each setting. */
export function styleBytes(style: Style): number {
  const font = style.bold || style.italic || style.size || style.color;
  const objects = 2 + (font ? 1 : 0) + (style.fill ? 1 : 0) + (style.unlocked ? 1 : 0);
  return cost(objects, Object.keys(style).length + (style.wrap ? 1 : 0));
}

export function applyStyle(range: Excel.Range, style: Style): void {
  const format = range.format;
  if (style.bold) format.font.bold = true;
  if (style.italic) format.font.italic = true;
  if (style.size) format.font.size = style.size;
  if (style.color) format.font.color = `#${style.color}`;
  if (style.fill) format.fill.color = `#${style.fill}`;
  if (style.wrap) {
    format.wrapText = true;
    format.verticalAlignment = "Top";
  }
  if (style.top) format.verticalAlignment = "Top";
  if (style.unlocked) format.protection.locked = false;
}

export interface Rect {
  top: number;
  left: number;
  rows: number;
  cols: number;
  style: Style;
}

/**
 * Cells with the same formatting as few rectangles as possible (runs along a row, stacked while the rows below
 * repeat them), so formatting costs one range per band rather than one per cell.
 */
export function styleRectangles(rows: SpecCell[][], width: number): Rect[] {
  const rects: Rect[] = [];
  let open = new Map<string, Rect>();
  rows.forEach((cells, r) => {
    const next = new Map<string, Rect>();
    const styles = Array.from({ length: width }, (_, c) => styleOf(cells[c]));
    const keys = styles.map((style) => (style ? JSON.stringify(style) : ""));
    let c = 0;
    while (c < width) {
      const style = styles[c];
      const key = keys[c];
      let end = c + 1;
      while (end < width && keys[end] === key) end++;
      if (style) {
        const runKey = `${c}:${end}:${key}`;
        const above = open.get(runKey);
        if (above) {
          above.rows++;
          next.set(runKey, above);
        } else {
          const rect = { top: r, left: c, rows: 1, cols: end - c, style };
          rects.push(rect);
          next.set(runKey, rect);
        }
      }
      c = end;
    }
    open = next;
  });
  return rects;
}
