/**
 * Limits users meet (issue #16): texts longer than a cell holds, formulas saved without their result, and rows
 * inserted by hand, whatever they hold. Each is a finding at its cell, in the plan, at consolidation and at a
 * regeneration, and nothing longer than a cell holds is written into a sheet.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { COL, INFO_KEY, SECTION_KEY, TOTAL_KEY, parseRowKey, rowKey } from "../src/domain/followup/model";
import { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { CELL_TEXT_MAX } from "../src/sheet/spec";
import { longText } from "./hostile-support";
import { PLAN_YEAR, writePlanFile } from "./support/plans";
import { EXAMPLES, cli, editWorkbook, followUpFiles, rowByKey, tempDir, typeAnswer } from "./support/workbooks";

const OSTERSUND = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
const KS_SHEET = "KS T1 2024";

let dir: string;
beforeEach(async () => {
  dir = await tempDir("limits");
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function consolidateJson(master: string, ...returned: string[]): Promise<ConsolidateOutput & { code: number }> {
  const out = path.join(dir, `rapport-${Math.random().toString(36).slice(2)}.xlsx`);
  const result = await cli("consolidate", master, ...returned, "--out", out, "--json");
  expect(result.err).toBe("");
  return { code: result.code, ...(JSON.parse(result.out) as ConsolidateOutput) };
}

const at = (json: ConsolidateOutput, rule: string) =>
  json.findings.filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.file} ${f.sheet}!${f.cell}`);

/** The length of the longest text in the file's sheets (those whose names `only` matches, when given). */
async function longestText(file: string, only?: RegExp): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  let longest = 0;
  workbook.eachSheet(
    (sheet) =>
      (only ?? /./).test(sheet.name) &&
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") longest = Math.max(longest, cell.value.length);
        }),
      ),
  );
  return longest;
}

