/**
 * A follow-up sheet whose uppdrag run over several printed pages (the Östersund plan with many more uppdrag for KS),
 * and the cells its dropdowns belong on, for the tests of rules over several areas.
 */
import * as path from "path";
import { FollowUpOptions, followUpSheets, supportSheets } from "../../src/domain/followup/generate";
import { COL, LAST_COL, parseRowKey } from "../../src/domain/followup/model";
import { Plan } from "../../src/domain/model";
import { readPlan } from "../../src/domain/readPlan";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { cellName } from "../../src/sheet/grid";
import type { SheetSpec } from "../../src/sheet/spec";
import { EXAMPLES } from "./workbooks";

/** The follow-up these tests make: T1 2025 with the default settings, at a fixed time. */
export const T1_2025: FollowUpOptions = {
  period: DEFAULT_SETTINGS.periods[0],
  year: 2025,
  due: "2025-05-15",
  generatedAt: "2025-04-02T09:00:00.000Z",
  planName: "plan.xlsx",
  settings: DEFAULT_SETTINGS,
};

/** KS's sheet with `extra` more uppdrag (each a copy of one of KS's), and the sheets it takes its lists from. */
export async function longFollowUp(extra = 30): Promise<{ spec: SheetSpec; support: SheetSpec[] }> {
  const plan = readPlan((await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids).plan;
  const ks = plan.assignments.filter((a) => a.committees.includes("KS"));
  const more = Array.from({ length: extra }, (_, i) => ({
    ...ks[i % ks.length],
    id: `EXTRA-${i + 1}`,
    title: `Extra uppdrag ${i + 1}: ${ks[i % ks.length].title}`,
  }));
  const long: Plan = { ...plan, assignments: [...plan.assignments, ...more] };
  const sheets = followUpSheets(long, T1_2025);
  const spec = sheets.find((s) => s.committee.code === "KS")!.spec;
  return { spec, support: supportSheets(DEFAULT_SETTINGS) };
}

export type ListKind = "goal" | "assignment";

/** The answer cells (column F) of the rows of one kind that take an answer, in sheet order: where its dropdown goes. */
export function inputCells(spec: SheetSpec, kind: ListKind): string[] {
  return spec.blocks[0].rows.flatMap((row, r) =>
    parseRowKey(String(row[COL.key]?.value ?? ""))?.kind === kind && row[COL.input]?.locked === false
      ? [cellName(r, COL.input)]
      : [],
  );
}

/** Every cell of the sheet's rows, columns A to H. */
export function sheetCells(spec: SheetSpec): string[] {
  return spec.blocks[0].rows.flatMap((_, r) => Array.from({ length: LAST_COL + 1 }, (__, c) => cellName(r, c)));
}

/** The labels of a kind's scale, in the order of its list. */
export function scaleLabels(kind: ListKind): string[] {
  return DEFAULT_SETTINGS.scales[kind].map((value) => value.label);
}

/** Every cell of a range, area by area: "F5:F7,F9:F9" → F5, F6, F7, F9 (one column per area). */
export function cellsOfRange(range: string, separator = ","): string[] {
  return range.split(separator).flatMap((area) => {
    const [, col, first, last = first] = /^\$?([A-Z]+)\$?(\d+)(?::\$?[A-Z]+\$?(\d+))?$/.exec(area)!;
    return Array.from({ length: Number(last) - Number(first) + 1 }, (_, i) => `${col}${Number(first) + i}`);
  });
}
