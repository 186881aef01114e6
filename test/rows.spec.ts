import fc from "fast-check";
import { Grid } from "../src/sheet/grid";
import { CellRow, RawRow, RowList, TableColumns, fieldRef, fieldValue } from "../src/domain/raw";

/** Two tables of 400 rows each, on sheets whose grids start at different places. */
function table(sheet: string, top: number, left: number): TableColumns {
  const values = Array.from({ length: 400 }, (_, r) => [`${sheet} namn ${top + r}`, top + r]);
  const grid: Grid = { sheet, top, left, values };
  const byField = { name: left, year: left + 1 };
  return { grid, kind: "assignment", byField, fields: ["name", "year"], holdsErrors: false };
}

const tables = [table("Uppdrag", 3, 0), table("Nämndmål", 10, 2)];

type Added = { cells: CellRow } | { table: number; row: number; first: number };

const added: fc.Arbitrary<Added> = fc.oneof(
  fc
    .record({ table: fc.integer({ min: 0, max: 1 }), offset: fc.integer({ min: 0, max: 399 }) })
    .map(({ table, offset }) => {
      const { grid } = tables[table];
      return { table, row: grid.top + offset, first: grid.left + (offset % 2) };
    }),
  fc.string({ minLength: 1, maxLength: 8 }).map((name) => ({
    cells: {
      kind: "assignment" as const,
      ref: { sheet: "Klistrat", row: 0, col: 0 },
      fields: { name: { value: name, ref: { sheet: "Klistrat", row: 0, col: 1 } } },
    },
  })),
);

/** What a row says of itself: where it is and what its fields hold. */
function describeRow(row: RawRow) {
  return { ref: row.ref, name: fieldValue(row, "name"), year: fieldValue(row, "year"), at: fieldRef(row, "name") };
}

function expected(entry: Added) {
  if ("cells" in entry) return describeRow(entry.cells);
  const { grid } = tables[entry.table];
  const at = { sheet: grid.sheet, row: entry.row, col: grid.left };
  return {
    ref: { sheet: grid.sheet, row: entry.row, col: entry.first },
    name: `${grid.sheet} namn ${entry.row}`,
    year: entry.row,
    at,
  };
}

function listOf(entries: Added[]): RowList {
  const list = new RowList();
  for (const entry of entries) {
    if ("cells" in entry) list.add(entry.cells);
    else list.addTableRow(tables[entry.table], entry.row, entry.first);
  }
  return list;
}

describe("RowList: a plan's rows kept as numbers", () => {
  test("gives back every row as added, in order, however many and however mixed", () => {
    fc.assert(
      fc.property(fc.array(added, { maxLength: 600 }), (entries) => {
        const list = listOf(entries);
        expect(list.length).toBe(entries.length);
        expect(list.all().map(describeRow)).toEqual(entries.map(expected));
        for (let i = 0; i < list.length; i++) expect(describeRow(list.current(i))).toEqual(expected(entries[i]));
      }),
      { seed: 11, numRuns: 60 },
    );
  });

  test("a row made to be kept stays that row while a loop reads the others", () => {
    const entries: Added[] = Array.from({ length: 300 }, (_, i) => ({ table: i % 2, row: 20 + i, first: 2 }));
    const list = listOf(entries);
    const kept = list.at(5);
    for (let i = 0; i < list.length; i++) list.current(i);
    expect(describeRow(kept)).toEqual(expected(entries[5]));
    // The loop's row is one object, moved from row to row.
    expect(list.current(7)).toBe(list.current(8));
    expect(describeRow(list.current(8))).toEqual(expected(entries[8]));
  });
});