describe("texts longer than a cell holds", () => {
  const LONG_TITLE = longText("Utred behovet av fler förskoleplatser i tätorten. ", 40_000);
  const LONG_CLARIFICATION = longText("Förtydligande. ", 10_000_000 / 100);

  async function longPlan(): Promise<{ plan: string; master: string; split: string; read: Plan }> {
    const plan = path.join(dir, "plan.xlsx");
    await writePlanFile(plan, {
      committees: [{ code: "KS", name: "Kommunstyrelsen" }],
      // No ID: the derived key holds the whole title.
      assignments: [
        { id: null, title: LONG_TITLE, committees: ["KS"] },
        { id: "U2", title: "Se över taxorna", clarification: LONG_CLARIFICATION, committees: ["KS"] },
      ],
    });
    const master = path.join(dir, "master.xlsx");
    const split = path.join(dir, "split");
    const generated = await cli("generate", plan, "--period", "T1", "--year", String(PLAN_YEAR), "--out", master);
    expect(generated.code).toBe(0);
    // The plan's warnings are printed by generate, at their cells.
    expect(generated.out).toContain("VARNING  Uppdrag!B2");
    expect(generated.out).toContain("VARNING  Uppdrag!C3");
    const splitRun = await cli("generate", master, "--period", "T1", "--year", String(PLAN_YEAR), "--split", split);
    expect(splitRun.code).toBe(0);
    return { plan, master, split, read: readPlan((await readWorkbookFile(plan)).grids).plan };
  }

  test("in the plan: a warning at each cell; the follow-up sheets hold their beginning and consolidate clean", async () => {
    const { plan, master, split, read } = await longPlan();
    const validated = await cli("validate", plan, "--json");
    const findings = JSON.parse(validated.out).findings as { rule: string; cell: string; message: string }[];
    expect(findings.filter((f) => f.rule === "text-too-long").map((f) => f.cell)).toEqual(["B2", "C3"]);
    expect(findings.find((f) => f.cell === "B2")!.message).toBe(
      `Texten har ${LONG_TITLE.length.toLocaleString("sv-SE")} tecken; Excel rymmer högst ${CELL_TEXT_MAX.toLocaleString("sv-SE")} i en cell. ` +
        "I uppföljningsbladen står bara början av den. Korta texten.",
    );

    const file = path.join(split, "KS-T1-2024.xlsx");
    expect(await longestText(file)).toBeLessThanOrEqual(CELL_TEXT_MAX);
    // The master keeps the plan's own sheets as they are; its follow-up sheets hold no text longer than a cell.
    expect(await longestText(master, / T1 2024$/)).toBeLessThanOrEqual(CELL_TEXT_MAX);
    const long = read.assignments.find((a) => a.id !== "U2")!;
    expect(long.title.length).toBeGreaterThan(CELL_TEXT_MAX);
    const key = rowKey("assignment", long.id);
    expect(key.length).toBeLessThan(1100);
    await editWorkbook(file, (w) => {
      const row = rowByKey(w.getWorksheet(KS_SHEET)!, key)!;
      const title = String(row.getCell(COL.title + 1).value);
      expect(title).toBe(`${long.title.slice(0, CELL_TEXT_MAX - 1)}…`);
      typeAnswer(w.getWorksheet(KS_SHEET)!, key, "Genomfört", null);
    });
    const json = await consolidateJson(master, file);
    expect(json.findings).toEqual([]);
    expect(json.committees[0].assignments).toEqual({ answered: 1, total: 2 });
  });

  test("in a returned answer: a warning at its cell, and the report and a regenerated sheet hold its beginning", async () => {
    const { master, split, read } = await longPlan();
    const file = path.join(split, "KS-T1-2024.xlsx");
    const comment = longText("Vi har gjort mycket. ", 40_000);
    let row = 0;
    await editWorkbook(file, (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      typeAnswer(sheet, "assignment|U2", "Påbörjat", comment);
      row = rowByKey(sheet, "assignment|U2")!.number;
    });
    const json = await consolidateJson(master, file);
    expect(at(json, "followup-text-too-long")).toEqual([`warning KS-T1-2024.xlsx ${KS_SHEET}!H${row}`]);
    expect(json.committees[0].statusCounts.Påbörjat).toBe(1);
    expect(await longestText(json.report!)).toBeLessThanOrEqual(CELL_TEXT_MAX);

    const again = path.join(dir, "again");
    const run = await cli("generate", master, "--period", "T1", "--year", "2024", "--split", again, "--answers", file);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`VARNING  KS-T1-2024.xlsx: ${KS_SHEET}!H${row}`);
    const regenerated = path.join(again, "KS-T1-2024.xlsx");
    expect(await longestText(regenerated)).toBeLessThanOrEqual(CELL_TEXT_MAX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(regenerated);
    expect(rowByKey(workbook.getWorksheet(KS_SHEET)!, "assignment|U2")!.getCell(COL.comment + 1).value).toBe(
      `${comment.slice(0, CELL_TEXT_MAX - 1)}…`,
    );
    expect(read.assignments).toHaveLength(2);
  });
});

