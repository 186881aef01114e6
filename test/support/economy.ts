/** A plan with budgets and investments for the Ekonomi section's tests, built in memory, and how they generate. */
import { FollowUpOptions } from "../../src/domain/followup/generate";
import { DEFAULT_LEVELS, Plan } from "../../src/domain/model";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { CellValue, Grid } from "../../src/sheet/grid";
import { SheetSpec } from "../../src/sheet/spec";

export const TKR = 100_000; // öre

export function economyPlan(): Plan {
  return {
    years: [2025],
    levels: DEFAULT_LEVELS,
    committees: [
      { code: "KS", name: "Kommunstyrelsen", kind: "committee" },
      { code: "BUN", name: "Barn- och utbildningsnämnden", kind: "committee" },
      { code: "AB", name: "Bostads AB", kind: "company" },
    ],
    goals: [{ id: "M1", level: "namndmal", name: "Nöjda invånare", parentIds: [], committee: "BUN", target: null }],
    assignments: [],
    adjustments: [],
    keyFigures: [],
    budgets: [
      { id: "B1", committee: "KS", year: 2025, amountOre: 118_000 * TKR, kind: "frame", description: null },
      { id: "B2", committee: "KS", year: 2025, amountOre: 2_000 * TKR, kind: "supplementary", description: "Valet" },
      { id: "B0", committee: "KS", year: 2024, amountOre: 99_000 * TKR, kind: "frame", description: null },
    ],
    investments: [
      { id: "I1", committee: "KS", project: "Ny skola", year: 2025, amountOre: 30_000 * TKR },
      { id: "I2", committee: "KS", project: "Ny skola", year: 2025, amountOre: 5_000 * TKR },
      { id: "I3", committee: "KS", project: "Gata", year: 2025, amountOre: 10_000 * TKR },
      { id: "I4", committee: "KS", project: "Gammal bro", year: 2024, amountOre: 1_000 * TKR },
    ],
  };
}

export function options(more: Partial<FollowUpOptions> = {}): FollowUpOptions {
  return {
    period: DEFAULT_SETTINGS.periods[0],
    year: 2025,
    due: null,
    generatedAt: "2025-04-01T00:00:00Z",
    planName: "plan.xlsx",
    settings: DEFAULT_SETTINGS,
    ...more,
  };
}

export function gridOf(spec: SheetSpec): Grid {
  const values = spec.blocks[0].rows.map((row) =>
    row.map((cell): CellValue => (typeof cell.value === "boolean" ? null : cell.value)),
  );
  return { sheet: spec.name, top: 0, left: 0, values };
}
