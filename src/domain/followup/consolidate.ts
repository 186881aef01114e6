import { CellRef, CellValue, Grid, cellText } from "../../sheet/grid";
import { oreToTkr, parseAmount } from "../amounts";
import { FileFinding, FindingParams, FollowUpRuleId, Severity, finding } from "../findings";
import { Committee, Plan } from "../model";
import { Period, ScaleValue, Settings } from "../settings";
import { cleanText } from "../text";
import { answerOf } from "./answers";
import { RecognisedSheet, recogniseSheets } from "./recognise";
import { ExpectedRow, adjustmentTitle, expectedRows } from "./expected";
import { EconomyResult, economyResults } from "./economyResults";
import { Answer, COL, PlanRowKind, hasTyped } from "./model";
import { CarriedResult, carriedResults, missingCarried } from "./carriedResults";

/**
 * Returned follow-up sheets → each nämnd's answers, checked against the plan. Every problem is a finding at its
 * file, sheet and cell; nothing typed is silently dropped, and nothing on a sheet can change the plan: titles and
 * amounts in the report always come from the plan.
 */

export interface WorkbookInput {
  file: string;
  grids: Grid[];
  /** When the file was last saved (its document properties), to order two returns for one nämnd. */
  modified: Date | null;
  /** The economist's master: any returned file wins over it. */
  master: boolean;
}

export type ConsolidationFinding = FileFinding;

interface ResultRowBase {
  id: string;
  title: string;
  comment: string | null;
}

/** One row the plan asks a nämnd to answer, with the answer accepted for it. */
export type ResultRow =
  | (ResultRowBase & {
      kind: "goal" | "assignment" | "keyFigure";
      /** A value of the scale, or a nyckeltal's utfall as typed; null when none was accepted (and a finding). */
      input: string | number | null;
    })
  | (ResultRowBase & {
      kind: "adjustment";
      /** The prognos or utfall, in öre; null when none was given or it could not be read (a finding). */
      input: number | null;
      /** The plan's amount, in öre: never the sheet's. */
      amountOre: number;
    });

export interface CommitteeResult {
  committee: Committee;
  /** The Ekonomi section: the drift first (when the plan gives the nämnd one), then each investment project. */
  economy: EconomyResult[];
  /** The sheet read for the nämnd, answered or not. */
  source: { file: string; sheet: string; generatedAt: string | null } | null;
  /**
   * Whether anything is typed on that sheet. A sheet with nothing typed is no answer: the master's own follow-up
   * sheet stands there from the day it is generated, whether the nämnd ever answers or not.
   */
  answered: boolean;
  rows: ResultRow[];
  /** The uppdrag that go on from earlier years, carried or listed by the plan again (carriedResults.ts). */
  carried: CarriedResult[];
}

export interface Consolidation {
  period: Period;
  year: number;
  committees: CommitteeResult[];
  findings: ConsolidationFinding[];
}

type Candidate = RecognisedSheet<WorkbookInput>;

export function consolidate(
  plan: Plan,
  inputs: WorkbookInput[],
  settings: Settings,
  wanted?: { period: Period; year: number },
): Consolidation {
  const recognised = recogniseSheets(plan, inputs, settings, wanted);
  const { period, year, sheets: candidates } = recognised;
  const findings: ConsolidationFinding[] = [...recognised.findings];
  const report = (file: string, severity: Severity, rule: FollowUpRuleId, at: CellRef, params: FindingParams = {}) =>
    findings.push({ ...finding(severity, rule, at, params), file });
  const committees = plan.committees.map((committee): CommitteeResult => {
    const own = candidates.filter((c) => c.committee === committee.code);
    const chosen = choose(own, committee, report);
    const expected = expectedRows(plan, committee.code, year);
    const answers = chosen ? checkSheet(chosen, expected, settings, report) : new Map<string, Answer>();
    const rowOf = new Map<string, number>();
    for (const row of chosen?.read.rows ?? []) if (!row.removed && !rowOf.has(row.key)) rowOf.set(row.key, row.row);
    const say = (severity: Severity, rule: FollowUpRuleId, row: number, col: number, params: FindingParams) =>
      report(chosen!.source.file, severity, rule, { sheet: chosen!.read.sheet, row, col }, params);
    const threshold = settings.measuresThresholdPercent ?? 0;
    return {
      committee,
      economy: economyResults(expected, answers, rowOf, period.kind, threshold, say),
      source: chosen
        ? { file: chosen.source.file, sheet: chosen.read.sheet, generatedAt: chosen.read.meta?.generatedAt ?? null }
        : null,
      // A figure the ledger filled in is no answer from the nämnd.
      answered: [...answers.values()].some(hasTyped),
      carried: chosen ? carriedResults(chosen.read, expected, answers) : [],
      // Every row that takes an answer: the vision takes none.
      rows: expected
        .filter((row): row is ExpectedRow & { kind: PlanRowKind } => row.input !== "none" && isPlanRow(row.kind))
        .map(({ key, kind, id, title, amountOre }): ResultRow => {
          const answer = answers.get(key);
          const comment = answer?.comment ?? null;
          if (kind !== "adjustment") return { kind, id, title, input: answer?.input ?? null, comment };
          const input = typeof answer?.input === "number" ? answer.input : null;
          // Every ramjustering's row has its amount (expectedRows).
          return { kind, id, title: adjustmentTitle(plan, id), input, comment, amountOre: amountOre! };
        }),
    };
  });
  return { period, year, committees, findings };
}

