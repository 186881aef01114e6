import { Grid } from "../../sheet/grid";
import { FileFinding, finding } from "../findings";
import { answerOf, isFollowUpSheet, readFollowUpSheet } from "./answers";
import { Answer, hasContent } from "./model";

/** A workbook's follow-up sheets, as read by a host, with where they came from. */
export interface AnswerSource {
  /** File name or "this workbook", for messages. */
  source: string;
  grids: Grid[];
}

export interface CollectedAnswers {
  /** Committee code → row key → the latest answer given. */
  byCommittee: Map<string, Map<string, Answer>>;
  /** Names of the sheets, per source, that belong to this period and year (the ones a regeneration replaces). */
  sheets: { source: string; sheet: string; committee: string }[];
  /** What reading the sheets found: rows inserted by hand, answers too long for a cell, formulas without a result. */
  findings: FileFinding[];
}

/**
 * Answers already given for a period and year, from the master's follow-up sheets and any returned workbooks.
 * Sources are taken in order and a later one wins row by row (a returned file over the master), but an empty cell
 * never erases an answer: nothing anyone typed is lost.
 */
export function collectAnswers(sources: AnswerSource[], period: string, year: number): CollectedAnswers {
  const byCommittee = new Map<string, Map<string, Answer>>();
  const sheets: CollectedAnswers["sheets"] = [];
  const findings: FileFinding[] = [];
  for (const { source, grids } of sources) {
    for (const grid of grids.filter(isFollowUpSheet)) {
      const read = readFollowUpSheet(grid);
      if (!read.meta || read.meta.period !== period || read.meta.year !== year) continue;
      sheets.push({ source, sheet: grid.sheet, committee: read.meta.committee });
      for (const { severity, rule, row, col, params } of read.issues)
        findings.push({ ...finding(severity, rule, { sheet: grid.sheet, row, col }, params), file: source });
      const answers = byCommittee.get(read.meta.committee) ?? new Map<string, Answer>();
      byCommittee.set(read.meta.committee, answers);
      for (const row of read.rows) {
        const answer = answerOf(row);
        const earlier = answers.get(answer.key);
        if (hasContent(answer)) {
          answers.set(answer.key, {
            ...answer,
            input: answer.input ?? earlier?.input ?? null,
            comment: answer.comment ?? earlier?.comment ?? null,
          });
        }
      }
    }
  }
  return { byCommittee, sheets, findings };
}
