import * as path from "path";
import { formatAmount } from "../domain/amounts";
import { Plan } from "../domain/model";
import { planToJson, summarizeByCommittee } from "../domain/summary";
import { Language, findingMessage } from "../i18n/findings";
import {
  EXIT_FINDINGS,
  EXIT_OK,
  Options,
  Output,
  UsageError,
  findingLines,
  language,
  readPlanWorkbook,
  summaryLine,
  table,
} from "./common";

export async function validateCommand(args: string[], options: Options, io: Output): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError("Ange planens arbetsbok: maltavlan validate <plan.xlsx>");
  const lang = language(options);
  const { plan, findings } = await readPlanWorkbook(file, options);
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
    io.out(JSON.stringify(json));
    return hasErrors ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const line of findingLines(findings, lang)) io.out(line);
  if (findings.length) io.out("");
  io.out(`${path.basename(file)}: ${summaryLine(findings, lang)}`);
  const summary = committeeSummary(plan, lang);
  if (summary.length) io.out(["", ...summary].join("\n"));
  return hasErrors ? EXIT_FINDINGS : EXIT_OK;
}

export function committeeSummary(plan: Plan, lang: Language): string[] {
  const header =
    lang === "sv"
      ? ["Nämnd", "Uppdrag", "Ramjusteringar", "varav varaktiga", "varav tillfälliga"]
      : ["Committee", "Assignments", "Adjustments", "permanent", "temporary"];
  return table(
    header,
    summarizeByCommittee(plan).map((s) => [
      s.name ? `${s.code} ${s.name}` : s.code,
      String(s.assignments),
      formatAmount(s.totalOre),
      formatAmount(s.lastingOre),
      formatAmount(s.temporaryOre),
    ]),
  );
}
