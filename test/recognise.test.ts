/**
 * One way to recognise a returned sheet (issue #16): a regeneration and consolidation read returned files by the same
 * rules (metadata, sheet name, rows), so a sheet whose metadata was cleared or edited keeps its answers at both; a
 * nämnd whose code changed in the plan keeps its answers, with a finding; an uppdrag moved to another nämnd keeps its
 * answer under the old nämnd's "Utgår ur planen" and shows it, locked, on the new nämnd's sheet.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { COL } from "../src/domain/followup/model";
import { EXAMPLES, cli, editWorkbook, followUpFiles, rowByKey, typeAnswer } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
const PERIOD = ["--period", "T1", "--year", "2024"];

let dir: string;
let master: string;
let split: string;
beforeEach(async () => {
  ({ dir, master, split } = await followUpFiles("recognise", PLAN));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (code: string) => path.join(split, `${code}-T1-2024.xlsx`);

/** The Östersund plan with `edit` applied to its sheets: what the economist changes between two rounds. */
async function editedPlan(name: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<string> {
  const target = path.join(dir, name);
  await fs.copyFile(PLAN, target);
  await editWorkbook(target, edit);
  return target;
}

/** Every cell of column `col` in the plan sheet `sheet` that reads `from` reads `to` instead. */
function replaceIn(workbook: ExcelJS.Workbook, sheet: string, col: number, from: string, to: string): void {
  workbook.getWorksheet(sheet)!.eachRow((row) => {
    const cell = row.getCell(col);
    if (typeof cell.value === "string") cell.value = cell.value.replace(new RegExp(`\\b${from}\\b`), to);
  });
}

async function regenerate(plan: string, ...answers: string[]): Promise<{ code: number; out: string; dir: string }> {
  const out = path.join(dir, `ny-${Math.random().toString(36).slice(2)}`);
  const run = await cli("generate", plan, ...PERIOD, "--split", out, ...answers.flatMap((a) => ["--answers", a]));
  expect(run.err).toBe("");
  return { code: run.code, out: run.out, dir: out };
}

async function consolidateJson(plan: string, ...returned: string[]): Promise<ConsolidateOutput> {
  const out = path.join(dir, `rapport-${Math.random().toString(36).slice(2)}.xlsx`);
  const result = await cli("consolidate", plan, ...returned, "--out", out, "--json");
  expect(result.err).toBe("");
  return JSON.parse(result.out) as ConsolidateOutput;
}

/** What stands in F and H (and G) of the row with `key` on the only follow-up sheet of `workbookFile`. */
async function rowOf(
  workbookFile: string,
  key: string,
): Promise<{ input: unknown; earlier: unknown; comment: unknown }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookFile);
  const row = rowByKey(workbook.worksheets[0], key);
  if (!row) throw new Error(`No row ${key} in ${path.basename(workbookFile)}`);
  const at = (col: number) => row.getCell(col + 1).value;
  return { input: at(COL.input), earlier: at(COL.extra), comment: at(COL.comment) };
}

/** KFN answers its uppdrag U9, the goal M1 and the nyckeltal N1. */
async function answerKfn(): Promise<void> {
  await editWorkbook(file("KFN"), (w) => {
    const sheet = w.getWorksheet("KFN T1 2024")!;
    typeAnswer(sheet, "assignment|U9", "Påbörjat", "Strategin skrivs.");
    typeAnswer(sheet, "goal|M1", "Uppfyllt", null);
    typeAnswer(sheet, "keyFigure|N1", 42, null);
  });
}

describe("a nämnd whose code changed in the plan (KFN → KUF)", () => {
  const recode = (name: string | null) => (w: ExcelJS.Workbook) => {
    replaceIn(w, "Nämnder", 1, "KFN", "KUF");
    if (name) replaceIn(w, "Nämnder", 2, "Kultur- och fritidsnämnden", name);
    replaceIn(w, "Mål", 5, "KFN", "KUF");
    replaceIn(w, "Uppdrag", 5, "KFN", "KUF");
    replaceIn(w, "Ramjusteringar", 2, "KFN", "KUF");
  };

  test("found here: keeps its answers at a regeneration, found by its name, and a finding says so", async () => {
    await answerKfn();
    const plan = await editedPlan("plan-kuf.xlsx", recode(null));
    const run = await regenerate(plan, file("KFN"));
    expect(run.code).toBe(0);
    expect(run.out).toContain(
      "VARNING  KFN-T1-2024.xlsx: KFN T1 2024!A2 Bladet gäller nämnden KFN, som inte finns i planen längre. " +
        "Det lästes som KUF, som har samma namn. Kontrollera att det är rätt nämnd.",
    );
    expect(run.out).toMatch(/KUF T1 2024 +3 +1 +1 +4 +0 +3\n/);
    const kuf = path.join(run.dir, "KUF-T1-2024.xlsx");
    expect(await rowOf(kuf, "assignment|U9")).toMatchObject({ input: "Påbörjat", comment: "Strategin skrivs." });
    expect(await rowOf(kuf, "goal|M1")).toMatchObject({ input: "Uppfyllt" });
    expect(await rowOf(kuf, "keyFigure|N1")).toMatchObject({ input: 42 });

    // Consolidation reads the same file the same way.
    const json = await consolidateJson(plan, file("KFN"));
    expect(json.findings.map((f) => f.rule)).toEqual(["followup-committee-recoded"]);
    expect(json.committees.find((c) => c.code === "KUF")).toMatchObject({
      source: { file: "KFN-T1-2024.xlsx" },
      assignments: { answered: 1, total: 1 },
      goals: { answered: 1 },
    });
  });

  test("renamed as well: found by its rows, and the finding says that", async () => {
    await answerKfn();
    const plan = await editedPlan("plan-kuf.xlsx", recode("Kultur- och ungdomsnämnden"));
    const run = await regenerate(plan, file("KFN"));
    expect(run.out).toContain("Det lästes som KUF, vars rader bladet har.");
    expect(await rowOf(path.join(run.dir, "KUF-T1-2024.xlsx"), "assignment|U9")).toMatchObject({
      input: "Påbörjat",
    });
  });
});

