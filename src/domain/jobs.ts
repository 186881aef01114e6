/**
 * The steps every host takes the same way, from the grids it read: the plan with its settings, and what a
 * follow-up writes. The CLI (files) and the Excel host (the open workbook) only read and write around these.
 */
import { KoladaOutcome } from "./kolada/match";
import { Grid } from "../sheet/grid";
import { FileFinding, Finding } from "./findings";
import { SheetSpec, WorkbookSpec } from "../sheet/spec";
import { AnswerSource, collectAnswers } from "./followup/collect";
import { Consolidation, WorkbookInput, consolidate } from "./followup/consolidate";
import { CommitteeFigures, reportFigures, reportWorkbook } from "./followup/report";
import { GoalAttainment, goalAttainment } from "./followup/goalAttainment";
import type { GoalReportWords } from "./followup/goalAttainmentSheet";
import { FollowUpSheet, followUpSheets, supportSheets } from "./followup/generate";
import { Answer } from "./followup/model";
import { PreviousRead, comparableWith, previousPeriodOf, yearTurnPrevious } from "./followup/previousPeriod";
import { Movement, movementSince } from "./followup/movement";
import {
  AnswerPeriods,
  consolidatedPeriod,
  historyEntries,
  periodOrder,
  readAnswerPeriods,
  samePeriod,
} from "./followup/answerPeriods";
import { HISTORY_SHEET, historySheet, isHistorySheet } from "./followup/history";
import { historyReportSheet } from "./followup/historyReport";
import { readCarried } from "./followup/carriedRead";
import type { PlanRead } from "./planRead";
import { Period, PeriodKind } from "./settings";
import { placeHistorySheet, placeOwnSheets, sheetHeads } from "./ownSheetNames";
import { readOwnSheetNames } from "./state";

export interface FollowUpRequest {
  period: Period;
  year: number;
  due: string | null;
  generatedAt: string;
  planName: string;
  password?: string;
  /** Follow-up sheets returned by nämnder: their answers win over the plan workbook's own. */
  returned?: AnswerSource[];
  /** An earlier period's master or returned files: its answers are shown beside the new input (previousPeriod.ts). */
  previous?: AnswerSource[];
  /**
   * Whether the sheets go into the plan workbook itself (Excel, `generate --out`): then the plan's own sheet names
   * are taken, and this period's follow-up sheets, the lists and the state sheet are replaced – Måltavlan's, never a
   * sheet of the user's that has one of their names (src/domain/ownSheetNames.ts).
   */
  intoPlanWorkbook: boolean;
  /**
   * Net cost per nämnd (committee code → öre, the year so far) from the ledger export (src/domain/ledger/), for the
   * sheets' Ekonomi section; absent when no export was given.
   */
  ledgerOutcomes?: ReadonlyMap<string, number>;
  /** Nyckeltal outcomes by Kolada ID from Kolada files (src/domain/kolada/); absent when none was given. */
  koladaOutcomes?: ReadonlyMap<string, KoladaOutcome>;
}

export interface FollowUpWrite {
  sheets: FollowUpSheet[];
  /** The lists and state sheets every follow-up workbook carries. */
  support: SheetSpec[];
  /** Sheets of the plan workbook this write replaces (empty when not writing into it). */
  replace: string[];
  /** Answers carried over, by committee code, then row key. */
  answers: Map<string, Map<string, Answer>>;
  /** What reading the earlier sheets found, at their files and cells, and what writing the new ones found. */
  findings: FileFinding[];
}

