import { FileFinding, finding } from "../findings";
import { Plan } from "../model";
import { Period, PeriodKind, Settings } from "../settings";
import { normalizeName } from "../text";
import { AnswerPeriod, AnswerPeriods, periodOrder, readAnswerPeriods, samePeriod } from "./answerPeriods";
import { AnswerSource } from "./collect";
import { expectedRows } from "./expected";
import { Answer, hasTyped, parseRowKey } from "./model";

/**
 * The answers of an earlier period (T1 when Delår is generated), read from an earlier report's history, the earlier
 * master or the files the nämnder returned, as consolidation reads them: shown on the new sheets beside the new
 * input, never as new answers.
 */

export interface PreviousPeriod {
  /** The period and year the answers were given for, as the sheets' metadata says ("T1", 2025). */
  period: string;
  year: number;
  /** Whether its figures were a prognos or the year's utfall. */
  kind: PeriodKind;
  /** Committee code → row key → the answer given then, only on rows the nämnd's sheet has in this plan. */
  byCommittee: Map<string, Map<string, Answer>>;
}

export interface PreviousRead {
  /** null when the files hold no answers of an earlier period for this plan (the findings say why). */
  previous: PreviousPeriod | null;
  findings: FileFinding[];
}

/** "T1 2025": how a sheet names the period its shown answers are from. */
export function previousLabel(previous: Pick<PreviousPeriod, "period" | "year">): string {
  return `${previous.period} ${previous.year}`;
}

/**
 * The newest period before `current` that `sources` hold (answerPeriods.ts: a report's history, or follow-up sheets
 * by their metadata), else the newest other than it, with its answers by nämnd and row key.
 */
export function readPreviousPeriod(
  plan: Plan,
  sources: AnswerSource[],
  settings: Settings,
  current: { period: Period; year: number },
): PreviousRead {
  const read = readAnswerPeriods(plan, sources, settings);
  const previous = previousPeriodOf(plan, read, sources, settings, current);
  return { ...previous, findings: [...read.findings, ...previous.findings] };
}

/** The previous period among periods already read from `sources` (readAnswerPeriods); the read's findings not said. */
export function previousPeriodOf(
  plan: Plan,
  read: AnswerPeriods,
  sources: AnswerSource[],
  settings: Settings,
  current: { period: Period; year: number },
): PreviousRead {
  const now = { period: current.period.name, year: current.year, generatedAt: "" };
  const others = read.periods.filter((p) => !samePeriod(p, now));
  // The newest before this one (a T1 made again after Delår compares with no Delår); else the newest there is.
  const earlier = others.filter((p) => periodOrder(settings)(p, now) < 0).pop() ?? others.pop();
  const where = { sheet: sources[0]?.grids[0]?.sheet ?? "", row: 0, col: 0 };
  const file = sources.map((s) => s.source).join(", ");
  if (!earlier) {
    const params = { found: [...new Set(read.periods.map(previousLabel))].join(", ") };
    const none = { ...finding("error", "followup-previous-none", where, params), file };
    return { previous: null, findings: [none] };
  }
  const planned = new Map(
    plan.committees.map((c) => [c.code, new Set(expectedRows(plan, c.code, current.year).map((r) => r.key))]),
  );
  const byCommittee = new Map<string, Map<string, Answer>>();
  for (const [committee, answers] of earlier.byCommittee) {
    // A carried uppdrag (carried.ts) is on the sheets all year, like the plan's own rows.
    const onSheet = (key: string) => planned.get(committee)?.has(key) || parseRowKey(key)?.kind === "carried";
    const kept = [...answers].filter(([key, answer]) => onSheet(key) && hasTyped(answer));
    if (kept.length) byCommittee.set(committee, new Map(kept));
  }
  // That the plan has moved a row since is no news here: the new sheet shows a row's answer to its own nämnd only.
  const findings = earlier.findings.filter(
    (f) => f.rule !== "followup-answer-moved" && f.rule !== "followup-answer-replaced",
  );
  const label = previousLabel(earlier);
  // A period none of whose rows this plan has: another plan's follow-up, not an earlier period of this.
  const known = !earlier.keys.size || [...earlier.keys].some((key) => [...planned.values()].some((k) => k.has(key)));
  if (!known) {
    findings.push({ ...finding("error", "followup-previous-other-plan", where, { period: label }), file });
    return { previous: null, findings };
  }
  return { previous: { period: earlier.period, year: earlier.year, kind: earlier.kind, byCommittee }, findings };
}

/**
 * The previous year's last period, as shown beside the first period of a new year: the plan is another year's, its
 * IDs renumbered, so an answer is shown only on a goal or nyckeltal whose key and title both agree with the new
 * plan's row. Uppdrag go on through the carry (carried.ts), never shown twice; ramjusteringar and the Ekonomi section
 * were another year's figures.
 */
export function yearTurnPrevious(
  plan: Plan,
  last: Pick<AnswerPeriod, "period" | "year" | "kind" | "byCommittee">,
  year: number,
): PreviousPeriod {
  const byCommittee = new Map<string, Map<string, Answer>>();
  for (const { code } of plan.committees) {
    const titles = new Map(
      expectedRows(plan, code, year)
        .filter((row) => row.kind === "goal" || row.kind === "keyFigure")
        .map((row) => [row.key, normalizeName(row.title)]),
    );
    const same = [...(last.byCommittee.get(code) ?? [])].filter(
      ([key, answer]) => titles.get(key) === normalizeName(answer.title) && hasTyped(answer),
    );
    if (same.length) byCommittee.set(code, new Map(same));
  }
  return { period: last.period, year: last.year, kind: last.kind, byCommittee };
}

/** `previous` as a period of `year` compares with it: one of an earlier year only where key and title agree. */
export function comparableWith(plan: Plan, previous: PreviousPeriod, year: number): PreviousPeriod {
  return previous.year < year ? yearTurnPrevious(plan, previous, year) : previous;
}
