/**
 * The report's sheets as specs: Översikt split into sheets per nämnd that fit A4 at full size, each with the title
 * rows repeated and "Sida x av y" at the foot, Ej inkommet for a nämnd that has not answered, and a filter on the long
 * sheets (Svar, Saknas, and Fynd when it has findings) over their rows only. The printed result is checked through
 * LibreOffice in report-print.spec.ts.
 */
import { reportFigures, reportWorkbook } from "../src/domain/followup/report";
import {
  ADJUSTMENTS_SHEET,
  ASSIGNMENTS_SHEET,
  GOALS_SHEET,
  OVERVIEW_SHEET,
} from "../src/domain/followup/reportCommittees";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { findingMessage } from "../src/i18n/findings";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { PRINT_MARGINS, printScale } from "../src/sheet/print";
import type { SheetSpec, WorkbookSpec } from "../src/sheet/spec";
import { PLAN, consolidation } from "./support/goalPlan";

const ANSWERS = { A: { A1: ["Uppfyllt", "Bra."], U1: ["Genomfört", null] }, B: { B1: ["Ej uppfyllt", null] } } as const;

function report(findings = 0): WorkbookSpec {
  const result = consolidation(ANSWERS as never);
  const found = Array.from({ length: findings }, (_, i) => ({
    file: "svar.xlsx",
    severity: "warning" as const,
    rule: "followup-committee-unknown" as const,
    sheet: "X",
    cell: `A${i + 1}`,
    params: {},
  }));
  return reportWorkbook(
    PLAN,
    { ...result, findings: found },
    DEFAULT_SETTINGS,
    (f) => findingMessage(f),
    GOAL_REPORT_WORDS.sv,
  );
}

const sheet = (spec: WorkbookSpec, name: string): SheetSpec => spec.sheets.find((s) => s.name === name)!;
const rowsOf = (spec: SheetSpec) => spec.blocks[0].rows;

test("the sheets per nämnd follow Måluppfyllelse; no Ramjusteringar per nämnd without ramjusteringar", () => {
  const names = report().sheets.map((s) => s.name);
  expect(names).toEqual([
    OVERVIEW_SHEET,
    "Diagram",
    "Diagram per mål",
    "Måluppfyllelse",
    GOALS_SHEET,
    ASSIGNMENTS_SHEET,
    "Svar",
    "Saknas",
    "Fynd",
  ]);
  expect(names).not.toContain(ADJUSTMENTS_SHEET);
  expect(Math.max(...names.map((n) => n.length))).toBeLessThanOrEqual(31);
});

test("every sheet prints on A4 at 8 pt or more, its title rows on every page and Sida x av y at the foot", () => {
  for (const spec of report(3).sheets) {
    const print = spec.print!;
    const widths = (spec.columnWidths ?? []).map((c) => c.width);
    const scale = print.scale ?? printScale(widths, print.orientation, PRINT_MARGINS);
    expect({ sheet: spec.name, paper: print.paper, titles: print.titleRows, footer: print.footer?.center }).toEqual({
      sheet: spec.name,
      paper: "A4",
      titles: "1:3",
      footer: "Sida {page} av {pages}",
    });
    // Text of 11 pt shrunk by the scale that fits the columns on the page.
    expect([spec.name, (11 * scale) / 100 >= 8]).toEqual([spec.name, true]);
  }
  // Narrow sheets stand, wide ones lie.
  expect(sheet(report(), OVERVIEW_SHEET).print?.orientation).toBe("portrait");
  expect(sheet(report(), "Svar").print?.orientation).toBe("landscape");
});

test("a nämnd that has not answered says Ej inkommet, with blanks (never 0) for its own counts", () => {
  const goals = rowsOf(sheet(report(), GOALS_SHEET));
  const headers = goals[2].map((c) => c.value);
  const row = (code: string) => goals.find((r) => r[0]?.value === code)!;
  const at = (code: string, header: string) => row(code)[headers.indexOf(header)];
  expect(at("C", "Mål besvarade")).toMatchObject({ value: "Ej inkommet", italic: true });
  expect(at("C", "Uppfyllt").value).toBeNull();
  // The counts carry the figures --json gives.
  const figures = reportFigures(consolidation(ANSWERS as never), DEFAULT_SETTINGS);
  const figure = (code: string) => figures.find((f) => f.code === code)!;
  const count = (value: number) => ({ value, formula: expect.stringMatching(/^SUMPRODUCT/) });
  expect(at("C", "Mål totalt")).toMatchObject(count(figure("C").goals.total));
  expect(at("A", "Mål besvarade")).toMatchObject(count(figure("A").goals.answered));
  expect(figure("A").goals.answered).toBeGreaterThan(0);
  expect(at("A", "Uppfyllt")).toMatchObject(count(1));
  expect(at("B", "Uppfyllt")).toMatchObject(count(0));
  const overview = rowsOf(sheet(report(), OVERVIEW_SHEET));
  expect(overview.find((r) => r[0]?.value === "C")?.[2]).toMatchObject({ value: "Ej inkommet" });
  const summa = goals.find((r) => r[0]?.value === "Summa")!;
  expect(summa[1].value).toBe("2 av 4 har svarat");
  expect(summa[headers.indexOf("Mål besvarade")]).toMatchObject({ value: 2, formula: "SUM(C4:C7)" });
});

test("Svar, Saknas and Fynd (with findings) have a filter over their rows; Fynd without findings has none", () => {
  const plain = report();
  const svar = sheet(plain, "Svar");
  expect(svar.autoFilter).toBe(`A3:I${rowsOf(svar).length}`);
  const saknas = sheet(plain, "Saknas");
  expect(saknas.autoFilter).toBe(`A3:C${rowsOf(saknas).length}`);
  expect(rowsOf(saknas).length).toBeGreaterThan(4);
  expect(sheet(plain, "Fynd").autoFilter).toBeUndefined();
  expect(rowsOf(sheet(plain, "Fynd"))[3][0].value).toBe("Inga fynd");
  expect(sheet(report(2), "Fynd").autoFilter).toBe("A3:E5");
  // The sheets per nämnd have a Summa row under their rows, which a filter would sort and hide among them.
  for (const name of [OVERVIEW_SHEET, GOALS_SHEET, ASSIGNMENTS_SHEET])
    expect(sheet(plain, name).autoFilter).toBeUndefined();
});
