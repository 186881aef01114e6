import { Grid } from "../../sheet/grid";
import { FileFinding, finding } from "../findings";
import { Plan } from "../model";
import { Period, Settings } from "../settings";
import { answerOf } from "./answers";
import { committeeKeys } from "./content";
import { Answer, COL, EarlierAnswer, hasContent, rowKey } from "./model";
import { recogniseSheets } from "./recognise";

/** A workbook's follow-up sheets, as read by a host, with where they came from. */
export interface AnswerSource {
  /** File name or "this workbook", for messages. */
  source: string;
  grids: Grid[];
}

export interface CollectedAnswers {
  /** Committee code → row key → the latest answer given. */
  byCommittee: Map<string, Map<string, Answer>>;
  /** Committee code → row key → what another nämnd answered on that row before the plan moved it here. */
  earlier: Map<string, Map<string, EarlierAnswer>>;
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
    for (const row of read.rows) {
      const answer = answerOf(row);
      const earlier = answers.get(answer.key);
      if (!hasContent(answer)) continue;
      const merged = {
        ...answer,
        input: answer.input ?? earlier?.input ?? null,
        comment: answer.comment ?? earlier?.comment ?? null,
      };
      answers.set(answer.key, merged);
      where.set(merged, { file: source.file, sheet: read.sheet, row: row.row, live: !row.removed });
    }
  }
  const earlier = movedAnswers(plan, byCommittee);
  for (const [to, moved] of earlier) {
    for (const { committee: from, answer } of moved.values()) {
      const at = where.get(answer);
      // Said once: where the row still stood as the nämnd's own, before a regeneration put it under "Utgår".
      if (!at?.live) continue;
      const ref = { sheet: at.sheet, row: at.row, col: COL.title };
      findings.push({
        ...finding("warning", "followup-answer-moved", ref, { title: answer.title, from, to }),
        file: at.file,
      });
    }
  }
  const sheets = recognised.sheets.map((s) => ({ source: s.source.file, sheet: s.read.sheet, committee: s.committee }));
  return { byCommittee, earlier, sheets, findings };
}

/** Answers on rows that left their nämnd's part of the plan and now are another nämnd's, by the nämnd that has them. */
function movedAnswers(
  plan: Plan,
  byCommittee: Map<string, Map<string, Answer>>,
): Map<string, Map<string, EarlierAnswer>> {
  const keys = new Map(plan.committees.map((c) => [c.code, committeeKeys(plan, c.code)]));
  // A goal above several nämnders' own is no row that moved: only a nämndmål given to another nämnd is.
  const goalOf = new Map(plan.goals.map((g) => [rowKey("goal", g.id), g.committee]));
  const earlier = new Map<string, Map<string, EarlierAnswer>>();
  for (const [from, answers] of byCommittee) {
    for (const [key, answer] of answers) {
      if (keys.get(from)?.has(key)) continue;
      for (const [to, own] of keys) {
        if (to === from || !own.has(key)) continue;
        if (answer.kind === "goal" && goalOf.get(key) !== to) continue;
        const shown = earlier.get(to) ?? new Map<string, EarlierAnswer>();
        earlier.set(to, shown);
        shown.set(key, { committee: from, answer });
      }
    }
  }
  return earlier;
}
