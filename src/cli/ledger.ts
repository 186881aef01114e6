/**
 * `generate --utfall <export>`: reads a ledger export, sums it per nämnd by the settings' table, and prints what it
 * did with every row (per nämnd, unmapped codes, accounts left out, totals before and after), so nothing is lost.
 */
import * as path from "path";
import { Grid } from "../sheet/grid";
import { Committee } from "../domain/model";
import { LedgerSummary, importLedgerForPlan } from "../domain/ledger/import";
import { readLedgerBytes } from "../hosts/ledger/readLedger";
import { readInputFile } from "../hosts/xlsx/read";
import { Language } from "../i18n/findings";
import { LEDGER_STRINGS, LedgerStrings, kronor } from "../i18n/ledger";
import { formatNumber } from "../i18n/numberFormats";
import { Output, UsageError, findingLines, table } from "./common";

/** More findings than this are counted, not listed: an export written with decimal points would list every row. */
const LISTED_FINDINGS = 50;

export interface LedgerRun {
  outcomes: ReadonlyMap<string, number>;
  /** Whether the export or the settings had errors (the command then ends with exit code 1). */
  hasErrors: boolean;
}

export async function importLedgerFile(
  file: string,
  plan: { grids: Grid[]; committees: Committee[]; file: string },
  lang: Language,
  io: Output,
): Promise<LedgerRun> {
  const t = LEDGER_STRINGS[lang];
  const name = path.basename(file);
  const { grids, encoding } = await readLedgerBytes(await readInputFile(file), name);
  const { settings, result } = importLedgerForPlan(grids, plan.grids, plan.committees);
  if (!result.ok) {
    const missing = result.problem.missing.length ? result.problem.missing : (["code", "amount"] as const);
    throw new UsageError(
      "ledgerNoHeader",
      file,
      missing.map((field) => t.fields[field]).join(lang === "sv" ? " och " : " and "),
    );
  }
  for (const line of findingLines(settings.findings, lang, path.basename(plan.file))) io.out(line);
  const findings = findingLines(result.findings, lang, encoding === "xlsx" ? name : undefined);
  for (const line of findings.slice(0, LISTED_FINDINGS)) io.out(line);
  if (findings.length > LISTED_FINDINGS) io.out(t.moreFindings(findings.length - LISTED_FINDINGS));

  const columns = Object.entries(result.columns)
    .map(([field, column]) => `${t.fields[field as keyof LedgerStrings["fields"]]} ${column}`)
    .join(", ");
  io.out("");
  io.out(t.heading(name, t.encodings[encoding], columns, result.headerRow));
  if (result.periods) io.out(t.periods(result.periods.first, result.periods.last));
  for (const line of summaryLines(result, plan.committees, t, lang)) io.out(line);
  io.out("");
  return {
    outcomes: result.outcomes,
    hasErrors: [...settings.findings, ...result.findings].some((f) => f.severity === "error"),
  };
}

function summaryLines(result: LedgerSummary, committees: Committee[], t: LedgerStrings, lang: Language): string[] {
  const money = (ore: number) => kronor(ore, lang).replace(/\u00A0kr$/, "");
  const count = (n: number) => formatNumber(n, lang);
  const names = new Map(committees.map((c) => [c.code, c.name ? `${c.code} ${c.name}` : c.code]));
  const lines: string[] = [];
  if (result.committees.length === 0) lines.push(t.noRules);
  lines.push(
    ...table(
      t.table,
      result.committees.map((s) => [
        names.get(s.committee) ?? s.committee,
        count(s.rows),
        money(s.ore),
        s.unreadRows ? t.incomplete(s.unreadRows) : s.rows === 0 ? t.noRows : "",
      ]),
    ).map((line) => line.trimEnd()),
  );
  if (result.unmapped.length) {
    lines.push(t.unmapped(result.unmapped.length));
    const rows = result.unmapped.map((u) => [
      u.code ? `${u.code}${u.name ? ` ${u.name}` : ""}` : t.withoutCode,
      count(u.rows),
      money(u.ore),
    ]);
    lines.push(...table(t.unmappedTable, rows).map((line) => `  ${line}`));
  }
  if (result.excluded.some((e) => e.rows > 0)) {
    lines.push(t.excluded);
    const rows = result.excluded.map((e) => [`${e.rule}${e.label ? ` ${e.label}` : ""}`, count(e.rows), money(e.ore)]);
    lines.push(...table(t.excludedTable, rows).map((line) => `  ${line}`));
  }
  const { totals } = result;
  lines.push(t.total(count(totals.rows), kronor(totals.ore, lang)));
  lines.push(t.parts(kronor(totals.mapped, lang), kronor(totals.unmapped, lang), kronor(totals.excluded, lang)));
  if (totals.unreadRows) lines.push(t.unread(totals.unreadRows));
  for (const line of result.totalLines) {
    lines.push(t.totalLine(`${result.sheet}!${line.cell}`, line.code, kronor(line.ore, lang), line.agrees));
  }
  return lines;
}