const isPlanRow = (kind: string): kind is PlanRowKind =>
  kind === "goal" || kind === "assignment" || kind === "adjustment" || kind === "keyFigure";

function generatedAt(candidate: Candidate): string {
  return candidate.read.meta?.generatedAt ?? "";
}

type Report = (file: string, severity: Severity, rule: FollowUpRuleId, at: CellRef, params?: FindingParams) => void;

/**
 * A returned file wins over the master. Two returns for one nämnd are a finding; the later one is used — the later
 * generation first, then the later save.
 */
function choose(own: Candidate[], committee: Committee, report: Report): Candidate | null {
  const returned = own.filter((c) => !c.source.master);
  const pool = returned.length ? returned : own;
  const sorted = [...pool].sort(
    (a, b) =>
      generatedAt(a).localeCompare(generatedAt(b)) ||
      (a.source.modified?.getTime() ?? 0) - (b.source.modified?.getTime() ?? 0),
  );
  const chosen = sorted[sorted.length - 1] ?? null;
  if (chosen && sorted.length > 1) {
    report(
      chosen.source.file,
      "warning",
      "followup-duplicate-return",
      { sheet: chosen.read.sheet, row: 0, col: 1 },
      {
        committee: committee.code,
        files: sorted.map((c) => `${c.source.file} (${c.read.sheet})`).join(", "),
        used: `${chosen.source.file} (${chosen.read.sheet})`,
      },
    );
  }
  return chosen;
}

/** A locked cell consolidation checks (B..E): a text, or a ramjustering's amount in öre. */
type Locked = { text: string | null } | { ore: number };

function lockedCells(row: ExpectedRow): Locked[] {
  const amount: Locked = row.amountOre === null ? { text: row.value } : { ore: row.amountOre };
  // The Ekonomi section's rows: the title, and a drift's or investment's budget in C (its D and E are typed).
  if (row.input === "measures") return [{ text: row.title }, { text: null }];
  if (row.input === "figures") return [{ text: row.title }, amount];
  return [{ text: row.title }, { text: row.detail }, { text: row.link }, amount];
}

/** Whether a locked cell reads as the plan wrote it: the same text, or the same amount to the öre. */
function sameValue(actual: CellValue, locked: Locked): boolean {
  if ("ore" in locked) {
    const read = typeof actual === "number" ? parseAmount(actual, "tkr") : null;
    return read?.ok === true && read.ore === locked.ore;
  }
  return cleanText(cellText(actual)) === cleanText(cellText(locked.text));
}

/** A locked cell's value as the sheet shows it, for a finding. */
function shown(locked: Locked): string {
  return cellText("ore" in locked ? oreToTkr(locked.ore) : locked.text);
}

