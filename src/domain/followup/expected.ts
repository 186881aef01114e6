import { fitCell } from "../../sheet/spec";
import { formatAmount } from "../amounts";
import { Adjustment, Committee, Plan } from "../model";
import { planIndex } from "../planIndex";
import { committeeContent } from "./content";
import { FollowUpKind, rowKey } from "./model";

/**
 * The rows a nämnd's follow-up sheet holds, as data: which goal, uppdrag, ramjustering and nyckeltal, under which
 * key, with which locked values and which input. The sheet writer lays them out; consolidation checks a returned
 * sheet against them. Texts are as a cell holds them (fitCell), amounts in öre.
 */

/**
 * What a row's input column takes: a status from a scale, an amount, a number, or nothing (the vision); the Ekonomi
 * section's rows take figures (utfall, prognos and a kommentar) or the åtgärder.
 */
export type InputKind = "goalScale" | "assignmentScale" | "amount" | "number" | "figures" | "measures" | "none";

/** Column C of the drift row when the plan gives the nämnd no budget for the year: said, never an empty 0. */
export const BUDGET_MISSING = "Saknas i planen";
export const DRIFT_ID = "drift";

export interface ExpectedRow {
  key: string;
  kind: FollowUpKind;
  id: string;
  /** Column B. */
  title: string;
  /** Column C: the level, the förtydligande, the varaktighet or the Kolada-ID. */
  detail: string | null;
  /** Column D: the goals or the uppdrag the row belongs to. */
  link: string | null;
  /** Column E for rows without an amount: the target value, or where an uppdrag comes from. */
  value: string | null;
  /** A ramjustering's amount, in öre: column E shows it in tkr. A drift or investment row's budget: column C. */
  amountOre: number | null;
  /** Column G, locked, where the section shows something of the plan there: a nyckeltal's unit. */
  extra: string | null;
  input: InputKind;
}

const fit = (value: string | null): string | null => (value === null ? null : fitCell(value));
/** Names, one a line; none is an empty cell. */
const lines = (names: string[]): string | null => fit(names.join("\n") || null);

/**
 * The rows of nämnd `code`'s sheet, in sheet order: goals, uppdrag, ramjusteringar, nyckeltal, and for a follow-up of
 * `year` the Ekonomi section.
 */
export function expectedRows(plan: Plan, code: string, year?: number): ExpectedRow[] {
  const content = committeeContent(plan, code);
  const index = planIndex(plan);
  const levelLabel = (id: string) => plan.levels.find((l) => l.id === id)?.label ?? id;
  const goalName = (id: string) => index.goals.get(id)?.name ?? id;
  const assignmentTitle = (id: string | null) => (id ? (index.assignments.get(id)?.title ?? id) : null);
  const topLevel = plan.levels[0]?.id;
  const row = (
    kind: FollowUpKind,
    id: string,
    cells: Pick<ExpectedRow, "title" | "detail" | "link" | "value" | "input"> & Partial<ExpectedRow>,
  ): ExpectedRow => ({
    key: rowKey(kind, id),
    kind,
    id,
    amountOre: null,
    ...cells,
    title: fitCell(cells.title),
    detail: fit(cells.detail),
    link: fit(cells.link),
    value: fit(cells.value),
    extra: fit(cells.extra ?? null),
  });
  return [
    ...content.goals.map((g) =>
      row("goal", g.id, {
        title: g.name,
        detail: levelLabel(g.level),
        link: lines(g.parentIds.map(goalName)),
        value: g.target,
        // The vision is the direction, not something a nämnd assesses.
        input: g.level === topLevel ? "none" : "goalScale",
      }),
    ),
    ...content.assignments.map((a) =>
      row("assignment", a.id, {
        title: a.title,
        detail: a.clarification,
        link: lines(a.goalIds.map(goalName)),
        value: a.origin === "council" ? "Fullmäktige" : "Nämnden",
        input: "assignmentScale",
      }),
    ),
    ...content.adjustments.map((a) =>
      row("adjustment", a.id, {
        title: adjustmentName(a),
        detail: a.duration === "permanent" ? "Varaktig" : a.duration === "temporary" ? "Tillfällig" : "Ej angiven",
        link: assignmentTitle(a.assignmentId),
        value: null,
        amountOre: a.amountOre,
        input: "amount",
      }),
    ),
    ...content.keyFigures.map((k) =>
      row("keyFigure", k.id, {
        title: k.name,
        detail: k.koladaId,
        link: k.goalId ? goalName(k.goalId) : null,
        value: k.target,
        extra: k.unit,
        input: "number",
      }),
    ),
    ...(year === undefined ? [] : economyRows(plan, code, year).map(({ kind, id, ...cells }) => row(kind, id, cells))),
  ];
}

