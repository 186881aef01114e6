import { promises as fs } from "fs";
import * as path from "path";
import { FollowUpSheet } from "../domain/followup/generate";
import { Answer, hasTyped } from "../domain/followup/model";
import { committeeWorkbooks } from "../domain/followup/committeeWorkbooks";
import { FollowUpWrite, prepareFollowUp } from "../domain/jobs";
import { isReportSheet } from "../domain/followup/reportSheet";
import type { UnsupportedPart } from "../sheet/hostProblems";
import { WorkbookRead, readWorkbookFile } from "../hosts/xlsx/read";
import { writeWorkbookCopy, writeWorkbookFile } from "../hosts/xlsx/write";
import type { ProtectionHashes } from "../hosts/xlsx/writeBytes";
import { SUMMARY_STRINGS, USAGE_STRINGS } from "../i18n/cli";
import type { Language } from "../i18n/findings";
import {
  CommandRun,
  EXIT_FINDINGS,
  EXIT_OK,
  EXIT_UNUSABLE,
  Options,
  Output,
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
import { importKoladaFiles } from "./kolada";
import { importLedgerFile } from "./ledger";
import { checkSetFolder, warnLeftoverTemporaries, writeSet } from "./output";

/** `maltavlan generate`: validate, then write one follow-up sheet per nämnd, keeping every earlier answer. */
export async function generateCommand({ args, options, io, unfinished }: CommandRun): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError("generatePlan");
  const lang = language(options);
  const { year, due } = periodArguments(options);
  const out = flag(options, "out");
  const split = flag(options, "split");
  if ((out === undefined) === (split === undefined)) throw new UsageError("generateTarget");
  const password = await readPassword(options);
  if (split !== undefined) await checkSetFolder(split);

  const read = await readPlanWorkbook(file, options);
  const { workbook, settings, findings } = read;
  const period = periodOption(options, settings);
  if (stopOnPlanErrors(findings, file, lang, io, "followUp")) return EXIT_FINDINGS;
  // Warnings do not stop the follow-up, but the economist sees them.
  for (const line of findingLines(findings, lang)) io.out(line);
  const utfall = flag(options, "utfall");
  const ledger = utfall
    ? await importLedgerFile(utfall, { grids: workbook.grids, committees: read.plan.committees, file }, lang, io)
    : null;

  const koladaFiles = options.lists.get("kolada") ?? [];
  const kolada = koladaFiles.length
    ? await importKoladaFiles(
        koladaFiles,
        {
          keyFigures: read.plan.keyFigures,
          year,
          municipality: flag(options, "kolada-kommun") ?? settings.koladaMunicipality ?? null,
        },
        lang,
        io,
      )
    : null;
  // The kommun is kept in the state the follow-up writes, so the next import needs no --kolada-kommun.
  const planRead = kolada?.municipality
    ? { ...read, settings: { ...settings, koladaMunicipality: kolada.municipality } }
    : read;

  const returned = await Promise.all(
    (options.lists.get("answers") ?? []).map(async (answers) => ({
      source: answers,
      grids: (await readWorkbookFile(answers)).grids,
    })),
  );
  const previous = await Promise.all(
    (options.lists.get("previous") ?? []).map(async (earlier) => ({
      source: path.basename(earlier),
      grids: (await readWorkbookFile(earlier)).grids,
    })),
  );
  const prepared = prepareFollowUp(workbook.grids, planRead, {
    period,
    year,
    due,
    generatedAt: new Date().toISOString(),
    planName: path.basename(file),
    password,
    returned,
    previous,
    intoPlanWorkbook: out !== undefined,
    ledgerOutcomes: ledger?.outcomes,
    koladaOutcomes: kolada?.outcomes,
  });
  const { sheets, answers } = prepared;
  // What the earlier sheets hold that could not be carried as it stands, at its file and cell.
  for (const f of prepared.findings) io.out(findingLines([f], lang, path.basename(f.file))[0]);

  if (out !== undefined) {
    const lost = lostOnRewrite(workbook);
    if (lost.length) {
      io.err(`maltavlan: ${USAGE_STRINGS[lang].lostOnRewrite(lost)}`);
      return EXIT_UNUSABLE;
    }
    await refuseOverwrite([out], [file]);
    await warnLeftoverTemporaries(out, lang, io);
    await writeWorkbookCopy(
      file,
      { remove: prepared.replace, add: [...sheets.map((s) => s.spec), ...prepared.support] },
      out,
      unfinished,
    );
    unfinished.delete(out);
    report(io, sheets, answers, lang, SUMMARY_STRINGS[lang].savedInPlan(out));
  } else {
    await writeSplit(prepared, { dir: split as string, input: file, period: period.name, year }, io, lang, unfinished);
  }
  const errors = prepared.findings.some((f) => f.severity === "error") || ledger?.hasErrors || kolada?.hasErrors;
  return errors ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * What rewriting the workbook would lose. Charts only count where one stands outside Måltavlan's report sheets:
 * those, charts and all, are made anew by the next consolidation.
 */
function lostOnRewrite({ unsupportedParts, chartSheets, grids }: WorkbookRead): UnsupportedPart[] {
  const ownCharts = chartSheets?.every((name) => grids.some((grid) => grid.sheet === name && isReportSheet(grid)));
  return ownCharts ? unsupportedParts.filter((part) => part !== "charts") : unsupportedParts;
}

function periodArguments(options: Options): { year: number; due: string | null } {
  const year = yearOption(options);
  const due = flag(options, "due") ?? null;
  if (due !== null && !isDate(due)) throw new UsageError("due", due);
  return { year, due };
}

function isDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** A protection password comes from a file or the environment, never from the command line (process lists, history). */
async function readPassword(options: Options): Promise<string | undefined> {
  const file = flag(options, "password-file");
  if (file !== undefined) {
    try {
      return (await fs.readFile(file, "utf8")).replace(/\r?\n$/, "");
    } catch {
      throw new UsageError("passwordFile", file);
    }
  }
  return process.env.MALTAVLAN_PASSWORD || undefined;
}

async function writeSplit(
  followUp: FollowUpWrite,
  { dir, input, period, year }: { dir: string; input: string; period: string; year: number },
  io: Output,
  lang: Language,
  unfinished: Set<string>,
): Promise<void> {
  await fs.mkdir(dir, { recursive: true }).catch(() => {
    throw new UsageError("folder", dir);
  });
  const workbooks = committeeWorkbooks(followUp, period, year);
  const names = workbooks.map((w) => w.fileName);
  await refuseOverwrite(
    names.map((name) => path.join(dir, name)),
    [input],
  );
  // All or nothing: a half-written set would be mailed out incomplete. One password hash for the whole set.
  const protections: ProtectionHashes = new Map();
  await writeSet(dir, names, unfinished, (target, i) =>
    writeWorkbookFile(workbooks[i].workbook, target, unfinished, protections),
  );
  report(io, followUp.sheets, followUp.answers, lang, SUMMARY_STRINGS[lang].savedSplit(dir, names.join(", ")));
}

function report(
  io: Output,
  sheets: FollowUpSheet[],
  answers: Map<string, Map<string, Answer>>,
  lang: Language,
  where: string,
): void {
  const t = SUMMARY_STRINGS[lang];
  io.out(t.created(sheets.length));
  const rows = sheets.map((s) => {
    const kept = [...(answers.get(s.committee.code)?.values() ?? [])].filter(hasTyped).length;
    return [
      s.spec.name,
      ...[s.counts.goal, s.counts.assignment, s.counts.adjustment, s.counts.keyFigure, s.counts.removed, kept].map(
        String,
      ),
    ];
  });
  for (const line of table(t.createdTable, rows)) io.out(line);
  const carried = sheets.filter((s) => s.counts.carried > 0);
  const count = carried.reduce((sum, s) => sum + s.counts.carried, 0);
  if (count) io.out(t.carried(count, carried.map((s) => `${s.spec.name}: ${s.counts.carried}`).join(", ")));
  io.out(where);
}
