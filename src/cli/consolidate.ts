import * as path from "path";
import { prepareReport } from "../domain/jobs";
import { reportInputs } from "../domain/reportInputs";
import { oreToTkr } from "../domain/amounts";
import type { Finding, Severity } from "../domain/findings";
import type { GoalAttainment } from "../domain/followup/goalAttainment";
import { goalChapter } from "../domain/followup/goalChapter";
import type { Consolidation } from "../domain/followup/consolidate";
import type { Direction, Movement, RowMovement } from "../domain/followup/movement";
import type { PlanRead } from "../domain/planRead";
import { CommitteeFigures, amountSums } from "../domain/followup/report";
import { PeriodKindWord, Settings, periodKindWord } from "../domain/settings";
import { readWorkbookFile } from "../hosts/xlsx/read";
import { UnwritableOutputError, writeWorkbookFile } from "../hosts/xlsx/write";
import { SUMMARY_STRINGS } from "../i18n/cli";
import { fileProblemMessage } from "../i18n/errors";
import { Language, findingMessage } from "../i18n/findings";
import { formatAmountIn } from "../i18n/numberFormats";
import { GOAL_CHAPTER_WORDS, GOAL_REPORT_WORDS } from "../i18n/goalReport";
import {
  CommandRun,
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_UNUSABLE,
  Options,
  UsageError,
  findingLines,
  flag,
  language,
  periodOption,
  readPlanWorkbook,
  refuseOverwrite,
  stopOnPlanErrors,
  table,
  yearOption,
} from "./common";
import { warnLeftoverTemporaries } from "./output";

/** `maltavlan consolidate`: the nämnder's answers, checked, into the finance office's report. */
/** What `consolidate --json` prints (docs/schemas/consolidate-output.schema.json). */
export interface ConsolidateOutput {
  period: string;
  periodKind: PeriodKindWord;
  year: number;
  /** Null when only the chapter was asked for. */
  report: string | null;
  chapter: string | null;
  committees: CommitteeFigures[];
  totals: { adjustmentsTkr: number; forecastTkr: number; deviationTkr: number; missing: number };
  findings: { file: string; severity: Severity; rule: string; sheet: string; cell: string; message: string }[];
  /** What moved since the newest earlier period (--previous, or the plan workbook's history); null when none. */
  movement: MovementOutput | null;
  /** The periods the report's history holds, oldest first (this one among them). */
  history: {
    sheet: string | null;
    periods: { period: string; periodKind: PeriodKindWord; year: number; answers: number }[];
  };
}

export interface MovementOutput {
  since: string;
  forecasts: { committee: string; beforeTkr: number; nowTkr: number; changeTkr: number; worse: boolean }[];
  rows: (Omit<RowMovement, "direction"> & { direction: Direction; worse: boolean })[];
}

function movementOutput(movement: Movement): MovementOutput {
  return {
    since: movement.since,
    forecasts: movement.forecasts.map((f) => ({
      committee: f.committee,
      beforeTkr: oreToTkr(f.beforeOre),
      nowTkr: oreToTkr(f.nowOre),
      changeTkr: oreToTkr(f.changeOre),
      worse: movement.worse.forecasts.includes(f),
    })),
    rows: movement.rows.map((r) => ({ ...r, worse: movement.worse.rows.includes(r) })),
  };
}

