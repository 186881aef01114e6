import { cellText } from "../../sheet/grid";
import { cleanText } from "../text";
import { FollowUpRead } from "./answers";
import { carriedOrigin } from "./carried";
import { ExpectedRow } from "./expected";
import { Answer, COL } from "./model";

/**
 * What a consolidation reads of the uppdrag that go on from earlier years: the carried rows of a nämnd's sheet, and
 * the plan's uppdrag that continue one, each with the year it was first in a plan (the sheet's `since`).
 */

export interface CarriedResult {
  key: string;
  /** The uppdrag's ID in this year's plan when the plan lists it again; null for a carried row. */
  planId: string | null;
  title: string;
  /** The year the uppdrag was first in a plan: carried for (the year − since) years. */
  since: number;
  /** The status accepted (a value of the scale), or null. */
  input: string | null;
  comment: string | null;
  /** A carried row's earlier years' lines as its sheet showed them (column G); "" for a plan's uppdrag. */
  history: string;
}

export function carriedResults(
  read: FollowUpRead,
  expected: ExpectedRow[],
  answers: Map<string, Answer>,
): CarriedResult[] {
  const since = read.meta?.since ?? {};
  const given = (key: string) => {
    const answer = answers.get(key);
    return {
      input: answer?.input === undefined || answer.input === null ? null : String(answer.input),
      comment: answer?.comment ?? null,
    };
  };
  const carried = read.rows.flatMap((row): CarriedResult[] => {
    const origin = row.removed ? null : carriedOrigin(row.key);
    if (!origin) return [];
    const title = cleanText(cellText(row.cells[0]));
    const history = cellText(row.cells[COL.extra - 1]).trim();
    return [{ key: row.key, planId: null, title, since: since[row.key] ?? origin.year, history, ...given(row.key) }];
  });
  // In the plan's order.
  const continued = expected.flatMap((row): CarriedResult[] => {
    const year = row.kind === "assignment" ? since[row.key] : undefined;
    return year === undefined
      ? []
      : [{ key: row.key, planId: row.id, title: row.title, since: year, history: "", ...given(row.key) }];
  });
  return [...continued, ...carried];
}

/** The carried rows the sheet's metadata lists that are no longer on it (deleted by hand). */
export function missingCarried(read: FollowUpRead): string[] {
  const onSheet = new Set(read.rows.map((row) => row.key));
  return Object.keys(read.meta?.since ?? {}).filter((key) => carriedOrigin(key) && !onSheet.has(key));
}
