import { Grid } from "../../sheet/grid";
import { FileFinding, FindingParams, FollowUpRuleId, finding } from "../findings";
import { Plan } from "../model";
import { Period, Settings } from "../settings";
import { answerOf } from "./answers";
import { committeeKeys } from "./content";
import { Answer, COL, EarlierAnswer, FollowUpKind, hasContent, hasFigures, parseRowKey, rowKey } from "./model";
import { MEASURES_TITLE } from "./expected";
import { recogniseSheets } from "./recognise";
import { successorIndex } from "./successors";
import { appendTo } from "../collections";

/** A workbook's follow-up sheets, as read by a host, with where they came from. */
export interface AnswerSource {
  /** File name or "this workbook", for messages. */
  source: string;
  grids: Grid[];
}

export interface CollectedAnswers {
  /** Committee code → row key → the latest answer given. */
  byCommittee: Map<string, Map<string, Answer>>;
  /**
   * Committee code → row key → what was answered before on the row the plan moved here (from another nämnd), or on
   * the uppdrag it split or merged into this row.
   */
  earlier: Map<string, Map<string, EarlierAnswer[]>>;
  /** Names of the sheets, per source, that belong to this period and year (the ones a regeneration replaces). */
  sheets: { source: string; sheet: string; committee: string }[];
  /** What reading the sheets found: how each was recognised, and what in it cannot be carried as it stands. */
  findings: FileFinding[];
}

/**
 * Answers already given for a period and year, from the plan workbook's follow-up sheets (the first source) and any
 * returned workbooks, each sheet recognised as consolidation recognises it. Sources are taken in order and a later
 * one wins row by row (a returned file over the master), but an empty cell never erases an answer: nothing anyone
 * typed is lost.
 */
export function collectAnswers(
  plan: Plan,
  sources: AnswerSource[],
  period: Period,
  year: number,
  settings: Settings,
): CollectedAnswers {
  const recognised = recogniseSheets(
    plan,
    sources.map((s, i) => ({ file: s.source, grids: s.grids, master: i === 0 })),
    settings,
    { period, year },
  );
  const findings = [...recognised.findings];
  const byCommittee = new Map<string, Map<string, Answer>>();
  /** Where each answer was last read, and whether its row was still the nämnd's there. */
  const where = new Map<Answer, { file: string; sheet: string; row: number; live: boolean }>();
  for (const { source, read, committee } of recognised.sheets) {
    for (const { severity, rule, row, col, params } of read.issues)
      findings.push({ ...finding(severity, rule, { sheet: read.sheet, row, col }, params), file: source.file });
    const answers = byCommittee.get(committee) ?? new Map<string, Answer>();
    byCommittee.set(committee, answers);
    /** Each drift's and project's title on this sheet, by id: what its åtgärder row belongs to. */
    const owners = new Map<string, string>();
    for (const row of read.rows) {
      const answer = measuresOwned(answerOf(row), owners.get(row.id));
      if (hasFigures(answer.kind)) owners.set(row.id, answer.title);
      const earlier = answers.get(answer.key);
      if (!hasContent(answer)) continue;
      const merged: Answer = {
        ...answer,
        input: answer.input ?? earlier?.input ?? null,
        comment: answer.comment ?? earlier?.comment ?? null,
      };
      // A nyckeltal's figure goes with its mark: typed, or Kolada's.
      if (answer.input === null && earlier?.input != null) {
        merged.inputFromKolada = earlier.inputFromKolada;
        if (earlier.koladaYear !== undefined) merged.koladaYear = earlier.koladaYear;
      }
      // A drift's or investment's utfall goes with its mark: typed, or the ledger's.
      if (hasFigures(answer.kind) && (answer.outcome ?? null) === null && earlier?.outcome != null) {
        merged.outcome = earlier.outcome;
        merged.outcomeFromLedger = earlier.outcomeFromLedger;
      }
      answers.set(answer.key, merged);
      where.set(merged, { file: source.file, sheet: read.sheet, row: row.row, live: !row.removed });
    }
  }
  const changed = [...movedAnswers(plan, byCommittee), ...replacedAnswers(plan, byCommittee)];
  const earlier = new Map<string, Map<string, EarlierAnswer[]>>();
  for (const { to, key, shown } of changed) {
    // Goals and uppdrag have a column for it; a ramjustering's or nyckeltal's row has none (see the finding).
    if (!SHOWN_KINDS.includes(shown.answer.kind)) continue;
    const rows = earlier.get(to) ?? new Map<string, EarlierAnswer[]>();
    earlier.set(to, rows);
    appendTo(rows, key, shown);
  }
  // Said once: where the row still stood as the nämnd's own, before a regeneration put it under "Utgår".
  const said = (answer: Answer, rule: FollowUpRuleId, params: FindingParams) => {
    const at = where.get(answer);
    if (!at?.live) return;
    const ref = { sheet: at.sheet, row: at.row, col: COL.title };
    findings.push({ ...finding("warning", rule, ref, params), file: at.file });
  };
  for (const { to, shown } of changed.filter((c) => c.shown.replaced === null)) {
    const { committee: from, answer } = shown;
    said(answer, "followup-answer-moved", { title: answer.title, from, to, kind: answer.kind });
  }
  // One finding per answer replaced, naming every row that took its place and every nämnd shown it.
  const replaced = new Map<Answer, { shown: EarlierAnswer; ids: Set<string>; committees: Set<string> }>();
  for (const { to, key, shown } of changed.filter((c) => c.shown.replaced !== null)) {
    const entry = replaced.get(shown.answer) ?? { shown, ids: new Set<string>(), committees: new Set<string>() };
    replaced.set(shown.answer, entry);
    entry.ids.add(parseRowKey(key)!.id);
    entry.committees.add(to);
  }
  for (const { shown, ids, committees } of replaced.values()) {
    said(shown.answer, "followup-answer-replaced", {
      title: shown.answer.title,
      id: shown.replaced!,
      from: shown.committee,
      to: [...ids].join(", "),
      committees: [...committees].join(", "),
    });
  }
  const sheets = recognised.sheets.map((s) => ({ source: s.source.file, sheet: s.read.sheet, committee: s.committee }));
  return { byCommittee, earlier, sheets, findings };
}

