import { Adjustment, Assignment, Goal, Plan } from "./model";

/** Plan objects by id. Sheets and reports look them up row by row, which must never scan the whole plan. */
export interface PlanIndex {
  goals: Map<string, Goal>;
  assignments: Map<string, Assignment>;
  adjustments: Map<string, Adjustment>;
}

const indexes = new WeakMap<Plan, PlanIndex>();

/** Built once per plan (a plan is not changed after it is read). */
export function planIndex(plan: Plan): PlanIndex {
  let index = indexes.get(plan);
  if (!index) {
    index = {
      goals: new Map(plan.goals.map((g) => [g.id, g])),
      assignments: new Map(plan.assignments.map((a) => [a.id, a])),
      adjustments: new Map(plan.adjustments.map((a) => [a.id, a])),
    };
    indexes.set(plan, index);
  }
  return index;
}
