import { Consolidation, ResultRow } from "../../src/domain/followup/consolidate";
import { Assignment, DEFAULT_LEVELS, Goal, Plan } from "../../src/domain/model";

/** A small plan held in memory for Måluppfyllelse: område → kommunmål → nämndmål, four nämnder, and their answers. */

export const goal = (id: string, level: string, parentIds: string[], committee: string | null = null): Goal => ({
  id,
  level,
  name: `Mål ${id}`,
  parentIds,
  committee,
  target: null,
});
export const assignment = (id: string, goalIds: string[], committees: string[]): Assignment => ({
  id,
  title: `Uppdrag ${id}`,
  clarification: null,
  goalIds,
  committees,
  origin: "council",
  year: 2024,
});

export const CODES = ["A", "B", "C", "D"];
export const PLAN: Plan = {
  years: [2024],
  levels: DEFAULT_LEVELS,
  committees: CODES.map((code) => ({ code, name: `Nämnd ${code}`, kind: "committee" })),
  goals: [
    goal("V", "vision", []),
    goal("O", "omrade", ["V"]),
    goal("M1", "kommunmal", ["O"]),
    goal("M2", "kommunmal", ["O"]),
    goal("A1", "namndmal", ["M1"], "A"),
    goal("B1", "namndmal", ["M1"], "B"),
    goal("B2", "namndmal", ["M1"], "B"),
    goal("C1", "namndmal", ["M1"], "C"),
    goal("D1", "namndmal", ["M2"], "D"),
  ],
  assignments: [assignment("U1", ["A1"], ["A", "B"]), assignment("U2", ["M2"], ["D"])],
  adjustments: [],
  keyFigures: [],
  budgets: [],
  investments: [],
};

export type Typed = Record<string, [string | null, string | null]>;

/** Each nämnd's typed answers, by plan id: [status, comment]. */
export function consolidation(answers: Record<string, Typed>, plan: Plan = PLAN): Consolidation {
  return {
    period: { name: "T1", kind: "forecast" },
    year: 2024,
    findings: [],
    committees: plan.committees.map((committee) => {
      const typed = answers[committee.code] ?? {};
      const row = (kind: "goal" | "assignment", id: string): ResultRow => ({
        kind,
        id,
        title: kind === "goal" ? `Mål ${id}` : `Uppdrag ${id}`,
        input: typed[id]?.[0] ?? null,
        comment: typed[id]?.[1] ?? null,
      });
      const goals = plan.goals.filter((g) => g.level !== "vision" && sheetHolds(plan, committee.code, g));
      const assignments = plan.assignments.filter((a) => a.committees.includes(committee.code));
      return {
        committee,
        economy: [],
        source: null,
        answered: Object.keys(typed).length > 0,
        rows: [...goals.map((g) => row("goal", g.id)), ...assignments.map((a) => row("assignment", a.id))],
        carried: [],
      };
    }),
  };
}

/** Whether the nämnd's sheet holds the goal: its own goals, the goals of its uppdrag, and everything above. */
function sheetHolds(plan: Plan, code: string, target: Goal): boolean {
  const own = plan.goals.filter(
    (g) =>
      g.committee === code || plan.assignments.some((a) => a.committees.includes(code) && a.goalIds.includes(g.id)),
  );
  const above = (g: Goal): Goal[] => [g, ...g.parentIds.flatMap((id) => above(plan.goals.find((p) => p.id === id)!))];
  return own.flatMap(above).includes(target);
}