/** Rows whose sheet shows, locked, what was answered on them before the plan changed them. */
const SHOWN_KINDS: FollowUpKind[] = ["goal", "assignment"];

/** An answer given on a row the plan has changed, and the row of nämnd `to` that now stands for it. */
interface ChangedRow {
  to: string;
  key: string;
  shown: EarlierAnswer;
}

/** Answers on rows that left their nämnd's part of the plan and now are another nämnd's, by the nämnd that has them. */
function movedAnswers(plan: Plan, byCommittee: Map<string, Map<string, Answer>>): ChangedRow[] {
  const keys = new Map(plan.committees.map((c) => [c.code, committeeKeys(plan, c.code)]));
  // A goal above several nämnders' own is no row that moved: only a nämndmål given to another nämnd is.
  const goalOf = new Map(plan.goals.map((g) => [rowKey("goal", g.id), g.committee]));
  const moved: ChangedRow[] = [];
  for (const [from, answers] of byCommittee) {
    for (const [key, answer] of answers) {
      if (keys.get(from)?.has(key)) continue;
      for (const [to, own] of keys) {
        if (to === from || !own.has(key)) continue;
        if (answer.kind === "goal" && goalOf.get(key) !== to) continue;
        moved.push({ to, key, shown: { committee: from, answer, replaced: null } });
      }
    }
  }
  return moved;
}

/** Answers on uppdrag the plan split or merged, on each row built on them, for each nämnd that row is given. */
function replacedAnswers(plan: Plan, byCommittee: Map<string, Map<string, Answer>>): ChangedRow[] {
  const successors = successorIndex(plan);
  const replaced: ChangedRow[] = [];
  for (const [from, answers] of byCommittee) {
    for (const [key, answer] of answers) {
      const parsed = parseRowKey(key);
      if (parsed?.kind !== "assignment") continue;
      for (const successor of successors(parsed.id)) {
        const shown = { committee: from, answer, replaced: parsed.id };
        for (const to of successor.committees) replaced.push({ to, key: rowKey("assignment", successor.id), shown });
      }
    }
  }
  return replaced;
}

/**
 * An åtgärder row's answer titled with the drift or project it belongs to ("Åtgärder vid underskott: Gata"): under
 * "Utgår ur planen", without its row above, the title alone would not say whose they were. A title already so named
 * (read back from there) stays.
 */
function measuresOwned(answer: Answer, owner: string | undefined): Answer {
  if (answer.kind !== "measures" || answer.title !== MEASURES_TITLE || !owner) return answer;
  return { ...answer, title: `${MEASURES_TITLE}: ${owner.split("\n")[0]}` };
}
