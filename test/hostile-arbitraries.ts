/**
 * The random grids and workbooks of the fuzz tests (hostile-fuzz.spec.ts), built from the corpora of
 * hostile-support.ts. A module of their own: fast-check's string of any code point maps every code point when it is
 * made (about 1.5 s), which the other tests that use the corpora need not pay.
 */
import fc from "fast-check";
import type { CellValue, Grid, MergedRange } from "../src/sheet/grid";
import {
  ERROR_VALUES,
  FORMULA_LIKE_TEXTS,
  HEADERS,
  MAX_COLS,
  MAX_ROWS,
  ODD_UNICODE,
  PLAN_WORDS,
  SPACES,
  longText,
} from "./hostile-support";

const text = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAN_WORDS) },
  { weight: 5, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD_UNICODE) },
  { weight: 1, arbitrary: fc.constantFrom(...FORMULA_LIKE_TEXTS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...SPACES, ""), fc.constantFrom(...HEADERS, ...PLAN_WORDS), fc.constantFrom(...SPACES, ""))
      .map(([a, b, c]) => `${a}${b}${c}`),
  },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(...SPACES), { minLength: 1, maxLength: 8 }).map((s) => s.join("")),
  },
  {
    weight: 1,
    // Very long cells, up to Excel's 32 767 characters.
    arbitrary: fc
      .tuple(
        fc.constantFrom("x", "Näringsliv och tillväxt ", "KS, ", "1 200 ", "\u200b", " ", "👩‍💼", "Mål: "),
        fc.integer({ min: 1000, max: 32_767 }),
      )
      .map(([unit, length]) => longText(unit, length)),
  },
);

const number = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: 1900, max: 2200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, 0.1 + 0.2, 1e-7, 250, -500),
);

export const cellValue: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 10, arbitrary: fc.constant(null) },
  { weight: 8, arbitrary: text },
  { weight: 3, arbitrary: number },
  {
    weight: 1,
    arbitrary: fc.date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(9999, 11, 31)),
      noInvalidDate: true,
    }),
  },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERROR_VALUES).map((error) => ({ error })) },
);

/** A row of cells, or a run of blank rows (up to 300). */
const rowsArbitrary = (width: number) =>
  fc
    .array(
      fc.oneof(
        { weight: 8, arbitrary: fc.array(cellValue, { minLength: width, maxLength: width }).map((row) => [row]) },
        {
          weight: 1,
          arbitrary: fc
            .integer({ min: 1, max: 300 })
            .map((n) => Array.from({ length: n }, () => Array<CellValue>(width).fill(null))),
        },
      ),
      { maxLength: 14 },
    )
    .map((chunks) => chunks.flat());

const SHEET_NAMES = [
  "Mål",
  "Uppdrag",
  "Ramjusteringar",
  "Nämnder",
  "Nyckeltal",
  "Inställningar",
  "Settings",
  "Nämndmål",
  "Strategiska områden",
  "Vision",
  "Budgetdokument",
  "Styrmodell",
  "Uppdrag 2024",
  "Blad1",
  "Måltavlan",
  "Måltavlan listor",
  "KS T1 2024",
  "مرحبا",
  "👩‍💼 ramar",
  "'Citerat",
  "Ett väldigt långt bladnamn 31 t",
];

/** Excel's rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe first or last. */
const sheetName = fc.oneof(
  fc.constantFrom(...SHEET_NAMES),
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 31 })
    .map((s) => s.replace(/[:\\/?*[\]]/g, "_").replace(/^'|'$/g, "_"))
    .filter((s) => s.length >= 1 && s.length <= 31 && s.trim() !== ""),
);

