import { Finding } from "./findings";
import { DEFAULT_LEVELS, GoalLevel, Plan } from "./model";
import { RawPlan } from "./raw";
import { AdjustmentReader } from "./resolve/adjustments";
import { AssignmentReader } from "./resolve/assignments";
import { BudgetReader, SourceCells } from "./resolve/budgets";
import { RamReconciler, RamYear } from "./resolve/ramReconcile";
import { TableReconciler } from "./resolve/tableReconcile";
import { CommitteeReader } from "./resolve/committees";
import { newResolveState } from "./resolve/context";
import { GoalReader } from "./resolve/goals";
import { KeyFigureReader } from "./resolve/keyFigures";
import { YearReader } from "./resolve/years";

/**
 * Turns raw rows from any layout into one Plan: resolves names and ids, parses amounts and words, derives stable keys,
 * and reports every problem at its cell. Whatever cannot be resolved is left out of the plan and becomes a finding,
 * so the plan never holds a guess. Each kind of row has its part in resolve/, over one shared state.
 */

export interface ResolveOptions {
  levels?: GoalLevel[];
  /** Years given by a mapping; they win over the plan's facts (its Inställningar sheet). */
  years?: number[];
  /** Whether a ram block's "Ram föregående år" holds last year's tillfälliga, where the plan does not show it. */
  previousRamHoldsTemporary?: boolean;
}

export interface Resolved {
  plan: Plan;
  findings: Finding[];
  /** The cell each budget and investment was read from, by its id. */
  sources: SourceCells;
  /** Each nämnd's years, reconciled from its ram block or its driftbudget table: ram förra året + changes = ram. */
  reconciliation: RamYear[];
}

export function resolvePlan(raw: RawPlan, options: ResolveOptions = {}): Resolved {
  const levels = options.levels ?? DEFAULT_LEVELS;
  const state = newResolveState();
  const committees = new CommitteeReader(state);
  const goalReader = new GoalReader(state, levels, committees);
  const { rows } = raw;
  committees.readRegister(rows.committee);
  const goals = goalReader.read(rows.goal);
  const assignments = new AssignmentReader(state, committees, goalReader).read(rows.assignment, goals);
  const adjustmentReader = new AdjustmentReader(state, committees);
  const adjustments = adjustmentReader.read(rows.adjustment, assignments);
  const keyFigures = new KeyFigureReader(state, goalReader).read(rows.keyFigure, goals);
  const yearReader = new YearReader(state);
  const years = options.years?.length ? options.years : yearReader.planYears(raw.facts, assignments.all, adjustments);
  yearReader.checkYears(years, rows.assignment, rows.adjustment);
  const budgetReader = new BudgetReader(state, committees);
  const budgets = budgetReader.readBudgets(raw.budgets ?? []);
  const investments = budgetReader.readInvestments(raw.investments ?? []);
  const byBlocks = new RamReconciler(state, committees, options.previousRamHoldsTemporary).reconcile(
    raw.ramBlocks ?? [],
  );
  const byTables = new TableReconciler(state, committees).reconcile({
    budgets,
    adjustments,
    sources: budgetReader.sources,
    halfUnits: budgetReader.halfUnits,
    totals: raw.changeTotals ?? [],
    assumedDurations: adjustmentReader.assumedDurations,
    byBlocks,
  });
  const reconciliation = [...byBlocks, ...byTables];
  committees.reportEveryCommitteeWithoutRegister();
  const plan: Plan = {
    years,
    levels,
    committees: committees.directory.all(),
    goals,
    assignments: assignments.all,
    adjustments,
    keyFigures,
    budgets,
    investments,
  };
  return { plan, findings: state.findings, sources: budgetReader.sources, reconciliation };
}
