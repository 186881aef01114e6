import { promises as fs } from "fs";
import * as path from "path";
import { formatAmount } from "../domain/amounts";
import { Finding } from "../domain/findings";
import { Mapping, mappingProblems } from "../domain/mapping";
import { readPlan } from "../domain/readPlan";
import { planToJson, summarizeByCommittee } from "../domain/summary";
import { templateWorkbook } from "../domain/template";
import { readWorkbookFile, UnusableInputError } from "../hosts/xlsx/read";
import { writeWorkbookFile } from "../hosts/xlsx/write";
import { Language, SEVERITY_LABELS, findingMessage } from "../i18n/findings";

/** Exit codes: 0 fine, 1 the plan has errors, 2 the input cannot be used (missing, corrupt, bad arguments). */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

const USAGE = `Användning:
  maltavlan validate <plan.xlsx> [--mapping m.json] [--json] [--lang sv|en]
  maltavlan template <ut.xlsx>

Kommandon:
  validate   Läser planen, kontrollerar den mot målhierarkin och skriver fynd och en sammanfattning per nämnd.
  template   Skriver en tom planmall med nämnder, mål, uppdrag, ramjusteringar och nyckeltal.

Slutkoder: 0 inga fel, 1 planen har fel, 2 filen eller argumenten går inte att använda.`;

/** A problem with the command line or its files, told in one line, without a stack trace. */
class UsageError extends Error {}

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const console_: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

interface Options {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(["mapping", "lang"]);

function parseArgs(args: string[]): Options {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (VALUE_FLAGS.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`--${name} behöver ett värde.`);
      flags.set(name, value);
    } else if (["json", "help", "version"].includes(name)) {
      flags.set(name, true);
    } else {
      throw new UsageError(`Okänd flagga: --${name}. Se maltavlan --help.`);
    }
  }
  return { positional, flags };
}

export async function main(args: string[], io: Output = console_): Promise<number> {
  try {
    const options = parseArgs(args);
    const [command, ...rest] = options.positional;
    if (options.flags.has("help") || !command) {
      io.out(USAGE);
      return command || options.flags.has("help") ? EXIT_OK : EXIT_UNUSABLE;
    }
    switch (command) {
      case "validate":
        return await validate(rest, options, io);
      case "template":
        return await template(rest, io);
      default:
        throw new UsageError(`Okänt kommando: ${command}. Se maltavlan --help.`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof UnusableInputError) {
      io.err(`maltavlan: ${error.message}`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}

function language(options: Options): Language {
  const lang = options.flags.get("lang") ?? "sv";
  if (lang !== "sv" && lang !== "en") throw new UsageError(`--lang tar sv eller en, inte ${String(lang)}.`);
  return lang;
}

async function readMapping(file: string | true | undefined): Promise<Mapping> {
  if (typeof file !== "string") return {};
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch {
    throw new UsageError(`Kopplingsfilen finns inte eller går inte att läsa: ${file}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`Kopplingsfilen är inte giltig JSON: ${file} (${(error as Error).message})`);
  }
  const problems = mappingProblems(json);
  if (problems.length) throw new UsageError(`Kopplingsfilen ${file} går inte att använda: ${problems.join(" ")}`);
  return json as Mapping;
}

async function validate(args: string[], options: Options, io: Output): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError("Ange planens arbetsbok: maltavlan validate <plan.xlsx>");
  const lang = language(options);
  const mapping = await readMapping(options.flags.get("mapping"));
  const { grids } = await readWorkbookFile(file);
  const { plan, findings } = readPlan(grids, mapping);
  const hasErrors = findings.some((f) => f.severity === "error");
  if (options.flags.has("json")) {
    const json = {
      findings: findings.map((f) => ({
        severity: f.severity,
        rule: f.rule,
        sheet: f.sheet,
        cell: f.cell,
        message: findingMessage(f, lang),
      })),
      plan: planToJson(plan),
    };
    io.out(JSON.stringify(json, null, 2));
    return hasErrors ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const line of findingLines(findings, lang)) io.out(line);
  if (findings.length) io.out("");
  io.out(`${path.basename(file)}: ${summaryLine(findings, lang)}`);
  for (const line of committeeLines(plan, lang)) io.out(line);
  return hasErrors ? EXIT_FINDINGS : EXIT_OK;
}

function findingLines(findings: Finding[], lang: Language): string[] {
  return findings.map(
    (f) =>
      `${SEVERITY_LABELS[lang][f.severity].padEnd(8)} ${`${f.sheet}!${f.cell}`.padEnd(20)} ${findingMessage(f, lang)}`,
  );
}

function summaryLine(findings: Finding[], lang: Language): string {
  const errors = findings.filter((f) => f.severity === "error").length;
  const warnings = findings.length - errors;
  return lang === "sv" ? `${errors} fel, ${warnings} varningar.` : `${errors} errors, ${warnings} warnings.`;
}

function committeeLines(plan: ReturnType<typeof readPlan>["plan"], lang: Language): string[] {
  const header =
    lang === "sv"
      ? ["Nämnd", "Uppdrag", "Ramjusteringar", "varav varaktiga", "varav tillfälliga"]
      : ["Committee", "Assignments", "Adjustments", "lasting", "temporary"];
  const rows = summarizeByCommittee(plan).map((s) => [
    s.name ? `${s.code} ${s.name}` : s.code,
    String(s.assignments),
    formatAmount(s.totalOre),
    formatAmount(s.lastingOre),
    formatAmount(s.temporaryOre),
  ]);
  if (rows.length === 0) return [];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return ["", line(header), ...rows.map(line)];
}

async function template(args: string[], io: Output): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError("Ange var mallen ska sparas: maltavlan template <ut.xlsx>");
  await writeWorkbookFile(templateWorkbook(), file);
  io.out(`Planmallen är sparad: ${file}`);
  return EXIT_OK;
}