type EconomyRow = Pick<ExpectedRow, "kind" | "id" | "title" | "detail" | "link" | "value" | "input" | "amountOre">;

/**
 * The Ekonomi section's rows: the drift (the year's frame and tilläggsbudgetar together) and each investment project,
 * each followed by its row for åtgärder. A nämnd always has the drift row, its budget said missing when the plan has
 * none; a bolag gets no ram from the kommun, so only when the plan gives it a budget.
 */
function economyRows(plan: Plan, code: string, year: number): EconomyRow[] {
  const committee = plan.committees.find((c) => c.code === code);
  const budgets = plan.budgets.filter((b) => b.committee === code && b.year === year);
  const projects = new Map<string, { id: string; amountOre: number }>();
  for (const investment of plan.investments.filter((i) => i.committee === code && i.year === year)) {
    const project = projects.get(investment.project);
    if (project) project.amountOre += investment.amountOre;
    else projects.set(investment.project, { id: investment.id, amountOre: investment.amountOre });
  }
  const figures = (kind: "economy" | "investment", id: string, title: string, amountOre: number | null) => [
    {
      kind,
      id,
      title,
      detail: null,
      link: null,
      value: amountOre === null ? BUDGET_MISSING : null,
      amountOre,
      input: "figures" as const,
    },
    {
      kind: "measures" as const,
      id,
      title: MEASURES_TITLE,
      detail: null,
      link: null,
      value: null,
      amountOre: null,
      input: "measures" as const,
    },
  ];
  const drift =
    budgets.length || isNotCompany(committee) ? figures("economy", DRIFT_ID, driftTitle(budgets), sumOre(budgets)) : [];
  return [
    ...drift,
    ...[...projects].flatMap(([project, { id, amountOre }]) => figures("investment", id, project, amountOre)),
  ];
}

export const MEASURES_TITLE = "Åtgärder vid underskott";

const isNotCompany = (committee: Committee | undefined) => committee?.kind !== "company";

function sumOre(amounts: { amountOre: number }[]): number | null {
  return amounts.length ? amounts.reduce((sum, a) => sum + a.amountOre, 0) : null;
}

/** "Driftbudget, nettokostnad", and what it is made of when a tilläggsbudget adds to the frame. */
function driftTitle(budgets: Plan["budgets"]): string {
  const title = "Driftbudget, nettokostnad";
  const supplementary = budgets.filter((b) => b.kind === "supplementary");
  if (!supplementary.length) return title;
  const frame = sumOre(budgets.filter((b) => b.kind === "frame"));
  const parts = [
    ...(frame === null ? [] : [`ram ${formatAmount(frame)}`]),
    ...supplementary.map(
      (b) => `tilläggsbudget ${formatAmount(b.amountOre)}${b.description ? ` (${b.description})` : ""}`,
    ),
  ];
  return `${title}\nvarav ${parts.join(", ")}`;
}

/** A ramjustering as its sheet names it: its direction and year ("Ramminskning 2025"). */
function adjustmentName(adjustment: Adjustment): string {
  const word = adjustment.direction === "increase" ? "Ramökning" : "Ramminskning";
  return `${word}${adjustment.year ? ` ${adjustment.year}` : ""}`;
}

/** How the report names a ramjustering: as its sheet does, and the uppdrag it belongs to. */
export function adjustmentTitle(plan: Plan, id: string): string {
  const index = planIndex(plan);
  const adjustment = index.adjustments.get(id);
  if (!adjustment) return id;
  const assignment = adjustment.assignmentId === null ? undefined : index.assignments.get(adjustment.assignmentId);
  return `${adjustmentName(adjustment)}${assignment ? `: ${assignment.title}` : ""}`;
}
