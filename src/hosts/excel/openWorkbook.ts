/**
 * What Måltavlan does in the open workbook, every step the pane offers from reading the plan to writing the report:
 * the core's steps (src/domain/jobs.ts, run where `JobOptions.core` runs them) between one read and one write. Each
 * step takes the RequestContext of an Excel.run; the pane only wraps them in Excel.run and words what they return
 * (src/taskpane/excelWorkbook.ts), through one session (`openWorkbookSession`) that carries the workbook's shape
 * from step to step.
 *
 * Each keeps to the sync budget whatever the number of nämnder: validate and the outlines 2 syncs (list the sheets,
 * measure and read them), generate and consolidate 3 (the same two, then one write), plus one sync per extra 3.5 to
 * 4 MB when a plan is too large for one request or response (read.ts: the bench's plan of 20 000 uppdrag, 5 MB, is
 * validated in 3). What writes is loaded on first use (writers.ts), so reading the plan brings no writer.
 */
import type { KoladaOutcome } from "../../domain/kolada/match";
import type { AnswerSource } from "../../domain/followup/collect";
import type { Consolidation } from "../../domain/followup/consolidate";
import type { FollowUpRequest, FollowUpWrite, ReportWrite } from "../../domain/jobs";
import type { Mapping } from "../../domain/mapping";
import { isOwnSheet } from "../../domain/ownSheets";
import type { PlanRead } from "../../domain/planRead";
import { type AnswerWorkbook, reportInputs } from "../../domain/reportInputs";
import type { Period, Settings } from "../../domain/settings";
import type { Grid } from "../../sheet/grid";
import type { Language } from "../../i18n/findings";
import type { CoreSteps, ReportGoals } from "../coreSteps";
import type { FollowUpOutlineRow, OutliningCore } from "../followUpOutline";
import type { EarlierPeriods, HeldPeriod } from "../previousPeriods";
import type { CellMark } from "./marks";
import type { SheetShape } from "./read";
import { type JobOptions, type Validation, coreOf, planReadOf, validateOpenWorkbook } from "./validate";

export { type JobOptions, type Validation, planReadOf, validateOpenWorkbook };
import { type Written, createTemplate, goToCell, saveSettings } from "./workbookSetup";
export { type Written, createTemplate, goToCell, saveSettings };

const writers = () => import(/* webpackChunkName: "excel-write" */ "./writers");
const previousSteps = () => import(/* webpackChunkName: "excel-previous" */ "../previousPeriods");

/** The previous period as a request names it: a period this workbook holds, and files the pane read. */
interface PreviousRequest {
  /** An earlier period's workbooks (files the pane read): their answers are shown beside the new input. */
  previous?: AnswerSource[];
  /** An earlier period whose follow-up sheets this workbook holds: read before `previous`, which then keep to it. */
  previousPeriod?: HeldPeriod;
}

/** The previous period's sources, with this workbook's `grids` when the request names one of its periods. */
async function previousOf(request: PreviousRequest, planName: string, grids: Grid[]): Promise<AnswerSource[]> {
  if (!request.previousPeriod) return request.previous ?? [];
  return (await previousSteps()).previousSources(grids, planName, request.previousPeriod, request.previous);
}

/** The periods the workbook as read holds other than `current`, newest first, with the one to suggest. */
export async function earlierPeriodsOf(validation: Validation, current: HeldPeriod): Promise<EarlierPeriods> {
  const { earlierPeriods } = await previousSteps();
  return earlierPeriods(validation.workbook.grids, validation.settings.periods, current);
}

export interface GenerateRequest extends PreviousRequest {
  period: Period;
  year: number;
  due: string | null;
  /** The workbook's name, for the sheets' marker. */
  planName: string;
  mapping?: Mapping;
  /** Asked for when needed and passed through; never stored. */
  password?: string;
  /** Returned workbooks read in the pane: their answers win over the sheets in this workbook. */
  returned?: AnswerSource[];
  /**
   * Also this workbook as the earlier period: its history (read whole for it) and its follow-up sheets of other
   * periods. The newest period of all of them other than this one is shown.
   */
  previousInWorkbook?: boolean;
  /** Net cost per nämnd (öre, the year so far) from a ledger export: the sheets' Utfall hittills. */
  ledgerOutcomes?: ReadonlyMap<string, number>;
  /** Nyckeltal outcomes by Kolada ID from Kolada files: the Utfall of each nyckeltal. */
  koladaOutcomes?: ReadonlyMap<string, KoladaOutcome>;
  generatedAt?: string;
}

