import * as path from "path";
import { prepareReport } from "../domain/jobs";
import { reportInputs } from "../domain/reportInputs";
import { formatAmount, oreToTkr } from "../domain/amounts";
import type { Finding, Severity } from "../domain/findings";
import { goalChapter } from "../domain/followup/goalChapter";
import { CommitteeFigures, amountSums } from "../domain/followup/report";
import { PeriodKindWord, Settings, periodKindWord } from "../domain/settings";
import { readWorkbookFile } from "../hosts/xlsx/read";
import { writeWorkbookFile } from "../hosts/xlsx/write";
import { findingMessage } from "../i18n/findings";
import { GOAL_CHAPTER_WORDS, GOAL_REPORT_WORDS } from "../i18n/goalReport";
import {
  CommandRun,
  EXIT_FINDINGS,
  EXIT_OK,
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
  if (stopOnPlanErrors(findings, masterFile, lang, io, "ingen rapport skrevs.")) return EXIT_FINDINGS;
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
  const { consolidation: result, figures, report } = prepareReport(read, { inputs, wanted, describe, goalWords });
  if (out) {
    await writeWorkbookFile(report, out, unfinished);
    unfinished.delete(out);
  }
  if (chapterFile) {
    // Only here: the docx package and the rasteriser's WebAssembly cost every other run nothing.
    const { writeChapterFile } = await import("../hosts/docx/write");
    const chapter = goalChapter(read.plan, result, settings, GOAL_CHAPTER_WORDS[lang]);
    await writeChapterFile(chapter, chapterFile, unfinished);
    unfinished.delete(chapterFile);
  }
  const hasErrors = result.findings.some((f) => f.severity === "error");

  if (options.flags.has("json")) {
    const total = amountSums(result.committees.flatMap((c) => c.rows));
    const output: ConsolidateOutput = {
      period: result.period.name,
      periodKind: periodKindWord(result.period.kind),
      year: result.year,
      report: out ?? null,
      chapter: chapterFile ?? null,
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
    };
    io.out(JSON.stringify(output));
    return hasErrors ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const f of result.findings) io.out(findingLines([f], lang, f.file)[0]);
  if (result.findings.length) io.out("");
  io.out(`Sammanställning ${result.period.name} ${result.year}:`);
  // The figures are the nämnder's in the consolidation's order; the amounts are summed from its rows, in öre.
  const rows = figures.map((c, i) => {
    const sums = amountSums(result.committees[i].rows);
    return [
      c.name ? `${c.code} ${c.name}` : c.code,
      c.answered && c.source ? c.source.file : "inget svar",
      `${c.goals.answered}/${c.goals.total}`,
      `${c.assignments.answered}/${c.assignments.total}`,
      formatAmount(sums.adjustmentsOre),
      formatAmount(sums.forecastOre),
      formatAmount(sums.deviationOre),
      String(c.missing.length),
    ];
  });
  const prognosis = result.period.kind === "forecast" ? "Prognos" : "Utfall";
  for (const line of table(
    ["Nämnd", "Svar från", "Mål", "Uppdrag", "Ramjusteringar", prognosis, "Avvikelse", "Saknas"],
    rows,
  )) {
    io.out(line);
  }
  if (out) io.out(`Rapporten är sparad: ${out}`);
  if (chapterFile) io.out(`Måluppfyllelsekapitlet är sparat: ${chapterFile}`);
  return hasErrors ? EXIT_FINDINGS : EXIT_OK;
}

function wantedPeriod(options: Options, settings: Settings) {
  if (flag(options, "period") === undefined && flag(options, "year") === undefined) return undefined;
  const period = periodOption(options, settings);
  return { period, year: yearOption(options) };
}
