/**
 * The core's steps as a host calls them: in-thread here; the task pane runs the same functions in a Web Worker
 * (src/taskpane/core.worker.ts), so that a large plan never blocks the pane. Everything passed is plain data, so a
 * report is asked for in a language, and its findings are put into words here, above the core (src/i18n).
 *
 * Reading the plan is loaded with this module; the follow-up's and the report's steps (and the findings' words) are
 * loaded on first use, so the pane's worker can read the plan as soon as it starts.
 */
import type { Grid } from "../sheet/grid";
import type { FollowUpRequest, FollowUpWrite, ReportRequest, ReportWrite } from "../domain/jobs";
import type { Mapping } from "../domain/mapping";
import { type PlanRead, readPlanWithSettings } from "../domain/planRead";
import type { Language } from "../i18n/findings";
import type { Committee } from "../domain/model";
import type { Finding } from "../domain/findings";
import type { LedgerImport } from "../domain/ledger/import";
import type { GoalTreeView } from "../domain/followup/goalTree";
import type { GoalChapter } from "../domain/followup/goalChapter";

/** A ledger export summed by the plan's settings, with what reading the settings' tables found (plain data). */
export interface LedgerImportRun {
  settingsFindings: Finding[];
  result: LedgerImport;
}

const followUpSteps = () => import(/* webpackChunkName: "core-followup" */ "../domain/jobs");
const ledgerSteps = () => import(/* webpackChunkName: "core-ledger" */ "../domain/ledger/import");
const findingWords = () => import(/* webpackChunkName: "core-findings" */ "../i18n/findings");
const reportWords = () => import(/* webpackChunkName: "core-findings" */ "../i18n/goalReport");
const goalSteps = () =>
  Promise.all([
    import(/* webpackChunkName: "core-followup" */ "../domain/followup/goalTree"),
    import(/* webpackChunkName: "core-followup" */ "../domain/followup/goalChapter"),
  ]);

/** A report's request as plain data: the language of its findings and its Måluppfyllelse instead of their words. */
export interface ReportInLanguage extends Omit<ReportRequest, "describe" | "goalWords"> {
  language: Language;
  /** Måluppfyllelse as the pane shows it and as its Word chapter, made beside the report (the pane's Sammanställ). */
  goals?: boolean;
}

/** Måluppfyllelse for the pane: the goal tree it shows, and the chapter's content for its Word button. */
export interface ReportGoals {
  tree: GoalTreeView;
  chapter: GoalChapter;
}

export interface PreparedReport extends Omit<ReportWrite, "attainment"> {
  /** Only when asked for (ReportInLanguage.goals). */
  goals?: ReportGoals;
}

export interface CoreSteps {
  readPlan(grids: Grid[], mapping?: Mapping): Promise<PlanRead>;
  prepareFollowUp(grids: Grid[], read: PlanRead, request: FollowUpRequest): Promise<FollowUpWrite>;
  prepareReport(read: PlanRead, request: ReportInLanguage): Promise<PreparedReport>;
  importLedger(exportGrids: Grid[], planGrids: Grid[], committees: Committee[]): Promise<LedgerImportRun>;
}

export const inThreadCore: CoreSteps = {
  readPlan: async (grids, mapping) => readPlanWithSettings(grids, mapping),
  prepareFollowUp: async (grids, read, request) => (await followUpSteps()).prepareFollowUp(grids, read, request),
  prepareReport: async (read, { language, goals, ...request }) => {
    const [{ prepareReport }, { findingMessage }, { GOAL_REPORT_WORDS, GOAL_CHAPTER_WORDS }] = await Promise.all([
      followUpSteps(),
      findingWords(),
      reportWords(),
    ]);
    const describe = (finding: Finding) => findingMessage(finding, language);
    // Måluppfyllelse stays here, with the core: gathered once for the report, the tree and the chapter.
    const { attainment, ...report } = prepareReport(read, {
      ...request,
      describe,
      goalWords: GOAL_REPORT_WORDS[language],
    });
    if (!goals) return report;
    const [{ goalTree }, { goalChapter }] = await goalSteps();
    const { plan, settings } = read;
    return {
      ...report,
      goals: {
        tree: goalTree(plan, report.consolidation, settings, attainment),
        chapter: goalChapter(plan, report.consolidation, settings, GOAL_CHAPTER_WORDS[language], attainment),
      },
    };
  },
  importLedger: async (exportGrids, planGrids, committees) => {
    const { settings, result } = (await ledgerSteps()).importLedgerForPlan(exportGrids, planGrids, committees);
    return { settingsFindings: settings.findings, result };
  },
};
