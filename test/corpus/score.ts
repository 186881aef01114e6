/**
 * Scores what the reader makes of a corpus workbook against the reading written by hand from the published document
 * (test/corpus/<name>.expected.json). Items are matched one to one:
 * - committees by name (or code where the document gives one), a definite and an indefinite form being the same name;
 * - goals by normalised name + level + the names of their parents;
 * - uppdrag by normalised title + the set of committees;
 * - ramjusteringar by committee + year + amount in tkr + duration (varaktig/tillfällig/null) + whether an index line;
 * - nyckeltal by normalised name + the name of their goal;
 * - budgets by committee + year + amount in tkr + kind (a ram, or a tilläggsbudget);
 * - investments by committee + project name + year + amount in tkr;
 * - reconciled years by committee + year + whether the ram adds up + the difference in tkr + whether the changes are
 *   complete (only where the expected reading lists them).
 * Whatever the reader produced that no expected item took is an extra (silent garbage). Every corpus plan is a correct
 * plan, so every error finding is a false error.
 */
import { Finding } from "../../src/domain/findings";
import { planToJson, reconciliationToJson } from "../../src/domain/summary";

export type PlanJson = ReturnType<typeof planToJson>;
export type ReconciliationJson = ReturnType<typeof reconciliationToJson>;

export interface ExpectedCommittee {
  code: string | null;
  name: string | null;
}
export interface ExpectedGoal {
  level: string;
  name: string;
  parents: string[];
}
export interface ExpectedAssignment {
  title: string;
  /** Names (or codes) of committees listed in `committees`. */
  committees: string[];
  goals: string[];
  year: number | null;
}
export interface ExpectedAdjustment {
  committee: string;
  year: number | null;
  amountTkr: number;
  duration: "varaktig" | "tillfallig" | null;
  isIndex: boolean;
}
export interface ExpectedKeyFigure {
  name: string;
  koladaId: string | null;
  goal: string | null;
}
export interface ExpectedBudget {
  committee: string;
  year: number;
  amountTkr: number;
  kind: "frame" | "supplementary";
}
/** A project's investment budget for a year, for the nämnd that owns it. */
export interface ExpectedInvestment {
  committee: string;
  project: string;
  year: number;
  amountTkr: number;
}
/** A nämnd's year reconciled: whether its ram adds up, by how much it is off, whether its list of changes is complete. */
export interface ExpectedReconciliation {
  committee: string;
  year: number;
  addsUp: boolean;
  differenceTkr: number;
  changesComplete: boolean;
}
export interface Expected {
  note?: string;
  committees: ExpectedCommittee[];
  goals: ExpectedGoal[];
  assignments: ExpectedAssignment[];
  adjustments: ExpectedAdjustment[];
  keyFigures: ExpectedKeyFigure[];
  /** Left out where the document gives no budget (the workbooks written before budgets were read). */
  budgets?: ExpectedBudget[];
  /** Left out where the workbook was written before investments were scored: then none is counted, nor an extra. */
  investments?: ExpectedInvestment[];
  /** Left out where the workbook was written before reconciliations were scored: then none is counted, nor an extra. */
  reconciliation?: ExpectedReconciliation[];
}

export const KINDS = [
  "committees",
  "goals",
  "assignments",
  "adjustments",
  "keyFigures",
  "budgets",
  "investments",
  "reconciliation",
] as const;
export type Kind = (typeof KINDS)[number];

export interface KindScore {
  expected: number;
  right: number;
  extras: number;
}

export interface Score {
  expected: number;
  right: number;
  falseErrors: number;
  extras: number;
  byKind: Record<Kind, KindScore>;
  /** Rules of the false errors, with how many of each. */
  errorRules: Record<string, number>;
  /** Set when the reader threw instead of reading. */
  crashed?: string;
}

