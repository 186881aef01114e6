/**
 * One way to recognise a returned sheet (issue #16): a regeneration and consolidation read returned files by the same
 * rules (metadata, sheet name, rows), so a sheet whose metadata was cleared or edited keeps its answers at both; a
 * nämnd whose code changed in the plan keeps its answers, with a finding; an uppdrag moved to another nämnd keeps its
 * answer under the old nämnd's "Utgår ur planen" and shows it, locked, on the new nämnd's sheet; an uppdrag split in two
 * (U1 → U1a, U1b) shows its answer, locked, on both parts, and two merged into one (U6+U8) show both answers there.
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
    // A new name is the nämnd's name everywhere the plan writes it out: its register and its budget.
    if (name) replaceIn(w, "Nämnder", 2, "Kultur- och fritidsnämnden", name);
    if (name) replaceIn(w, "Driftbudget", 1, "Kultur- och fritidsnämnden", name);
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

/** The plan's Uppdrag sheet: row of uppdrag `id`, and a function that adds a row after the last. */
function uppdragSheet(workbook: ExcelJS.Workbook): {
  row: (id: string) => ExcelJS.Row;
  add: (values: unknown[]) => void;
} {
  const sheet = workbook.getWorksheet("Uppdrag")!;
  const row = (id: string) => {
    let found: ExcelJS.Row | null = null;
    sheet.eachRow((r) => {
      if (r.getCell(1).value === id) found = r;
    });
    if (!found) throw new Error(`No uppdrag ${id}`);
    return found;
  };
  return { row, add: (values) => sheet.addRow(values) };
}

/** Where the "Utgår ur planen" band stands on the only sheet of a workbook, and the workbook's first sheet. */
async function firstSheet(workbookFile: string): Promise<{ sheet: ExcelJS.Worksheet; removedBand: number }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(workbookFile);
  const sheet = workbook.worksheets[0];
  let removedBand = 0;
  sheet.eachRow((r) => {
    if (r.getCell(COL.title + 1).value === "Utgår ur planen") removedBand = r.number;
  });
  return { sheet, removedBand };
}

test("an uppdrag split in two (U1 → U1a, U1b): its answer shown locked on both parts, kept under Utgår, said", async () => {
  let row = 0;
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet("KS T1 2024")!;
    typeAnswer(sheet, "assignment|U1", "Påbörjat", "Vi har börjat.");
    row = rowByKey(sheet, "assignment|U1")!.number;
  });
  const plan = await editedPlan("plan-delat.xlsx", (w) => {
    const uppdrag = uppdragSheet(w);
    const u1 = uppdrag.row("U1");
    const values = (u1.values as unknown[]).slice(1);
    u1.getCell(1).value = "U1a";
    u1.getCell(2).value = "Kartlägg hinder för kvinnliga företagare.";
    uppdrag.add(["U1b", "Genomför insatser för kvinnliga företagare.", null, values[3], "KS, TN", ...values.slice(5)]);
    // The ramjustering for U1 goes with its first part.
    replaceIn(w, "Ramjusteringar", 7, "U1", "U1a");
  });
  const run = await regenerate(plan, file("KS"));
  expect(run.code).toBe(0);
  expect(run.out).toContain(
    `VARNING  KS-T1-2024.xlsx: KS T1 2024!B${row} Uppdraget "Förbättra kvinnors förutsättningar för företagande i ` +
      'kommunen." (U1) finns inte i planen längre, och planens U1a, U1b bygger på dess ID: det lästes som uppdelat ' +
      "eller sammanslaget. Svaret från KS står kvar under Utgår ur planen och visas låst på U1a, U1b (bladen för " +
      "KS, TN), som besvaras för sig. Kontrollera att det är rätt uppdrag.",
  );
  const shown = { input: null, earlier: "KS om U1: Påbörjat – Vi har börjat.", comment: null };
  const ks = path.join(run.dir, "KS-T1-2024.xlsx");
  expect(await rowOf(ks, "assignment|U1a")).toEqual(shown);
  expect(await rowOf(ks, "assignment|U1b")).toEqual(shown);
  expect(await rowOf(path.join(run.dir, "TN-T1-2024.xlsx"), "assignment|U1b")).toEqual(shown);
  // Locked where it is shown; the part's own status is KS's to give.
  const { sheet, removedBand } = await firstSheet(ks);
  const part = rowByKey(sheet, "assignment|U1a")!;
  expect(part.getCell(COL.extra + 1).protection?.locked).not.toBe(false);
  expect(part.getCell(COL.input + 1).protection?.locked).toBe(false);
  // The answer itself stays on KS's sheet, under "Utgår ur planen".
  const kept = rowByKey(sheet, "assignment|U1")!;
  expect(removedBand).toBeGreaterThan(0);
  expect(kept.number).toBeGreaterThan(removedBand);
  expect(kept.getCell(COL.input + 1).value).toBe("Påbörjat");

  // Regenerated once more from the new sheets, it is still shown, and said no more.
  const again = await regenerate(plan, ks, path.join(run.dir, "TN-T1-2024.xlsx"));
  expect(again.out).not.toContain("bygger på dess ID");
  expect(await rowOf(path.join(again.dir, "KS-T1-2024.xlsx"), "assignment|U1b")).toEqual(shown);
});

