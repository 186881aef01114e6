/**
 * Returned follow-up sheets that were tampered with (issue #6), beyond test/consolidate.spec.ts: the sheet
 * unprotected and its locked cells edited (amounts, titles, durations, the sum), keys duplicated, values pasted
 * outside the lists, the marker and metadata edited, two returns for one nämnd. Each is reported at its file, sheet
 * and cell, and no tampered value ever changes what the report says of the plan.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { COL } from "../src/domain/followup/model";
import { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { EXAMPLES, cli, editWorkbook, followUpFiles, rowByKey, typeAnswer } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
const KS_SHEET = "KS T1 2024";

let dir: string;
let master: string;
let split: string;
let plan: Plan;
beforeAll(async () => {
  plan = readPlan((await readWorkbookFile(PLAN)).grids).plan;
});
beforeEach(async () => {
  ({ dir, master, split } = await followUpFiles("hostile-returns", PLAN));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const file = (code: string) => path.join(split, `${code}-T1-2024.xlsx`);

type Report = ConsolidateOutput & { code: number };

async function consolidate(...args: string[]): Promise<Report> {
  const report = path.join(dir, `rapport-${Math.random().toString(36).slice(2)}.xlsx`);
  const result = await cli("consolidate", master, ...args, "--out", report, "--json");
  expect(result.err).toBe("");
  return { code: result.code, report, ...JSON.parse(result.out) };
}

const where = (r: Report, rule: string) =>
  r.findings.filter((f) => f.rule === rule).map((f) => `${f.file} ${f.sheet}!${f.cell}`);

/** What the plan says of each nämnd's ramjusteringar, in tkr. */
const plannedTkr = (code: string) =>
  plan.adjustments.filter((a) => a.committee === code).reduce((sum, a) => sum + a.amountOre, 0) / 100_000;

test("unprotected, locked cells edited: each change at its cell, and the report keeps the plan's figures", async () => {
  const ks = plan.assignments.find((a) => a.committees.includes("KS"))!;
  const adjustment = plan.adjustments.find((a) => a.committee === "KS")!;
  const goal = plan.goals.find((g) => g.committee === "KS")!;
  const planned = adjustment.amountOre / 100_000;
  const rows: Record<string, number> = {};
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet(KS_SHEET)!;
    // It came protected; the nämnd removed the protection.
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    sheet.unprotect();
    const at = (key: string) => (rows[key] = rowByKey(sheet, key)!.number);
    const adjustmentRow = sheet.getRow(at(`adjustment|${adjustment.id}`));
    adjustmentRow.getCell(COL.value + 1).value = planned * 10; // the amount, tenfold
    adjustmentRow.getCell(COL.detail + 1).value = "Varaktig"; // a one-off made lasting
    adjustmentRow.getCell(COL.input + 1).value = 100; // and a prognos
    adjustmentRow.getCell(COL.comment + 1).value = "Enligt plan.";
    sheet.getRow(at(`assignment|${ks.id}`)).getCell(COL.title + 1).value = "Ett helt annat uppdrag";
    sheet.getRow(at(`goal|${goal.id}`)).getCell(COL.link + 1).value = "Ett annat mål";
    // The Summa row below the ramjusteringar: its formula replaced by a number.
    sheet.eachRow((row) => {
      if (row.getCell(COL.title + 1).value === "Summa") row.getCell(COL.value + 1).value = 1_000_000;
    });
  });
  const r = await consolidate(file("KS"));
  expect(r.code).toBe(1);
  const at = (key: string, col: number) => `KS-T1-2024.xlsx ${KS_SHEET}!${String.fromCharCode(65 + col)}${rows[key]}`;
  expect(where(r, "followup-locked-changed").sort()).toEqual(
    [
      at(`adjustment|${adjustment.id}`, COL.value),
      at(`adjustment|${adjustment.id}`, COL.detail),
      at(`assignment|${ks.id}`, COL.title),
      at(`goal|${goal.id}`, COL.link),
    ].sort(),
  );
  // Each says what the plan says.
  const amountFinding = r.findings.find((f) => f.cell === `E${rows[`adjustment|${adjustment.id}`]}`)!;
  expect(amountFinding.message).toContain(`planen säger "${planned}"`);
  expect(r.findings.find((f) => f.cell === `B${rows[`assignment|${ks.id}`]}`)!.message).toContain(ks.title);

  // The figures are the plan's: the amount typed over is not, the prognos is the nämnd's.
  const ksFigures = r.committees.find((c) => c.code === "KS")!;
  expect(ksFigures.adjustmentsTkr).toBe(plannedTkr("KS"));
  expect(ksFigures.forecastTkr).toBe(100);
  expect(ksFigures.deviationTkr).toBe(planned - 100);

  // And so is the report workbook: the plan's title and amount on the answer sheet.
  const report = new ExcelJS.Workbook();
  await report.xlsx.readFile(r.report!);
  const answers = report.getWorksheet("Svar")!;
  let adjustmentRow: ExcelJS.Row | undefined;
  let assignmentRow: ExcelJS.Row | undefined;
  answers.eachRow((row) => {
    if (row.getCell(1).value !== "KS") return;
    if (row.getCell(3).value === adjustment.id) adjustmentRow = row;
    if (row.getCell(3).value === ks.id) assignmentRow = row;
  });
  expect(adjustmentRow!.getCell(7).value).toBe(planned);
  expect(adjustmentRow!.getCell(8).value).toBe(100);
  expect(assignmentRow!.getCell(4).value).toBe(ks.title);
  const text = JSON.stringify(answers.getSheetValues());
  expect(text).not.toContain("Ett helt annat uppdrag");
  expect(text).not.toContain(String(planned * 10));
});

