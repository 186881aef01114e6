import { Goal, Plan } from "../model";
import {
  AssignmentProgress,
  DEFAULT_OVERALL_RULE,
  OverallRule,
  ScaleValue,
  Settings,
  progressOf,
  valueVotes,
} from "../settings";
import { CommitteeResult, Consolidation } from "./consolidate";
import { committeeContent } from "./content";
import { overallValue } from "./goalRules";

/**
 * Måluppfyllelse down the goal tree: for every goal above the nämnder (område, kommunövergripande mål), each nämnd's
 * assessment, the overall assessment by the kommun's rule, the comments given under the goal and its uppdrag's
 * progress. Pure: from the plan and the consolidation.
 */

export interface CommitteeAssessment {
  committee: string;
  /** null: the nämnd gave none, for the goal or for any of its goals under it. */
  value: ScaleValue | null;
  /** Given for the goal itself, or the nämnd's own overall assessment of its goals under it (by the same rule). */
  from: "goal" | "below";
}

export interface GoalComment {
  committee: string;
  /** The goal the comment was given on: the goal itself or a nämndmål under it. */
  goal: Goal;
  value: string | null;
  comment: string;
}

export interface LateAssignment {
  committee: string;
  title: string;
  comment: string | null;
}

export interface AssignmentTally {
  /** One per nämnd and uppdrag: an uppdrag to three nämnder has three statuses. */
  counts: Record<AssignmentProgress, number>;
  /** Uppdrag rows with no status. */
  missing: number;
  late: LateAssignment[];
}

export interface GoalAttainment {
  goal: Goal;
  /** 0 for a goal with no goal above it in the list; one more per goal above. */
  depth: number;
  /** One per nämnd whose follow-up sheet holds the goal, in the plan's order of nämnder. */
  assessments: CommitteeAssessment[];
  overall: ScaleValue | null;
  votes: number;
  /** Given, but not voting ("Kan inte bedömas"). */
  abstained: number;
  missing: number;
  comments: GoalComment[];
  assignments: AssignmentTally;
}

/**
 * How many nämnder gave each of `scale`'s values for the goal, in the scale's order: a nämnd once, by the assessment
 * `assessments` holds for it (the goal's own, or its goals' under it). Those that gave none are `missing`.
 */
export function valueCounts(attainment: GoalAttainment, scale: ScaleValue[]): number[] {
  return scale.map((v) => attainment.assessments.filter((a) => a.value?.label === v.label).length);
}

export function overallRuleOf(settings: Settings): OverallRule {
  return settings.overallRule ?? DEFAULT_OVERALL_RULE;
}

/**
 * The goals the report assesses: those of no nämnd that a follow-up sheet asks about (the plan's top level, the
 * vision, is a direction nobody assesses), depth first from the top.
 */
export function goalAttainment(plan: Plan, consolidation: Consolidation, settings: Settings): GoalAttainment[] {
  const rule = overallRuleOf(settings);
  const topLevel = plan.levels[0]?.id;
  const shown = plan.goals.filter((g) => g.committee === null && g.level !== topLevel);
  const shownIds = new Set(shown.map((g) => g.id));
  const childrenOf = (id: string) => plan.goals.filter((g) => g.parentIds.includes(id));
  const committees = consolidation.committees.map((result) => committeeView(plan, result, settings, rule, childrenOf));
  return treeOrder(shown, shownIds).map(({ goal, depth }) => {
    const serving = committees.filter((c) => c.content.has(goal.id));
    const assessments = serving.map((c) => ({ committee: c.code, ...c.assessment(goal.id) }));
    const given = assessments.flatMap((a) => (a.value ? [a.value] : []));
    return {
      goal,
      depth,
      assessments,
      overall: overallValue(given, settings.scales.goal, rule),
      votes: given.filter(valueVotes).length,
      abstained: given.filter((v) => !valueVotes(v)).length,
      missing: assessments.length - given.length,
      comments: serving.flatMap((c) => c.comments(goal.id)),
      assignments: tally(plan, goal, childrenOf, committees, settings),
    };
  });
}

type ChildrenOf = (id: string) => Goal[];

