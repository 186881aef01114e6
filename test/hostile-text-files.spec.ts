/**
 * Text stays text, through files (issue #6): texts that start with = + - @, a tab or a carriage return, formula
 * injections (=HYPERLINK, =cmd|…, @SUM) and texts a spreadsheet would coerce ("2024-12-31", "001", "50%", "1e5",
 * "TRUE") as uppdrag titles, förtydliganden, målvärden and typed answers go plan → generate → (answers typed) →
 * generate again → consolidate with the CLI, and each stays exactly that text (as the reader cleans it: trimmed) in
 * the follow-up sheets and in the report — as ExcelJS reads the files and as LibreOffice, recalculating everything,
 * sees them. (The Excel host's side: test/excel/hostile-text.spec.ts.)
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { readPlan } from "../src/domain/readPlan";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { cleanParagraphs, cleanText } from "../src/domain/text";
import { FORMULA_LIKE_TEXTS } from "./hostile-support";
import { LoWorkbook, inspectManyWithLibreOffice, loCell, loSheet } from "./support/libreoffice";
import { cli, editWorkbook, rowByKey, tempDir } from "./support/workbooks";

/** The corpus: what the issue names, and more of the same kind. */
const CORPUS = [
  ...FORMULA_LIKE_TEXTS,
  "=SUM(A1:A3)",
  "=1/0",
  "+SUM(1,2)",
  "-2+3",
  "@A1",
  '=\tHYPERLINK("http://x")',
  "\t=2+2",
  "\r=cmd|' /C notepad'!A0",
  "'=3+3",
  "0,5",
  "1 200",
  "12/31/2024",
  "31/12/2024",
  "1E+05",
  "0x1F",
  "Infinity",
  "NaN",
  "-0",
];

let dir: string;
beforeAll(async () => {
  dir = await tempDir("hostile-text");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

/** A plan for one nämnd whose uppdrag, förtydliganden, nyckeltal and målvärden are the corpus. */
async function writePlan(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Nämnder").addRows([
    ["Förkortning", "Namn", "Typ"],
    ["KS", "Kommunstyrelsen", "Nämnd"],
  ]);
  workbook.addWorksheet("Mål").addRows([
    ["ID", "Nivå", "Namn", "Överordnat", "Nämnd", "Målvärde"],
    ["M1", "Kommunövergripande mål", "Näringsliv och tillväxt", null, null, null],
    ["NM1", "Nämndmål", "=SUM(A1:A3)", "M1", "KS", "50%"],
  ]);
  workbook
    .addWorksheet("Uppdrag")
    .addRows([
      ["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"],
      ...CORPUS.map((text, i) => [`U${i + 1}`, text, CORPUS[(i + 1) % CORPUS.length], "M1", "KS", "Fullmäktige", 2025]),
    ]);
  workbook
    .addWorksheet("Nyckeltal")
    .addRows([
      ["ID", "Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Enhet"],
      ...CORPUS.map((text, i) => [`N${i + 1}`, `Nyckeltal ${i + 1}`, null, "NM1", text, "st"]),
    ]);
  workbook.addWorksheet("Inställningar").addRows([
    ["Budgetår", 2025],
    ["Planår", "2026, 2027"],
  ]);
  await workbook.xlsx.writeFile(file);
}

interface Expected {
  sheet: string;
  cell: string;
  text: string;
}

