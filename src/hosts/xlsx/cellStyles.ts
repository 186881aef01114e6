/**
 * What the workbook reader needs of styles.xml: the number format of each cell style (`<cellXfs>`, by the index a
 * cell's `s` names), and whether it shows a date, which turns the cell's number into a Date. Node-free.
 */
import { Tag, attributeAt, isElement, walkElements } from "./xmlBytes";

export interface CellStyles {
  /** The number format of cell style `s`; null for General and for a style or format the file does not have. */
  format(s: number): string | null;
  /** Whether cell style `s` shows its number as a date or time. */
  isDate(s: number): boolean;
}

/**
 * The built-in number formats (ECMA-376 Part 1 §18.8.30), which a file names by id without writing them out. Ids
 * 27–36 and 50–81 are formats of East Asian locales, with no code the standard gives; they are left out.
 */
const BUILT_IN: Record<number, string> = {
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

const NO_STYLES: CellStyles = { format: () => null, isDate: () => false };

/** The cell styles of a styles part (UTF-8 bytes); a workbook without one has only General. */
export function readCellStyles(data: Uint8Array | undefined): CellStyles {
  if (!data) return NO_STYLES;
  const custom = new Map<number, string>();
  const styleFormats: number[] = [];
  let inCellXfs = false;
  let xfDepth = 0; // elements open inside an <xf> of cellXfs (its alignment, protection …)
  walkElements(data, (start, end, tag) => {
    if (xfDepth > 0) {
      xfDepth += tag === Tag.Open ? 1 : tag === Tag.Close ? -1 : 0;
      return;
    }
    if (isElement(data, start, "numFmt") && tag !== Tag.Close) {
      const id = Number(attributeAt(data, start, end, "numFmtId"));
      const code = attributeAt(data, start, end, "formatCode");
      if (Number.isInteger(id) && code !== null) custom.set(id, code);
    } else if (isElement(data, start, "cellXfs")) {
      inCellXfs = tag === Tag.Open;
    } else if (inCellXfs && tag !== Tag.Close && isElement(data, start, "xf")) {
      styleFormats.push(Number.parseInt(attributeAt(data, start, end, "numFmtId") ?? "0", 10) || 0);
      if (tag === Tag.Open) xfDepth = 1;
    }
  });
  const formats = styleFormats.map((id) => {
    const code = custom.get(id) ?? BUILT_IN[id] ?? null;
    return code === null || code === "General" ? null : code;
  });
  const dates = formats.map((code) => code !== null && isDateFormat(code));
  return { format: (s) => formats[s] ?? null, isDate: (s) => dates[s] ?? false };
}

/**
 * Whether a number format shows a date or time: it has a day, month, year, hour or second code (in either case, as
 * Excel takes them) outside quoted text, escaped characters (`\x`), fill and padding characters (`*x`, `_x`) and
 * bracketed parts other than elapsed time (`[h]`, `[mm]`, `[ss]`); colours and locales (`[Red]`, `[$-41D]`) are not.
 */
export function isDateFormat(code: string): boolean {
  const codes = code
    .replace(/"[^"]*"/g, "")
    .replace(/[\\*_]./g, "")
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, "");
  return /[dmyhs]/i.test(codes);
}

/**
 * A serial date (days since 1900-01-00, Excel's leap day of 1900 included, or since 1904-01-01) as a Date at UTC,
 * rounded to the millisecond.
 */
export function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}