export async function consolidateCommand({ args, options, io, unfinished }: CommandRun): Promise<number> {
  const [masterFile, ...returnedFiles] = args;
  if (!masterFile) throw new UsageError("consolidateMaster");
  const out = flag(options, "out");
  const chapterFile = flag(options, "docx");
  if (!out && !chapterFile) throw new UsageError("consolidateOut");
  const targets = [out, chapterFile].filter((t): t is string => !!t);
  const lang = language(options);
  await refuseOverwrite(targets, [masterFile, ...returnedFiles]);
  for (const target of targets) await warnLeftoverTemporaries(target, lang, io);

  const read = await readPlanWorkbook(masterFile, options);
  const { workbook: master, settings, findings } = read;
  if (stopOnPlanErrors(findings, masterFile, lang, io, "report")) return EXIT_FINDINGS;
  const wanted = wantedPeriod(options, settings);
  const returned = await Promise.all(
    returnedFiles.map(async (file) => {
      const read = await readWorkbookFile(file);
      return { file: path.basename(file), grids: read.grids, modified: read.modified };
    }),
  );
  const inputs = reportInputs(
    { file: path.basename(masterFile), grids: master.grids, modified: master.modified },
    returned,
  );
  const describe = (finding: Finding) => findingMessage(finding, lang);
  const goalWords = GOAL_REPORT_WORDS[lang];
  const previous = await Promise.all(
    (options.lists.get("previous") ?? []).map(async (file) => ({
      source: path.basename(file),
      grids: (await readWorkbookFile(file)).grids,
    })),
  );
  const request = { inputs, wanted, describe, goalWords, previous };
  const { consolidation: result, figures, report, attainment, movement, history } = prepareReport(read, request);
  if (out) {
    await writeWorkbookFile(report, out, unfinished);
    unfinished.delete(out);
  }
  const chapterProblem = chapterFile
    ? await writeChapter(read, result, attainment, chapterFile, { lang, unfinished, reportWritten: out !== undefined })
    : null;
  const hasErrors = result.findings.some((f) => f.severity === "error");
  // A chapter that could not be saved is a file that cannot be written (2), even where the answers have errors (1).
  const code = chapterProblem ? EXIT_UNUSABLE : hasErrors ? EXIT_FINDINGS : EXIT_OK;
  const failed = () => {
    if (out && chapterProblem) io.err(`maltavlan: ${SUMMARY_STRINGS[lang].chapterFailed(out, chapterProblem)}`);
  };

  if (options.flags.has("json")) {
    const total = amountSums(result.committees.flatMap((c) => c.rows));
    const output: ConsolidateOutput = {
      period: result.period.name,
      periodKind: periodKindWord(result.period.kind),
      year: result.year,
      report: out ?? null,
      chapter: chapterProblem ? null : (chapterFile ?? null),
      committees: figures,
      totals: {
        adjustmentsTkr: oreToTkr(total.adjustmentsOre),
        forecastTkr: oreToTkr(total.forecastOre),
        deviationTkr: oreToTkr(total.deviationOre),
        missing: figures.reduce((sum, c) => sum + c.missing.length, 0),
      },
      findings: result.findings.map((f) => ({
        file: f.file,
        severity: f.severity,
        rule: f.rule,
        sheet: f.sheet,
        cell: f.cell,
        message: findingMessage(f, lang),
      })),
      movement: movement ? movementOutput(movement) : null,
      history: {
        sheet: out ? history.sheet : null,
        periods: history.periods.map(({ period, kind, year, answers }) => ({
          period,
          periodKind: periodKindWord(kind),
          year,
          answers,
        })),
      },
    };
    io.out(JSON.stringify(output));
    failed();
    return code;
  }
  for (const f of result.findings) io.out(findingLines([f], lang, f.file)[0]);
  if (result.findings.length) io.out("");
  for (const line of summaryLines(result, figures, lang)) io.out(line);
  const t = SUMMARY_STRINGS[lang];
  const periods = history.periods.map((p) => `${p.period} ${p.year}`);
  if (out && periods.length > 1) io.out(t.historyKept(periods));
  if (out) io.out(t.reportSaved(out));
  if (chapterFile && !chapterProblem) io.out(t.chapterSaved(chapterFile));
  failed();
  return code;
}

/**
 * Writes the måluppfyllelse chapter. When the report has been written already, a chapter that fails is said (the
 * problem, in the user's language, is returned) instead of thrown: the report stays, and the run ends with 2.
 */
async function writeChapter(
  { plan, settings }: Pick<PlanRead, "plan" | "settings">,
  result: Consolidation,
  attainment: GoalAttainment[],
  file: string,
  { lang, unfinished, reportWritten }: { lang: Language; unfinished: Set<string>; reportWritten: boolean },
): Promise<string | null> {
  try {
    // Only here: the docx package and the rasteriser's WebAssembly cost every other run nothing.
    const { writeChapterFile } = await import("../hosts/docx/write");
    const chapter = goalChapter(plan, result, settings, GOAL_CHAPTER_WORDS[lang], attainment);
    await writeChapterFile(chapter, file, unfinished);
    unfinished.delete(file);
    return null;
  } catch (error) {
    if (!reportWritten) throw error;
    if (error instanceof UnwritableOutputError) return fileProblemMessage(error.problem, lang);
    return error instanceof Error ? error.message : String(error);
  }
}

const NOTHING_GIVEN = "\u2013";

/** Per nämnd: who answered, how much, and the amounts summed from the consolidation's rows, in öre. */
function summaryLines(result: Consolidation, figures: CommitteeFigures[], lang: Language): string[] {
  const t = SUMMARY_STRINGS[lang];
  const amount = (ore: number) => formatAmountIn(ore, lang);
  // The figures are the nämnder's in the consolidation's order.
  const rows = figures.map((c, i) => {
    const sums = amountSums(result.committees[i].rows);
    // No prognos given is no figure: "0 tkr" would read as a prognos of nothing, on budget.
    const given = (ore: number) => (c.adjustments.answered ? amount(ore) : NOTHING_GIVEN);
    return [
      c.name ? `${c.code} ${c.name}` : c.code,
      c.answered && c.source ? c.source.file : t.noAnswer,
      `${c.goals.answered}/${c.goals.total}`,
      `${c.assignments.answered}/${c.assignments.total}`,
      amount(sums.adjustmentsOre),
      given(sums.forecastOre),
      given(sums.deviationOre),
      String(c.missing.length),
    ];
  });
  return [
    t.consolidated(`${result.period.name} ${result.year}`),
    ...table(t.table(result.period.kind === "forecast" ? "forecast" : "outcome"), rows),
  ];
}

function wantedPeriod(options: Options, settings: Settings) {
  if (flag(options, "period") === undefined && flag(options, "year") === undefined) return undefined;
  const period = periodOption(options, settings);
  return { period, year: yearOption(options) };
}
