import * as path from "path";
import { formatAmount } from "../domain/amounts";
import { Plan } from "../domain/model";
import { RamYear } from "../domain/resolve/ramReconcile";
import { planToJson, reconciliationToJson, summarizeByCommittee } from "../domain/summary";
import { UnreadCell, UnreadReason } from "../domain/unread";
import { Language, findingMessage } from "../i18n/findings";
import { UNREAD_REASON_LABELS } from "../i18n/unreadReasons";
import {
  CommandRun,
  EXIT_FINDINGS,
  EXIT_OK,
  UsageError,
  findingLines,
  language,
  readPlanWorkbook,
  summaryLine,
  table,
} from "./common";

export async function validateCommand({ args, options, io }: CommandRun): Promise<number> {
  const [file] = args;
  if (!file) throw new UsageError("validatePlan");
  const lang = language(options);
  const { plan, findings, unread, sources, reconciliation } = await readPlanWorkbook(file, options);
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
      plan: planToJson(plan, sources),
      unread,
      reconciliation: reconciliationToJson(reconciliation),
    };
    io.out(JSON.stringify(json));
    return hasErrors ? EXIT_FINDINGS : EXIT_OK;
  }
  for (const line of findingLines(findings, lang)) io.out(line);
  if (findings.length) io.out("");
  io.out(`${path.basename(file)}: ${summaryLine(findings, lang)}`);
  const notRead = unreadLines(unread, lang);
  if (notRead.length) io.out(["", ...notRead].join("\n"));
  const summary = committeeSummary(plan, lang);
  if (summary.length) io.out(["", ...summary].join("\n"));
  const ramar = reconciliationSummary(reconciliation, plan, lang);
  if (ramar.length) io.out(["", ...ramar].join("\n"));
  return hasErrors ? EXIT_FINDINGS : EXIT_OK;
}

/** Reasons whose cells are listed one by one: what a user may have meant as plan content. */
const LISTED: ReadonlySet<UnreadReason> = new Set(["column", "amountOpen", "notUnderstood", "sheet"]);
const MOST_LISTED = 25;

/**
 * "Ej läst": how many filled cells were not read, by reason, then the entries a user should look at (columns and
 * sheets not read, rows not understood); the full list is in --json.
 */
export function unreadLines(unread: UnreadCell[], lang: Language): string[] {
  if (unread.length === 0) return [];
  const labels = UNREAD_REASON_LABELS[lang];
  const byReason = new Map<UnreadReason, number>();
  for (const entry of unread) byReason.set(entry.reason, (byReason.get(entry.reason) ?? 0) + entry.cells);
  const total = [...byReason.values()].reduce((a, b) => a + b, 0);
  const counts = [...byReason].map(([reason, cells]) => `${labels[reason]} ${cells}`).join(", ");
  const head =
    lang === "sv"
      ? `Ej läst: ${total} ${total === 1 ? "ifylld cell" : "ifyllda celler"} (${counts}).`
      : `Not read: ${total} filled ${total === 1 ? "cell" : "cells"} (${counts}).`;
  const listed = unread.filter((entry) => LISTED.has(entry.reason));
  const lines = listed
    .slice(0, MOST_LISTED)
    .map((e) => `  ${`${e.sheet}!${e.cell}`.padEnd(28)} ${labels[e.reason].padEnd(22)} "${e.text}"`);
  const more = listed.length - MOST_LISTED;
  if (more > 0) lines.push(lang === "sv" ? `  … och ${more} till (se --json).` : `  … and ${more} more (see --json).`);
  return [head, ...lines];
}

export function committeeSummary(plan: Plan, lang: Language): string[] {
  const header =
    lang === "sv"
      ? ["Nämnd", "Uppdrag", "Ramjusteringar", "varav varaktiga", "varav tillfälliga"]
      : ["Committee", "Assignments", "Adjustments", "permanent", "temporary"];
  return table(
    header,
    summarizeByCommittee(plan).map((s) => [
      s.name && s.name !== s.code ? `${s.code} ${s.name}` : s.code,
      String(s.assignments),
      formatAmount(s.totalOre),
      formatAmount(s.permanentOre),
      formatAmount(s.temporaryOre),
    ]),
  );
}

/**
 * Ramavstämning: per nämnd and year of a ram block or a driftbudget table, ram förra året + varaktiga + tillfälliga −
 * tillfälliga som upphör + uppräkning = ram, and whether the written ram is what they give (a difference is also a
 * finding at its cell where the changes are complete; else it is unexplained, and information only).
 */
export function reconciliationSummary(years: RamYear[], plan: Plan, lang: Language): string[] {
  if (years.length === 0) return [];
  const sv = lang === "sv";
  const header = sv
    ? [
        "Ramavstämning",
        "År",
        "Ram förra året",
        "+ varaktiga",
        "+ tillfälliga",
        "− tillfälliga som upphör",
        "+ uppräkning",
        "= ram",
        "Stämmer",
      ]
    : [
        "Frame reconciliation",
        "Year",
        "Previous frame",
        "+ permanent",
        "+ temporary",
        "− temporary ending",
        "+ index",
        "= frame",
        "Adds up",
      ];
  const name = (code: string) => plan.committees.find((c) => c.code === code)?.name ?? code;
  return table(
    header,
    years.map((y) => {
      const off = formatAmount(y.frameOre - y.expectedOre);
      // A list of changes the plan does not show complete leaves a difference unexplained, not wrong.
      const verdict = y.changesComplete ? (sv ? "nej" : "no") : sv ? "ej förklarat" : "unexplained";
      const adds = y.addsUp ? (sv ? "ja" : "yes") : `${verdict}, ${off} (${y.cell})`;
      // A start whose tillfälliga the plan does not show was assumed to hold them, and says so.
      const basis = y.temporaryBasis === "assumed" ? (sv ? " (antaget)" : " (assumed)") : "";
      return [
        name(y.committee),
        String(y.year),
        formatAmount(y.previousOre),
        formatAmount(y.lastingOre),
        formatAmount(y.temporaryOre),
        `${formatAmount(y.endingTemporaryOre)}${basis}`,
        formatAmount(y.indexOre),
        formatAmount(y.frameOre),
        adds,
      ];
    }),
  );
}