test("keys duplicated: the copy is reported and only the first row counts", async () => {
  const [first, second] = plan.assignments.filter((a) => a.committees.includes("KS"));
  let copyRow = 0;
  let retargetedRow = 0;
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet(KS_SHEET)!;
    typeAnswer(sheet, `assignment|${first.id}`, "Genomfört", null);
    // The row copied (key and all) below itself, with another answer.
    const original = rowByKey(sheet, `assignment|${first.id}`)!;
    copyRow = original.number + 1;
    const values = (original.values as ExcelJS.CellValue[]).slice(1);
    sheet.spliceRows(copyRow, 0, values);
    sheet.getRow(copyRow).getCell(COL.input + 1).value = "Försenat";
    sheet.getRow(copyRow).getCell(COL.comment + 1).value = "Kopian.";
    // Another row's key overwritten with the first one's.
    const other = rowByKey(sheet, `assignment|${second.id}`)!;
    retargetedRow = other.number;
    other.getCell(COL.key + 1).value = `assignment|${first.id}`;
  });
  const r = await consolidate(file("KS"));
  expect(where(r, "followup-duplicate-row")).toEqual([
    `KS-T1-2024.xlsx ${KS_SHEET}!A${copyRow}`,
    `KS-T1-2024.xlsx ${KS_SHEET}!A${retargetedRow}`,
  ]);
  // The row whose key was taken is missing now, and says which uppdrag it was.
  expect(r.findings.filter((f) => f.rule === "followup-missing-row").map((f) => f.message)).toEqual([
    expect.stringContaining(second.title),
  ]);
  expect(r.committees.find((c) => c.code === "KS")!.statusCounts).toMatchObject({ Genomfört: 1, Försenat: 0 });
});

test("values pasted outside the dropdown lists are reported and not counted; the list's own values are", async () => {
  const ks = plan.assignments.filter((a) => a.committees.includes("KS"));
  const goals = plan.goals.filter((g) => g.committee === "KS");
  const typed: [string, string | number | ExcelJS.CellErrorValue, boolean][] = [
    [`assignment|${ks[0].id}`, "Klar", false],
    [`assignment|${ks[1].id}`, " genomfört ", true], // the list's value in another case and with spaces
    [`assignment|${ks[2].id}`, 1, false],
    [`goal|${goals[0].id}`, "Uppfyllt!", false],
    [`goal|${goals[1].id}`, { error: "#N/A" }, false],
  ];
  const rows: Record<string, number> = {};
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet(KS_SHEET)!;
    for (const [key, value] of typed) {
      const row = rowByKey(sheet, key)!;
      rows[key] = row.number;
      row.getCell(COL.input + 1).value = value as ExcelJS.CellValue;
      row.getCell(COL.comment + 1).value = "Kommentar.";
    }
  });
  const r = await consolidate(file("KS"));
  expect(where(r, "followup-not-in-list").sort()).toEqual(
    typed
      .filter(([, , ok]) => !ok)
      .map(([key]) => `KS-T1-2024.xlsx ${KS_SHEET}!F${rows[key]}`)
      .sort(),
  );
  const ksFigures = r.committees.find((c) => c.code === "KS")!;
  expect(ksFigures.assignments.answered).toBe(1);
  expect(ksFigures.statusCounts.Genomfört).toBe(1);
  expect(ksFigures.goals.answered).toBe(0);
});

test("found here: the marker edited (not deleted): the sheet is still read, and the edit is reported", async () => {
  const ks = plan.assignments.find((a) => a.committees.includes("KS"))!;
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet(KS_SHEET)!;
    typeAnswer(sheet, `assignment|${ks.id}`, "Genomfört", null);
    sheet.getCell("A1").value = "#maltavlan uppföljning (ändrad)";
  });
  const r = await consolidate(file("KS"));
  expect(where(r, "followup-marker-missing")).toEqual([`KS-T1-2024.xlsx ${KS_SHEET}!A1`]);
  expect(r.committees.find((c) => c.code === "KS")!.source?.file).toBe("KS-T1-2024.xlsx");
  expect(r.committees.find((c) => c.code === "KS")!.statusCounts.Genomfört).toBe(1);
});

