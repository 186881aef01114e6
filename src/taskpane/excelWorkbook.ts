/**
 * The pane's PaneWorkbook in Excel: each method is one `Excel.run` around the Excel host's jobs
 * (src/hosts/excel/jobs.ts), with the core passed in (the pane's Web Worker; in tests the in-thread core).
 * Returned workbooks are read by `readFiles`, also passed in, so the file library loads only when files are picked.
 * Only reading is in this module's chunk; what writes comes with its first use (excelWrite.ts).
 */
import type { Consolidation } from "../domain/followup/consolidate";
import type { PlanRead } from "../domain/planRead";
import type { CoreSteps } from "../hosts/coreSteps";
import { isOwnSheet } from "../domain/ownSheets";
import type { Finding } from "../domain/findings";
import type { Settings } from "../domain/settings";
import type { SheetShape, WorkbookReadResult } from "../hosts/excel/read";
import { type Validation, planReadOf, validateOpenWorkbook } from "../hosts/excel/validate";
import type { PaneCore } from "./followUpPreview";
import type { PaneFiles } from "./workerFiles";
import {
  PLAN_NAME,
  type ConsolidationPreview,
  type ConsolidationRequest,
  type FollowUpChoice,
  type FollowUpPreview,
  type MissingPerCommittee,
  type PaneValidation,
  type PaneWorkbook,
} from "./workbook";

/* global Excel */

/** The writing jobs, loaded when first used (the pane's first step only reads). */
const writing = () => import(/* webpackChunkName: "excel-write" */ "./excelWrite");

export { PLAN_NAME };

export function paneValidation(
  read: PlanRead,
  { grids, mergesRead }: Pick<WorkbookReadResult, "grids" | "mergesRead">,
): PaneValidation {
  const count = (severity: Finding["severity"]) => read.findings.filter((f) => f.severity === severity).length;
  return {
    plan: read.plan,
    findings: read.findings,
    sheets: read.sheets,
    ownSheets: grids
      // By marker, not name: a sheet of the user's called "Måltavlan listor" is theirs to map.
      .filter((grid) => isOwnSheet(grid) || grid.visibility === "veryHidden")
      .map((grid) => grid.sheet),
    settings: read.settings,
    unread: read.unread,
    mergesRead,
    errors: count("error"),
    warnings: count("warning"),
  };
}

/** Per nämnd: where its answers came from and which rows have none. */
export function missingPerCommittee(consolidation: Consolidation): MissingPerCommittee[] {
  return consolidation.committees.map(({ committee, source, answered, rows }) => ({
    code: committee.code,
    name: committee.name,
    source: source?.file ?? null,
    answered,
    total: rows.length,
    missing: rows.filter((row) => row.input === null).map(({ kind, title }) => ({ kind, title })),
  }));
}

export interface ExcelWorkbookOptions {
  /** The core: the pane's worker (a PaneCore, which previews a follow-up where it runs) or any CoreSteps. */
  core: CoreSteps | PaneCore;
  /** The file library (its own worker, started on first use). */
  files: PaneFiles;
  timeoutMs?: number;
}

