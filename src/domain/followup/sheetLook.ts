import { colorDistance } from "../../sheet/colors";
import { PRINT_MARGINS, printScale } from "../../sheet/print";
import { ORE_PER_UNIT } from "../amounts";
import { Settings } from "../settings";

/** How a follow-up sheet looks: its colours, the number format of its amounts, its columns and its paper. */

/**
 * The one colour that means "fill in": a light blue no status colour comes near (the default statuses are green,
 * yellow, red and grey). A kommun whose own scale takes a colour near it gets the next candidate: see inputFill.
 */
export const INPUT_FILLS = ["D6E9FF", "E8DDF7", "FFFFFF"];
/** ΔE (CIE76) below which two fills could be taken for one another at a glance. */
export const DISTINCT_COLORS = 12;
/** Section bands: dark, with white text, so a section's start reads at a glance and never looks like a cell to fill. */
export const SECTION_FILL = "1F4E78";
export const SECTION_FONT = "FFFFFF";
export const HEADER_FILL = "EDEDED";
export const REMOVED_FILL = "F2F2F2";
/** The previous period's answers, shown beside the new input: grey text on the grey of things kept for reference. */
export const PREVIOUS_FONT = "595959";
export const AMOUNT_FORMAT = '#,##0 "tkr"';
const AMOUNT_FORMAT_DECIMALS = '#,##0.0## "tkr"';

/**
 * The number format of amounts (in öre) shown in tkr. Whole tkr show as "1 200 tkr". When any amount has decimals
 * ("1 861,5 tkr"), every amount shown with it gets them, so that no figure is rounded and a column adds up on screen.
 */
export function amountFormat(ore: number[]): string {
  return ore.every((amount) => amount % ORE_PER_UNIT.tkr === 0) ? AMOUNT_FORMAT : AMOUNT_FORMAT_DECIMALS;
}

/** Characters per column, A (the hidden key) to H. */
export const COLUMN_WIDTHS = [12, 42, 42, 28, 13, 19, 13, 42];
export const ORIENTATION = "landscape";
/** One scale for the whole sheet, so that every page's columns line up; the hidden key column takes no paper. */
export const PRINT_SCALE = printScale(COLUMN_WIDTHS.slice(1), ORIENTATION, PRINT_MARGINS);

/** The input colour for these scales: the first candidate clearly apart from every status colour. */
export function inputFill(settings: Settings): string {
  const statuses = [...settings.scales.goal, ...settings.scales.assignment].map((v) => v.color);
  return (
    INPUT_FILLS.find((fill) => statuses.every((status) => colorDistance(fill, status) >= DISTINCT_COLORS)) ??
    INPUT_FILLS[INPUT_FILLS.length - 1]
  );
}
