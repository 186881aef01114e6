/**
 * The demo's report (`npm run demo`'s follow-up: three of seven nämnder answer) printed through LibreOffice to PDF, as
 * the finance office prints it: every page A4, no text under 8 pt, "Sida x av y" at the foot of every page, every
 * sheet's title on paper, and Ej inkommet beside the nämnder that did not answer. LibreOffice reads the autofilters
 * back, and every cell of the report stands at the top of its row. Runs the demo's steps through the built CLI
 * (`npm run build:cli` first); one LibreOffice for the whole file.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { followUp } from "../scripts/demo";
import { OVERVIEW_SHEET } from "../src/domain/followup/reportCommittees";
import { LibreOffice, LoWorkbook, loSheet, startLibreOffice } from "./support/libreoffice";
import { CARLITO_LINE, pageSizes, pageText, wordHeights } from "./support/pdf";

/** The nämnder the demo answers for (scripts/demo.js). */
const ANSWERED = ["KS", "SAN", "VoN"];

let office: LibreOffice | null = null;
let dir = "";
let report = "";
let pdf = "";
let workbook: ExcelJS.Workbook;
let inspected: LoWorkbook;

beforeAll(async () => {
  office = await startLibreOffice();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-report-print-"));
  ({ report } = await followUp(dir, () => undefined));
  [[pdf]] = await office.convert([report], "pdf", path.join(dir, "pdf"));
  [inspected] = await office.inspect([report], { maxCells: 200 });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(report);
}, 180_000);
afterAll(async () => {
  await office?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** The report's sheets: all but Måltavlan's history, which is very hidden, never on screen or paper. */
const printed = () => workbook.worksheets.filter((sheet) => sheet.state !== "veryHidden");

test("every page is A4 and says Sida x av y; no text is under 8 pt; every sheet's title is on paper", () => {
  const sizes = pageSizes(pdf);
  expect(sizes.length).toBeGreaterThan(workbook.worksheets.length);
  expect(sizes.filter((size) => !/^(841\.\d+ x 595\.\d+|595\.\d+ x 841\.\d+) pts \(A4\)$/.test(size))).toEqual([]);
  const words = wordHeights(pdf);
  sizes.forEach((_, page) => {
    const text = words.filter((w) => w.page === page).map((w) => w.word);
    const at = text.findIndex((w, i) => w === "Sida" && text[i + 2] === "av");
    expect([page, text.slice(at, at + 4)]).toEqual([page, ["Sida", String(page + 1), "av", String(sizes.length)]]);
  });
  const smallest = words.reduce((min, w) => (w.height < min.height ? w : min));
  expect(words.length).toBeGreaterThan(1000);
  // The first page stands at full size: its 14 pt title is the measure of a word's box.
  const title = words.find((w) => w.page === 0 && w.word === "Uppföljning")!;
  expect(title.height / CARLITO_LINE).toBeCloseTo(14, 0);
  expect(smallest.height / CARLITO_LINE).toBeGreaterThanOrEqual(8);
  // Each sheet's title (A1) heads some page.
  const pages = sizes.map((_, page) => pageText(pdf, page));
  for (const sheet of printed()) {
    const title = String(sheet.getCell("A1").value);
    expect([sheet.name, pages.some((text) => text.trimStart().startsWith(title))]).toEqual([sheet.name, true]);
  }
});

test("Översikt, on the first page, says Ej inkommet for each nämnd that did not answer and where the others' came from", () => {
  const overview = workbook.getWorksheet(OVERVIEW_SHEET)!;
  const codes: string[] = [];
  for (let row = 4; overview.getCell(`A${row}`).value !== "Summa"; row++)
    codes.push(String(overview.getCell(`A${row}`).value));
  expect(codes).toEqual(expect.arrayContaining(ANSWERED));
  expect(codes.length).toBeGreaterThan(ANSWERED.length);
  const lines = pageText(pdf, 0).split("\n");
  for (const code of codes) {
    const line = lines.find((l) => l.trimStart().startsWith(`${code} `)) ?? "";
    const shown = ANSWERED.includes(code) ? `${code}-T1-2024.xlsx` : "Ej inkommet";
    expect([code, line.includes(shown)]).toEqual([code, true]);
  }
});

test("LibreOffice reads the autofilters back: on Svar and Saknas over their rows, on no other sheet", () => {
  const filters = Object.fromEntries(inspected.sheets.map((s) => [s.name, s.autoFilter]));
  const lastRow = (name: string) => workbook.getWorksheet(name)!.actualRowCount;
  expect(filters).toEqual({
    ...Object.fromEntries(inspected.sheets.map((s) => [s.name, null])),
    Svar: `A3:I${lastRow("Svar")}`,
    Saknas: `A3:C${lastRow("Saknas")}`,
  });
  // The demo's answers have no findings: Fynd says so and has no filter.
  expect(loSheet(inspected, "Fynd").cells.find((c) => c.ref === "A4")?.value).toBe("Inga fynd");
  expect(lastRow("Svar")).toBeGreaterThan(40);
});

test("every cell of the report stands at the top of its row, so that a row with wrapped text reads across", () => {
  const notTop: string[] = [];
  for (const sheet of printed()) {
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.alignment?.vertical !== "top") notTop.push(`${sheet.name}!${cell.address}`);
      }),
    );
  }
  expect(notTop).toEqual([]);
});
