import { CellRef, CellValue, Grid, cellText } from "../../sheet/grid";
import { parseAmount } from "../amounts";
import { FileFinding, FindingParams, FollowUpRuleId, Severity, finding } from "../findings";
import { Committee, Plan } from "../model";
import { planIndex } from "../planIndex";
import { Period, ScaleValue, Settings } from "../settings";
import { cleanText } from "../text";
import { answerOf } from "./answers";
import { RecognisedSheet, recogniseSheets } from "./recognise";
import { committeeContent } from "./content";
import { followUpSheets } from "./generate";
import { Answer, COL, FollowUpKind, hasContent, parseRowKey, rowKey } from "./model";

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

export interface ResultRow {
  kind: FollowUpKind;
  id: string;
  title: string;
  /** The answer, when it is one the scale or the amount column accepts; otherwise null (and a finding). */
  input: string | number | null;
  comment: string | null;
}

export interface CommitteeResult {
  committee: Committee;
  /** The sheet read for the nämnd, answered or not. */
  source: { file: string; sheet: string; generatedAt: string | null } | null;
  /**
   * Whether anything is typed on that sheet. A sheet with nothing typed is no answer: the master's own follow-up
   * sheet stands there from the day it is generated, whether the nämnd ever answers or not.
   */
  answered: boolean;
  rows: ResultRow[];
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
  const expectedSheets = followUpSheets(plan, { period, year, due: null, generatedAt: "", planName: "", settings });
  const expectedByCommittee = new Map(expectedSheets.map((s) => [s.committee.code, s]));
  const committees = plan.committees.map((committee): CommitteeResult => {
    const own = candidates.filter((c) => c.committee === committee.code);
    const chosen = choose(own, committee, report);
    const content = committeeContent(plan, committee.code);
    const expected = expectedRows(expectedByCommittee.get(committee.code)?.spec.blocks[0].rows ?? []);
    const answers = chosen ? checkSheet(chosen, expected, settings, report) : new Map<string, Answer>();
    const row = (kind: FollowUpKind, id: string, title: string): ResultRow => {
      const answer = answers.get(rowKey(kind, id));
      return { kind, id, title, input: answer?.input ?? null, comment: answer?.comment ?? null };
    };
    return {
      committee,
      source: chosen
        ? { file: chosen.source.file, sheet: chosen.read.sheet, generatedAt: chosen.read.meta?.generatedAt ?? null }
        : null,
      answered: [...answers.values()].some(hasContent),
      rows: [
        ...content.goals.filter((g) => g.level !== plan.levels[0]?.id).map((g) => row("goal", g.id, g.name)),
        ...content.assignments.map((a) => row("assignment", a.id, a.title)),
        ...content.adjustments.map((a) => row("adjustment", a.id, adjustmentTitle(plan, a.id))),
        ...content.keyFigures.map((k) => row("keyFigure", k.id, k.name)),
      ],
    };
  });
  return { period, year, committees, findings };
}

function generatedAt(candidate: Candidate): string {
  return candidate.read.meta?.generatedAt ?? "";
}

export function adjustmentTitle(plan: Plan, id: string): string {
  const index = planIndex(plan);
  const adjustment = index.adjustments.get(id);
  if (!adjustment) return id;
  const assignment = adjustment.assignmentId === null ? undefined : index.assignments.get(adjustment.assignmentId);
  const word = adjustment.direction === "increase" ? "Ramökning" : "Ramminskning";
  return `${word}${adjustment.year ? ` ${adjustment.year}` : ""}${assignment ? `: ${assignment.title}` : ""}`;
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

/** The locked cells (B..E) of each row the plan gives this nämnd, by key, as the generator writes them. */
function expectedRows(rows: { value: string | number | boolean | null }[][]): Map<string, CellValue[]> {
  const expected = new Map<string, CellValue[]>();
  for (const row of rows) {
    const key = row[COL.key]?.value;
    // Only a key: the metadata above the rows is JSON, and may hold a "|" of a nämnd's name.
    if (typeof key === "string" && parseRowKey(key)) {
      expected.set(
        key,
        row.slice(COL.title, COL.value + 1).map((c) => (typeof c.value === "boolean" ? String(c.value) : c.value)),
      );
    }
  }
  return expected;
}

function sameValue(actual: CellValue, expected: CellValue): boolean {
  if (typeof expected === "number") return typeof actual === "number" && Math.abs(actual - expected) < 1e-9;
  return cleanText(cellText(actual)) === cleanText(cellText(expected));
}

/** Checks one chosen sheet and returns its accepted answers by key. */
function checkSheet(
  candidate: Candidate,
  expected: Map<string, CellValue[]>,
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
  const answers = new Map<string, Answer>();
  for (const row of read.rows) {
    if (row.removed) continue;
    const locked = expected.get(row.key);
    if (!locked) {
      report(file, "error", "followup-unknown-row", at(row.row, COL.key), { key: row.key });
      continue;
    }
    if (answers.has(row.key)) {
      report(file, "error", "followup-duplicate-row", at(row.row, COL.key), { key: row.key });
      continue;
    }
    locked.forEach((value, i) => {
      if (!sameValue(row.cells[i], value)) {
        report(file, "error", "followup-locked-changed", at(row.row, COL.title + i), { expected: cellText(value) });
      }
    });
    const answer = acceptedAnswer(answerOf(row), row.row, settings, (rule, col, params) =>
      report(file, rule === "followup-comment-missing" ? "warning" : "error", rule, at(row.row, col), params),
    );
    answers.set(row.key, answer);
    // The amount is the plan's (as generated), never the sheet's: a prognos against a ramminskning of −3 500 typed
    // as 3 150 makes an avvikelse of −6 650 where −350 was meant.
    const amount = locked[COL.value - COL.title];
    if (answer.kind === "adjustment" && typeof answer.input === "number" && typeof amount === "number") {
      if (Math.sign(answer.input) * Math.sign(amount) < 0) {
        report(file, "warning", "followup-amount-sign", at(row.row, COL.input), {
          kind: settings.periods.find((p) => p.name === candidate.period)?.kind ?? "prognos",
          value: answer.input,
          amount,
          deviation: Math.round((amount - answer.input) * 1000) / 1000,
        });
      }
    }
  }
  for (const [key, cells] of expected) {
    if (!answers.has(key) && !read.rows.some((r) => r.key === key)) {
      report(file, "error", "followup-missing-row", at(0, 1), { title: cellText(cells[0]), key });
    }
  }
  for (const issue of read.issues) report(file, issue.severity, issue.rule, at(issue.row, issue.col), issue.params);
  return answers;
}

/** The answer as the report may use it: values outside the lists or unreadable amounts are findings, not data. */
function acceptedAnswer(
  answer: Answer,
  _row: number,
  settings: Settings,
  report: (rule: FollowUpRuleId, col: number, params: FindingParams) => void,
): Answer {
  const scale: ScaleValue[] | null =
    answer.kind === "goal" ? settings.scales.goal : answer.kind === "assignment" ? settings.scales.assignment : null;
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
    return { ...answer, input: parsed.ore / 100_000 };
  }
  return answer;
}
