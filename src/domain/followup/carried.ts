import { Plan } from "../model";
import { ScaleValue, Settings, progressOf } from "../settings";
import { normalizeName } from "../text";
import { isNear, nearTitle } from "./nearTitles";
import { answerText } from "./earlierAnswers";
import { Answer, parseRowKey, rowKey } from "./model";

/**
 * Uppdrag that live on: the first follow-up of a new year takes every uppdrag the previous year's last period left
 * not done (by the scale's `done`, and not dropped) into "Pågående uppdrag från tidigare år", with its history. The
 * new plan's IDs are renumbered each year, so an uppdrag the plan lists again is found by its title alone (an ID
 * counts only together with the title): that row then shows the history and the uppdrag is not carried beside it. A
 * title that is only near one of the plan's is a finding for the user to confirm, and the uppdrag stays carried.
 */

/**
 * What a year's last period left on each nämnd's uppdrag, shaped like PreviousPeriod so that any reader can feed it
 * (the follow-up sheets of that period, or a kept history of the periods).
 */
export interface YearEnd {
  /** The period and year the answers were given for ("Helår", 2024). */
  period: string;
  year: number;
  /**
   * Committee code (in the new plan) → row key → the answer given, with the row's title; an uppdrag nobody answered
   * is here too, with input and comment null. Rows of kind "assignment" and "carried" are read, others passed over.
   */
  byCommittee: Map<string, Map<string, Answer>>;
  /**
   * Committee code, then row key → the year the uppdrag was first in a plan, where that was before `year` (the
   * sheets' `since`). By nämnd: one carried key is on every nämnd the uppdrag was given to, each with its own answers.
   */
  since: Map<string, Map<string, number>>;
  /** Committee code, then row key → the history a carried row showed then (its earlier years' lines), to grow on. */
  history: Map<string, Map<string, string>>;
}

/** One uppdrag row of a nämnd at a period's end, answered or not, as the sheets or the history hold it. */
export interface KeptUppdrag {
  answer: Answer;
  /** The year the uppdrag was first in a plan, where the row goes on with an earlier year's (the sheet's `since`). */
  since: number | null;
  /** A carried row's history then (its earlier years' lines); "" for any other row. */
  history: string;
}

/** A nämnd's uppdrag rows at a period's end, and where they were read (for a finding when the nämnd is gone). */
export interface KeptCommittee {
  /** The nämnd's full name, where the source says it (a follow-up sheet's metadata). */
  name: string | null;
  at: { file: string; sheet: string; row: number; col: number };
  rows: Map<string, KeptUppdrag>;
}

/** An uppdrag carried onto a nämnd's sheet: a row of its own under CARRIED_SECTION. */
export interface CarriedRow {
  /** "carried|<year>:<id>": the plan ID it had in `year`'s plan, so that no two uppdrag share a key. */
  key: string;
  title: string;
  /** The year the uppdrag was first in a plan: it has been carried for (this year − since) years. */
  since: number;
  /** One line per earlier year's end: "Helår 2024: Påbörjat – Upphandling pågår." */
  history: string;
}

/** A plan uppdrag that goes on with an uppdrag of an earlier year (the same title). */
export interface ContinuedRow {
  since: number;
  history: string;
}

/** A carried uppdrag whose title is near, but not the same as, an uppdrag of the new plan. */
export interface NearMatch {
  /** The plan row's key on the nämnd's sheet. */
  key: string;
  /** The carried uppdrag's title. */
  earlier: string;
  year: number;
}

export interface Carry {
  /** By committee code: the rows of its carried section, in the order the year's end had them. */
  rows: Map<string, CarriedRow[]>;
  /** By committee code, then plan row key. */
  continued: Map<string, Map<string, ContinuedRow>>;
  /** By committee code. */
  near: Map<string, NearMatch[]>;
}

export const emptyCarry = (): Carry => ({ rows: new Map(), continued: new Map(), near: new Map() });

/** The key of an uppdrag carried from `year`'s plan, where it had the ID `id`. */
export function carriedKey(year: number, id: string): string {
  return rowKey("carried", `${year}:${id}`);
}

/** The year and plan ID a carried row's key names; null for any other key. */
export function carriedOrigin(key: string): { year: number; id: string } | null {
  const parsed = parseRowKey(key);
  const m = parsed?.kind === "carried" ? /^(\d{4}):(.*)$/s.exec(parsed.id) : null;
  return m ? { year: Number(m[1]), id: m[2] } : null;
}

