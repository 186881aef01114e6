/**
 * The history sheet on in-memory grids: what a consolidation's answers become and are read back as, what a broken row
 * gives (a finding at its cell, the other rows kept), which of two histories holding a period is kept, how the periods
 * are ordered, and where the sheet goes in a workbook with a sheet of the user's of its name.
 */
import {
  consolidatedPeriod,
  historyEntries,
  periodOrder,
  readAnswerPeriods,
} from "../src/domain/followup/answerPeriods";
import { HISTORY_MARKER, HISTORY_SHEET, historySheet, isHistorySheetName } from "../src/domain/followup/history";
import { placeHistorySheet } from "../src/domain/ownSheetNames";
import { readPreviousPeriod } from "../src/domain/followup/previousPeriod";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import type { CellValue, Grid } from "../src/sheet/grid";
import type { SheetSpec } from "../src/sheet/spec";
import { PLAN, consolidation } from "./support/goalPlan";

const settings = DEFAULT_SETTINGS;

/** The sheet as a host reads it back. */
function gridOf(spec: SheetSpec): Grid {
  const values = spec.blocks[0].rows.map((row) => row.map((cell) => cell.value as CellValue));
  return { sheet: spec.name, top: 0, left: 0, values, visibility: spec.visibility };
}

const t1 = consolidation({
  A: { A1: ["Delvis uppfyllt", "Fler insatser."], U1: ["Påbörjat", "Upphandling pågår."] },
  B: { B1: ["Uppfyllt", null] },
});
const t1Period = consolidatedPeriod(t1);
const t1Grid = () => gridOf(historySheet(historyEntries([t1Period])));

test("a consolidation's answers are kept and read back as they were: rows answered, and every uppdrag", () => {
  const grid = t1Grid();
  expect([grid.values[0][0], grid.visibility]).toEqual([HISTORY_MARKER, "veryHidden"]);
  // Marker, headers, and one row per answer given: A's goal and uppdrag, B's goal; then the uppdrag nobody answered
  // (what a year's end carries into the next year, carried.ts), B's and D's.
  expect(grid.values.slice(2).map((row) => [row[2], row[3], row[5], row[6]])).toEqual([
    ["A", "goal|A1", "Delvis uppfyllt", "Fler insatser."],
    ["A", "assignment|U1", "Påbörjat", "Upphandling pågår."],
    ["B", "goal|B1", "Uppfyllt", null],
    ["B", "assignment|U1", null, null],
    ["D", "assignment|U2", null, null],
  ]);
  const read = readAnswerPeriods(PLAN, [{ source: "t1-rapport.xlsx", grids: [grid] }], settings);
  expect(read.findings).toEqual([]);
  expect(read.periods).toHaveLength(1);
  expect(read.periods[0]).toMatchObject({ period: "T1", year: 2024, kind: "forecast" });
  // The answers of the period are those given; the uppdrag, answered or not, are kept beside them.
  expect(read.periods[0].byCommittee).toEqual(t1Period.byCommittee);
  const uppdrag = (p: typeof t1Period) =>
    [...p.uppdrag].map(([code, kept]) => [code, [...kept.rows.values()].map((k) => [k.answer, k.since, k.history])]);
  expect(uppdrag(read.periods[0])).toEqual(uppdrag(t1Period));
  expect(uppdrag(t1Period).map(([code, rows]) => [code, rows.length])).toEqual([
    ["A", 1],
    ["B", 1],
    ["D", 1],
  ]);
});

test.each<[string, number, CellValue]>([
  ["a year that is no number", 1, "tjugo"],
  ["a nämnd left empty", 2, null],
  ["a key that is no row key", 3, "nyckel"],
  ["a title that is a number", 4, 12],
  ["an answer that is an error value", 5, { error: "#REF!" }],
  ["an answer that is a boolean", 5, true],
  ["a period kind that is no word of it", 9, "kanske"],
  ["a row kind other than the key's", 10, "assignment"],
  ["a history of earlier years that is a number", 7, 2024],
  ["a since that is no year", 11, "länge"],
])("%s is a finding at its cell; every other row is read", (_, col, value) => {
  const grid = t1Grid();
  grid.values[2][col] = value;
  const read = readAnswerPeriods(PLAN, [{ source: "t1-rapport.xlsx", grids: [grid] }], settings);
  expect(read.findings.map((f) => [f.rule, f.file, f.sheet, f.cell, f.severity])).toEqual([
    ["followup-history-unreadable", "t1-rapport.xlsx", HISTORY_SHEET, `${"ABCDEFGHIJKL"[col]}3`, "warning"],
  ]);
  const kept = read.periods[0].byCommittee;
  expect([...kept.get("A")!.keys(), ...kept.get("B")!.keys()]).toEqual(["assignment|U1", "goal|B1"]);
});

