import { cellText } from "../../sheet/grid";
import { FileFinding } from "../findings";
import { Plan } from "../model";
import { oreToTkr } from "../amounts";
import { PeriodKind, Settings, periodKindOfWord } from "../settings";
import { Consolidation } from "./consolidate";
import { FollowUpRead, answerOf, isFollowUpSheet, readFollowUpSheet } from "./answers";
import { AnswerSource, collectAnswers } from "./collect";
import { DRIFT_ID, MEASURES_TITLE } from "./expected";
import { HISTORY_COMMITTEE_COL, HistoryEntry, isHistorySheet, readHistorySheet } from "./history";
import { KeptCommittee, KeptUppdrag } from "./carried";
import { Answer, COL, META_ROW, hasTyped, isUppdragKind, rowKey } from "./model";

/**
 * Earlier periods' answers, from whatever holds them: a report's history sheet (history.ts) or the follow-up sheets of
 * a master or the files the nämnder returned. The previous period shown beside the new input (previousPeriod.ts) and
 * the history a consolidation writes are both made from these.
 */

export interface AnswerPeriod {
  /** The period and year the answers were given for ("T1", 2025). */
  period: string;
  year: number;
  /** Whether its figures were a prognos or the year's utfall. */
  kind: PeriodKind;
  /** Committee code → row key → the answer given then (only answers with something typed). */
  byCommittee: Map<string, Map<string, Answer>>;
  /** The newest generation of the follow-up sheets it was read from; "" when read from a history. */
  generatedAt: string;
  /** The row keys its sheets or history hold, the Ekonomi section's excepted: whether it is of this plan at all. */
  keys: Set<string>;
  /** What reading its follow-up sheets found (a history's findings are the read's). */
  findings: FileFinding[];
  /**
   * By committee code as the source has it: every uppdrag and carried row, answered or not, with its `since` and a
   * carried row's earlier years: what a year's end carries into the next (carried.ts).
   */
  uppdrag: Map<string, KeptCommittee>;
}

export interface AnswerPeriods {
  /** Oldest first (periodOrder). */
  periods: AnswerPeriod[];
  /** Rows of the history sheets that could not be read. */
  findings: FileFinding[];
}

/**
 * Every period `sources` hold answers of. A period a history sheet holds is taken from there, as kept (of several
 * history sheets holding it, the last source's); the others as consolidation collects them from the follow-up sheets
 * (sources in order, a later one winning row by row).
 */
export function readAnswerPeriods(plan: Plan, sources: AnswerSource[], settings: Settings): AnswerPeriods {
  const findings: FileFinding[] = [];
  const fromHistory = new Map<string, AnswerPeriod>();
  for (const source of sources) {
    const inSource = new Map<string, HistoryEntry[]>();
    for (const grid of source.grids.filter(isHistorySheet)) {
      const read = readHistorySheet(grid, source.source);
      findings.push(...read.findings);
      for (const entry of read.entries) {
        const id = periodId(entry);
        const entries = inSource.get(id) ?? [];
        inSource.set(id, entries);
        entries.push(entry);
      }
    }
    for (const [id, entries] of inSource) fromHistory.set(id, periodOfEntries(entries, source.source));
  }
  const reads = sources.flatMap((s) =>
    s.grids.filter(isFollowUpSheet).map((grid) => ({ file: s.source, ...readFollowUpSheet(grid) })),
  );
  const fromSheets = new Map<string, AnswerPeriod>();
  for (const read of reads) {
    const meta = read.meta;
    if (!meta) continue;
    const id = periodId(meta);
    if (fromHistory.has(id)) continue;
    const known = fromSheets.get(id);
    if (known && known.generatedAt >= meta.generatedAt) continue;
    fromSheets.set(id, {
      period: meta.period,
      year: meta.year,
      kind: kindOf(settings, meta.period) ?? periodKindOfWord(meta.periodKind) ?? "forecast",
      byCommittee: new Map(),
      generatedAt: meta.generatedAt,
      keys: new Set(),
      findings: [],
      uppdrag: new Map(),
    });
  }
  for (const [id, found] of fromSheets) {
    const period = settings.periods.find((p) => p.name === found.period) ?? { name: found.period, kind: found.kind };
    const collected = collectAnswers(plan, sources, period, found.year, settings);
    for (const [committee, answers] of collected.byCommittee) {
      const typed = [...answers].filter(([, answer]) => hasTyped(answer));
      if (typed.length) found.byCommittee.set(committee, new Map(typed));
    }
    const ofPeriod = reads.filter((r) => r.meta && periodId(r.meta) === id);
    // The drift's rows are on every plan's sheets: they tell nothing.
    for (const row of ofPeriod.flatMap((r) => r.rows))
      if (row.kind !== "economy" && row.id !== DRIFT_ID) found.keys.add(row.key);
    found.findings = collected.findings;
    found.uppdrag = uppdragOfSheets(ofPeriod);
  }
  const periods = [...fromHistory.values(), ...fromSheets.values()].sort(periodOrder(settings));
  return { periods, findings };
}