test("the metadata edited to claim another nämnd: every row that does not belong is an error at its cell", async () => {
  const ks = plan.assignments.filter((a) => a.committees.includes("KS") && !a.committees.includes("TN"));
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet(KS_SHEET)!;
    typeAnswer(sheet, `assignment|${ks[0].id}`, "Genomfört", null);
    const meta = JSON.parse(String(sheet.getCell("A2").value));
    sheet.getCell("A2").value = JSON.stringify({ ...meta, committee: "TN" });
  });
  const r = await consolidate(file("KS"));
  expect(r.code).toBe(1);
  const unknown = r.findings.filter((f) => f.rule === "followup-unknown-row" && f.file === "KS-T1-2024.xlsx");
  expect(unknown.map((f) => f.message)).toEqual(expect.arrayContaining([expect.stringContaining(ks[0].id)]));
  // KS's answers are not counted for TN, and KS falls back to the master.
  expect(r.committees.find((c) => c.code === "TN")!.statusCounts.Genomfört).toBe(0);
  expect(r.committees.find((c) => c.code === "KS")!.source?.file).toBe("master.xlsx");
});

test("two returns for one nämnd, one of them tampered: a finding names both, and the plan's figures stand", async () => {
  const ks = plan.assignments.find((a) => a.committees.includes("KS"))!;
  const adjustment = plan.adjustments.find((a) => a.committee === "KS")!;
  const early = path.join(dir, "KS-forsta.xlsx");
  const late = path.join(dir, "KS-andra.xlsx");
  for (const [target, status, saved, amount] of [
    [early, "Påbörjat", new Date("2024-05-02T10:00:00Z"), null],
    [late, "Genomfört", new Date("2024-05-10T10:00:00Z"), 5],
  ] as const) {
    await fs.copyFile(file("KS"), target);
    await editWorkbook(target, (w) => {
      const sheet = w.getWorksheet(KS_SHEET)!;
      typeAnswer(sheet, `assignment|${ks.id}`, status, "Kommentar.");
      if (amount !== null) rowByKey(sheet, `adjustment|${adjustment.id}`)!.getCell(COL.value + 1).value = amount;
      w.modified = saved;
    });
  }
  const r = await consolidate(early, late);
  const duplicate = r.findings.filter((f) => f.rule === "followup-duplicate-return");
  expect(duplicate).toHaveLength(1);
  expect(duplicate[0].message).toContain("KS-forsta.xlsx");
  expect(duplicate[0].message).toContain("Det senaste används: KS-andra.xlsx");
  expect(where(r, "followup-locked-changed")).toHaveLength(1);
  const ksFigures = r.committees.find((c) => c.code === "KS")!;
  expect(ksFigures.source?.file).toBe("KS-andra.xlsx");
  expect(ksFigures.statusCounts).toMatchObject({ Genomfört: 1, Påbörjat: 0 });
  expect(ksFigures.adjustmentsTkr).toBe(plannedTkr("KS"));
});

test("found here: a returned file with nothing for the period (the plan sent back, another period's sheet) is a warning, not silence", async () => {
  const delar = path.join(dir, "delar");
  expect((await cli("generate", PLAN, "--period", "Delår", "--year", "2024", "--split", delar)).code).toBe(0);
  const wrongPeriod = path.join(delar, "KS-Delår-2024.xlsx");
  await editWorkbook(wrongPeriod, (w) => {
    const ks = plan.assignments.find((a) => a.committees.includes("KS"))!;
    typeAnswer(w.getWorksheet("KS Delår 2024")!, `assignment|${ks.id}`, "Genomfört", null);
  });
  const r = await consolidate(PLAN, wrongPeriod, "--period", "T1", "--year", "2024");
  expect(r.code).toBe(0);
  expect(r.findings.map((f) => [f.severity, f.rule, `${f.file} ${f.sheet}!${f.cell}`, f.message])).toEqual([
    [
      "warning",
      "followup-no-sheet",
      "ostersund-2024-mall.xlsx Nämnder!A1",
      "Filen har inget uppföljningsblad för T1 2024, så inget ur den kom med i sammanställningen. Kontrollera att nämnden skickat rätt fil.",
    ],
    [
      "warning",
      "followup-no-sheet",
      "KS-Delår-2024.xlsx KS Delår 2024!A1",
      "Filen har inget uppföljningsblad för T1 2024 (bladen gäller Delår 2024), så inget ur den kom med i sammanställningen. Kontrollera att nämnden skickat rätt fil.",
    ],
  ]);
  expect(r.committees.find((c) => c.code === "KS")!.source?.file).toBe("master.xlsx");
});
