/**
 * A1 addresses: "B7", "B2:E2", "$A$3:$A$6", "A:C", "$1:$3" to 0-based areas and back, addresses of several areas
 * ("B2:B5,B9:B12"), and sheet-qualified references (a list source).
 */
import { fail } from "./errors";
import { Area, MAX_COLS, MAX_ROWS } from "./model";

function columnIndex(letters: string): number {
  let index = 0;
  for (const ch of letters.toUpperCase()) index = index * 26 + (ch.charCodeAt(0) - 64);
  return index - 1;
}

function columnLetters(col: number): string {
  let name = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

export function cellAt(address: string): [number, number] {
  const area = parseArea(address);
  return [area.top, area.left];
}

/** "B7", "B2:E2", "$A$3:$A$6", "A:C", "$1:$3" → a 0-based inclusive area; InvalidArgument otherwise. */
export function parseArea(address: string): Area {
  const part = (text: string): { row?: number; col?: number } | null => {
    const match = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(text);
    if (!match || (!match[1] && !match[2])) return null;
    return {
      col: match[1] ? columnIndex(match[1]) : undefined,
      row: match[2] ? Number(match[2]) - 1 : undefined,
    };
  };
  const [first, second = first, extra] = address.split(":");
  const a = part(first);
  const b = part(second);
  const bad: () => never = () =>
    fail("InvalidArgument", `The argument is invalid or missing or has an incorrect format (${address}).`);
  if (extra !== undefined || !a || !b) bad();
  const wholeRows = a.col === undefined && b.col === undefined;
  const wholeCols = a.row === undefined && b.row === undefined;
  if (
    !wholeRows &&
    !wholeCols &&
    (a.col === undefined || a.row === undefined || b.col === undefined || b.row === undefined)
  )
    bad();
  if ((wholeRows || wholeCols) && !address.includes(":")) bad();
  const area: Area = {
    top: wholeCols ? 0 : (a.row as number),
    left: wholeRows ? 0 : (a.col as number),
    bottom: wholeCols ? MAX_ROWS - 1 : (b.row as number),
    right: wholeRows ? MAX_COLS - 1 : (b.col as number),
  };
  if (area.top < 0 || area.left < 0 || area.bottom >= MAX_ROWS || area.right >= MAX_COLS) bad();
  if (area.bottom < area.top || area.right < area.left) {
    [area.top, area.bottom] = [Math.min(area.top, area.bottom), Math.max(area.top, area.bottom)];
    [area.left, area.right] = [Math.min(area.left, area.right), Math.max(area.left, area.right)];
  }
  return area;
}

export function areaAddress(area: Area): string {
  if (area.left === 0 && area.right === MAX_COLS - 1) return `${area.top + 1}:${area.bottom + 1}`;
  if (area.top === 0 && area.bottom === MAX_ROWS - 1) return `${columnLetters(area.left)}:${columnLetters(area.right)}`;
  const start = `${columnLetters(area.left)}${area.top + 1}`;
  const end = `${columnLetters(area.right)}${area.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/**
 * The areas of a RangeAreas address, "A1:B2, A5:B5" or "A1:B2; A5:B5" (Worksheet.getRanges takes both separators,
 * as Office.js documents) → 0-based areas; InvalidArgument when any is not an area.
 */
export function parseAreas(address: string): Area[] {
  return address.split(/[,;]/).map((part) => parseArea(part.trim()));
}

/** The areas as one address, "F5:F9,F12:F20", as Excel gives a RangeAreas' address (without the sheet). */
export function areasAddress(areas: Area[]): string {
  return areas.map(areaAddress).join(",");
}

/** "='Måltavlan listor'!$A$3:$A$6" → sheet and area; null when it is no sheet-qualified or local reference. */
export function parseReference(formula: string): { sheet?: string; area: Area } | null {
  const match = /^=(?:'((?:[^']|'')+)'|([^'!]+))!(.+)$/.exec(formula) ?? /^=()()([$A-Za-z0-9:]+)$/.exec(formula);
  if (!match) return null;
  const sheet = match[1] ? match[1].replace(/''/g, "'") : match[2] || undefined;
  try {
    return { sheet, area: parseArea(match[3]) };
  } catch {
    return null;
  }
}
