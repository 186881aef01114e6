/** The benchmarks' synthetic plan (bench/generate-plan.js), typed for the tests that build large workbooks from it. */
import type { Grid } from "../../src/sheet/grid";

const generator = require("../../bench/generate-plan.js") as {
  planData: (options: { assignments: number; adjustments: number; goals?: number }) => unknown;
  planGrids: (data: unknown) => Grid[];
};

/** A valid plan in the template layout with this many uppdrag and ramjusteringar across 15 nämnder. */
export function benchPlanGrids(options: { assignments: number; adjustments: number; goals?: number }): Grid[] {
  return generator.planGrids(generator.planData(options));
}
