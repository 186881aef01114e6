/**
 * The hosts' contract as one scenario for both: the Excel host (test/excel/host.spec.ts, through the stand-in of
 * Excel's API) and the xlsx host (test/xlsx-host.spec.ts, through a file) each read the same workbook, and each write
 * the same sheets and read them back; the Excel host's spec also checks that both read the same values.
 */
import ExcelJS from "exceljs";
import type { SheetSpec } from "../../src/sheet/spec";

/**
 * The reading scenario, made with ExcelJS: a used range from B2 with a merged title, errors, formulas (one saved
 * without its result, one shared), a date, rich text, a hyperlink, a hidden row, text that reads like an error, and
 * formatting outside the used range; a hidden, a very hidden and an empty protected sheet.
 */
export function readingScenarioWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const plan = workbook.addWorksheet("Plan");
  plan.getCell("B2").value = "Mål och budget 2025";
  plan.mergeCells("B2:E2");
  plan.getCell("B3").value = "Nämnd";
  plan.getCell("C3").value = "Budget";
  plan.getCell("D3").value = "Datum";
  plan.getCell("E3").value = "Kommentar";
  plan.getCell("B4").value = "KS";
  plan.getCell("C4").value = 1200;
  plan.getCell("C4").numFmt = '#,##0 "tkr"';
  plan.getCell("D4").value = new Date(Date.UTC(2025, 0, 31));
  plan.getCell("D4").numFmt = "yyyy-mm-dd";
  plan.getCell("E4").value = { richText: [{ text: "Ökad " }, { text: "kostnad", font: { bold: true } }] };
  plan.getCell("B5").value = "BUN";
  plan.getCell("C5").value = { formula: "C4*2", result: 2400 };
  plan.getCell("D5").value = { error: "#REF!" };
  plan.getCell("E5").value = { text: "Se planen", hyperlink: "https://example.se/plan" };
  plan.getCell("B6").value = "SBN";
  plan.getCell("C6").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  plan.getCell("D6").value = { formula: "TODAY()" }; // no cached result
  plan.getCell("E6").value = true;
  plan.getRow(5).hidden = true;
  // A shared formula: C7 is the master, D7 and E7 reuse it. (ExcelJS's typings omit shareType/ref, which its writer
  // reads.)
  plan.getCell("B7").value = "Summa";
  plan.getCell("C7").value = {
    formula: "C4+1",
    result: 1201,
    shareType: "shared",
    ref: "C7:E7",
  } as ExcelJS.CellFormulaValue;
  plan.getCell("D7").value = { sharedFormula: "C7", result: 1 };
  plan.getCell("E7").value = { sharedFormula: "C7", result: "text" };
  plan.getCell("B8").value = "#REF!"; // text that reads like an error stays text
  // Formatting alone does not widen the used range.
  plan.getCell("H10").numFmt = "0.00";
  plan.getCell("H10").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } };

  const hidden = workbook.addWorksheet("Dold", { state: "hidden" });
  hidden.getCell("A1").value = "dold";
  const veryHidden = workbook.addWorksheet("Måltavlan", { state: "veryHidden" });
  veryHidden.getCell("A1").value = "state";
  veryHidden.getCell("B1").value = 1;
  void workbook.addWorksheet("Tom").protect("", {}); // sets the protection at once; the promise has nothing more
  return workbook;
}

/**
 * What each host reads of the reading scenario's Plan sheet, from B2: the merged title once, formulas as their
 * results (the one saved without a result as empty), rich text and hyperlinks as their text, errors apart from text.
 */
export const READING_SCENARIO_VALUES = [
  ["Mål och budget 2025", null, null, null],
  ["Nämnd", "Budget", "Datum", "Kommentar"],
  ["KS", 1200, new Date(Date.UTC(2025, 0, 31)), "Ökad kostnad"],
  ["BUN", 2400, { error: "#REF!" }, "Se planen"],
  ["SBN", { error: "#DIV/0!" }, null, true],
  ["Summa", 1201, 1, "text"],
  ["#REF!", null, null, null],
];

/** Text that Excel, a reader or a writer could take for a formula, a number, a date, an error or a boolean. */
export const TRICKY_TEXTS = [
  "=SUM(A1)",
  "+46",
  "-5",
  "@x",
  "001",
  "2024-01-01",
  "2024-12-31",
  "50%",
  "#REF!",
  "TRUE",
  " 12 ",
];

/**
 * A protected follow-up sheet with a frozen title, styles, number formats, formulas, a hidden column, a list
 * validation, a conditional fill and print setup, the tricky texts on row 8; its list sheet (very hidden); and an
 * empty hidden sheet protected without a password.
 */
export const SCENARIO_SHEETS: SheetSpec[] = [
  {
    name: "KS",
    frozenRows: 2,
    blocks: [
      {
        top: 0,
        left: 0,
        rows: [
          [{ value: "Uppföljning KS", bold: true, fill: "DDEBF7" }],
          [
            { value: "Nyckel", bold: true },
            { value: "Mål", bold: true, wrap: true },
            { value: "Budget", bold: true },
            { value: "Bedömning", bold: true },
          ],
          [
            { value: "k1" },
            { value: "Nöjda invånare" },
            { value: 1200, numberFormat: '#,##0 "tkr"' },
            { value: null, locked: false },
          ],
          [
            { value: "k2" },
            { value: "Budget i balans" },
            { value: 800.5, numberFormat: '#,##0 "tkr"' },
            { value: "Uppfyllt", locked: false },
          ],
          [
            { value: "sum" },
            { value: "Summa" },
            { value: 2000.5, formula: "SUM(C3:C4)", numberFormat: '#,##0 "tkr"' },
            { value: false },
          ],
          [{ value: "now" }, { value: null, formula: "=TODAY()" }],
        ],
      },
      { top: 7, left: 1, rows: [TRICKY_TEXTS.map((value) => ({ value }))] },
    ],
    columnWidths: [
      { col: 0, width: 8, hidden: true },
      { col: 1, width: 40 },
    ],
    validations: [{ range: "D3:D4", source: "'Listor'!$A$1:$A$3" }],
    conditionalFills: [{ range: "D3:D4", when: { equals: "Uppfyllt" }, fill: "C6EFCE" }],
    print: { orientation: "landscape", paper: "A4", titleRows: "1:2", fitToWidth: true },
    protect: { password: "hemligt" },
  },
  {
    name: "Listor",
    visibility: "veryHidden",
    blocks: [
      {
        top: 0,
        left: 0,
        rows: [[{ value: "Uppfyllt" }], [{ value: "Delvis uppfyllt" }], [{ value: "Ej uppfyllt" }]],
      },
    ],
  },
  { name: "Dold", visibility: "hidden", blocks: [], protect: {} },
];
