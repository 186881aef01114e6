import { fitCell } from "../../sheet/spec";
import { Adjustment, Plan } from "../model";
import { planIndex } from "../planIndex";
import { committeeContent } from "./content";
import { FollowUpKind, rowKey } from "./model";

/**
 * The rows a nämnd's follow-up sheet holds, as data: which goal, uppdrag, ramjustering and nyckeltal, under which
 * key, with which locked values and which input. The sheet writer lays them out; consolidation checks a returned
 * sheet against them. Texts are as a cell holds them (fitCell), amounts in öre.
 */

/** What a row's input column takes: a status from a scale, an amount, a number, or nothing (the vision). */
export type InputKind = "goalScale" | "assignmentScale" | "amount" | "number" | "none";

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
  /** A ramjustering's amount, in öre: column E shows it in tkr. */
  amountOre: number | null;
  /** Column G, locked, where the section shows something of the plan there: a nyckeltal's unit. */
  extra: string | null;
  input: InputKind;
}

const fit = (value: string | null): string | null => (value === null ? null : fitCell(value));
/** Names, one a line; none is an empty cell. */
const lines = (names: string[]): string | null => fit(names.join("\n") || null);

/** The rows of nämnd `code`'s sheet, in sheet order: goals, uppdrag, ramjusteringar, nyckeltal. */
export function expectedRows(plan: Plan, code: string): ExpectedRow[] {
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
  ];
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