/**
 * Whether an uppdrag with this status is carried on: not when its value of the scale is done, or says it was
 * dropped (Avfört) even where a kommun has not marked that value done. No answer, or one outside the scale, is not
 * done: carried, so that nothing unfinished is lost.
 */
export function isCarriedOn(input: Answer["input"], scale: ScaleValue[]): boolean {
  if (input === null) return true;
  const wanted = String(input).trim().toLocaleLowerCase("sv");
  const value = scale.find((v) => v.label.toLocaleLowerCase("sv") === wanted);
  return !value || (!value.done && progressOf(value) !== "dropped");
}

/** Whether two normalized titles are near (nearTitles.ts). */
export function isNearTitle(a: string, b: string): boolean {
  return isNear(nearTitle(a), nearTitle(b));
}

/** The uppdrag that go on from `end` into the follow-up of the new `plan`. */
export function carryOver(end: YearEnd, plan: Plan, settings: Settings): Carry {
  const carry = emptyCarry();
  for (const [committee, answers] of end.byCommittee) {
    const planned = plan.assignments
      .filter((a) => a.committees.includes(committee))
      .map((a) => ({ id: a.id, key: rowKey("assignment", a.id), title: normalizeName(a.title) }))
      .map((row) => ({ ...row, near: nearTitle(row.title) }));
    const byTitle = new Map<string, typeof planned>();
    for (const row of planned) byTitle.set(row.title, [...(byTitle.get(row.title) ?? []), row]);
    for (const [key, answer] of answers) {
      const parsed = parseRowKey(key);
      if (parsed?.kind !== "assignment" && parsed?.kind !== "carried") continue;
      if (!isCarriedOn(answer.input, settings.scales.assignment)) continue;
      const origin = carriedOrigin(key) ?? { year: end.year, id: parsed.id };
      const since = Math.min(end.since.get(committee)?.get(key) ?? origin.year, origin.year, end.year);
      const said = answerText(answer) || "ej besvarat";
      const history = [end.history.get(committee)?.get(key) ?? "", `${end.period} ${end.year}: ${said}`]
        .filter((h) => h)
        .join("\n");
      const title = normalizeName(answer.title);
      const same = byTitle.get(title) ?? [];
      // Two rows of one title: the one that kept its ID, else the first.
      const match = same.find((row) => row.id === origin.id) ?? same[0];
      if (match) {
        const continued = carry.continued.get(committee) ?? new Map<string, ContinuedRow>();
        carry.continued.set(committee, continued);
        const before = continued.get(match.key);
        continued.set(match.key, {
          since: Math.min(since, before?.since ?? since),
          history: [before?.history ?? "", history].filter((h) => h).join("\n"),
        });
        continue;
      }
      const rows = carry.rows.get(committee) ?? [];
      carry.rows.set(committee, rows);
      rows.push({ key: carriedKey(origin.year, origin.id), title: answer.title, since, history });
      const mine = nearTitle(title);
      const near = planned.find((row) => isNear(mine, row.near));
      if (near) {
        const list = carry.near.get(committee) ?? [];
        carry.near.set(committee, list);
        list.push({ key: near.key, earlier: answer.title, year: end.year });
      }
    }
  }
  return carry;
}

/** Two carries as one: the rows of each nämnd by key (the first one's kept), what continues and what is near. */
export function mergeCarries(first: Carry, second: Carry): Carry {
  const merged = emptyCarry();
  for (const carry of [first, second]) {
    for (const [committee, rows] of carry.rows) {
      const kept = merged.rows.get(committee) ?? [];
      merged.rows.set(committee, kept);
      for (const row of rows) if (!kept.some((k) => k.key === row.key)) kept.push(row);
    }
    for (const [committee, rows] of carry.continued) {
      const kept = merged.continued.get(committee) ?? new Map<string, ContinuedRow>();
      merged.continued.set(committee, kept);
      for (const [key, row] of rows) if (!kept.has(key)) kept.set(key, row);
    }
    for (const [committee, near] of carry.near)
      merged.near.set(committee, [...(merged.near.get(committee) ?? []), ...near]);
  }
  return merged;
}

/** The `since` a nämnd's sheet keeps in its metadata: every carried row and every plan row that continues one. */
export function sinceOf(carry: Carry, committee: string): Record<string, number> | undefined {
  const entries = [
    ...(carry.rows.get(committee) ?? []).map((row): [string, number] => [row.key, row.since]),
    ...[...(carry.continued.get(committee) ?? [])].map(([key, row]): [string, number] => [key, row.since]),
  ];
  return entries.length ? Object.fromEntries(entries) : undefined;
}
