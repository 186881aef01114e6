/**
 * What the Skapa step shows of a follow-up before it is written: per nämnd its sheet, created or updated, rows and
 * answers carried over. Computed where the core runs (the worker), so the sheets themselves never cross to the pane.
 */
import { hasContent } from "../domain/followup/model";
import type { FollowUpRequest, FollowUpWrite } from "../domain/jobs";
import type { PlanRead } from "../domain/planRead";
import type { CoreSteps } from "../hosts/coreSteps";
import type { Grid } from "../sheet/grid";
import type { FollowUpPreviewRow } from "./workbook";

export function followUpPreviewRows(followUp: FollowUpWrite): FollowUpPreviewRow[] {
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
    },
    answers: [...(followUp.answers.get(committee.code)?.values() ?? [])].filter(hasContent).length,
  }));
}

/** The core's steps as the pane uses them: CoreSteps, and the follow-up's preview. */
export interface PaneCore extends CoreSteps {
  previewFollowUp(grids: Grid[], read: PlanRead, request: FollowUpRequest): Promise<FollowUpPreviewRow[]>;
}