describe("hostile texts through plan, follow-up and report", () => {
  const expected: Expected[] = [];
  let files: string[];

  beforeAll(async () => {
    const plan = path.join(dir, "plan.xlsx");
    await writePlan(plan);
    const read = readPlan((await readWorkbookFile(plan)).grids);
    expect(read.findings.filter((f) => f.severity === "error")).toEqual([]);
    // The plan holds each text as written, only cleaned as every name is (trimmed, one space).
    expect(read.plan.assignments.map((a) => a.title)).toEqual(CORPUS.map(cleanText));
    expect(read.plan.assignments.map((a) => a.clarification)).toEqual(
      CORPUS.map((_, i) => cleanParagraphs(CORPUS[(i + 1) % CORPUS.length]) || null),
    );
    expect(read.plan.keyFigures.map((k) => k.target)).toEqual(CORPUS.map((t) => cleanText(t) || null));

    const first = path.join(dir, "forsta");
    expect((await cli("generate", plan, "--period", "T1", "--year", "2025", "--split", first)).code).toBe(0);
    const returned = path.join(first, "KS-T1-2025.xlsx");
    // The nämnd types the corpus as comments on every uppdrag and as utfall and comment on every nyckeltal.
    await editWorkbook(returned, (w) => {
      const sheet = w.getWorksheet("KS T1 2025")!;
      CORPUS.forEach((text, i) => {
        const uppdrag = rowByKey(sheet, `assignment|U${i + 1}`)!;
        uppdrag.getCell(6).value = "Påbörjat";
        uppdrag.getCell(8).value = text;
        const nyckeltal = rowByKey(sheet, `keyFigure|N${i + 1}`)!;
        nyckeltal.getCell(6).value = text;
        nyckeltal.getCell(8).value = CORPUS[(i + 3) % CORPUS.length];
      });
    });

    // Generated again with the returned file, then consolidated.
    const second = path.join(dir, "andra");
    const again = await cli(
      "generate",
      plan,
      "--period",
      "T1",
      "--year",
      "2025",
      "--split",
      second,
      "--answers",
      returned,
    );
    expect(again.code).toBe(0);
    const followUp = path.join(second, "KS-T1-2025.xlsx");
    const report = path.join(dir, "rapport.xlsx");
    expect((await cli("consolidate", plan, followUp, "--out", report)).code).toBe(0);
    files = [path.join(first, "KS-T1-2025.xlsx"), followUp, report];

    // Where each text must stand, found by key (follow-up) or by ID (report), with the text it must be.
    const typed = (text: string) => text.trim();
    const sheetOf = async (file: string, name: string) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(file);
      return workbook.getWorksheet(name)!;
    };
    const generated = await sheetOf(files[0], "KS T1 2025");
    const regenerated = await sheetOf(followUp, "KS T1 2025");
    const answers = await sheetOf(report, "Svar");
    const reportRow = (id: string) => {
      let found: ExcelJS.Row | undefined;
      answers.eachRow((row) => {
        if (row.getCell(3).value === id) found = row;
      });
      return found!;
    };
    CORPUS.forEach((text, i) => {
      const title = cleanText(text);
      const clarification = cleanParagraphs(CORPUS[(i + 1) % CORPUS.length]);
      const target = cleanText(text);
      for (const [file, sheet] of [
        [0, generated],
        [1, regenerated],
      ] as const) {
        const u = rowByKey(sheet, `assignment|U${i + 1}`)!.number;
        const n = rowByKey(sheet, `keyFigure|N${i + 1}`)!.number;
        expected.push({ sheet: `${file}:KS T1 2025`, cell: `B${u}`, text: title });
        if (clarification) expected.push({ sheet: `${file}:KS T1 2025`, cell: `C${u}`, text: clarification });
        if (target) expected.push({ sheet: `${file}:KS T1 2025`, cell: `E${n}`, text: target });
      }
      const u = rowByKey(regenerated, `assignment|U${i + 1}`)!.number;
      const n = rowByKey(regenerated, `keyFigure|N${i + 1}`)!.number;
      if (typed(text)) {
        expected.push({ sheet: "1:KS T1 2025", cell: `H${u}`, text: typed(text) });
        expected.push({ sheet: "1:KS T1 2025", cell: `F${n}`, text: typed(text) });
      }
      const comment = typed(CORPUS[(i + 3) % CORPUS.length]);
      if (comment) expected.push({ sheet: "1:KS T1 2025", cell: `H${n}`, text: comment });
      const ur = reportRow(`U${i + 1}`).number;
      const nr = reportRow(`N${i + 1}`).number;
      expected.push({ sheet: "2:Svar", cell: `D${ur}`, text: title });
      if (typed(text)) {
        expected.push({ sheet: "2:Svar", cell: `F${ur}`, text: typed(text) });
        expected.push({ sheet: "2:Svar", cell: `E${nr}`, text: typed(text) });
      }
      if (comment) expected.push({ sheet: "2:Svar", cell: `F${nr}`, text: comment });
    });
    // The nämndmål named "=SUM(A1:A3)", with målvärde "50%".
    const goal = rowByKey(regenerated, "goal|NM1")!.number;
    expected.push({ sheet: "1:KS T1 2025", cell: `B${goal}`, text: "=SUM(A1:A3)" });
    expected.push({ sheet: "1:KS T1 2025", cell: `E${goal}`, text: "50%" });
  }, 120_000);

  test("the corpus is what the issue asks for", () => {
    for (const text of [
      '=HYPERLINK("http://x","y")',
      "=cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "2024-12-31",
      "001",
      "50%",
      "1e5",
      "TRUE",
    ])
      expect(CORPUS).toContain(text);
    for (const first of ["=", "+", "-", "@", "\t", "\r"]) expect(CORPUS.some((t) => t.startsWith(first))).toBe(true);
    expect(expected.length).toBeGreaterThan(8 * CORPUS.length);
  });

  test("ExcelJS reads each as a plain string cell holding exactly that text", async () => {
    const workbooks = await Promise.all(
      files.map(async (file) => {
        const workbook = new ExcelJS.Workbook();
        await workbook.xlsx.readFile(file);
        return workbook;
      }),
    );
    const wrong = expected.flatMap(({ sheet, cell, text }) => {
      const [file, name] = [Number(sheet.slice(0, 1)), sheet.slice(2)];
      const c = workbooks[file].getWorksheet(name)!.getCell(cell);
      return c.type === ExcelJS.ValueType.String && c.value === text
        ? []
        : [{ sheet, cell, text, got: c.value, type: c.type }];
    });
    expect(wrong).toEqual([]);
  });

  test("LibreOffice, recalculating everything, sees each as text with exactly that value, and no formula", async () => {
    const inspected: LoWorkbook[] = await inspectManyWithLibreOffice(files);
    const wrong = expected.flatMap(({ sheet, cell, text }) => {
      const [file, name] = [Number(sheet.slice(0, 1)), sheet.slice(2)];
      const c = loCell(loSheet(inspected[file], name), cell);
      return c.type === "text" && c.value === text && c.formula === null
        ? []
        : [{ sheet, cell, text, got: c.value, type: c.type, formula: c.formula }];
    });
    expect(wrong).toEqual([]);
  }, 180_000);
});