export const gridArbitrary = (name: fc.Arbitrary<string>): fc.Arbitrary<Grid> =>
  fc
    .record({
      sheet: name,
      width: fc.integer({ min: 1, max: 10 }),
      topKind: fc.constantFrom("zero", "small", "far"),
      leftKind: fc.constantFrom("zero", "small", "far"),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      visibility: fc.constantFrom(undefined, "visible", "hidden", "veryHidden"),
      // As the xlsx host reads a sparse sheet: each row ends at its last value.
      ragged: fc.boolean(),
    })
    .chain(({ sheet, width, topKind, leftKind, seed, visibility, ragged }) =>
      rowsArbitrary(width).chain((rectangle) => {
        const values = ragged ? rectangle.map(trimRow) : rectangle;
        const height = values.length;
        const place = (kind: string, size: number, limit: number) =>
          kind === "zero" ? 0 : kind === "small" ? seed % 7 : Math.max(0, limit - size - (seed % 3));
        const top = place(topKind, height, MAX_ROWS);
        const left = place(leftKind, width, MAX_COLS);
        const inside = (n: number) => fc.integer({ min: 0, max: Math.max(0, n - 1) });
        return fc
          .record({
            hiddenRows: height ? fc.uniqueArray(inside(height), { maxLength: 5 }) : fc.constant<number[]>([]),
            merges: height
              ? fc.array<MergedRange>(
                  fc.tuple(inside(height), inside(width), fc.nat(3), fc.nat(3)).map(([r, c, h, w]) => ({
                    top: top + r,
                    left: left + c,
                    bottom: top + Math.min(height - 1, r + h),
                    right: left + Math.min(width - 1, c + w),
                  })),
                  { maxLength: 2 },
                )
              : fc.constant<MergedRange[]>([]),
            formats: fc.option(fc.constantFrom("@", "yyyy-mm-dd", '#,##0 "tkr"', "0%", "General")),
          })
          .map(({ hiddenRows, merges, formats }): Grid => ({
            sheet,
            top,
            left,
            values,
            ...(formats !== null ? { formats: values.map((row) => row.map(() => formats)) } : {}),
            ...(visibility ? { visibility: visibility as Grid["visibility"] } : {}),
            merges,
            hiddenRows: hiddenRows.map((r) => top + r).sort((a, b) => a - b),
          }));
      }),
    );

function trimRow(row: CellValue[]): CellValue[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === null) end--;
  return row.slice(0, end);
}

/** Plan-like content for the cells of a table: mostly words of real plans, sometimes anything at all. */
const planCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PLAN_WORDS) },
  { weight: 1, arbitrary: fc.integer({ min: 2020, max: 2030 }) },
  { weight: 1, arbitrary: fc.integer({ min: -2000, max: 2000 }) },
  { weight: 3, arbitrary: cellValue },
);

/**
 * A sheet that looks like a plan table: title rows, then a header row of real headers (in any order, with odd
 * spacing and case), then rows of plan-like cells with blank runs; placed anywhere on the sheet.
 */
export const tableGridArbitrary = (name: fc.Arbitrary<string>): fc.Arbitrary<Grid> =>
  fc
    .record({
      sheet: name,
      titles: fc.array(fc.array(planCell, { maxLength: 3 }), { maxLength: 3 }),
      headers: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.constantFrom(...HEADERS) },
          { weight: 1, arbitrary: fc.constantFrom(...HEADERS).map((h) => h.toUpperCase()) },
          {
            weight: 1,
            arbitrary: fc
              .tuple(fc.constantFrom(...SPACES), fc.constantFrom(...HEADERS))
              .map(([space, h]) => `${space}${h}${space}`),
          },
          { weight: 1, arbitrary: cellValue },
        ),
        { minLength: 2, maxLength: 8 },
      ),
      rows: fc.array(
        fc.oneof(
          { weight: 10, arbitrary: fc.array(planCell, { maxLength: 8 }).map((row) => [row]) },
          { weight: 1, arbitrary: fc.integer({ min: 1, max: 150 }).map((n) => Array.from({ length: n }, () => [])) },
        ),
        { maxLength: 12 },
      ),
      top: fc.oneof(fc.nat(5), fc.constant(MAX_ROWS - 200)),
      left: fc.oneof(fc.nat(3), fc.constant(MAX_COLS - 10)),
      visibility: fc.constantFrom(undefined, "visible", "hidden"),
      hidden: fc.array(fc.nat(40), { maxLength: 3 }),
    })
    .map(({ sheet, titles, headers, rows, top, left, visibility, hidden }): Grid => {
      const all: CellValue[][] = [...titles, headers, ...rows.flat()];
      const width = Math.max(1, ...all.map((r) => r.length));
      const values = all.map((r) => [...r, ...Array<CellValue>(width - r.length).fill(null)]);
      // Near the sheet's last row or column, but inside it.
      top = Math.min(top, MAX_ROWS - values.length);
      left = Math.min(left, MAX_COLS - width);
      return {
        sheet,
        top,
        left,
        values,
        ...(visibility ? { visibility: visibility as Grid["visibility"] } : {}),
        merges: [],
        hiddenRows: [...new Set(hidden.filter((h) => h < values.length))].sort((a, b) => a - b).map((h) => top + h),
      };
    });

/** One to five sheets, names unique ignoring case, as in any workbook: random grids and plan-like tables. */
export const workbookArbitrary: fc.Arbitrary<Grid[]> = fc
  .uniqueArray(sheetName, { minLength: 1, maxLength: 5, selector: (s) => s.toLowerCase() })
  .chain((names) =>
    fc.tuple(...names.map((name) => fc.oneof(gridArbitrary(fc.constant(name)), tableGridArbitrary(fc.constant(name))))),
  );
