import { cellText, valueAt } from "../../sheet/grid";
import { FileFinding, finding } from "../findings";
import { Plan } from "../model";
import { Settings } from "../settings";
import { cleanText, normalizeName } from "../text";
import { FollowUpRead, isFollowUpSheet, parseMeta, readFollowUpSheet } from "./answers";
import { AnswerPeriod, AnswerPeriods, readAnswerPeriods } from "./answerPeriods";
import { Carry, CarriedRow, YearEnd, carriedOrigin, carryOver, emptyCarry, isCarriedOn, mergeCarries } from "./carried";
import { AnswerSource } from "./collect";
import { expectedRows } from "./expected";
import { Answer, COL, FollowUpMeta, META_ROW, parseRowKey } from "./model";

/**
 * Where the carried uppdrag come from: at the turn of a year, the previous year's last period in the files given as
 * the previous period (its follow-up sheets or a report's history, as answerPeriods.ts reads both, taken as a
 * YearEnd); within a year, the carried rows already on the year's sheets (the plan workbook's own, the returned ones,
 * the previous period's), so that Delår and Helår keep what T1 carried.
 */

export interface CarriedRead {
  carry: Carry;
  /**
   * Every period given as the previous is of an earlier year. Its rows' IDs are the old plan's, renumbered since: its
   * uppdrag go on only through the carry, and a goal's or nyckeltal's answer is shown only where its ID and title
   * agree with the new plan's (previousPeriod.ts, yearTurnPrevious).
   */
  yearTurn: boolean;
  findings: FileFinding[];
}

interface SheetRead {
  file: string;
  read: FollowUpRead & { meta: FollowUpMeta };
}

/**
 * The follow-up sheets of `sources` whose metadata `wanted` takes, read in full: the metadata alone (A2) decides, so
 * that the sheets of other years are never read twice (collectAnswers reads this period's).
 */
function sheetsOf(sources: AnswerSource[], wanted: (meta: FollowUpMeta) => boolean): SheetRead[] {
  return sources.flatMap((source) =>
    source.grids.flatMap((grid) => {
      const meta = parseMeta(valueAt(grid, META_ROW, COL.key));
      if (!meta || !wanted(meta) || !isFollowUpSheet(grid)) return [];
      return [{ file: source.source, read: { ...readFollowUpSheet(grid), meta } }];
    }),
  );
}

/** The nämnd of `plan` a sheet or history row is for: by its code, else by its full name (a code the plan changed). */
function committeeOf(plan: Plan, code: string, fullName: string | null): string | null {
  if (plan.committees.some((c) => c.code === code)) return code;
  const name = fullName ? normalizeName(fullName) : null;
  const named = name ? plan.committees.filter((c) => c.name && normalizeName(c.name) === name) : [];
  return named.length === 1 ? named[0].code : null;
}

export function readCarried(
  plan: Plan,
  settings: Settings,
  current: { year: number },
  sources: AnswerSource[],
  previous: AnswerSource[],
  /** The periods `previous` holds, when already read (readAnswerPeriods). */
  periods: AnswerPeriods = readAnswerPeriods(plan, previous, settings),
): CarriedRead {
  const yearTurn = periods.periods.length > 0 && periods.periods.every((p) => p.year < current.year);
  if (!yearTurn) {
    const ofYear = sheetsOf([...sources, ...previous], (meta) => meta.year === current.year);
    // A report's history keeps them too: a period generated with only the report of the one before keeps them.
    const kept = periods.periods.filter((p) => p.year === current.year).reverse();
    const carry = kept.reduce(
      (c, p) => mergeCarries(c, carriedOfPeriod(plan, p)),
      carriedOfYear(plan, ofYear, current.year),
    );
    return { carry, yearTurn, findings: [] };
  }
  // The newest year's last period decides what is carried, from its sheets or a report's history alike: a carried
  // row of an earlier generation the plan now lists (renamed to confirm a near match) is no longer carried, and
  // whatever was typed on it is kept under "Utgår ur planen".
  const { end, findings } = yearEndOf(plan, periods.periods[periods.periods.length - 1], settings);
  return { carry: carryOver(end, plan, settings), yearTurn, findings };
}

