import { cellText } from "../../sheet/grid";
import { Adjustment, Assignment } from "../model";
import { RawPlan, RowList } from "../raw";
import { RowReader, parseYear } from "./context";

/** The plan's years (budget year and plan years), and the rows whose year falls outside them. */
export class YearReader extends RowReader {
  /** Budget year and plan years: the plan's facts, else a "2025–2027" title, else the years the plan uses. */
  planYears(facts: RawPlan["facts"], assignments: Assignment[], adjustments: Adjustment[]): number[] {
    const { budgetYear, planYears, title } = facts;
    const fromSettings = [budgetYear, planYears].flatMap((cell) => (cell ? yearsIn(cellText(cell.value)) : []));
    if (fromSettings.length) return unique(fromSettings);
    const fromTitle = title ? titleYears(cellText(title.value)) : null;
    if (fromTitle) return fromTitle;
    const used = [...assignments, ...adjustments].map((x) => x.year).filter((y): y is number => y !== null);
    return unique(used).sort((a, b) => a - b);
  }

  checkYears(years: number[], ...rowGroups: RowList[]): void {
    if (years.length === 0) return;
    for (const rows of rowGroups) {
      for (let i = 0; i < rows.length; i++) {
        const row = rows.current(i);
        const year = parseYear(this.value(row, "year"));
        if (year !== null && !years.includes(year)) {
          this.report("error", "year-outside-plan", this.at(row, "year"), { year, years: years.join(", ") });
        }
      }
    }
  }
}

/** "2025–2027" → [2025, 2026, 2027]; null when the text holds no plausible range. */
function yearRange(text: string): number[] | null {
  const range = /\b(20\d\d)\s*[-–—]\s*(20\d\d)\b/.exec(text);
  const [from, to] = range ? [Number(range[1]), Number(range[2])] : [0, -1];
  return to >= from && to - from < 10 ? Array.from({ length: to - from + 1 }, (_, i) => from + i) : null;
}

/**
 * The years a title names: its range, widened by a year written beside it that adjoins it ("Budget 2024, plan
 * 2025–2027" → 2024–2027); null without a range.
 */
function titleYears(text: string): number[] | null {
  const range = yearRange(text);
  if (!range) return null;
  const named = (text.match(/\b20\d\d\b/g) ?? []).map(Number);
  const from = named.includes(range[0] - 1) ? range[0] - 1 : range[0];
  const to = named.includes(range[range.length - 1] + 1) ? range[range.length - 1] + 1 : range[range.length - 1];
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function yearsIn(text: string): number[] {
  return yearRange(text) ?? (text.match(/\b20\d\d\b/g) ?? []).map(Number);
}

function unique(years: number[]): number[] {
  return [...new Set(years)];
}