/** After a write: the workbook's shape as the next read will find it (`ReadOptions.shape`). */
interface Shaped {
  shape: SheetShape[];
}

export type GenerateResult =
  | { written: false; validation: Validation }
  | ({ written: true; validation: Validation; followUp: FollowUpWrite } & Written & Shaped);

/**
 * Validates, then writes one follow-up sheet per nämnd into the workbook (replacing this period's earlier ones and
 * keeping every answer typed in them), with the lists and the state sheet: 3 syncs. Nothing is written when the plan
 * has errors.
 */
export async function generateFollowUp(
  context: Excel.RequestContext,
  request: GenerateRequest,
  options: JobOptions = {},
): Promise<GenerateResult> {
  const { writeSheets } = await writers();
  const history = request.previousInWorkbook === true;
  const validation = await validateOpenWorkbook(context, request.mapping, { ...options, history });
  if (validation.hasErrors) return { written: false, validation };
  const core = await coreOf(options);
  const own = history ? [{ source: request.planName, grids: validation.workbook.grids }] : [];
  const followUp = await core.prepareFollowUp(validation.workbook.grids, planReadOf(validation), {
    period: request.period,
    year: request.year,
    due: request.due,
    planName: request.planName,
    password: request.password,
    returned: request.returned,
    previous: [...(await previousOf(request, request.planName, validation.workbook.grids)), ...own],
    ledgerOutcomes: request.ledgerOutcomes,
    koladaOutcomes: request.koladaOutcomes,
    generatedAt: request.generatedAt ?? new Date().toISOString(),
    intoPlanWorkbook: true,
  });
  const written = await writeSheets(context, [...followUp.sheets.map((s) => s.spec), ...followUp.support], {
    replace: followUp.replace,
    existing: validation.workbook.sheets,
    supports: options.supports,
    timeoutMs: options.timeoutMs,
    budgetBytes: options.writeBudgetBytes,
  });
  const syncs = validation.workbook.syncs + written.syncs;
  const shape = shapeAfter(validation.workbook.shape, written.shapes, followUp.replace);
  return { written: true, validation, followUp, syncs, warnings: written.warnings, shape };
}

export interface ConsolidateRequest extends PreviousRequest {
  /** The workbook's name, as the report names where answers came from. */
  planName: string;
  /** Returned workbooks read in the pane; the follow-up sheets in this workbook are always used. */
  returned: AnswerWorkbook[];
  /** Which follow-up to consolidate; default the latest found. */
  wanted?: { period: Period; year: number };
  mapping?: Mapping;
  /** The language of the findings on the report's Fynd sheet. */
  language: Language;
  /** Also Måluppfyllelse as the pane shows it and its Word chapter (in `language`). */
  goals?: boolean;
  /**
   * Earlier periods' reports, masters or returned files the pane read: their answers go into the history, and the
   * Förändring sheet compares with the newest. This workbook's own history is always read.
   */
  previous?: AnswerSource[];
}

export type ConsolidateResult =
  | { written: false; validation: Validation }
  | ({
      written: true;
      validation: Validation;
      /** The report's sheets, in the order written. */
      sheets: string[];
      /** The report's overview sheet, to go to. */
      overview: string;
      /** When asked for (ConsolidateRequest.goals). */
      goals?: ReportGoals;
    } & Omit<ReportWrite, "report" | "attainment"> &
      Written &
      Shaped);

/**
 * Consolidates the answers (this workbook's follow-up sheets and the returned workbooks) into the report sheets of
 * this workbook, replacing an earlier report, and keeps the history in it (every earlier period's answers untouched,
 * this period's in place of its earlier ones): 3 syncs, the history read in blocks with the rest (one more sync per
 * further 3.5 MB). A sheet of the user's that has a report sheet's name is never overwritten: the write stops before
 * anything is changed and says so.
 */