/**
 * A year's last period as a YearEnd: every uppdrag row of each nämnd, answered or not, under the nämnd of `plan` it
 * was for (by its code, else by its full name); a nämnd the plan no longer has, with uppdrag not done, is a finding.
 */
export function yearEndOf(
  plan: Plan,
  last: AnswerPeriod,
  settings: Settings,
): { end: YearEnd; findings: FileFinding[] } {
  const end: YearEnd = {
    period: last.period,
    year: last.year,
    byCommittee: new Map(),
    since: new Map(),
    history: new Map(),
  };
  const findings: FileFinding[] = [];
  for (const [code, { name, at, rows }] of last.uppdrag) {
    const committee = committeeOf(plan, code, name);
    const kept = [...rows.values()];
    if (!committee) {
      const lost = kept.map((k) => k.answer).filter((a) => isCarriedOn(a.input, settings.scales.assignment));
      if (lost.length) {
        const params = { committee: code, titles: lost.map((a) => a.title).join("; ") };
        findings.push({ ...finding("warning", "followup-carried-committee-gone", at, params), file: at.file });
      }
      continue;
    }
    const answers = end.byCommittee.get(committee) ?? new Map<string, Answer>();
    end.byCommittee.set(committee, answers);
    const since = end.since.get(committee) ?? new Map<string, number>();
    const history = end.history.get(committee) ?? new Map<string, string>();
    end.since.set(committee, since);
    end.history.set(committee, history);
    for (const row of kept) {
      answers.set(row.answer.key, row.answer);
      if (row.since !== null) since.set(row.answer.key, row.since);
      if (row.history) history.set(row.answer.key, row.history);
    }
  }
  return { end, findings };
}

/** The carried rows and continued uppdrag a period of the year kept (answerPeriods.ts). */
function carriedOfPeriod(plan: Plan, period: AnswerPeriod): Carry {
  const carry = emptyCarry();
  for (const [code, { name, rows }] of period.uppdrag) {
    const committee = committeeOf(plan, code, name);
    if (!committee) continue;
    const planned = new Set(expectedRows(plan, committee).map((r) => r.key));
    const carried: CarriedRow[] = [];
    const continued = new Map<string, { since: number; history: string }>();
    for (const { answer, since, history } of rows.values()) {
      const origin = carriedOrigin(answer.key);
      if (origin) carried.push({ key: answer.key, title: answer.title, since: since ?? origin.year, history });
      else if (since !== null && answer.kind === "assignment" && planned.has(answer.key))
        continued.set(answer.key, { since, history: "" });
    }
    if (carried.length) carry.rows.set(committee, carried);
    if (continued.size) carry.continued.set(committee, continued);
  }
  return carry;
}

/** The carried rows and continued uppdrag on the year's sheets, the newest sheet's first. */
function carriedOfYear(plan: Plan, sheets: SheetRead[], year: number): Carry {
  const ofYear = sheets
    .filter((s) => s.read.meta.year === year)
    .sort((a, b) => b.read.meta.generatedAt.localeCompare(a.read.meta.generatedAt));
  let carry = emptyCarry();
  for (const { read } of ofYear) {
    const committee = committeeOf(plan, read.meta.committee, read.meta.committeeName);
    if (!committee) continue;
    const since = read.meta.since ?? {};
    const rows: CarriedRow[] = read.rows
      .filter((r) => !r.removed && r.kind === "carried")
      .flatMap((r) => {
        const origin = carriedOrigin(r.key);
        if (!origin) return [];
        const title = cleanText(cellText(r.cells[0]));
        return [{ key: r.key, title, since: since[r.key] ?? origin.year, history: cellText(r.cells[COL.extra - 1]) }];
      });
    const planned = new Set(expectedRows(plan, committee).map((r) => r.key));
    const continued = Object.entries(since)
      .filter(([key]) => parseRowKey(key)?.kind === "assignment" && planned.has(key))
      .map(([key, year]): [string, { since: number; history: string }] => [key, { since: year, history: "" }]);
    const one: Carry = {
      rows: new Map(rows.length ? [[committee, rows]] : []),
      continued: new Map(continued.length ? [[committee, new Map(continued)]] : []),
      near: new Map(),
    };
    carry = mergeCarries(carry, one);
  }
  return carry;
}