/** Checks one chosen sheet against the rows the plan gives its nämnd, and returns its accepted answers by key. */
function checkSheet(
  candidate: Candidate,
  expected: ExpectedRow[],
  settings: Settings,
  report: Report,
): Map<string, Answer> {
  const { source: input, read } = candidate;
  const at = (row: number, col: number): CellRef => ({ sheet: read.sheet, row, col });
  const file = input.file;
  if (!read.sheet.endsWith(` ${candidate.period} ${candidate.year}`)) {
    report(file, "warning", "followup-sheet-renamed", at(0, 1), {
      expected: `${candidate.committee} ${candidate.period} ${candidate.year}`,
    });
  }
  const byKey = new Map(expected.map((row) => [row.key, row]));
  const answers = new Map<string, Answer>();
  for (const row of read.rows) {
    if (row.removed) continue;
    const plan = byKey.get(row.key);
    // A carried uppdrag's row is the sheet's own (carried.ts): there is no plan row to check it against.
    if (!plan && row.kind !== "carried") {
      report(file, "error", "followup-unknown-row", at(row.row, COL.key), { key: row.key });
      continue;
    }
    if (answers.has(row.key)) {
      report(file, "error", "followup-duplicate-row", at(row.row, COL.key), { key: row.key });
      continue;
    }
    if (plan)
      lockedCells(plan).forEach((locked, i) => {
        if (!sameValue(row.cells[i], locked)) {
          report(file, "error", "followup-locked-changed", at(row.row, COL.title + i), { expected: shown(locked) });
        }
      });
    const answer = acceptedAnswer(answerOf(row), row.row, settings, (rule, col, params) =>
      report(file, rule === "followup-comment-missing" ? "warning" : "error", rule, at(row.row, col), params),
    );
    answers.set(row.key, answer);
    // The amount is the plan's, never the sheet's: a prognos against a ramminskning of −3 500 typed as 3 150 makes an
    // avvikelse of −6 650 where −350 was meant.
    const amountOre = plan?.amountOre ?? null;
    if (answer.kind === "adjustment" && typeof answer.input === "number" && amountOre !== null) {
      if (Math.sign(answer.input) * Math.sign(amountOre) < 0) {
        report(file, "warning", "followup-amount-sign", at(row.row, COL.input), {
          kind: settings.periods.find((p) => p.name === candidate.period)?.kind ?? "forecast",
          value: oreToTkr(answer.input),
          amount: oreToTkr(amountOre),
          deviation: Math.round(oreToTkr(amountOre - answer.input) * 1000) / 1000,
        });
      }
    }
  }
  const onSheet = new Set(read.rows.map((r) => r.key));
  // A sheet written before the Ekonomi section existed has none of its rows: its economy is simply not answered.
  const economyOnSheet = read.rows.some((r) => !isPlanRow(r.kind));
  for (const { key, kind, title } of byKey.values()) {
    if (onSheet.has(key) || (!economyOnSheet && !isPlanRow(kind))) continue;
    report(file, "error", "followup-missing-row", at(0, 1), { title: cellText(title), key });
  }
  for (const key of missingCarried(read)) report(file, "error", "followup-missing-row", at(0, 1), { title: key, key });
  for (const issue of read.issues) report(file, issue.severity, issue.rule, at(issue.row, issue.col), issue.params);
  return answers;
}

/**
 * The answer as the report may use it: values outside the lists or unreadable amounts are findings, not data. A
 * ramjustering's prognos or utfall, typed in tkr, is read into öre.
 */
function acceptedAnswer(
  answer: Answer,
  _row: number,
  settings: Settings,
  report: (rule: FollowUpRuleId, col: number, params: FindingParams) => void,
): Answer {
  const scale: ScaleValue[] | null =
    answer.kind === "goal"
      ? settings.scales.goal
      : answer.kind === "assignment" || answer.kind === "carried"
        ? settings.scales.assignment
        : null;
  if (answer.input === null) return answer;
  if (scale) {
    const value = scale.find(
      (v) => v.label.toLocaleLowerCase("sv") === String(answer.input).trim().toLocaleLowerCase("sv"),
    );
    if (!value) {
      report("followup-not-in-list", COL.input, {
        value: String(answer.input),
        allowed: scale.map((v) => v.label).join(", "),
      });
      return { ...answer, input: null };
    }
    if (!value.done && !answer.comment) report("followup-comment-missing", COL.comment, { value: value.label });
    return { ...answer, input: value.label };
  }
  if (answer.kind === "adjustment") {
    const parsed = parseAmount(answer.input, "tkr");
    if (!parsed || !parsed.ok) {
      report("followup-amount-invalid", COL.input, { value: String(answer.input) });
      return { ...answer, input: null };
    }
    return { ...answer, input: parsed.ore };
  }
  return answer;
}