export async function consolidateInWorkbook(
  context: Excel.RequestContext,
  request: ConsolidateRequest,
  options: JobOptions = {},
): Promise<ConsolidateResult> {
  const { writeSheets, OVERVIEW_SHEET } = await writers();
  const validation = await validateOpenWorkbook(context, request.mapping, { ...options, history: true });
  if (validation.hasErrors) return { written: false, validation };
  const { workbook } = validation;
  const core = await coreOf(options);
  const { consolidation, figures, report, goals, movement, history } = await core.prepareReport(
    planReadOf(validation),
    {
      inputs: reportInputs({ file: request.planName, grids: workbook.grids, modified: null }, request.returned),
      wanted: request.wanted,
      language: request.language,
      goals: request.goals,
      previous: await previousOf(request, request.planName, workbook.grids),
      intoPlanWorkbook: true,
    },
  );
  const names = new Set(report.sheets.map((s) => s.name.toLocaleLowerCase("sv")));
  const earlierReport = workbook.grids
    .filter((grid) => names.has(grid.sheet.toLocaleLowerCase("sv")) && isOwnSheet(grid))
    .map((grid) => grid.sheet);
  const written = await writeSheets(context, report.sheets, {
    replace: earlierReport,
    existing: workbook.sheets,
    supports: options.supports,
    timeoutMs: options.timeoutMs,
    budgetBytes: options.writeBudgetBytes,
  });
  return {
    written: true,
    validation,
    consolidation,
    figures,
    goals,
    movement,
    history,
    // The history is no sheet to show.
    sheets: report.sheets.filter((s) => s.visibility !== "veryHidden").map((s) => s.name),
    overview: OVERVIEW_SHEET,
    syncs: workbook.syncs + written.syncs,
    warnings: written.warnings,
    shape: shapeAfter(workbook.shape, written.shapes, earlierReport),
  };
}

/** The workbook's shape after a write over what a read found: the `replaced` sheets gone, the `written` added. */
function shapeAfter(read: SheetShape[], written: SheetShape[], replaced: string[]): SheetShape[] {
  const gone = new Set([...replaced, ...written.map((sheet) => sheet.name)].map((name) => name.toLowerCase()));
  return [...read.filter((sheet) => !gone.has(sheet.name.toLowerCase())), ...written];
}

export interface SessionOptions {
  /** Where the core runs: the pane's worker, which also outlines a follow-up where it runs; in this thread by default. */
  core?: CoreSteps | OutliningCore;
  /** The name the follow-up sheets' markers and the report give this workbook. */
  planName: string;
  timeoutMs?: number;
}

/** A follow-up as the user chose it: which period, when due, the sheets' password. */
export type FollowUpChoice = Pick<
  GenerateRequest,
  "period" | "year" | "due" | "password" | "ledgerOutcomes" | "koladaOutcomes" | "previous" | "previousPeriod"
>;

/** A consolidation as the user asked for it in the pane. */
export type ReportChoice = Pick<ConsolidateRequest, "returned" | "language" | "previous" | "previousPeriod">;

/** A step that reads the plan first: what it made, or null when the plan has errors (nothing else is done). */
export interface AfterValidation<T> {
  validation: Validation;
  made: T | null;
}

/**
 * The open workbook's steps in one session, as the pane takes them one after the other: each step gets the
 * workbook's shape as the step before left it, so that a workbook too large for one response is read in blocks from
 * the start (read.ts). A shape gone stale costs a sync, never a wrong read.
 */