/** Oldest first: by year, then in the order of the kommun's periods (T1, Delår, Helår), then by generation. */
export function periodOrder(settings: Settings) {
  const index = (name: string) => {
    const i = settings.periods.findIndex((p) => p.name === name);
    return i < 0 ? settings.periods.length : i;
  };
  return (a: Pick<AnswerPeriod, "period" | "year" | "generatedAt">, b: typeof a): number =>
    a.year - b.year || index(a.period) - index(b.period) || a.generatedAt.localeCompare(b.generatedAt);
}

/** Whether two periods are the same period of the same year. */
export function samePeriod(a: { period: string; year: number }, b: { period: string; year: number }): boolean {
  return a.period === b.period && a.year === b.year;
}

/**
 * The history's rows of `periods`, in their order, each period's nämnder and rows as they were gathered: the goals
 * answered, every uppdrag and carried row in the order its sheets had them (answered or not: a year's end carries
 * what nobody answered), then the other answers; an uppdrag's `since` and a carried row's earlier years with it.
 */
export function historyEntries(periods: AnswerPeriod[]): HistoryEntry[] {
  return periods.flatMap(({ period, year, kind, byCommittee, uppdrag }) => {
    const codes = [...new Set([...byCommittee.keys(), ...uppdrag.keys()])];
    return codes.flatMap((committee) => {
      const answers = [...(byCommittee.get(committee)?.values() ?? [])];
      const kept = uppdrag.get(committee)?.rows ?? new Map<string, KeptUppdrag>();
      const typed = new Map(answers.map((answer) => [answer.key, answer]));
      const rows = [
        ...answers.filter((a) => a.kind === "goal"),
        ...[...kept.values()].map((k) => typed.get(k.answer.key) ?? k.answer),
        ...answers.filter((a) => isUppdragKind(a.kind) && !kept.has(a.key)),
        ...answers.filter((a) => a.kind !== "goal" && !isUppdragKind(a.kind)),
      ];
      return rows.map((answer): HistoryEntry => {
        const { since, history } = kept.get(answer.key) ?? { since: null, history: "" };
        return {
          period,
          year,
          kind,
          committee,
          answer,
          ...(since === null ? {} : { since }),
          ...(history ? { history } : {}),
        };
      });
    });
  });
}

