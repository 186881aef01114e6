import { existsSync, promises as fs } from "fs";
import * as path from "path";
import { Finding } from "../domain/findings";
import { readPlanWithSettings } from "../domain/planRead";
import { WorkbookRead, readWorkbookFile } from "../hosts/xlsx/read";
import { UnwritableOutputError } from "../hosts/xlsx/write";
import { Mapping, mappingProblems } from "../domain/mapping";
import { Period, Settings, findPeriod } from "../domain/settings";
import { Language, SEVERITY_LABELS, findingMessage } from "../i18n/findings";
import { SUMMARY_STRINGS, USAGE_STRINGS, type UsageCode, type UsageStrings } from "../i18n/cli";

/** Exit codes: 0 fine, 1 the plan has errors, 2 the input cannot be used (missing, corrupt, bad arguments). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

/** A problem with the command line or its files, told in one line, without a stack trace. */
/** The command was called wrongly: what to say (i18n/cli.ts), said in the language of --lang where it is printed. */
export class UsageError<C extends UsageCode = UsageCode> extends Error {
  readonly args: Parameters<UsageStrings[C]>;
  constructor(
    readonly code: C,
    ...args: Parameters<UsageStrings[C]>
  ) {
    super(code);
    this.args = args;
  }

  say(language: Language): string {
    return (USAGE_STRINGS[language][this.code] as (...args: unknown[]) => string)(...this.args);
  }
}

export interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** What a command runs with: its arguments after the command's name, the flags, where it writes its lines, and
 * `unfinished`, what it has begun writing and not finished, removed if it is interrupted (output.ts). */
export interface CommandRun {
  args: string[];
  options: Options;
  io: Output;
  unfinished: Set<string>;
}

export interface Options {
  positional: string[];
  flags: Map<string, string | true>;
  /** Flags that may be given several times (--answers a.xlsx b.xlsx): every value, in order. */
  lists: Map<string, string[]>;
}

export function flag(options: Options, name: string): string | undefined {
  const value = options.flags.get(name);
  return typeof value === "string" ? value : undefined;
}

/** --period: one of the periods the workbook's settings name, or a usage error that lists them. */
export function periodOption(options: Options, settings: Settings): Period {
  const period = findPeriod(settings, flag(options, "period") ?? "");
  if (!period) throw new UsageError("period", settings.periods.map((p) => p.name).join(", "));
  return period;
}

/** --year: four digits, or a usage error. */
export function yearOption(options: Options): number {
  const year = flag(options, "year") ?? "";
  if (!/^\d{4}$/.test(year)) throw new UsageError("year");
  return Number(year);
}

export function language(options: Options): Language {
  const lang = options.flags.get("lang") ?? "sv";
  if (lang !== "sv" && lang !== "en") throw new UsageError("langValue", String(lang));
  return lang;
}

/** The mapping file given with --mapping, or undefined when none was given. */
export async function readMapping(file: string | undefined): Promise<Mapping | undefined> {
  if (file === undefined) return undefined;
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError("mappingUnreadable", file);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError("mappingNotJson", file, (error as Error).message);
  }
  const problems = mappingProblems(json);
  if (problems.length) {
    throw new UsageError("mappingUnusable", file, problems);
  }
  return json as Mapping;
}

export function findingLines(findings: Finding[], lang: Language, source?: string): string[] {
  return findings.map((f) => {
    const where = `${source ? `${source}: ` : ""}${f.sheet}!${f.cell}`;
    return `${SEVERITY_LABELS[lang][f.severity].padEnd(8)} ${where.padEnd(20)} ${findingMessage(f, lang)}`;
  });
}

export function summaryLine(findings: Finding[], lang: Language): string {
  const count = (severity: Finding["severity"]) => findings.filter((f) => f.severity === severity).length;
  return SUMMARY_STRINGS[lang].findingCounts(count("error"), count("warning"), count("info"));
}

/** A plain table: first column left-aligned, the rest right-aligned. */
export function table(header: string[], rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(header), ...rows.map(line)];
}

/**
 * Never writes over an input, nor over a file that exists (it may hold answers someone typed). Checked before any
 * work, so that nobody waits for a refusal; the write itself checks again (src/cli/output.ts).
 */
export async function refuseOverwrite(targets: string[], inputs: string[]): Promise<void> {
  const inputPaths = new Set(inputs.map((input) => path.resolve(input)));
  for (const target of targets) {
    if (inputPaths.has(path.resolve(target))) {
      throw new UsageError("inputOverwritten", target);
    }
  }
  const existing = targets.filter((t) => existsSync(t));
  if (existing.length) throw new UnwritableOutputError({ code: "exists", file: existing.join(", ") });
}

/**
 * The plan workbook, read and validated the one way every command does it: with the mapping file given, else the
 * mapping saved in the workbook's state sheet.
 */
export async function readPlanWorkbook(file: string, options: Options) {
  const mappingFile = await readMapping(flag(options, "mapping"));
  const workbook: WorkbookRead = await readWorkbookFile(file);
  return { workbook, ...readPlanWithSettings(workbook.grids, mappingFile) };
}

/** When the plan has errors: prints them and what was not written, and returns true (the command stops, exit 1). */
export function stopOnPlanErrors(
  findings: Finding[],
  file: string,
  lang: Language,
  io: Output,
  notWritten: "report" | "followUp",
): boolean {
  if (!findings.some((f) => f.severity === "error")) return false;
  for (const line of findingLines(findings, lang)) io.out(line);
  io.out(`${path.basename(file)}: ${summaryLine(findings, lang)} ${SUMMARY_STRINGS[lang].planErrors[notWritten]}`);
  return true;
}
