/**
 * What a follow-up would write, per nämnd: its sheet, created or updated, rows and answers carried over. The pane's
 * Skapa step shows it before anything is written; its worker computes it beside the sheets (`OutliningCore`), so
 * the sheets themselves never cross to the pane.
 */
import { hasContent } from "../domain/followup/model";
import type { PlanRowKind } from "../domain/followup/model";
import type { FollowUpRequest, FollowUpWrite } from "../domain/jobs";
import type { PlanRead } from "../domain/planRead";
import type { Grid } from "../sheet/grid";
import type { CoreSteps } from "./coreSteps";

/** One nämnd's sheet as a follow-up would write it. */
export interface FollowUpOutlineRow {
  code: string;
  name: string | null;
  sheet: string;
  /** The sheet for this period exists and is replaced (its answers carried over). */
  update: boolean;
  /** Rows per section; `carried`: the uppdrag carried from earlier years (absent when none). */
  counts: Record<PlanRowKind, number> & { carried?: number };
  /** Answers carried over into the new sheet. */
  answers: number;
}

export function followUpOutlineRows(followUp: FollowUpWrite): FollowUpOutlineRow[] {
  const replaced = new Set(followUp.replace.map((name) => name.toLocaleLowerCase("sv")));
  return followUp.sheets.map(({ committee, spec, counts }) => ({
    code: committee.code,
    name: committee.name,
    sheet: spec.name,
    update: replaced.has(spec.name.toLocaleLowerCase("sv")),
    counts: {
      goal: counts.goal,
      assignment: counts.assignment,
      adjustment: counts.adjustment,
      keyFigure: counts.keyFigure,
      ...(counts.carried ? { carried: counts.carried } : {}),
    },
    answers: [...(followUp.answers.get(committee.code)?.values() ?? [])].filter(hasContent).length,
  }));
}

/** The core's steps, and the outline of a follow-up computed where they run (the pane's worker). */
export interface OutliningCore extends CoreSteps {
  outlineFollowUp(grids: Grid[], read: PlanRead, request: FollowUpRequest): Promise<FollowUpOutlineRow[]>;
}
