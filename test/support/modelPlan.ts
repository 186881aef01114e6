import { Adjustment, Assignment, DEFAULT_LEVELS, Goal, Plan } from "../../src/domain/model";

/**
 * Plans as the core holds them, for tests that need no file: what a test does not give is empty (or the council's, the
 * default levels, a tillfällig ramökning tied to no uppdrag), so that each test spells out only what it is about.
 */

export function modelPlan(parts: Partial<Plan> & Pick<Plan, "years">): Plan {
  return {
    levels: DEFAULT_LEVELS,
    committees: [],
    goals: [],
    assignments: [],
    adjustments: [],
    keyFigures: [],
    budgets: [],
    investments: [],
    ...parts,
  };
}

export function modelGoal(given: Pick<Goal, "id" | "level" | "name"> & Partial<Goal>): Goal {
  return { parentIds: [], committee: null, target: null, ...given };
}

export function modelAssignment(
  given: Pick<Assignment, "id" | "title" | "committees" | "year"> & Partial<Assignment>,
): Assignment {
  return { clarification: null, goalIds: [], origin: "council", ...given };
}

export function modelAdjustment(
  given: Pick<Adjustment, "id" | "committee" | "year" | "amountOre"> & Partial<Adjustment>,
): Adjustment {
  return {
    direction: "increase",
    duration: "temporary",
    assignmentId: null,
    description: null,
    isIndex: false,
    ...given,
  };
}