/** What a follow-up writes, keeping every earlier answer (from the plan workbook's sheets and the returned ones). */
export function prepareFollowUp(grids: Grid[], read: PlanRead, request: FollowUpRequest): FollowUpWrite {
  const planSource = { source: request.planName, grids };
  const collected = collectAnswers(
    read.plan,
    [planSource, ...(request.returned ?? [])],
    request.period,
    request.year,
    read.settings,
  );
  // The sheets of the workbook the follow-up goes into: the plan workbook's, or none (a workbook of its own).
  const into = request.intoPlanWorkbook ? grids : [];
  const own = placeOwnSheets(sheetHeads(into), readOwnSheetNames(into));
  const earlier = collected.sheets.filter((s) => request.intoPlanWorkbook && s.source === planSource.source);
  const replace = [...earlier.map((s) => s.sheet), ...own.replace];
  const replaced = new Set(replace.map((name) => name.toLocaleLowerCase("sv")));
  const kept = into.map((g) => g.sheet).filter((name) => !replaced.has(name.toLocaleLowerCase("sv")));
  // The earlier periods `previous` holds, from follow-up sheets or a report's history, read once for both uses.
  const periods = request.previous?.length ? readAnswerPeriods(read.plan, request.previous, read.settings) : null;
  // Uppdrag carried from earlier years; at the turn of a year the previous period's IDs are another plan's.
  const carried = readCarried(
    read.plan,
    read.settings,
    request,
    [planSource, ...(request.returned ?? [])],
    [...(request.previous ?? [])],
    periods ?? { periods: [], findings: [] },
  );
  const previous = periods ? shownPrevious(read, request, periods, carried.yearTurn) : { previous: null, findings: [] };
  const sheets = followUpSheets(read.plan, {
    period: request.period,
    year: request.year,
    due: request.due,
    generatedAt: request.generatedAt,
    planName: request.planName,
    settings: read.settings,
    answers: collected.byCommittee,
    earlier: collected.earlier,
    password: request.password,
    takenNames: [...kept, own.names.lists, own.names.state],
    listsSheet: own.names.lists,
    ledgerOutcomes: request.ledgerOutcomes,
    koladaOutcomes: request.koladaOutcomes,
    previous: previous.previous,
    carried: carried.carry,
  });
  // What writing found (a typed utfall the ledger's differs from) points at the new sheet, made from this plan.
  const written = sheets.flatMap((sheet) => sheet.findings.map((f) => ({ ...f, file: request.planName })));
  return {
    sheets,
    support: supportSheets(read.settings, own.names),
    replace,
    answers: collected.byCommittee,
    findings: [...collected.findings, ...previous.findings, ...carried.findings, ...written],
  };
}

/**
 * The previous period shown beside the new input. At the turn of a year, the previous year's last period, on the rows
 * whose key and title agree (yearTurnPrevious): a finding about matching last year's sheets to this year's plan would
 * only say that the plan is a new one.
 */
function shownPrevious(
  read: PlanRead,
  request: FollowUpRequest,
  periods: AnswerPeriods,
  yearTurn: boolean,
): PreviousRead {
  if (yearTurn) {
    const last = periods.periods[periods.periods.length - 1];
    return { previous: yearTurnPrevious(read.plan, last, request.year), findings: periods.findings };
  }
  const found = previousPeriodOf(read.plan, periods, request.previous ?? [], read.settings, request);
  // A first period made again with a history of the year before it: that year's period is shown as at a year turn.
  const previous = found.previous && comparableWith(read.plan, found.previous, request.year);
  return { previous, findings: [...periods.findings, ...found.findings] };
}

export interface ReportRequest {
  /** The plan workbook first (master), then the returned ones. */
  inputs: WorkbookInput[];
  wanted?: { period: Period; year: number };
  /** A finding in the user's language, for the report's findings sheet: said by the shell (src/i18n), not the core. */
  describe: (finding: Finding) => string;
  /** The Måluppfyllelse sheet's words in the user's language (src/i18n/goalReport.ts). */
  goalWords: GoalReportWords;
  /**
   * Earlier periods' reports (their history sheets), masters or returned files: their answers go into the report's
   * history, and its Förändring sheet compares with the newest of them. The plan workbook's own history is always read.
   */
  previous?: AnswerSource[];
  /** Whether the report goes into the plan workbook (Excel): its history sheet then replaces the workbook's own. */
  intoPlanWorkbook?: boolean;
}

