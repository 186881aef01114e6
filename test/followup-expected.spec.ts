/**
 * The rows a follow-up sheet holds, as data (followup/expected.ts): the writer lays out exactly these rows with these
 * locked values, consolidation checks a returned sheet against them to the öre, and amounts stay in öre on their way
 * to the report. In-memory grids: the hosts' part is tested in followup-sheet, followup-libreoffice and excel/.
 */
import { consolidate } from "../src/domain/followup/consolidate";
import { expectedRows } from "../src/domain/followup/expected";
import { followUpSheets } from "../src/domain/followup/generate";
import { COL, parseRowKey } from "../src/domain/followup/model";
import { amountSums, reportFigures } from "../src/domain/followup/report";
import { DEFAULT_LEVELS, Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { CellValue, Grid } from "../src/sheet/grid";
import { SheetSpec } from "../src/sheet/spec";

const plan: Plan = {
  years: [2025],
  levels: DEFAULT_LEVELS,
  committees: [{ code: "KS", name: "Kommunstyrelsen", kind: "committee" }],
  goals: [
    { id: "V", level: "vision", name: "Vision 2030", parentIds: [], committee: null, target: null },
    { id: "M1", level: "namndmal", name: "Nöjda invånare", parentIds: ["V"], committee: "KS", target: "80 %" },
  ],
  assignments: [
    {
      id: "U1",
      title: "Ta fram en plan",
      clarification: "Före sommaren",
      goalIds: ["M1"],
      committees: ["KS"],
      origin: "council",
      year: 2025,
    },
  ],
  adjustments: [
    adjustment("R1", 10_000), // 0,1 tkr
    adjustment("R2", 20_000), // 0,2 tkr
    adjustment("R3", -186_150_000), // −1 861,5 tkr
  ],
  keyFigures: [{ id: "K1", name: "Andel nöjda", koladaId: "N00001", goalId: "M1", target: "80", unit: "%" }],
  budgets: [],
  investments: [],
};

function adjustment(id: string, amountOre: number): Plan["adjustments"][number] {
  return {
    id,
    committee: "KS",
    year: 2025,
    amountOre,
    direction: amountOre < 0 ? "decrease" : "increase",
    duration: "permanent",
    assignmentId: "U1",
    description: null,
    isIndex: false,
  };
}

const period = DEFAULT_SETTINGS.periods[0];
const [sheet] = followUpSheets(plan, {
  period,
  year: 2025,
  due: null,
  generatedAt: "2025-04-01T00:00:00Z",
  planName: "plan.xlsx",
  settings: DEFAULT_SETTINGS,
});

function gridOf(spec: SheetSpec): Grid {
  const values = spec.blocks[0].rows.map((row) =>
    row.map((cell): CellValue => (typeof cell.value === "boolean" ? null : cell.value)),
  );
  return { sheet: spec.name, top: 0, left: 0, values };
}

/** The returned sheet with `typed` put in cells of keyed rows: key → column → value. */
function returned(typed: Record<string, Record<number, CellValue>>): Grid {
  const grid = gridOf(sheet.spec);
  for (const row of grid.values) {
    for (const [col, value] of Object.entries(typed[String(row[COL.key])] ?? {})) row[Number(col)] = value;
  }
  return grid;
}

const consolidated = (grid: Grid) =>
  consolidate(plan, [{ file: "KS.xlsx", grids: [grid], modified: null, master: false }], DEFAULT_SETTINGS, {
    period,
    year: 2025,
  });

test("the sheet holds exactly the expected rows, in their order, with their locked values (amounts in tkr)", () => {
  const expected = expectedRows(plan, "KS");
  expect(expected.map((row) => row.key)).toEqual([
    "goal|V",
    "goal|M1",
    "assignment|U1",
    "adjustment|R1",
    "adjustment|R2",
    "adjustment|R3",
    "keyFigure|K1",
  ]);
  // The Ekonomi section's rows (expected for a follow-up's year) have columns of their own: followup-economy.spec.ts.
  const planKinds = ["goal", "assignment", "adjustment", "keyFigure"];
  const keyed = gridOf(sheet.spec).values.filter((row) =>
    planKinds.includes(parseRowKey(String(row[COL.key] ?? ""))?.kind ?? ""),
  );
  expect(keyed.map((row) => row.slice(COL.key, COL.value + 1))).toEqual(
    expected.map((row) => [
      row.key,
      row.title,
      row.detail,
      row.link,
      row.amountOre === null ? row.value : row.amountOre / 100_000,
    ]),
  );
  expect(keyed.map((row) => row[COL.value])).toEqual([null, "80 %", "Fullmäktige", 0.1, 0.2, -1861.5, "80"]);
  expect(keyed[keyed.length - 1][COL.extra]).toBe("%");
  expect(expected.map((row) => row.input)).toEqual([
    "none",
    "goalScale",
    "assignmentScale",
    "amount",
    "amount",
    "amount",
    "number",
  ]);
});

test("a locked amount changed by one öre is a finding at its cell; float noise in it is not", () => {
  const lockedChanged = (value: number) =>
    consolidated(returned({ "adjustment|R3": { [COL.value]: value } }))
      .findings.filter((f) => f.rule === "followup-locked-changed")
      .map((f) => [f.cell, f.params.expected]);
  const row = gridOf(sheet.spec).values.findIndex((r) => r[COL.key] === "adjustment|R3") + 1;
  expect(lockedChanged(-1861.50001)).toEqual([[`E${row}`, "-1861.5"]]);
  expect(lockedChanged(-1861.5 + 1e-12)).toEqual([]);
  expect(lockedChanged(-1861.5)).toEqual([]);
});

test("prognoser are read into öre and summed exactly: 0,1 + 0,2 tkr is 0,3 tkr, not 0.30000000000000004", () => {
  const result = consolidated(
    returned({ "adjustment|R1": { [COL.input]: 0.1 }, "adjustment|R2": { [COL.input]: "0,2" } }),
  );
  expect(result.findings).toEqual([]);
  const rows = result.committees[0].rows.filter((r) => r.kind === "adjustment");
  expect(rows.map((r) => [r.id, r.input, r.kind === "adjustment" ? r.amountOre : null])).toEqual([
    ["R1", 10_000, 10_000],
    ["R2", 20_000, 20_000],
    ["R3", null, -186_150_000],
  ]);
  expect(amountSums(result.committees[0].rows)).toEqual({
    adjustmentsOre: -186_120_000,
    forecastOre: 30_000,
    deviationOre: 0,
  });
  const [figures] = reportFigures(result, DEFAULT_SETTINGS);
  expect([figures.adjustmentsTkr, figures.forecastTkr, figures.deviationTkr]).toEqual([-1861.2, 0.3, 0]);
});