export function openWorkbookSession({ core, planName, timeoutMs }: SessionOptions) {
  let shape: SheetShape[] | undefined;
  const options = (): JobOptions => ({ core, timeoutMs, shape });
  const steps = async (): Promise<CoreSteps | OutliningCore> => core ?? (await coreOf({}));

  async function validate(context: Excel.RequestContext, mapping?: Mapping): Promise<Validation> {
    const validation = await validateOpenWorkbook(context, mapping, options());
    shape = validation.workbook.shape;
    return validation;
  }

  /** Reads the plan (with its saved mapping) and, when it has no errors, runs `step` on what was read. */
  async function withPlan<T>(
    context: Excel.RequestContext,
    step: (grids: Grid[], read: PlanRead, core: CoreSteps | OutliningCore) => Promise<T>,
  ): Promise<AfterValidation<T>> {
    const validation = await validate(context);
    if (validation.hasErrors) return { validation, made: null };
    return { validation, made: await step(validation.workbook.grids, planReadOf(validation), await steps()) };
  }

  /** The request for the core; the previous period's sheets are read from `grids` when `withPrevious`. */
  const followUpRequest = async (
    { previous, previousPeriod, ...choice }: FollowUpChoice,
    grids: Grid[],
    { intoPlanWorkbook, withPrevious }: { intoPlanWorkbook: boolean; withPrevious: boolean },
  ): Promise<FollowUpRequest> => ({
    ...choice,
    planName,
    generatedAt: new Date().toISOString(),
    intoPlanWorkbook,
    ...(withPrevious ? { previous: await previousOf({ previous, previousPeriod }, planName, grids) } : {}),
  });

  return {
    validate,

    /** Which follow-up sheets a generate would write: nothing is written. */
    outlineFollowUp: (context: Excel.RequestContext, choice: FollowUpChoice) =>
      withPlan(context, async (grids, read, core): Promise<FollowUpOutlineRow[]> => {
        // Which sheets and rows are written does not depend on the previous period: it is not read here.
        const request = await followUpRequest(choice, grids, { intoPlanWorkbook: true, withPrevious: false });
        if ("outlineFollowUp" in core) return core.outlineFollowUp(grids, read, request);
        return (await writers()).followUpOutlineRows(await core.prepareFollowUp(grids, read, request));
      }),

    /** Generates the follow-up into this workbook; `outline` says per sheet what was carried into it. */
    async generate(context: Excel.RequestContext, choice: FollowUpChoice) {
      const { followUpOutlineRows } = await writers();
      const result = await generateFollowUp(context, { ...choice, planName }, options());
      shape = result.written ? result.shape : result.validation.workbook.shape;
      return result.written ? { ...result, outline: followUpOutlineRows(result.followUp) } : result;
    },

    /** One workbook per nämnd with its follow-up sheet, to send out: nothing is written here. */
    committeeWorkbooks: (context: Excel.RequestContext, choice: FollowUpChoice) =>
      withPlan(context, async (grids, read, core) => {
        const request = await followUpRequest(choice, grids, { intoPlanWorkbook: false, withPrevious: true });
        const followUp = await core.prepareFollowUp(grids, read, request);
        return (await writers()).committeeWorkbooks(followUp, choice.period.name, choice.year);
      }),

    /** A ledger export's grids summed per nämnd by the settings' tables in this workbook: nothing is written. */
    importLedger: (context: Excel.RequestContext, exportGrids: Grid[]) =>
      withPlan(context, (grids, read, core) => core.importLedger(exportGrids, grids, read.plan.committees)),

    /** What the answers hold so far (this workbook's follow-up sheets and the returned ones): nothing is written. */
    outlineReport: (context: Excel.RequestContext, request: Pick<ConsolidateRequest, "returned" | "language">) =>
      withPlan(context, async (grids, read, core): Promise<Consolidation> => {
        const inputs = reportInputs({ file: planName, grids, modified: null }, request.returned);
        return (await core.prepareReport(read, { inputs, language: request.language })).consolidation;
      }),

    async consolidate(context: Excel.RequestContext, request: ReportChoice & Pick<ConsolidateRequest, "goals">) {
      const result = await consolidateInWorkbook(context, { ...request, planName }, options());
      shape = result.written ? result.shape : result.validation.workbook.shape;
      return result;
    },

    saveSettings: (context: Excel.RequestContext, settings: Settings) => saveSettings(context, settings, options()),

    createTemplate: (context: Excel.RequestContext) => createTemplate(context, options()),

    markCells: async (context: Excel.RequestContext, cells: CellMark[]) =>
      (await writers()).markCells(context, cells, { timeoutMs }),

    clearMarks: async (context: Excel.RequestContext, sheets: string[]) =>
      (await writers()).clearMarks(context, sheets, { timeoutMs }),

    goToCell: (context: Excel.RequestContext, sheet: string, cell: string) =>
      goToCell(context, sheet, cell, { timeoutMs }),
  };
}
