/**
 * The periods a workbook holds by its follow-up sheets' metadata (src/hosts/previousPeriods.ts): what the pane lists
 * to compare with, newest first, the one it suggests, and the sheets of the picked one.
 */
import { FOLLOW_UP_MARKER } from "../src/domain/followup/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { earlierPeriods, previousSources } from "../src/hosts/previousPeriods";
import type { Grid } from "../src/sheet/grid";

/** A follow-up sheet's first rows: its marker and metadata (the rest is not read for the period). */
function followUpSheet(sheet: string, period: string, year: number): Grid {
  const meta = { format: 2, plan: "plan.xlsx", committee: "KS", committeeName: null, period, periodKind: "prognos" };
  return {
    sheet,
    top: 0,
    left: 0,
    values: [[FOLLOW_UP_MARKER], [JSON.stringify({ ...meta, year, due: null, generatedAt: `${year}-01-01` })], ["x"]],
  };
}

const PLAN_SHEET: Grid = { sheet: "Mål", top: 0, left: 0, values: [["Mål", "Nämnd"]] };
const GRIDS = [
  PLAN_SHEET,
  followUpSheet("KS T1 2024", "T1", 2024),
  followUpSheet("TN T1 2024", "T1", 2024),
  followUpSheet("KS Helår 2023", "Helår", 2023),
  followUpSheet("KS Kvartal 2024", "Kvartal", 2024),
  followUpSheet("KS Delår 2024", "Delår", 2024),
];
const periods = DEFAULT_SETTINGS.periods;

test("newest first across years, a period no longer in the settings before the others of its year", () => {
  expect(earlierPeriods(GRIDS, periods, { period: "Helår", year: 2024 })).toEqual({
    periods: [
      { period: "Delår", year: 2024 },
      { period: "T1", year: 2024 },
      { period: "Kvartal", year: 2024 },
      { period: "Helår", year: 2023 },
    ],
    suggested: { period: "Delår", year: 2024 },
  });
});

test("the first period of a year suggests last year's Helår (not a period of its own year the settings lack)", () => {
  expect(earlierPeriods(GRIDS, periods, { period: "T1", year: 2024 }).suggested).toEqual({
    period: "Helår",
    year: 2023,
  });
});

test("a year before all the workbook holds: they are listed, none is suggested", () => {
  expect(earlierPeriods(GRIDS, periods, { period: "T1", year: 2022 })).toEqual({
    periods: [
      { period: "Delår", year: 2024 },
      { period: "T1", year: 2024 },
      { period: "Kvartal", year: 2024 },
      { period: "Helår", year: 2023 },
    ],
    suggested: null,
  });
});

test("the picked period's sheets, in the workbook and in the files; without one the files whole", () => {
  const file = {
    source: "KS.xlsx",
    grids: [followUpSheet("KS T1 2024", "T1", 2024), followUpSheet("KS D", "Delår", 2024)],
  };
  const sources = previousSources(GRIDS, "denna arbetsbok", { period: "T1", year: 2024 }, [file]);
  expect(sources.map((s) => [s.source, s.grids.map((g) => g.sheet)])).toEqual([
    ["denna arbetsbok", ["KS T1 2024", "TN T1 2024"]],
    ["KS.xlsx", ["KS T1 2024"]],
  ]);
  expect(previousSources(GRIDS, "denna arbetsbok", undefined, [file])).toEqual([file]);
});
