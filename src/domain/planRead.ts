/**
 * The plan with its settings, as every host reads it first. A module of its own, apart from the follow-up's and the
 * report's steps (jobs.ts), so a host that only reads the plan (the pane as it opens) loads only the reader.
 */
import { Grid } from "../sheet/grid";
import { Mapping } from "./mapping";
import { ReadResult, readPlan } from "./readPlan";
import { Settings } from "./settings";
import { readSettings } from "./state";

export interface PlanRead extends ReadResult {
  settings: Settings;
}

/** The plan in `grids`, read with `mapping` when given, else with the mapping saved in the workbook's state sheet. */
export function readPlanWithSettings(grids: Grid[], mapping?: Mapping): PlanRead {
  const saved = readSettings(grids);
  const settings: Settings = { ...saved, mapping: mapping ?? saved.mapping };
  return { settings, ...readPlan(grids, settings.mapping, settings.levels) };
}
