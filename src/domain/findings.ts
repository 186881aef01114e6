import { CellRef, cellName } from "../sheet/grid";

/** `info` tells what the tool passed over (a sheet not read); it never changes an exit code or blocks a job. */
export type Severity = "error" | "warning" | "info";

/**
 * Every validation rule, by id. The Swedish and English messages live in src/i18n, keyed by these ids,
 * so the core stays free of presentation.
 */
/** Rules that check a plan as read. */
export type PlanRuleId =
  | "required-field"
  | "error-value"
  | "unknown-goal"
  | "parent-level"
  | "goal-cycle"
  | "duplicate-id"
  | "duplicate-assignment"
  | "unknown-committee"
  | "unknown-level"
  | "amount-unparseable"
  | "amount-ambiguous"
  | "amount-sign"
  | "direction-invalid"
  | "adjustment-unknown-assignment"
  | "adjustment-committee-ambiguous"
  | "year-outside-plan"
  | "year-invalid"
  | "assignment-no-committee"
  | "kolada-id"
  | "duration-unspecified"
  | "duration-invalid"
  | "origin-invalid"
  | "committee-kind-invalid"
  | "ram-mismatch"
  | "ram-previous-unclear";

/** Rules that check returned follow-up sheets (consolidation). */
export type FollowUpRuleId =
  | "followup-marker-missing"
  | "followup-unknown-row"
  | "followup-missing-row"
  | "followup-duplicate-row"
  | "followup-locked-changed"
  | "followup-row-inserted"
  | "followup-not-in-list"
  | "followup-comment-missing"
  | "followup-amount-invalid"
  | "followup-amount-sign"
  | "followup-duplicate-return"
  | "followup-sheet-renamed"
  | "followup-no-sheet"
  | "followup-text-too-long"
  | "followup-formula-uncomputed"
  | "followup-committee-recoded"
  | "followup-committee-unknown"
  | "followup-answer-moved"
  | "followup-answer-replaced"
  | "followup-ledger-differs"
  | "followup-kolada-differs"
  | "followup-previous-none"
  | "followup-previous-other-plan"
  | "followup-history-unreadable"
  | "followup-carried-near"
  | "followup-carried-committee-gone"
  | "followup-economy-implausible"
  | "followup-economy-explanation-missing";

/**
 * Rules about how the plan workbook hides what it holds, not about the plan itself (so the rule fixtures, which
 * write plan content, do not cover them; test/hostile-files.test.ts does).
 */
export type WorkbookRuleId =
  | "hidden-content"
  | "sheet-not-read"
  | "text-too-long"
  | "pasted-committee-unknown"
  | "pasted-mostly-unread"
  | "all-committees-no-register";

/** Rules about a ledger export (utfall) and the settings that map its codes to nämnder (src/domain/ledger/). */
export type LedgerRuleId =
  | "ledger-amount-unparseable"
  | "ledger-amount-ambiguous"
  | "ledger-rule-invalid"
  | "ledger-committee-unknown"
  | "ledger-rule-collision";

export type RuleId = PlanRuleId | FollowUpRuleId | WorkbookRuleId | LedgerRuleId;

export type FindingParams = Record<string, string | number>;

/** A finding in one of several files: consolidation's and a regeneration's, which read the returned files. */
export interface FileFinding extends Finding {
  file: string;
}

export interface Finding {
  severity: Severity;
  rule: RuleId;
  sheet: string;
  /** A1-style address of the offending cell. */
  cell: string;
  params: FindingParams;
}

export function finding(severity: Severity, rule: RuleId, at: CellRef, params: FindingParams = {}): Finding {
  return { severity, rule, sheet: at.sheet, cell: cellName(at.row, at.col), params };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; then by sheet (in workbook order when given), then by cell (row before column): stable output. */
export function sortFindings(findings: Finding[], sheetOrder: string[] = []): Finding[] {
  const sheetRank = (sheet: string) => {
    const index = sheetOrder.indexOf(sheet);
    return index < 0 ? sheetOrder.length : index;
  };
  const position = (cell: string): [number, string] => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    return m ? [Number(m[2]), m[1].padStart(3, " ")] : [0, cell];
  };
  return [...findings].sort((a, b) => {
    if (a.severity !== b.severity) return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
    if (a.sheet !== b.sheet) return sheetRank(a.sheet) - sheetRank(b.sheet) || a.sheet.localeCompare(b.sheet, "sv");
    const [ra, ca] = position(a.cell);
    const [rb, cb] = position(b.cell);
    return ra - rb || ca.localeCompare(cb) || a.rule.localeCompare(b.rule);
  });
}
