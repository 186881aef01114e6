/** How sure the reading of each sheet is (shown in the pane's Koppla step): mapped, sure or likely. */
import type { Mapping } from "../src/domain/mapping";
import * as path from "path";
import { FIELDS_BY_KIND } from "../src/domain/mapping";
import { readPlan } from "../src/domain/readPlan";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import type { Grid } from "../src/sheet/grid";
import { EXAMPLES } from "./support/workbooks";

function grid(sheet: string, values: (string | number | null)[][]): Grid {
  return { sheet, top: 0, left: 0, values };
}

const UPPDRAG_ROWS = [
  ["Uppdrag", "Ansvarig nämnd", "År"],
  ["Utreda lokalförsörjningen", "KS", 2025],
];

test("the template's sheets are read for sure: their names and headers agree", async () => {
  const { grids } = await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"));
  const tables = readPlan(grids).sheets.filter((s) => s.layout === "table");
  expect(tables.map((s) => [s.sheet, s.certainty])).toEqual([
    ["Nämnder", "sure"],
    ["Mål", "sure"],
    ["Uppdrag", "sure"],
    ["Ramjusteringar", "sure"],
    ["Nyckeltal", "sure"],
    // The budget table is read by its own layout (nämnd and amount columns), never mapped column by column.
    ["Driftbudget", undefined],
  ]);
  expect(tables.find((s) => s.sheet === "Uppdrag")?.recognisedColumns).toBe(7);
});

test("a sheet recognised by its headers alone is likely; one the user mapped is mapped", () => {
  const sheets = [grid("Blad1", UPPDRAG_ROWS), grid("Uppdrag", UPPDRAG_ROWS)];
  const detected = readPlan(sheets).sheets;
  expect(detected.map((s) => [s.sheet, s.kind, s.certainty, s.recognisedColumns])).toEqual([
    ["Blad1", "assignment", "likely", 3],
    ["Uppdrag", "assignment", "sure", 3],
  ]);
  const mapped = readPlan(sheets, { sheets: { Blad1: { kind: "assignment" } } }).sheets;
  expect(mapped[0].certainty).toBe("mapped");
});

test("a pasted budget document is likely unless mapped", async () => {
  const { grids } = await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-klistrad.xlsx"));
  expect(readPlan(grids).sheets[0]).toMatchObject({ layout: "pasted", certainty: "likely" });
  const mapped = readPlan(grids, { sheets: { [grids[0].sheet]: { kind: "pasted" } } });
  expect(mapped.sheets[0]).toMatchObject({ layout: "pasted", certainty: "mapped" });
});

test("each table's header row: column letter, header text and the field it is read as", () => {
  const sheets = [grid("Blad1", [["Titel"], ["Uppdrag", "Anteckning", "Ansvarig nämnd"], ["Utreda", "x", "KS"]])];
  const read = readPlan(sheets, { sheets: { Blad1: { kind: "assignment", headerRow: 2 } } }).sheets[0];
  expect(read.columns).toEqual([
    { column: "A", header: "Uppdrag", field: "name" },
    { column: "B", header: "Anteckning", field: null },
    { column: "C", header: "Ansvarig nämnd", field: "committee" },
  ]);
  const mapped = readPlan(sheets, {
    sheets: { Blad1: { kind: "assignment", headerRow: 2, columns: { B: "clarification" } } },
  });
  expect(mapped.sheets[0].columns?.[1]).toEqual({ column: "B", header: "Anteckning", field: "clarification" });
  expect(mapped.plan.assignments[0].clarification).toBe("x");
});

test('a column mapped as "ignore" is not read, even where its header says what it is', () => {
  const sheets = [grid("Uppdrag", [UPPDRAG_ROWS[0], UPPDRAG_ROWS[1]])];
  expect(readPlan(sheets).plan.assignments[0].year).toBe(2025);
  const read = readPlan(sheets, { sheets: { Uppdrag: { kind: "assignment", columns: { C: "ignore" } } } });
  expect(read.sheets[0].columns?.[2]).toEqual({ column: "C", header: "År", field: null });
  expect(read.plan.assignments[0].year).toBeNull();
});

test('a nämnd column of a responsibility matrix mapped as "ignore" gives its uppdrag no nämnd', () => {
  const sheets = [
    grid("Uppdrag", [
      ["Uppdrag", "KS", "BUN", "TN", "År"],
      ["Utreda lokalförsörjningen", "x", "x", null, 2025],
      ["Se över skolskjutsarna", null, "x", "x", 2025],
    ]),
  ];
  const committees = (mapping?: Mapping) => readPlan(sheets, mapping).plan.assignments.map((a) => a.committees);
  expect(committees()).toEqual([
    ["KS", "BUN"],
    ["BUN", "TN"],
  ]);
  expect(committees({ sheets: { Uppdrag: { kind: "assignment", columns: { C: "ignore" } } } })).toEqual([
    ["KS"],
    ["TN"],
  ]);
});

test("the template's columns are read as fields their sheet's kind has (what Koppla offers per kind)", async () => {
  const { grids } = await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"));
  const tables = readPlan(grids).sheets.filter((s) => s.layout === "table" && s.kind !== "budget");
  expect(tables).toHaveLength(5);
  for (const table of tables) {
    const kind = table.kind as keyof typeof FIELDS_BY_KIND;
    const fields = (table.columns ?? []).flatMap((c) => (c.field ? [c.field] : []));
    expect(fields.length).toBeGreaterThan(2);
    expect(fields.filter((f) => !FIELDS_BY_KIND[kind].includes(f))).toEqual([]);
  }
});