export function excelWorkbook({ core, files, timeoutMs }: ExcelWorkbookOptions): PaneWorkbook {
  // The workbook's shape as the last job left it, so that a workbook too large for one response is read in blocks
  // from the start (src/hosts/excel/read.ts). A shape gone stale costs a sync, never a wrong read.
  let shape: SheetShape[] | undefined;
  const options = () => ({ core, timeoutMs, shape });
  const validated = <T extends Validation>(validation: T): T => {
    shape = validation.workbook.shape;
    return validation;
  };

  /** The plan in the open workbook: its grids, what the core read (without the grids) and the pane's view of it. */
  async function readPlan(context: Excel.RequestContext) {
    const validation = validated(await validateOpenWorkbook(context, undefined, options()));
    const read = planReadOf(validation);
    return { workbook: validation.workbook, read, validation: paneValidation(read, validation.workbook) };
  }

  return {
    validate: (mapping) =>
      Excel.run(async (context) => {
        const validation = validated(await validateOpenWorkbook(context, mapping, options()));
        return paneValidation(validation, validation.workbook);
      }),

    previewFollowUp: async (choice: FollowUpChoice): Promise<FollowUpPreview> => {
      const { followUpPreviewRows } = await writing();
      return Excel.run(async (context) => {
        const { workbook, read, validation } = await readPlan(context);
        if (validation.errors > 0) return { ok: false, validation };
        const request = {
          ...choice,
          planName: PLAN_NAME,
          generatedAt: new Date().toISOString(),
          intoPlanWorkbook: true,
        };
        const rows =
          "previewFollowUp" in core
            ? await core.previewFollowUp(workbook.grids, read, request)
            : followUpPreviewRows(await core.prepareFollowUp(workbook.grids, read, request));
        return { ok: true, validation, rows };
      });
    },

    generate: async (choice) => {
      const { generateFollowUp, followUpPreviewRows } = await writing();
      return Excel.run(async (context) => {
        const result = await generateFollowUp(context, { ...choice, planName: PLAN_NAME }, options());
        shape = result.written ? result.shape : result.validation.workbook.shape;
        const validation = paneValidation(result.validation, result.validation.workbook);
        if (!result.written) return { written: false, validation };
        return {
          written: true,
          validation,
          sheets: result.followUp.sheets.map((s) => s.spec.name),
          carried: followUpPreviewRows(result.followUp).map(({ sheet, answers }) => ({ sheet, answers })),
          findings: result.followUp.findings,
          warnings: result.warnings,
        };
      });
    },

    exportFollowUp: async (choice) => {
      const { committeeWorkbooks } = await writing();
      return Excel.run(async (context) => {
        const { workbook, read, validation } = await readPlan(context);
        if (validation.errors > 0) return { ok: false, validation };
        const followUp = await core.prepareFollowUp(workbook.grids, read, {
          ...choice,
          planName: PLAN_NAME,
          generatedAt: new Date().toISOString(),
          intoPlanWorkbook: false,
        });
        const workbooks = committeeWorkbooks(followUp, choice.period.name, choice.year);
        const written = await files.writeWorkbooks(workbooks, `Uppföljning ${choice.period.name} ${choice.year}.zip`);
        return { ok: true, ...written };
      });
    },

    previewConsolidation: (request: ConsolidationRequest): Promise<ConsolidationPreview> =>
      Excel.run(async (context) => {
        const { workbook, read, validation } = await readPlan(context);
        if (validation.errors > 0) return { ok: false, validation };
        const { consolidation } = await core.prepareReport(read, {
          inputs: [
            { file: PLAN_NAME, grids: workbook.grids, modified: null, master: true },
            ...request.returned.map((input) => ({ ...input, master: false })),
          ],
          language: request.language,
        });
        const found = consolidation.committees.some((c) => c.source !== null);
        return {
          ok: true,
          followUp: found ? { period: consolidation.period, year: consolidation.year } : null,
          committees: found ? missingPerCommittee(consolidation) : [],
          findings: consolidation.findings,
        };
      }),

    consolidate: async (request) => {
      const { consolidateInWorkbook, OVERVIEW_SHEET } = await writing();
      return Excel.run(async (context) => {
        const result = await consolidateInWorkbook(
          context,
          { planName: PLAN_NAME, returned: request.returned, language: request.language },
          options(),
        );
        shape = result.written ? result.shape : result.validation.workbook.shape;
        if (!result.written)
          return { written: false, validation: paneValidation(result.validation, result.validation.workbook) };
        return {
          written: true,
          sheets: result.sheets,
          overview: OVERVIEW_SHEET,
          committees: missingPerCommittee(result.consolidation),
          findings: result.consolidation.findings,
          warnings: result.warnings,
        };
      });
    },

    saveSettings: async (settings: Settings) => {
      const { saveSettings } = await writing();
      return Excel.run(async (context) => {
        await saveSettings(context, settings, options());
      });
    },

    createTemplate: async () => {
      const { createTemplate } = await writing();
      return Excel.run(async (context) => {
        await createTemplate(context, options());
      });
    },

    markCells: async (cells) => {
      const { markCells } = await writing();
      return Excel.run((context) => markCells(context, cells, { timeoutMs }));
    },

    clearMarks: async (sheets) => {
      const { clearMarks } = await writing();
      return Excel.run((context) => clearMarks(context, sheets, { timeoutMs }));
    },

    goToCell: async (sheet, cell) => {
      const { goToCell } = await writing();
      return Excel.run((context) => goToCell(context, sheet, cell, { timeoutMs }));
    },

    readFiles: (picked) => files.readFiles(picked),
  };
}
