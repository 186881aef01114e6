/**
 * Who has answered: a follow-up sheet counts as an answer only when something is typed on it. The master's own
 * follow-up sheets stand there from the day they are generated, answered or not.
 */
import { consolidate } from "../src/domain/followup/consolidate";
import { COL } from "../src/domain/followup/model";
import { OVERVIEW_SHEET, reportWorkbook } from "../src/domain/followup/report";
import type { Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { findingMessage } from "../src/i18n/findings";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import type { Grid } from "../src/sheet/grid";
import { ostersundFollowUp } from "./hostile-support";

let plan: Plan;
let sheets: Grid[];
beforeAll(async () => {
  ({ plan, sheets } = await ostersundFollowUp());
});

/** Who the report's Översikt says each nämnd's answers came from ("Svar från"). */
function answersFrom(grids: Grid[]): Record<string, unknown> {
  const result = consolidate(plan, [{ file: "plan.xlsx", grids, modified: null, master: true }], DEFAULT_SETTINGS);
  const overview = reportWorkbook(
    plan,
    result,
    DEFAULT_SETTINGS,
    (f) => findingMessage(f),
    GOAL_REPORT_WORDS.sv,
  ).sheets.find((s) => s.name === OVERVIEW_SHEET);
  const rows = overview?.blocks.flatMap((block) => block.rows) ?? [];
  return Object.fromEntries(
    result.committees.map((c) => [
      c.committee.code,
      rows.find((row) => row[0]?.value === c.committee.code)?.[2]?.value,
    ]),
  );
}

test("the master's follow-up sheets with nothing typed: no nämnd has answered, and Översikt says Ej inkommet", () => {
  const result = consolidate(
    plan,
    [{ file: "plan.xlsx", grids: sheets, modified: null, master: true }],
    DEFAULT_SETTINGS,
  );
  expect(result.committees.length).toBeGreaterThan(1);
  expect(result.committees.filter((c) => c.source !== null).length).toBeGreaterThan(1);
  expect(result.committees.filter((c) => c.answered)).toEqual([]);
  expect(new Set(Object.values(answersFrom(sheets)))).toEqual(new Set(["Ej inkommet"]));
});

test("one answer typed on KS's sheet: KS has answered from the master, the others have not", () => {
  const ks = sheets.find((grid) => grid.sheet === "KS T1 2024");
  if (!ks) throw new Error("no KS sheet");
  const row = ks.values.findIndex((cells) => String(cells[COL.key]).startsWith("assignment|"));
  const typed = {
    ...ks,
    values: ks.values.map((cells, i) =>
      i === row ? cells.map((v, col) => (col === COL.input ? "Påbörjat" : v)) : cells,
    ),
  };
  const grids = sheets.map((grid) => (grid === ks ? typed : grid));
  const result = consolidate(plan, [{ file: "plan.xlsx", grids, modified: null, master: true }], DEFAULT_SETTINGS);
  expect(result.committees.filter((c) => c.answered).map((c) => c.committee.code)).toEqual(["KS"]);
  const from = answersFrom(grids);
  expect(from.KS).toBe("plan.xlsx (KS T1 2024)");
  expect(
    Object.entries(from)
      .filter(([code]) => code !== "KS")
      .every(([, value]) => value === "Ej inkommet"),
  ).toBe(true);
});