describe("Östersund's follow-up, returned", () => {
  let master: string;
  let split: string;
  let plan: Plan;
  beforeEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
    ({ dir, master, split } = await followUpFiles("limits", OSTERSUND));
    plan = readPlan((await readWorkbookFile(OSTERSUND)).grids).plan;
  });
  const file = () => path.join(split, "KS-T1-2024.xlsx");
  const ks = () => plan.assignments.filter((a) => a.committees.includes("KS"));

  test("found here: a prognos typed as a formula and saved without its result is an error at its cell", async () => {
    const adjustment = plan.adjustments.find((a) => a.committee === "KS")!;
    const key = `adjustment|${adjustment.id}`;
    let row = 0;
    await editWorkbook(file(), (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      row = rowByKey(sheet, key)!.number;
      // What a program that does not calculate saves: the formula, and no value.
      sheet.getRow(row).getCell(COL.input + 1).value = { formula: "200*0.9" } as ExcelJS.CellFormulaValue;
      typeAnswer(sheet, `assignment|${ks()[0].id}`, "Genomfört", null);
    });
    const json = await consolidateJson(master, file());
    expect(json.code).toBe(1);
    expect(at(json, "followup-formula-uncomputed")).toEqual([`error KS-T1-2024.xlsx ${KS_SHEET}!F${row}`]);
    expect(json.committees.find((c) => c.code === "KS")!.missing.map((m) => m.id)).toContain(adjustment.id);

    const again = path.join(dir, "again");
    const run = await cli(
      "generate",
      master,
      "--period",
      "T1",
      "--year",
      "2024",
      "--split",
      again,
      "--answers",
      file(),
    );
    expect(run.code).toBe(1);
    expect(run.out).toContain(`FEL      KS-T1-2024.xlsx: ${KS_SHEET}!F${row}`);
  });

  test("found here: a row inserted with “Utgår ur planen” in column B takes no answer out of the count", async () => {
    const assignments = ks();
    expect(assignments).toHaveLength(4);
    let inserted = 0;
    await editWorkbook(file(), (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      for (const a of assignments) typeAnswer(sheet, `assignment|${a.id}`, "Genomfört", null);
      inserted = rowByKey(sheet, `assignment|${assignments[0].id}`)!.number;
      sheet.spliceRows(inserted, 0, [null, "Utgår ur planen"]);
    });
    const json = await consolidateJson(master, file());
    expect(json.code).toBe(1);
    expect(at(json, "followup-row-inserted")).toEqual([`error KS-T1-2024.xlsx ${KS_SHEET}!B${inserted}`]);
    expect(json.committees.find((c) => c.code === "KS")!.assignments).toEqual({ answered: 4, total: 4 });
  });

  test("an empty row inserted between the rows is a warning; inserted rows with content are errors", async () => {
    const assignments = ks();
    const rows: number[] = [];
    await editWorkbook(file(), (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      const first = rowByKey(sheet, `assignment|${assignments[1].id}`)!.number;
      sheet.spliceRows(first, 0, []);
      const later = rowByKey(sheet, `assignment|${assignments[3].id}`)!.number + 1;
      sheet.spliceRows(later, 0, [null, "Summa"]);
      let last = 0;
      sheet.eachRow((row) => (last = row.number));
      sheet.getRow(last + 2).getCell(COL.comment + 1).value = "En anteckning under bladet.";
      rows.push(first, later, last + 2);
    });
    const json = await consolidateJson(master, file());
    expect(at(json, "followup-row-inserted")).toEqual([
      `warning KS-T1-2024.xlsx ${KS_SHEET}!B${rows[0]}`,
      `error KS-T1-2024.xlsx ${KS_SHEET}!B${rows[1]}`,
      `error KS-T1-2024.xlsx ${KS_SHEET}!B${rows[2]}`,
    ]);
    expect(json.findings.find((f) => f.cell === `B${rows[0]}`)!.message).toBe(
      "En tom rad har lagts till för hand. Den påverkar inget, men lägg inte till rader: ta bort den.",
    );
  });

  test("in a sheet of format 1, a row inserted with “Utgår ur planen” is found too", async () => {
    const assignments = ks();
    let inserted = 0;
    await editWorkbook(file(), (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      // Format 1: nothing in column A of the section bands, their headers and the Summa row, and no Ekonomi section
      // (it came with format 2, last on the sheet).
      const meta = JSON.parse(String(sheet.getCell("A2").value));
      sheet.getCell("A2").value = JSON.stringify({ ...meta, format: 1 });
      const economy = rowByKey(sheet, `${SECTION_KEY} economy`)!.number;
      for (let r = economy; r <= sheet.rowCount; r++) sheet.getRow(r).values = [];
      let afterBand = false;
      sheet.eachRow((row) => {
        const key = String(row.getCell(COL.key + 1).value ?? "");
        const header = afterBand && key === INFO_KEY;
        afterBand = key.startsWith(SECTION_KEY);
        if (afterBand || header || key === TOTAL_KEY) row.getCell(COL.key + 1).value = null;
        const parsed = parseRowKey(key);
        if (parsed) row.getCell(COL.key + 1).value = `${parsed.kind}|${parsed.id}`;
      });
      for (const a of assignments) typeAnswer(sheet, `assignment|${a.id}`, "Påbörjat", "Pågår.");
      inserted = rowByKey(sheet, `assignment|${assignments[2].id}`)!.number;
      sheet.spliceRows(inserted, 0, [null, "Utgår ur planen"]);
    });
    const json = await consolidateJson(master, file());
    expect(at(json, "followup-row-inserted")).toEqual([`error KS-T1-2024.xlsx ${KS_SHEET}!B${inserted}`]);
    expect(json.findings.filter((f) => f.rule !== "followup-row-inserted")).toEqual([]);
    expect(json.committees.find((c) => c.code === "KS")!.assignments).toEqual({ answered: 4, total: 4 });
  });
});