describe("a returned file whose metadata was cleared or edited", () => {
  const tamperings: [string, (sheet: ExcelJS.Worksheet) => void][] = [
    ["cleared", (sheet) => (sheet.getCell("A2").value = null)],
    ["edited into no JSON", (sheet) => (sheet.getCell("A2").value = '{"committee": "KS"')],
    [
      "cleared with the marker, and the sheet renamed",
      (sheet) => {
        sheet.getCell("A1").value = null;
        sheet.getCell("A2").value = null;
        sheet.name = "Våra svar";
      },
    ],
  ];

  test.each(tamperings)(
    "found here: %s — a regeneration keeps every answer, as consolidation does",
    async (_, tamper) => {
      await editWorkbook(file("KS"), (w) => {
        const sheet = w.getWorksheet("KS T1 2024")!;
        typeAnswer(sheet, "assignment|U1", "Genomfört", "Klart i mars.");
        typeAnswer(sheet, "adjustment|R1", 250, null);
        tamper(sheet);
      });
      const run = await regenerate(master, file("KS"));
      expect(run.code).toBe(0);
      expect(run.out).toContain("VARNING  KS-T1-2024.xlsx: ");
      expect(run.out).toMatch(/KS T1 2024 +\d+ +4 +1 +\d+ +0 +2\n/);
      const ks = path.join(run.dir, "KS-T1-2024.xlsx");
      expect(await rowOf(ks, "assignment|U1")).toMatchObject({ input: "Genomfört", comment: "Klart i mars." });
      expect(await rowOf(ks, "adjustment|R1")).toMatchObject({ input: 250 });

      const json = await consolidateJson(master, file("KS"));
      expect(json.committees.find((c) => c.code === "KS")).toMatchObject({
        source: { file: "KS-T1-2024.xlsx" },
        assignments: { answered: 1 },
        forecastTkr: 250,
      });
    },
  );
});

test("an uppdrag moved to another nämnd: kept under the old nämnd's Utgår, shown locked on the new one's sheet", async () => {
  let row = 0;
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet("KS T1 2024")!;
    typeAnswer(sheet, "assignment|U1", "Påbörjat", "Vi har börjat.");
    row = rowByKey(sheet, "assignment|U1")!.number;
  });
  // U1 goes from KS to TN.
  const plan = await editedPlan("plan-flyttat.xlsx", (w) =>
    w.getWorksheet("Uppdrag")!.eachRow((r) => {
      if (r.getCell(1).value === "U1") r.getCell(5).value = "TN";
    }),
  );
  const run = await regenerate(plan, file("KS"));
  expect(run.code).toBe(0);
  expect(run.out).toContain(
    `VARNING  KS-T1-2024.xlsx: KS T1 2024!B${row} "Förbättra kvinnors förutsättningar för företagande i kommunen." ` +
      "har flyttats från nämnden KS till TN i planen.",
  );
  // KS keeps it, under "Utgår ur planen".
  const ks = new ExcelJS.Workbook();
  await ks.xlsx.readFile(path.join(run.dir, "KS-T1-2024.xlsx"));
  const sheet = ks.worksheets[0];
  const kept = rowByKey(sheet, "assignment|U1")!;
  let removedBand = 0;
  sheet.eachRow((r) => {
    if (r.getCell(COL.title + 1).value === "Utgår ur planen") removedBand = r.number;
  });
  expect(removedBand).toBeGreaterThan(0);
  expect(kept.number).toBeGreaterThan(removedBand);
  expect(kept.getCell(COL.input + 1).value).toBe("Påbörjat");
  // TN answers for itself, and sees what KS said.
  const tn = await rowOf(path.join(run.dir, "TN-T1-2024.xlsx"), "assignment|U1");
  expect(tn).toEqual({ input: null, earlier: "KS: Påbörjat – Vi har börjat.", comment: null });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(run.dir, "TN-T1-2024.xlsx"));
  const tnRow = rowByKey(workbook.worksheets[0], "assignment|U1")!;
  expect(tnRow.getCell(COL.extra + 1).protection?.locked).not.toBe(false);
  expect(tnRow.getCell(COL.input + 1).protection?.locked).toBe(false);
});
