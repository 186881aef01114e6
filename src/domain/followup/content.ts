import { Adjustment, Assignment, Goal, KeyFigure, Plan } from "../model";
import { rowKey } from "./model";

/** What one nämnd answers for in a follow-up. */
export interface CommitteeContent {
  goals: Goal[];
  assignments: Assignment[];
  adjustments: Adjustment[];
  keyFigures: KeyFigure[];
}

/**
 * A nämnd's goals are its nämndmål, the goals its uppdrag are linked to, and every goal above those (the goals it
 * serves), top-down in plan order. Its uppdrag include KF's uppdrag given to several nämnder; its nyckeltal are those
 * hanging on any of its goals.
 */
export function committeeContent(plan: Plan, code: string): CommitteeContent {
  const assignments = plan.assignments.filter((a) => a.committees.includes(code));
  const goalsById = new Map(plan.goals.map((g) => [g.id, g]));
  const wanted = new Set<string>();
  const addWithParents = (id: string) => {
    if (wanted.has(id) || !goalsById.has(id)) return;
    wanted.add(id);
    for (const parent of goalsById.get(id)!.parentIds) addWithParents(parent);
  };
  for (const goal of plan.goals) if (goal.committee === code) addWithParents(goal.id);
  for (const assignment of assignments) for (const id of assignment.goalIds) addWithParents(id);
  return {
    goals: hierarchyOrder(plan, wanted),
    assignments,
    adjustments: plan.adjustments.filter((a) => a.committee === code),
    keyFigures: plan.keyFigures.filter((k) => k.goalId !== null && wanted.has(k.goalId)),
  };
}

/** Depth first from the top: each goal followed by the goals under it, so the sheet reads as the hierarchy. */
function hierarchyOrder(plan: Plan, wanted: Set<string>): Goal[] {
  const goals = plan.goals.filter((g) => wanted.has(g.id));
  const ordered: Goal[] = [];
  const placed = new Set<string>();
  const place = (goal: Goal) => {
    if (placed.has(goal.id)) return;
    placed.add(goal.id);
    ordered.push(goal);
    for (const child of goals) if (child.parentIds[0] === goal.id) place(child);
  };
  for (const goal of goals) if (!goal.parentIds.some((id) => wanted.has(id))) place(goal);
  for (const goal of goals) place(goal); // anything left (a first parent outside the set) keeps plan order
  return ordered;
}

/** The keys of the rows a nämnd's follow-up sheet holds. */
export function committeeKeys(plan: Plan, code: string): Set<string> {
  const content = committeeContent(plan, code);
  return new Set([
    ...content.goals.map((g) => rowKey("goal", g.id)),
    ...content.assignments.map((a) => rowKey("assignment", a.id)),
    ...content.adjustments.map((a) => rowKey("adjustment", a.id)),
    ...content.keyFigures.map((k) => rowKey("keyFigure", k.id)),
  ]);
}
