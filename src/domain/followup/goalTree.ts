import type { GoalLevel, Plan } from "../model";
import { type OverallRule, type Settings, valueVotes } from "../settings";
import type { Consolidation } from "./consolidate";
import { type GoalAttainment, goalAttainment, overallRuleOf } from "./goalAttainment";

/**
 * Måluppfyllelse as the pane shows it after Sammanställ: each goal above the nämnder with its overall assessment and
 * each nämnd's, nothing more (no comments, no uppdrag): it crosses from the core's worker to the pane.
 */

/** A scale value as shown: its words and its colour ("RRGGBB"). */
export interface StatusMark {
  label: string;
  color: string;
}

export interface GoalTreeCommittee {
  code: string;
  name: string | null;
  /** Whether the nämnd has answered at all: one that has not is "Ej inkommet", not merely without an assessment. */
  answered: boolean;
  /** Its assessment of the goal (or of its own goals under it); null: none given. */
  status: StatusMark | null;
}

export interface GoalTreeGoal {
  id: string;
  name: string;
  level: string;
  /** 0 at the top; the goals under a goal follow it, one deeper (depth first, as the report lists them). */
  depth: number;
  overall: StatusMark | null;
  committees: GoalTreeCommittee[];
}

export interface GoalTreeView {
  rule: OverallRule;
  /** The scale's strongest voting value, which the rule "uppfyllt only if all are" names. */
  strongest: string;
  /** The plan's levels, for their names in the kommun's words. */
  levels: Pick<GoalLevel, "id" | "label" | "labelEn">[];
  goals: GoalTreeGoal[];
}

export function goalTree(
  plan: Plan,
  consolidation: Consolidation,
  settings: Settings,
  /** Måluppfyllelse already gathered from the same plan and consolidation (the chapter needs it too). */
  attainment: GoalAttainment[] = goalAttainment(plan, consolidation, settings),
): GoalTreeView {
  const committees = new Map(consolidation.committees.map((c) => [c.committee.code, c]));
  const mark = (value: StatusMark | null): StatusMark | null =>
    value ? { label: value.label, color: value.color } : null;
  const used = new Set<string>();
  const goals = attainment.map(({ goal, depth, overall, assessments }) => {
    used.add(goal.level);
    return {
      id: goal.id,
      name: goal.name,
      level: goal.level,
      depth,
      overall: mark(overall),
      committees: assessments.map((a) => {
        const result = committees.get(a.committee);
        return {
          code: a.committee,
          name: result?.committee.name ?? null,
          answered: result?.answered ?? false,
          status: mark(a.value),
        };
      }),
    };
  });
  const levels = plan.levels.filter((l) => used.has(l.id)).map(({ id, label, labelEn }) => ({ id, label, labelEn }));
  const strongest = settings.scales.goal.find(valueVotes)?.label ?? "";
  return { rule: overallRuleOf(settings), strongest, levels, goals };
}