/** Case, dashes, quotes, spaces and trailing punctuation do not make two texts different. */
export function normalise(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[”“„"'’]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/[.:;,]+$/, "")
    .trim();
}

/** The same text, or one holding the other where the difference is small (a trailing note, a lost prefix). */
export function sameText(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 20 && long.includes(short) && short.length / long.length >= 0.85;
}

function sameCommitteeName(a: string, b: string): boolean {
  const x = normalise(a);
  const y = normalise(b);
  return x === y || x === `${y}n` || y === `${x}n` || x === `${y}en` || y === `${x}en`;
}

interface ReaderCommittee {
  code: string;
  name: string | null;
}

function committeeMatches(expected: ExpectedCommittee, read: ReaderCommittee): boolean {
  if (expected.code && normalise(expected.code) === normalise(read.code)) return true;
  if (expected.name && read.name && sameCommitteeName(expected.name, read.name)) return true;
  return !!expected.name && sameCommitteeName(expected.name, read.code);
}

function sameSet<E, R>(expected: E[], read: R[], matches: (e: E, r: R) => boolean): boolean {
  if (expected.length !== read.length) return false;
  const used = new Set<number>();
  return expected.every((e) => {
    const index = read.findIndex((r, i) => !used.has(i) && matches(e, r));
    if (index < 0) return false;
    used.add(index);
    return true;
  });
}

/** Pairs each expected item with the first unused read item it matches; returns how many matched and what was left. */
function pair<E, R>(expected: E[], read: R[], matches: (e: E, r: R) => boolean): KindScore {
  const used = new Set<number>();
  let right = 0;
  for (const e of expected) {
    const index = read.findIndex((r, i) => !used.has(i) && matches(e, r));
    if (index >= 0) {
      used.add(index);
      right++;
    }
  }
  return { expected: expected.length, right, extras: read.length - used.size };
}

export function scorePlan(
  expected: Expected,
  plan: PlanJson,
  findings: Finding[],
  reconciliation: ReconciliationJson,
): Score {
  const committeeByCode = new Map(plan.committees.map((c) => [c.code, c]));
  const readCommittee = (code: string): ReaderCommittee => committeeByCode.get(code) ?? { code, name: null };
  const expectedCommittee = (ref: string): ExpectedCommittee =>
    expected.committees.find((c) => c.code === ref || c.name === ref) ?? { code: ref, name: ref };
  const goalName = new Map(plan.goals.map((g) => [g.id, g.name]));
  const namesOf = (ids: string[]) => ids.map((id) => goalName.get(id) ?? id);

  const byKind: Record<Kind, KindScore> = {
    committees: pair(expected.committees, plan.committees, committeeMatches),
    goals: pair(
      expected.goals,
      plan.goals,
      (e, r) => e.level === r.level && sameText(e.name, r.name) && sameSet(e.parents, namesOf(r.parentIds), sameText),
    ),
    assignments: pair(
      expected.assignments,
      plan.assignments,
      (e, r) =>
        sameText(e.title, r.title) &&
        sameSet(e.committees.map(expectedCommittee), r.committees.map(readCommittee), committeeMatches),
    ),
    adjustments: pair(
      expected.adjustments,
      plan.adjustments,
      (e, r) =>
        committeeMatches(expectedCommittee(e.committee), readCommittee(r.committee)) &&
        e.year === r.year &&
        e.amountTkr === r.amountTkr &&
        e.duration === r.duration &&
        e.isIndex === r.isIndex,
    ),
    keyFigures: pair(
      expected.keyFigures,
      plan.keyFigures,
      (e, r) =>
        sameText(e.name, r.name) &&
        (e.goal === null ? r.goalId === null : r.goalId !== null && sameText(e.goal, goalName.get(r.goalId) ?? "")),
    ),
    budgets: pair(
      expected.budgets ?? [],
      plan.budgets,
      (e, r) =>
        committeeMatches(expectedCommittee(e.committee), readCommittee(r.committee)) &&
        e.year === r.year &&
        e.amountTkr === r.amountTkr &&
        e.kind === r.kind,
    ),
    investments: expected.investments
      ? pair(
          expected.investments,
          plan.investments,
          (e, r) =>
            committeeMatches(expectedCommittee(e.committee), readCommittee(r.committee)) &&
            sameText(e.project, r.project) &&
            e.year === r.year &&
            e.amountTkr === r.amountTkr,
        )
      : { expected: 0, right: 0, extras: 0 },
    reconciliation: expected.reconciliation
      ? pair(
          expected.reconciliation,
          reconciliation,
          (e, r) =>
            committeeMatches(expectedCommittee(e.committee), readCommittee(r.committee)) &&
            e.year === r.year &&
            e.addsUp === r.addsUp &&
            e.differenceTkr === r.differenceTkr &&
            e.changesComplete === r.changesComplete,
        )
      : { expected: 0, right: 0, extras: 0 },
  };
  const errors = findings.filter((f) => f.severity === "error");
  const errorRules: Record<string, number> = {};
  for (const f of errors) errorRules[f.rule] = (errorRules[f.rule] ?? 0) + 1;
  const total = (key: keyof KindScore) => KINDS.reduce((sum, kind) => sum + byKind[kind][key], 0);
  return {
    expected: total("expected"),
    right: total("right"),
    falseErrors: errors.length,
    extras: total("extras"),
    byKind,
    errorRules,
  };
}

/** The score of a workbook the reader could not read at all: nothing right, one false error. */
export function crashScore(expected: Expected, error: unknown): Score {
  const byKind = Object.fromEntries(
    KINDS.map((kind) => [kind, { expected: (expected[kind] ?? []).length, right: 0, extras: 0 }]),
  ) as Record<Kind, KindScore>;
  const count = KINDS.reduce((sum, kind) => sum + byKind[kind].expected, 0);
  return {
    expected: count,
    right: 0,
    falseErrors: 1,
    extras: 0,
    byKind,
    errorRules: { crash: 1 },
    crashed: error instanceof Error ? error.message : String(error),
  };
}
