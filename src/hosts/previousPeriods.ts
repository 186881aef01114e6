/**
 * The earlier periods a workbook holds, and the answers of the one the user picks. The plan workbook keeps every
 * period's follow-up sheets (a generate replaces only its own period's, src/domain/jobs.ts), so in Excel the
 * previous period is usually in the open workbook: the pane lists the periods by the sheets' metadata and passes
 * the picked one's sheets as `previous` (src/domain/followup/previousPeriod.ts).
 */
import { isFollowUpSheet, parseMeta } from "../domain/followup/answers";
import type { AnswerSource } from "../domain/followup/collect";
import { COL, META_ROW } from "../domain/followup/model";
import type { Period } from "../domain/settings";
import { type Grid, valueAt } from "../sheet/grid";

/** A period and year whose follow-up sheets a workbook holds. */
export interface HeldPeriod {
  period: string;
  year: number;
}

/** The periods a workbook holds other than the current one, newest first, and the one a user would compare with. */
export interface EarlierPeriods {
  periods: HeldPeriod[];
  /**
   * The newest period before the current one (T1 when Delår is made, last year's Helår for the first period of a
   * year); null when every period held comes after it (a T1 made again beside a Delår): nothing is suggested then.
   */
  suggested: HeldPeriod | null;
}

/** A follow-up sheet's period by its metadata; null when it has none. */
function heldPeriodOf(grid: Grid): HeldPeriod | null {
  if (!isFollowUpSheet(grid)) return null;
  const meta = parseMeta(valueAt(grid, META_ROW, COL.key));
  return meta ? { period: meta.period, year: meta.year } : null;
}

const same = (a: HeldPeriod, b: HeldPeriod) => a.period === b.period && a.year === b.year;

/** The periods whose follow-up sheets `grids` hold, each once, in the order first found. */
export function heldPeriods(grids: Grid[]): HeldPeriod[] {
  const found = new Map<string, HeldPeriod>();
  for (const grid of grids) {
    const held = heldPeriodOf(grid);
    if (held) found.set(`${held.year}\u0000${held.period}`, held);
  }
  return [...found.values()];
}

/**
 * The periods whose follow-up sheets `grids` hold, other than `current`, newest first: by year, then by the period's
 * place in the settings (a period no longer in them before the others of its year).
 */
export function earlierPeriods(grids: Grid[], periods: Period[], current: HeldPeriod): EarlierPeriods {
  const place = (held: HeldPeriod) => periods.findIndex((p) => p.name === held.period);
  const sorted = heldPeriods(grids)
    .filter((held) => !same(held, current))
    .sort((a, b) => b.year - a.year || place(b) - place(a) || a.period.localeCompare(b.period, "sv"));
  // A period of this year no longer in the settings has no known place: it is listed, never suggested.
  const before = (held: HeldPeriod) =>
    held.year < current.year || (held.year === current.year && place(held) >= 0 && place(held) < place(current));
  return { periods: sorted, suggested: sorted.find(before) ?? null };
}

/**
 * The previous period's answer sources: this workbook's sheets of `period`, then the files' sheets of it (a file
 * wins over the workbook, as a returned file does). Without a period the files go whole, and the newest other
 * period in them is taken.
 */
export function previousSources(
  grids: Grid[],
  planName: string,
  period: HeldPeriod | undefined,
  files: AnswerSource[] = [],
): AnswerSource[] {
  if (!period) return files;
  const ofPeriod = (grid: Grid) => {
    const held = heldPeriodOf(grid);
    return held !== null && same(held, period);
  };
  return [
    { source: planName, grids: grids.filter(ofPeriod) },
    ...files.map((f) => ({ ...f, grids: f.grids.filter(ofPeriod) })),
  ];
}