test("of two histories holding a period, the later source's is kept, whole; a period only one holds is kept too", () => {
  const changed = consolidatedPeriod(consolidation({ A: { A1: ["Uppfyllt", "Omprövat."] } }));
  const delar = { ...consolidatedPeriod(consolidation({ D: { D1: ["Ej uppfyllt", "Sämre."] } })), period: "Delår" };
  const first = { source: "a.xlsx", grids: [t1Grid()] };
  const second = { source: "b.xlsx", grids: [gridOf(historySheet(historyEntries([changed, delar])))] };
  const read = readAnswerPeriods(PLAN, [first, second], settings);
  expect(read.periods.map((p) => [p.period, [...p.byCommittee.keys()]])).toEqual([
    ["T1", ["A"]],
    ["Delår", ["D"]],
  ]);
  expect(read.periods[0].byCommittee.get("A")!.get("goal|A1")).toMatchObject({ input: "Uppfyllt" });
  const reversed = readAnswerPeriods(PLAN, [second, first], settings);
  expect([...reversed.periods[0].byCommittee.keys()]).toEqual(["A", "B"]);
});

test("periods are ordered by year, then as the kommun's periods are (T1, Delår, Helår)", () => {
  const at = (period: string, year: number) => ({ period, year, generatedAt: "" });
  const periods = [at("Delår", 2024), at("Helår", 2023), at("T1", 2024), at("Helår", 2024)];
  expect(periods.sort(periodOrder(settings)).map((p) => `${p.period} ${p.year}`)).toEqual([
    "Helår 2023",
    "T1 2024",
    "Delår 2024",
    "Helår 2024",
  ]);
});

test("a history of another plan is no previous period of this one: a finding says so", () => {
  const other = consolidatedPeriod(consolidation({ A: { A1: ["Uppfyllt", null] } }));
  const foreign = historyEntries([other]).map((e) => ({ ...e, answer: { ...e.answer, key: `${e.answer.kind}|Z9` } }));
  const sources = [{ source: "annan.xlsx", grids: [gridOf(historySheet(foreign))] }];
  const read = readPreviousPeriod(PLAN, sources, settings, { period: settings.periods[1], year: 2024 });
  expect([read.previous, read.findings.map((f) => f.rule)]).toEqual([null, ["followup-previous-other-plan"]]);
  const own = readPreviousPeriod(PLAN, [{ source: "t1.xlsx", grids: [t1Grid()] }], settings, {
    period: settings.periods[1],
    year: 2024,
  });
  expect(own.previous?.byCommittee.get("A")?.get("goal|A1")?.input).toBe("Delvis uppfyllt");
});

test("the history's place: Måltavlan's own by its marker, else its name or the next free beside a sheet of the user's", () => {
  expect(placeHistorySheet([{ name: "Mål", a1: "Mål" }])).toEqual({ name: HISTORY_SHEET, replace: [] });
  const user = { name: HISTORY_SHEET, a1: "Mina anteckningar" };
  expect(placeHistorySheet([user])).toEqual({ name: `${HISTORY_SHEET} (2)`, replace: [] });
  const own = { name: `${HISTORY_SHEET} (2)`, a1: HISTORY_MARKER };
  expect(placeHistorySheet([user, own])).toEqual({ name: own.name, replace: [own.name] });
  expect(
    [HISTORY_SHEET, "måltavlan HISTORIK (3)", "Måltavlan historik 2", "Måltavlan historik (x)"].map(isHistorySheetName),
  ).toEqual([true, true, false, false]);
});
