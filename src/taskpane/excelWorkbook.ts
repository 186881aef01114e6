/**
 * The pane's PaneWorkbook in Excel: each method is one `Excel.run` around a step of the open workbook's session
 * (src/hosts/excel/openWorkbook.ts), with the core passed in (the pane's Web Worker; in tests the in-thread core),
 * and what the step returns put as the pane shows it. Returned workbooks are read and the committees' workbooks
 * written by `files`, also passed in, so the file library loads only when files are picked or written.
 */
import type { Consolidation } from "../domain/followup/consolidate";
import type { PlanRead } from "../domain/planRead";
import type { CoreSteps } from "../hosts/coreSteps";
import { isOwnSheet } from "../domain/ownSheets";
import type { Finding } from "../domain/findings";
import { type Validation, earlierPeriodsOf, openWorkbookSession } from "../hosts/excel/openWorkbook";
import type { WorkbookReadResult } from "../hosts/excel/read";
import type { PaneCore } from "./followUpOutline";
import type { PaneFiles } from "./workerFiles";
import type { PaneChapter } from "./chapterClient";
import type { GoalChapter } from "../domain/followup/goalChapter";
import {
  PLAN_NAME,
  type MissingPerCommittee,
  type PaneValidation,
  type PaneWorkbook,
  type PreviousChoice,
} from "./workbook";

/* global Excel */

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

/** The previous period as the host's request names it: this workbook's period, the files as answer sources. */
function previousRequest(previous: PreviousChoice | undefined) {
  if (!previous) return {};
  return {
    ...(previous.period ? { previousPeriod: previous.period } : {}),
    previous: previous.files.map(({ file, grids }) => ({ source: file, grids })),
  };
}

export interface ExcelWorkbookOptions {
  /** The core: the pane's worker (a PaneCore, which outlines a follow-up where it runs) or any CoreSteps. */
  core: CoreSteps | PaneCore;
  /** The file library (its own worker, started on first use). */
  files: PaneFiles;
  /** The chapter in Word (its own worker, started on first use). */
  chapter: PaneChapter;
  timeoutMs?: number;
}

export function excelWorkbook({ core, files, chapter, timeoutMs }: ExcelWorkbookOptions): PaneWorkbook {
  const session = openWorkbookSession({ core, planName: PLAN_NAME, timeoutMs });
  const validationOf = (validation: Validation) => paneValidation(validation, validation.workbook);
  /** The last consolidate's chapter: what its report says, for the Word button. */
  let lastChapter: GoalChapter | null = null;

  return {
    validate: (mapping) => Excel.run(async (context) => validationOf(await session.validate(context, mapping))),

    outlineFollowUp: ({ previous, ...choice }) =>
      Excel.run(async (context) => {
        const { validation, made } = await session.outlineFollowUp(context, {
          ...choice,
          ...previousRequest(previous),
        });
        if (!made) return { ok: false, validation: validationOf(validation) };
        const earlier = await earlierPeriodsOf(validation, { period: choice.period.name, year: choice.year });
        return { ok: true, validation: validationOf(validation), rows: made, earlier };
      }),

    generate: ({ previous, ...choice }) =>
      Excel.run(async (context) => {
        const result = await session.generate(context, { ...choice, ...previousRequest(previous) });
        const validation = validationOf(result.validation);
        if (!result.written) return { written: false, validation };
        return {
          written: true,
          validation,
          sheets: result.followUp.sheets.map((s) => s.spec.name),
          carried: result.outline.map(({ sheet, answers }) => ({ sheet, answers })),
          findings: result.followUp.findings,
          warnings: result.warnings,
        };
      }),

    exportFollowUp: ({ previous, ...choice }) =>
      Excel.run(async (context) => {
        const { validation, made } = await session.committeeWorkbooks(context, {
          ...choice,
          ...previousRequest(previous),
        });
        if (!made) return { ok: false, validation: validationOf(validation) };
        const written = await files.writeWorkbooks(made, `Uppföljning ${choice.period.name} ${choice.year}.zip`);
        return { ok: true, ...written };
      }),

    outlineConsolidation: (request) =>
      Excel.run(async (context) => {
        const { validation, made: consolidation } = await session.outlineReport(context, request);
        if (!consolidation) return { ok: false, validation: validationOf(validation) };
        const found = consolidation.committees.some((c) => c.source !== null);
        const current = { period: consolidation.period.name, year: consolidation.year };
        return {
          ok: true,
          followUp: found ? { period: consolidation.period, year: consolidation.year } : null,
          committees: found ? missingPerCommittee(consolidation) : [],
          findings: consolidation.findings,
          earlier: await earlierPeriodsOf(validation, current),
        };
      }),

    consolidate: ({ previous, ...request }) =>
      Excel.run(async (context) => {
        const result = await session.consolidate(context, { ...request, ...previousRequest(previous), goals: true });
        if (!result.written) return { written: false, validation: validationOf(result.validation) };
        lastChapter = result.goals?.chapter ?? null;
        return {
          written: true,
          sheets: result.sheets,
          overview: result.overview,
          committees: missingPerCommittee(result.consolidation),
          findings: result.consolidation.findings,
          warnings: result.warnings,
          goals: result.goals?.tree ?? null,
        };
      }),

    async chapterDocx() {
      if (!lastChapter) throw new Error("Sammanställ först: kapitlet byggs av den senaste sammanställningen.");
      return { fileName: `${lastChapter.title}.docx`, data: await chapter.docx(lastChapter) };
    },

    saveSettings: (settings) =>
      Excel.run(async (context) => {
        await session.saveSettings(context, settings);
      }),

    createTemplate: () =>
      Excel.run(async (context) => {
        await session.createTemplate(context);
      }),

    markCells: (cells) => Excel.run((context) => session.markCells(context, cells)),
    clearMarks: (sheets) => Excel.run((context) => session.clearMarks(context, sheets)),
    goToCell: (sheet, cell) => Excel.run((context) => session.goToCell(context, sheet, cell)),
    readFiles: (picked) => files.readFiles(picked),
    readKolada: (picked, municipality) => files.readKolada(picked, municipality),

    async importLedger(file) {
      const read = await files.readLedger(file);
      if (!read.ok) return { status: "unusable", file: read.file, problem: read.problem };
      return Excel.run(async (context) => {
        const { validation, made } = await session.importLedger(context, read.grids);
        if (!made) return { status: "planErrors", file: read.file, validation: validationOf(validation) };
        const findings = [
          ...made.settingsFindings.map((f) => ({ ...f, file: PLAN_NAME })),
          ...(made.result.ok ? made.result.findings.map((f) => ({ ...f, file: read.file })) : []),
        ];
        return { status: "imported", file: read.file, result: made.result, findings };
      });
    },
  };
}
