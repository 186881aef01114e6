import { CellValue, Grid, cellName, cellText, columnName, isFilled } from "../../sheet/grid";
import { parseAmount } from "../amounts";
import { Finding, finding } from "../findings";
import { CodeMatcher, ruleText } from "./codes";
import { LedgerField, LedgerHeader, findLedgerHeader, missingLedgerFields } from "./headers";
import { Committee } from "../model";
import { LedgerSettings, readLedgerSettings } from "./settings";

/**
 * A ledger export → the net cost per nämnd, exactly, in öre. Costs are positive in a ledger (debit) and revenue
 * negative (credit), so the plain sum of a nämnd's rows is its net cost, which is what is set against its budget.
 * Every row is accounted for: total of the file = mapped + unmapped + left out (accounts the settings name), and a
 * row whose amount cannot be read is a finding at its cell and counted apart, never guessed.
 */

export interface CommitteeSum {
  committee: string;
  ore: number;
  rows: number;
  /** Rows of this nämnd whose amount could not be read: its sum is then incomplete and is not written. */
  unreadRows: number;
}

export interface CodeSum {
  code: string;
  /** The name the export gives the code, from its first row that has one. */
  name: string | null;
  ore: number;
  rows: number;
}

export interface ExcludedSum {
  /** The settings' rule ("3811", "39*") and its label. */
  rule: string;
  label: string | null;
  ore: number;
  rows: number;
}

/**
 * A row the export adds up itself ("Summa", "Totalt", "Summa ansvar 1100"): not a booking, so not summed, but set
 * against what its rows sum to: the whole file's, or its code's when it has one (a subtotal).
 */
export interface TotalLine {
  cell: string;
  ore: number;
  code: string | null;
  agrees: boolean;
}

export interface LedgerSummary {
  /** The sheet read (a CSV's file name), its header row (1-based) and the column of each field. */
  sheet: string;
  headerRow: number;
  columns: Partial<Record<LedgerField, string>>;
  /** Net cost per nämnd, the year so far: only nämnder with rows and no unreadable amount. */
  outcomes: ReadonlyMap<string, number>;
  committees: CommitteeSum[];
  unmapped: CodeSum[];
  excluded: ExcludedSum[];
  totals: { rows: number; ore: number; mapped: number; unmapped: number; excluded: number; unreadRows: number };
  totalLines: TotalLine[];
  /** The first and last period the export covers, as it writes them; null without a period column. */
  periods: { first: string; last: string } | null;
  findings: Finding[];
}

export type LedgerProblem = { code: "noHeader"; missing: LedgerField[] };

export type LedgerImport = ({ ok: true } & LedgerSummary) | { ok: false; problem: LedgerProblem };

const TOTAL_WORD = /^(summa|totalt?|total|slutsumma)\b/i;
/** "1100 Kommunledning": a code and its name in one cell, when the export has no name column. */
const CODE_AND_NAME = /^(\d[\p{L}\d./_-]*)\s+(.+)$/u;

/**
 * What every host does with an export, the same way: the settings' tables read from the plan workbook's grids and
 * checked against its nämnder, then the export summed by them.
 */
export function importLedgerForPlan(
  exportGrids: Grid[],
  planGrids: Grid[],
  committees: Committee[],
): { settings: LedgerSettings; result: LedgerImport } {
  const settings = readLedgerSettings(planGrids, committees);
  return {
    settings,
    result: importLedger(
      exportGrids,
      settings,
      committees.map((c) => c.code),
    ),
  };
}

/** Reads the first sheet that has a ledger's header row; `committees` gives the order nämnder are listed in. */
export function importLedger(grids: Grid[], settings: LedgerSettings, committees: string[]): LedgerImport {
  for (const grid of grids) {
    const header = findLedgerHeader(grid);
    if (header) return { ok: true, ...summarise(grid, header, settings, committees) };
  }
  return { ok: false, problem: { code: "noHeader", missing: missingLedgerFields(grids) } };
}

