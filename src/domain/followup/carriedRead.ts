import { cellText, valueAt } from "../../sheet/grid";
import { FileFinding, finding } from "../findings";
import { Plan } from "../model";
import { Settings } from "../settings";
import { cleanText, normalizeName } from "../text";
import { FollowUpRead, answerOf, isFollowUpSheet, parseMeta, readFollowUpSheet } from "./answers";
import { Carry, CarriedRow, YearEnd, carriedOrigin, carryOver, emptyCarry, isCarriedOn, mergeCarries } from "./carried";
import { AnswerSource } from "./collect";
import { expectedRows } from "./expected";
import { Answer, COL, FollowUpMeta, META_ROW, parseRowKey } from "./model";

/**
 * Where the carried uppdrag come from: at the turn of a year, the previous year's last period in the files given as
 * the previous period (its follow-up sheets, read as a YearEnd); within a year, the carried rows already on the
 * year's sheets (the plan workbook's own, the returned ones, the previous period's), so that Delår and Helår keep
 * what T1 carried.
 */

export interface CarriedRead {
  carry: Carry;
  /**
   * The previous period given is of an earlier year. Its rows' IDs are the old plan's, renumbered since: its answers
   * are not shown by key as a previous period's are, only through the uppdrag carried.
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

/** The nämnd of `plan` a sheet is for: by its code, else by its full name (a code the new plan changed). */
function committeeOf(plan: Plan, meta: FollowUpMeta): string | null {
  if (plan.committees.some((c) => c.code === meta.committee)) return meta.committee;
  const name = meta.committeeName ? normalizeName(meta.committeeName) : null;
  const named = name ? plan.committees.filter((c) => c.name && normalizeName(c.name) === name) : [];
  return named.length === 1 ? named[0].code : null;
}

export function readCarried(
  plan: Plan,
  settings: Settings,
  current: { year: number },
  sources: AnswerSource[],
  previous: AnswerSource[],
): CarriedRead {
  const years = previous.flatMap((s) =>
    s.grids.flatMap((grid) => (isFollowUpSheet(grid) ? (parseMeta(valueAt(grid, META_ROW, COL.key))?.year ?? []) : [])),
  );
  const yearTurn = years.length > 0 && years.every((year) => year < current.year);
  if (!yearTurn) {
    const ofYear = sheetsOf([...sources, ...previous], (meta) => meta.year === current.year);
    return { carry: carriedOfYear(plan, ofYear, current.year), yearTurn, findings: [] };
  }
  // Only the newest year's sheets tell what is carried.
  const last = Math.max(...years);
  const earlier = sheetsOf(previous, (meta) => meta.year === last);
  // The year's end decides what is carried: a carried row of an earlier generation the plan now lists (renamed to
  // confirm a near match) is no longer carried, and whatever was typed on it is kept under "Utgår ur planen".
  const { end, findings } = readYearEnd(plan, earlier, settings);
  return { carry: end ? carryOver(end, plan, settings) : emptyCarry(), yearTurn, findings };
}

/**
 * The newest year's last period among `sheets` (by when its sheets were generated), as a YearEnd: every uppdrag row
 * of each nämnd, answered or not, a later file winning row by row over an earlier one as consolidation has it.
 */
export function readYearEnd(
  plan: Plan,
  sheets: SheetRead[],
  settings: Settings,
): { end: YearEnd | null; findings: FileFinding[] } {
  const year = Math.max(...sheets.map((s) => s.read.meta.year));
  const newest = sheets
    .filter((s) => s.read.meta.year === year)
    .sort((a, b) => b.read.meta.generatedAt.localeCompare(a.read.meta.generatedAt))[0];
  if (!newest) return { end: null, findings: [] };
  const period = newest.read.meta.period;
  const end: YearEnd = { period, year, byCommittee: new Map(), since: new Map(), history: new Map() };
  const findings: FileFinding[] = [];
  for (const { file, read } of sheets.filter((s) => s.read.meta.period === period && s.read.meta.year === year)) {
    const rows = read.rows.filter((r) => !r.removed && (r.kind === "assignment" || r.kind === "carried"));
    const committee = committeeOf(plan, read.meta);
    if (!committee) {
      const lost = rows.map(answerOf).filter((a) => isCarriedOn(a.input, settings.scales.assignment));
      if (lost.length) {
        const at = { sheet: read.sheet, row: META_ROW, col: COL.key };
        const params = { committee: read.meta.committee, titles: lost.map((a) => a.title).join("; ") };
        findings.push({ ...finding("warning", "followup-carried-committee-gone", at, params), file });
      }
      continue;
    }
    const answers = end.byCommittee.get(committee) ?? new Map<string, Answer>();
    end.byCommittee.set(committee, answers);
    for (const row of rows) {
      const answer = answerOf(row);
      const before = answers.get(row.key);
      answers.set(row.key, {
        ...answer,
        input: answer.input ?? before?.input ?? null,
        comment: answer.comment ?? before?.comment ?? null,
      });
      const since = read.meta.since?.[row.key];
      if (since !== undefined) end.since.set(row.key, since);
      // A carried row's column G is its history (the line of the period within the year stands under the row).
      const history = row.kind === "carried" ? cellText(row.cells[COL.extra - 1]).trim() : "";
      if (history) end.history.set(row.key, history);
    }
  }
  return { end, findings };
}

/** The carried rows and continued uppdrag on the year's sheets, the newest sheet's first. */
function carriedOfYear(plan: Plan, sheets: SheetRead[], year: number): Carry {
  const ofYear = sheets
    .filter((s) => s.read.meta.year === year)
    .sort((a, b) => b.read.meta.generatedAt.localeCompare(a.read.meta.generatedAt));
  let carry = emptyCarry();
  for (const { read } of ofYear) {
    const committee = committeeOf(plan, read.meta);
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