/** A period the report's history holds, and how many answers of it. */
export interface HistoryPeriod {
  period: string;
  year: number;
  kind: PeriodKind;
  answers: number;
}

export interface ReportWrite {
  consolidation: Consolidation;
  figures: CommitteeFigures[];
  /** The report's sheets, its history sheet (very hidden) last. */
  report: WorkbookSpec;
  /** What moved since the newest earlier period the history or the previous files hold; null when none. */
  movement: Movement | null;
  /** The history written with the report: its sheet's name and its periods, oldest first. */
  history: { sheet: string; periods: HistoryPeriod[] };
  /** Måluppfyllelse per goal, gathered once for the report and for what else shows it (the pane's tree, the chapter). */
  attainment: GoalAttainment[];
}

/**
 * The nämnder's answers, checked, as the finance office's report, with the history: every earlier period the plan
 * workbook's history and the previous files hold, untouched, and this period's answers in place of its earlier ones.
 */
export function prepareReport(read: PlanRead, request: ReportRequest): ReportWrite {
  const { plan, settings } = read;
  const consolidated = consolidate(plan, request.inputs, settings, request.wanted);
  const master = request.inputs.find((input) => input.master) ?? request.inputs[0];
  const ownGrids = master?.grids.filter(isHistorySheet) ?? [];
  // The workbook's own history last: of two holding a period, it is the one kept.
  const previous = request.previous ?? [];
  const sources = [...previous, ...(ownGrids.length ? [{ source: master.file, grids: ownGrids }] : [])];
  const periods = readAnswerPeriods(plan, sources, settings);
  const current = { period: consolidated.period.name, year: consolidated.year };
  const others = periods.periods.filter((p) => !samePeriod(p, current));
  const earlier =
    previous.length || others.length
      ? previousPeriodOf(plan, periods, sources, settings, consolidated)
      : { previous: null, findings: [] };
  // What reading the history and the previous period found stands with the rest, on the Fynd sheet.
  const findings = [...consolidated.findings, ...periods.findings, ...earlier.findings];
  const consolidation = { ...consolidated, findings };
  // Since the year before, only what agrees by ID and title moved (yearTurnPrevious): the plan is another year's.
  const since = earlier.previous && comparableWith(plan, earlier.previous, consolidated.year);
  const movement = since ? movementSince(consolidation, since, settings) : null;
  const history = [...others, consolidatedPeriod(consolidated)].sort(periodOrder(settings));
  const place = request.intoPlanWorkbook && master ? placeHistorySheet(sheetHeads(master.grids)).name : HISTORY_SHEET;
  // The Historik sheet shows the periods up to this one: a report of T1 made again after Delår shows no Delår.
  // Of this year only: the IDs are renumbered each year, so a row of last year is no row of this one.
  const upToNow = history
    .slice(0, history.findIndex((p) => samePeriod(p, current)) + 1)
    .filter((p) => p.year === current.year);
  const codes = plan.committees.map((c) => c.code);
  const { describe, goalWords } = request;
  const attainment = goalAttainment(plan, consolidation, settings);
  const report = reportWorkbook(plan, consolidation, settings, describe, goalWords, {
    movement: movement ?? undefined,
    history: historyReportSheet(upToNow, codes),
    attainment,
  });
  report.sheets.push(historySheet(historyEntries(history), place));
  return {
    consolidation,
    figures: reportFigures(consolidation, settings),
    report,
    movement,
    attainment,
    history: {
      sheet: place,
      periods: history.map(({ period, year, kind, byCommittee }) => ({
        period,
        year,
        kind,
        answers: [...byCommittee.values()].reduce((sum, answers) => sum + answers.size, 0),
      })),
    },
  };
}
