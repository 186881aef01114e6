import { FileFinding, finding } from "../findings";
import { Plan } from "../model";
import { Period, PeriodKind, Settings } from "../settings";
import { isFollowUpSheet, readFollowUpSheet } from "./answers";
import { AnswerSource, collectAnswers } from "./collect";
import { DRIFT_ID, expectedRows } from "./expected";
import { Answer, hasTyped, parseRowKey } from "./model";

/**
 * The answers of an earlier period (T1 when Delår is generated), read from the earlier master or the files the
 * nämnder returned, as consolidation reads them: shown on the new sheets beside the new input, never as new answers.
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
 * The newest period other than `current` whose follow-up sheets `sources` hold (by the sheets' metadata), with its
 * answers by nämnd and row key. Sources are taken in order, a later one winning row by row (collectAnswers).
 */
export function readPreviousPeriod(
  plan: Plan,
  sources: AnswerSource[],
  settings: Settings,
  current: { period: Period; year: number },
): PreviousRead {
  const reads = sources.flatMap((s) => s.grids.filter(isFollowUpSheet).map(readFollowUpSheet));
  const metas = reads.flatMap((read) => (read.meta ? [read.meta] : []));
  const earlier = metas
    .filter((m) => m.period !== current.period.name || m.year !== current.year)
    .sort((a, b) => b.generatedAt.localeCompare(a.generatedAt))[0];
  const where = { sheet: sources[0]?.grids[0]?.sheet ?? "", row: 0, col: 0 };
  const file = sources.map((s) => s.source).join(", ");
  if (!earlier) {
    const params = { found: [...new Set(metas.map((m) => `${m.period} ${m.year}`))].join(", ") };
    return { previous: null, findings: [{ ...finding("error", "followup-previous-none", where, params), file }] };
  }
  const period = settings.periods.find((p) => p.name === earlier.period) ?? {
    name: earlier.period,
    kind: "forecast" as const,
  };
  const collected = collectAnswers(plan, sources, period, earlier.year, settings);
  const planned = new Map(
    plan.committees.map((c) => [c.code, new Set(expectedRows(plan, c.code, current.year).map((r) => r.key))]),
  );
  const byCommittee = new Map<string, Map<string, Answer>>();
  for (const [committee, answers] of collected.byCommittee) {
    // A carried uppdrag (carried.ts) is on the sheets all year, like the plan's own rows.
    const onSheet = (key: string) => planned.get(committee)?.has(key) || parseRowKey(key)?.kind === "carried";
    const kept = [...answers].filter(([key, answer]) => onSheet(key) && hasTyped(answer));
    if (kept.length) byCommittee.set(committee, new Map(kept));
  }
  // That the plan has moved a row since is no news here: the new sheet shows a row's answer to its own nämnd only.
  const findings = collected.findings.filter(
    (f) => f.rule !== "followup-answer-moved" && f.rule !== "followup-answer-replaced",
  );
  const label = previousLabel({ period: earlier.period, year: earlier.year });
  // Sheets of that period none of whose rows this plan has: another plan's follow-up, not an earlier period of this.
  const ofPeriod = reads.filter((r) => r.meta?.period === earlier.period && r.meta.year === earlier.year);
  // The drift's rows are on every plan's sheets: they tell nothing.
  const telling = ofPeriod.flatMap((r) => r.rows).filter((row) => row.kind !== "economy" && row.id !== DRIFT_ID);
  const known = !telling.length || telling.some((row) => [...planned.values()].some((keys) => keys.has(row.key)));
  if (!known) {
    findings.push({ ...finding("error", "followup-previous-other-plan", where, { period: label }), file });
    return { previous: null, findings };
  }
  return { previous: { period: earlier.period, year: earlier.year, kind: period.kind, byCommittee }, findings };
}