/** One nämnd's answers, as the goals above it see them. */
function committeeView(
  plan: Plan,
  result: CommitteeResult,
  settings: Settings,
  rule: OverallRule,
  childrenOf: ChildrenOf,
) {
  const code = result.committee.code;
  const content = new Set(committeeContent(plan, code).goals.map((g) => g.id));
  const goalRows = new Map(result.rows.filter((r) => r.kind === "goal").map((r) => [r.id, r]));
  const assignmentRows = new Map(result.rows.filter((r) => r.kind === "assignment").map((r) => [r.id, r]));
  const scaleValue = (input: unknown) => settings.scales.goal.find((v) => v.label === input) ?? null;
  const own = (id: string) => childrenOf(id).filter((g) => content.has(g.id));
  const memo = new Map<string, Omit<CommitteeAssessment, "committee">>();
  const assessment = (id: string, path = new Set<string>()): Omit<CommitteeAssessment, "committee"> => {
    const known = memo.get(id);
    if (known) return known;
    const direct = scaleValue(goalRows.get(id)?.input);
    let found: Omit<CommitteeAssessment, "committee">;
    if (direct) found = { value: direct, from: "goal" };
    else {
      // A plan's goals form no cycle; a damaged one must still not loop.
      const below = own(id)
        .filter((g) => !path.has(g.id))
        .flatMap((g) => assessment(g.id, new Set([...path, id])).value ?? []);
      found = { value: overallValue(below, settings.scales.goal, rule), from: "below" };
    }
    memo.set(id, found);
    return found;
  };
  /** The comments on the goal and on the nämnd's own goals under it (down to the next goal above the nämnder). */
  const comments = (id: string): GoalComment[] => {
    const goals: Goal[] = [];
    const visit = (goal: Goal) => {
      if (goals.includes(goal)) return;
      goals.push(goal);
      for (const child of own(goal.id)) if (child.committee !== null) visit(child);
    };
    const goal = plan.goals.find((g) => g.id === id);
    if (goal) visit(goal);
    return goals.flatMap((g) => {
      const row = goalRows.get(g.id);
      if (!row?.comment) return [];
      return [
        { committee: code, goal: g, value: typeof row.input === "string" ? row.input : null, comment: row.comment },
      ];
    });
  };
  return { code, content, assessment, comments, assignmentRows };
}

type CommitteeView = ReturnType<typeof committeeView>;

/** The uppdrag linked to the goal or to any goal under it, one status per nämnd given the uppdrag. */
function tally(
  plan: Plan,
  goal: Goal,
  childrenOf: ChildrenOf,
  committees: CommitteeView[],
  settings: Settings,
): AssignmentTally {
  const under = new Set<string>();
  const collect = (id: string) => {
    if (under.has(id)) return;
    under.add(id);
    for (const child of childrenOf(id)) collect(child.id);
  };
  collect(goal.id);
  const counts = { done: 0, underWay: 0, late: 0, notStarted: 0, dropped: 0 };
  const result: AssignmentTally = { counts, missing: 0, late: [] };
  for (const assignment of plan.assignments.filter((a) => a.goalIds.some((id) => under.has(id)))) {
    for (const committee of committees) {
      const row = committee.assignmentRows.get(assignment.id);
      if (!row) continue;
      const value = settings.scales.assignment.find((v) => v.label === row.input);
      if (!value) {
        result.missing++;
        continue;
      }
      const progress = progressOf(value);
      counts[progress]++;
      if (progress === "late") result.late.push({ committee: committee.code, title: row.title, comment: row.comment });
    }
  }
  return result;
}

/** Depth first from the top: each goal followed by the goals under it (by their first parent in the list). */
function treeOrder(goals: Goal[], ids: Set<string>): { goal: Goal; depth: number }[] {
  const ordered: { goal: Goal; depth: number }[] = [];
  const placed = new Set<string>();
  const place = (goal: Goal, depth: number) => {
    if (placed.has(goal.id)) return;
    placed.add(goal.id);
    ordered.push({ goal, depth });
    for (const child of goals) if (child.parentIds.find((id) => ids.has(id)) === goal.id) place(child, depth + 1);
  };
  for (const goal of goals) if (!goal.parentIds.some((id) => ids.has(id))) place(goal, 0);
  for (const goal of goals) place(goal, 0); // a cycle's goals, which no top reaches
  return ordered;
}
