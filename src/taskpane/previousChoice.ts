/**
 * Which earlier period a step compares with: the one the user picked in PreviousPick, or until they pick, the one the
 * workbook suggests (the newest period before the one made: T1 when Delår is made, as a user expects). Kept apart
 * from the pick's UI, which loads as a chunk of its own, so the suggestion holds before that chunk is in.
 */
import type { EarlierPeriods, HeldPeriod, PreviousChoice, ReturnedWorkbook } from "./workbook";

/** The pick's value for none of the workbook's periods. */
export const NO_PERIOD = "";

/** A held period as the pick's value (and text): "T1 2024". */
export function periodKey(held: HeldPeriod): string {
  return `${held.period} ${held.year}`;
}

/** The value the pick shows: the picked one while the workbook still holds it, else the suggested one. */
export function pickedKey(earlier: EarlierPeriods | null, picked: string | undefined): string {
  if (picked !== undefined && (picked === NO_PERIOD || earlier?.periods.some((p) => periodKey(p) === picked))) {
    return picked;
  }
  return earlier?.suggested ? periodKey(earlier.suggested) : NO_PERIOD;
}

/** What goes with the request; undefined when there is nothing to compare with. */
export function previousChoiceOf(
  earlier: EarlierPeriods | null,
  picked: string | undefined,
  files: ReturnedWorkbook[],
): PreviousChoice | undefined {
  const key = pickedKey(earlier, picked);
  const period = earlier?.periods.find((p) => periodKey(p) === key) ?? null;
  return period || files.length ? { period, files } : undefined;
}