/** The answers a consolidation accepted, as a period of the history: figures in tkr, a ledger's utfall left out. */
export function consolidatedPeriod(consolidation: Consolidation): AnswerPeriod {
  const tkr = (ore: number | null) => (ore === null ? null : oreToTkr(ore));
  const byCommittee = new Map<string, Map<string, Answer>>();
  const uppdrag = new Map<string, KeptCommittee>();
  for (const { committee, rows, economy, carried, source } of consolidation.committees) {
    const answers: Answer[] = rows.map((row) => ({
      key: rowKey(row.kind, row.id),
      kind: row.kind,
      title: row.title,
      input: row.kind === "adjustment" ? tkr(row.input) : row.input,
      comment: row.comment,
    }));
    for (const e of economy) {
      const outcome = e.outcomeFromLedger ? null : tkr(e.outcomeOre);
      const figures = { title: e.title, input: tkr(e.forecastOre), comment: e.comment };
      answers.push({ key: rowKey(e.kind, e.id), kind: e.kind, ...figures, ...(outcome === null ? {} : { outcome }) });
      const measures = { title: `${MEASURES_TITLE}: ${e.title.split("\n")[0]}`, input: null, comment: e.measures };
      answers.push({ key: rowKey("measures", e.id), kind: "measures", ...measures });
    }
    const typed = answers.filter(hasTyped);
    if (typed.length) byCommittee.set(committee.code, new Map(typed.map((answer) => [answer.key, answer])));
    // Every uppdrag, answered or not (one nobody answered is carried into the next year), then the carried rows.
    const since = new Map(carried.map((c) => [c.key, c.since]));
    const kept = new Map<string, KeptUppdrag>();
    for (const answer of answers.filter((a) => a.kind === "assignment"))
      kept.set(answer.key, { answer, since: since.get(answer.key) ?? null, history: "" });
    for (const c of carried.filter((c) => c.planId === null)) {
      const answer: Answer = { key: c.key, kind: "carried", title: c.title, input: c.input, comment: c.comment };
      kept.set(c.key, { answer, since: c.since, history: c.history });
    }
    const at = { file: source?.file ?? "", sheet: source?.sheet ?? "", row: META_ROW, col: COL.key };
    if (kept.size) uppdrag.set(committee.code, { name: committee.name ?? null, at, rows: kept });
  }
  const { period, year } = consolidation;
  const keys = new Set([...byCommittee.values()].flatMap((answers) => [...answers.keys()]));
  for (const { rows } of uppdrag.values()) for (const key of rows.keys()) keys.add(key);
  return { period: period.name, year, kind: period.kind, byCommittee, generatedAt: "", keys, findings: [], uppdrag };
}

/**
 * The uppdrag rows of one period's follow-up sheets, by the nämnd each sheet is for: answered or not, a later sheet
 * winning row by row over an earlier one as consolidation has it (an empty cell erases nothing).
 */
function uppdragOfSheets(reads: (FollowUpRead & { file: string })[]): Map<string, KeptCommittee> {
  const uppdrag = new Map<string, KeptCommittee>();
  for (const read of reads) {
    if (!read.meta) continue;
    const at = { file: read.file, sheet: read.sheet, row: META_ROW, col: COL.key };
    const kept = uppdrag.get(read.meta.committee) ?? { name: read.meta.committeeName, at, rows: new Map() };
    uppdrag.set(read.meta.committee, kept);
    for (const row of read.rows) {
      if (row.removed || !isUppdragKind(row.kind)) continue;
      const answer = answerOf(row);
      const before = kept.rows.get(row.key);
      // A carried row's column G is its history (the line of the period within the year stands under the row).
      const history = row.kind === "carried" ? cellText(row.cells[COL.extra - 1]).trim() : "";
      kept.rows.set(row.key, {
        answer: {
          ...answer,
          input: answer.input ?? before?.answer.input ?? null,
          comment: answer.comment ?? before?.answer.comment ?? null,
        },
        since: read.meta.since?.[row.key] ?? before?.since ?? null,
        history: history || before?.history || "",
      });
    }
  }
  return uppdrag;
}

function periodOfEntries(entries: HistoryEntry[], file: string): AnswerPeriod {
  const { period, year, kind } = entries[0];
  const byCommittee = new Map<string, Map<string, Answer>>();
  const uppdrag = new Map<string, KeptCommittee>();
  const keys = new Set<string>();
  for (const { committee, answer, since, history, at: where } of entries) {
    if (answer.kind !== "economy") keys.add(answer.key);
    if (isUppdragKind(answer.kind)) {
      const at = { file, sheet: where?.sheet ?? "", row: where?.row ?? 0, col: HISTORY_COMMITTEE_COL };
      const kept = uppdrag.get(committee) ?? { name: null, at, rows: new Map() };
      uppdrag.set(committee, kept);
      kept.rows.set(answer.key, { answer, since: since ?? null, history: history ?? "" });
    }
    // Only what was answered is an answer of the period; the uppdrag nobody answered are kept for the year's end.
    if (!hasTyped(answer)) continue;
    const answers = byCommittee.get(committee) ?? new Map<string, Answer>();
    byCommittee.set(committee, answers);
    answers.set(answer.key, answer);
  }
  return { period, year, kind, byCommittee, generatedAt: "", keys, findings: [], uppdrag };
}

function periodId({ period, year }: { period: string; year: number }): string {
  return JSON.stringify([period, year]);
}

function kindOf(settings: Settings, period: string): PeriodKind | null {
  return settings.periods.find((p) => p.name === period)?.kind ?? null;
}