test("two uppdrag merged into one (U6 + U8): the merged row shows both answers, each kept under its Utgår", async () => {
  await editWorkbook(file("BUN"), (w) =>
    typeAnswer(w.getWorksheet("BUN T1 2024")!, "assignment|U6", "Genomfört", null),
  );
  await editWorkbook(file("TN"), (w) =>
    typeAnswer(w.getWorksheet("TN T1 2024")!, "assignment|U8", "Försenat", "Leveranser dröjer."),
  );
  const plan = await editedPlan("plan-sammanslaget.xlsx", (w) => {
    const uppdrag = uppdragSheet(w);
    const u6 = uppdrag.row("U6");
    u6.getCell(1).value = "U6+U8";
    u6.getCell(2).value = "Se över skolskjutsar och fordonsflottan.";
    u6.getCell(5).value = "BUN, TN";
    uppdrag.row("U8").values = [];
  });
  const run = await regenerate(plan, file("BUN"), file("TN"));
  expect(run.code).toBe(0);
  expect(run.out).toContain("(U6) finns inte i planen längre, och planens U6+U8 bygger på dess ID");
  expect(run.out).toContain("(U8) finns inte i planen längre, och planens U6+U8 bygger på dess ID");
  const both = "BUN om U6: Genomfört\nTN om U8: Försenat – Leveranser dröjer.";
  for (const code of ["BUN", "TN"]) {
    expect(await rowOf(path.join(run.dir, `${code}-T1-2024.xlsx`), "assignment|U6+U8")).toEqual({
      input: null,
      earlier: both,
      comment: null,
    });
  }
  const { sheet } = await firstSheet(path.join(run.dir, "TN-T1-2024.xlsx"));
  expect(rowByKey(sheet, "assignment|U8")!.getCell(COL.input + 1).value).toBe("Försenat");
});

test("a ramjustering moved to another nämnd: kept under the old nämnd's Utgår, and said; the new row is the new nämnd's", async () => {
  let row = 0;
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet("KS T1 2024")!;
    typeAnswer(sheet, "adjustment|R1", 250, "Enligt plan.");
    row = rowByKey(sheet, "adjustment|R1")!.number;
  });
  // R1 goes from KS to TN.
  const plan = await editedPlan("plan-ram-flyttad.xlsx", (w) =>
    w.getWorksheet("Ramjusteringar")!.eachRow((r) => {
      if (r.getCell(1).value === "R1") r.getCell(2).value = "TN";
    }),
  );
  const run = await regenerate(plan, file("KS"));
  expect(run.code).toBe(0);
  expect(run.out).toContain(
    `VARNING  KS-T1-2024.xlsx: KS T1 2024!B${row} "Ramökning 2024" har flyttats från nämnden KS till TN i planen. ` +
      "Svaret står kvar under Utgår ur planen på bladet för KS; TN svarar för sig på sin rad.",
  );
  const { sheet, removedBand } = await firstSheet(path.join(run.dir, "KS-T1-2024.xlsx"));
  const kept = rowByKey(sheet, "adjustment|R1")!;
  expect(kept.number).toBeGreaterThan(removedBand);
  expect([kept.getCell(COL.input + 1).value, kept.getCell(COL.comment + 1).value]).toEqual([250, "Enligt plan."]);
  // TN's row has no place for KS's prognos: column G is its own avvikelse, and the Summa adds column F.
  const tn = await firstSheet(path.join(run.dir, "TN-T1-2024.xlsx"));
  const tnRow = rowByKey(tn.sheet, "adjustment|R1")!;
  expect(tnRow.getCell(COL.input + 1).value).toBeNull();
  expect(tnRow.getCell(COL.extra + 1).formula).toMatch(/^IF\(/);
});