function summarise(grid: Grid, header: LedgerHeader, settings: LedgerSettings, order: string[]): LedgerSummary {
  const byCommittee = new CodeMatcher(settings.rules.map(({ rule, committee }) => ({ rule, target: committee })));
  const byAccount = new CodeMatcher(settings.excluded.map((account, i) => ({ rule: account.rule, target: i })));
  const ruled = new Set(settings.rules.map((r) => r.committee));
  const sums = new Map<string, CommitteeSum>(
    order.filter((code) => ruled.has(code)).map((code) => [code, { committee: code, ore: 0, rows: 0, unreadRows: 0 }]),
  );
  const unmapped = new Map<string, CodeSum>();
  const excluded: ExcludedSum[] = settings.excluded.map((a) => ({
    rule: ruleText(a.rule),
    label: a.label,
    ore: 0,
    rows: 0,
  }));
  const totals = { rows: 0, ore: 0, mapped: 0, unmapped: 0, excluded: 0, unreadRows: 0 };
  const totalLines: Omit<TotalLine, "agrees">[] = [];
  /** Every code's sum over all its readable rows, left-out accounts too, as a subtotal in the export counts them. */
  const byCode = new Map<string, number>();
  const findings: Finding[] = [];
  let periods: { first: string; last: string } | null = null;

  const col = (field: LedgerField) => (header.columns[field] ?? -1) - grid.left;
  const [codeCol, nameCol, amountCol, accountCol, periodCol] = [
    col("code"),
    col("name"),
    col("amount"),
    col("account"),
    col("period"),
  ];
  for (let r = header.row + 1 - grid.top; r < grid.values.length; r++) {
    const values = grid.values[r];
    const amountValue = values[amountCol] ?? null;
    if (!isFilled(amountValue)) continue; // a blank line, a heading: no money on it
    const row = grid.top + r;
    let code = cellText(values[codeCol] ?? null);
    let name = nameCol >= 0 ? cellText(values[nameCol] ?? null) || null : null;
    const parsed = parseAmount(amountValue, header.amountUnit, "swedish");
    // A total names itself; a subtotal has its ansvar's code but no account (a booking always has one).
    const account = accountCol >= 0 ? cellText(values[accountCol] ?? null) : "";
    if (isTotalLine(values) && (!code || TOTAL_WORD.test(code) || (accountCol >= 0 && !account))) {
      const subtotal = code && !TOTAL_WORD.test(code) ? code : null;
      if (parsed?.ok) totalLines.push({ cell: cellName(row, grid.left + amountCol), ore: parsed.ore, code: subtotal });
      continue;
    }
    if (nameCol < 0) {
      const split = CODE_AND_NAME.exec(code);
      if (split) [, code, name] = split;
    }
    const committee = code ? byCommittee.find(code) : null;
    if (!parsed?.ok) {
      findings.push(amountFinding(amountValue, parsed, { sheet: grid.sheet, row, col: grid.left + amountCol }));
      totals.unreadRows++;
      const sum = committee ? sums.get(committee) : undefined;
      if (sum) sum.unreadRows++;
      continue;
    }
    const ore = parsed.ore;
    totals.rows++;
    totals.ore += ore;
    if (periodCol >= 0) periods = widen(periods, cellText(values[periodCol] ?? null));
    byCode.set(code, (byCode.get(code) ?? 0) + ore);
    const left = account ? byAccount.find(account) : null;
    if (left !== null) {
      excluded[left].ore += ore;
      excluded[left].rows++;
      totals.excluded += ore;
    } else if (committee !== null) {
      const sum = sums.get(committee) as CommitteeSum;
      sum.ore += ore;
      sum.rows++;
      totals.mapped += ore;
    } else {
      const line = unmapped.get(code) ?? { code, name, ore: 0, rows: 0 };
      line.name ??= name;
      line.ore += ore;
      line.rows++;
      unmapped.set(code, line);
      totals.unmapped += ore;
    }
  }
  const committees = [...sums.values()];
  const outcomes = new Map(committees.filter((s) => s.rows > 0 && s.unreadRows === 0).map((s) => [s.committee, s.ore]));
  return {
    sheet: grid.sheet,
    headerRow: header.row + 1,
    columns: Object.fromEntries(Object.entries(header.columns).map(([field, c]) => [field, columnName(c)])),
    outcomes,
    committees,
    unmapped: [...unmapped.values()].sort((a, b) => a.code.localeCompare(b.code, "sv", { numeric: true })),
    excluded,
    totals,
    totalLines: totalLines.map((line) => ({
      ...line,
      agrees: line.ore === (line.code === null ? totals.ore : (byCode.get(line.code) ?? 0)),
    })),
    periods,
    findings,
  };
}

function isTotalLine(values: CellValue[]): boolean {
  return values.some((value) => typeof value === "string" && TOTAL_WORD.test(value.trim()));
}

function widen(periods: { first: string; last: string } | null, period: string) {
  if (!period) return periods;
  if (!periods) return { first: period, last: period };
  if (period < periods.first) periods.first = period;
  if (period > periods.last) periods.last = period;
  return periods;
}

function amountFinding(
  value: CellValue,
  parsed: ReturnType<typeof parseAmount>,
  at: { sheet: string; row: number; col: number },
): Finding {
  if (parsed && !parsed.ok && parsed.problem === "ambiguous") {
    return finding("error", "ledger-amount-ambiguous", at, { value: parsed.text });
  }
  return finding("error", "ledger-amount-unparseable", at, { value: cellText(value) });
}
