/**
 * Text stays text in the Excel host (issue #6): texts Excel would turn into formulas, numbers, dates, booleans or
 * errors go through plan → follow-up → consolidation in the open workbook (the strict stand-in, which coerces strings
 * exactly as Excel reads typed input unless the cell's format is text) and come out as the same text everywhere.
 */
import * as path from "path";
import { COL } from "../../src/domain/followup/model";
import { ANSWERS_SHEET } from "../../src/domain/followup/report";
import { DEFAULT_PERIODS } from "../../src/domain/settings";
import { consolidateInWorkbook, generateFollowUp } from "../../src/hosts/excel/openWorkbook";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import type { Grid } from "../../src/sheet/grid";
import { EXAMPLES } from "../support/workbooks";
import type { SheetModel, StandIn } from "../../src/hosts/standin";
import { standInFromGrids } from "./support";

/** Each would be something else than its text if written into a General cell, or is a known injection. */
const HOSTILE = [
  '=HYPERLINK("http://example.com","klicka")',
  "=cmd|' /C calc'!A0",
  "@SUM(1+1)",
  "+46 70 123 45 67",
  "-5 % av ramen",
  "2024-12-31",
  "001",
  "50%",
  "1e5",
  "TRUE",
  "#REF!",
];

async function hostilePlan(): Promise<Grid[]> {
  const grids = (await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids;
  return grids.map((grid) => {
    if (grid.sheet !== "Uppdrag") return grid;
    // Titles (column B) and förtydliganden (C) of the uppdrag rows become the hostile texts, every one at least once.
    const values = grid.values.map((row, r) =>
      r === 0 ? row : row.map((v, c) => (c === 1 || c === 2 ? HOSTILE[(r - 1 + 2 * (c - 1)) % HOSTILE.length] : v)),
    );
    return { ...grid, values };
  });
}

function textCells(sheet: SheetModel): { address: string; value: unknown; format: string | undefined }[] {
  return [...sheet.cells]
    .filter(([, cell]) => typeof cell.value === "string" && !cell.formula)
    .map(([key, cell]) => ({
      address: `${Math.floor(key / 16384)}:${key % 16384}`,
      value: cell.value,
      format: cell.numberFormat,
    }));
}

function allValues(standIn: StandIn, name: string): unknown[] {
  return [...standIn.workbook.sheet(name).cells.values()].map((cell) => cell.value);
}

test("hostile texts stay exactly text in the follow-up sheets and in the report", async () => {
  const standIn = standInFromGrids(await hostilePlan());
  const request = { period: DEFAULT_PERIODS[0], year: 2024, due: null, planName: "plan.xlsx" };
  const generated = await standIn.run((context) => generateFollowUp(context, request));
  if (!generated.written) throw new Error(JSON.stringify(generated.validation.findings));
  const texts = generated.validation.plan.assignments.flatMap((a) => [a.title, a.clarification]);
  for (const text of HOSTILE) expect(texts).toContain(text);

  // Every text written into a follow-up sheet is in a text-formatted cell, so Excel shows it as written.
  const sheets = generated.followUp.sheets.map((s) => standIn.workbook.sheet(s.spec.name));
  for (const sheet of sheets) {
    for (const cell of textCells(sheet)) expect({ ...cell, sheet: sheet.name }).toMatchObject({ format: "@" });
  }
  const shown = sheets.flatMap((sheet) => [...sheet.cells.values()].map((cell) => cell.value));
  for (const text of HOSTILE) expect(shown).toContain(text);

  // The nämnder type hostile texts as comments (the cells are text-formatted, so Excel keeps them as typed).
  let typed = 0;
  for (const sheet of sheets) {
    for (const [key, cell] of [...sheet.cells]) {
      if (key % 16384 !== COL.key || !String(cell.value).startsWith("assignment|")) continue;
      const row = Math.floor(key / 16384);
      expect(sheet.cell(row, COL.comment)?.numberFormat).toBe("@");
      sheet.at(row, COL.comment).value = HOSTILE[typed++ % HOSTILE.length];
    }
  }
  expect(typed).toBeGreaterThanOrEqual(HOSTILE.length);

  const report = await standIn.run((context) =>
    consolidateInWorkbook(context, { planName: "plan.xlsx", returned: [], language: "sv" }),
  );
  if (!report.written) throw new Error("no report");
  const answers = standIn.workbook.sheet(ANSWERS_SHEET);
  for (const cell of textCells(answers)) expect({ ...cell, sheet: ANSWERS_SHEET }).toMatchObject({ format: "@" });
  const inReport = allValues(standIn, ANSWERS_SHEET);
  for (const text of HOSTILE) expect(inReport).toContain(text);
  // Nothing became an error value or a number on the way.
  for (const name of report.sheets) {
    for (const value of allValues(standIn, name)) expect(typeof value === "object" && value !== null).toBe(false);
  }
});
