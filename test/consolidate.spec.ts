import Ajv from "ajv";
import ExcelJS from "exceljs";
import { REPORT_MARKER } from "../src/domain/followup/reportSheet";
import { promises as fs } from "fs";
import * as path from "path";
import { ECONOMY_COL } from "../src/domain/followup/model";
import { readPlan } from "../src/domain/readPlan";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { HISTORY_MARKER } from "../src/domain/followup/history";
import schema from "../docs/schemas/consolidate-output.schema.json";
import { EXAMPLES, cli, editWorkbook, followUpFiles, rowByKey, typeAnswer } from "./support/workbooks";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");

let dir: string;
let master: string;
let split: string;
beforeEach(async () => {
  ({ dir, master, split } = await followUpFiles("consolidate", PLAN));
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const plan = async () => readPlan((await readWorkbookFile(PLAN)).grids).plan;
const file = (code: string) => path.join(split, `${code}-T1-2024.xlsx`);

async function consolidateJson(...returned: string[]): Promise<{ code: number; json: ConsolidateOutput }> {
  const out = path.join(dir, `rapport-${Math.random().toString(36).slice(2)}.xlsx`);
  const result = await cli("consolidate", master, ...returned, "--out", out, "--json");
  const json = JSON.parse(result.out);
  // Every --json output in these tests must follow the published schema.
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(json) ? [] : validate.errors).toEqual([]);
  return { code: result.code, json: json as ConsolidateOutput };
}

test("a clean return: its answers are used over the master's, counted and summed", async () => {
  const p = await plan();
  const ks = p.assignments.filter((a) => a.committees.includes("KS"));
  const adjustment = p.adjustments.find((a) => a.committee === "KS")!;
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet("KS T1 2024")!;
    typeAnswer(sheet, `assignment|${ks[0].id}`, "Genomfört", null);
    typeAnswer(sheet, `assignment|${ks[1].id}`, "Påbörjat", "Upphandling pågår.");
    typeAnswer(sheet, `adjustment|${adjustment.id}`, 180, null);
  });
  const { code, json } = await consolidateJson(file("KS"));
  expect(code).toBe(0);
  expect(json.findings).toEqual([]);
  const ksResult = json.committees.find((c) => c.code === "KS")!;
  expect(ksResult.source).toEqual({ file: "KS-T1-2024.xlsx", sheet: "KS T1 2024", generatedAt: expect.any(String) });
  expect(ksResult.assignments).toEqual({ answered: 2, total: ks.length });
  expect(ksResult.statusCounts).toMatchObject({ Genomfört: 1, Påbörjat: 1, Försenat: 0 });
  expect(ksResult.forecastTkr).toBe(180);
  expect(ksResult.deviationTkr).toBe(adjustment.amountOre / 100_000 - 180);
  expect(ksResult.missing.map((m) => m.id)).not.toContain(ks[0].id);
  expect(json.committees.find((c) => c.code === "TN")!.source?.file).toBe("master.xlsx");
});

test("a tampered return is reported at each cell, and never changes what the report says of the plan", async () => {
  const p = await plan();
  const ks = p.assignments.filter((a) => a.committees.includes("KS"));
  const goal = p.goals.find((g) => g.committee === "KS")!;
  const adjustment = p.adjustments.find((a) => a.committee === "KS")!;
  let rows: Record<string, number> = {};
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet("KS T1 2024")!;
    rows = Object.fromEntries(
      [
        `assignment|${ks[0].id}`,
        `assignment|${ks[1].id}`,
        `assignment|${ks[2].id}`,
        `goal|${goal.id}`,
        `adjustment|${adjustment.id}`,
      ].map((k) => [k, rowByKey(sheet, k)!.number]),
    );
    // Unprotected and edited: a locked title rewritten.
    rowByKey(sheet, `assignment|${ks[0].id}`)!.getCell(2).value = "Ett helt annat uppdrag";
    // A value pasted outside the dropdown list; a status that needs a comment, without one.
    typeAnswer(sheet, `assignment|${ks[1].id}`, "Klart", null);
    typeAnswer(sheet, `assignment|${ks[2].id}`, "Försenat", null);
    // A prognos that is not a number.
    typeAnswer(sheet, `adjustment|${adjustment.id}`, "ungefär 200", null);
    // A key changed by hand.
    rowByKey(sheet, `goal|${goal.id}`)!.getCell(1).value = "goal|FINNS-INTE";
  });
  const { code, json } = await consolidateJson(file("KS"));
  expect(code).toBe(1);
  const at = (rule: string) =>
    json.findings.filter((f) => f.rule === rule).map((f) => `${f.file} ${f.sheet}!${f.cell}`);
  expect(at("followup-locked-changed")).toEqual([`KS-T1-2024.xlsx KS T1 2024!B${rows[`assignment|${ks[0].id}`]}`]);
  expect(at("followup-not-in-list")).toEqual([`KS-T1-2024.xlsx KS T1 2024!F${rows[`assignment|${ks[1].id}`]}`]);
  expect(at("followup-comment-missing")).toEqual([`KS-T1-2024.xlsx KS T1 2024!H${rows[`assignment|${ks[2].id}`]}`]);
  expect(at("followup-amount-invalid")).toEqual([`KS-T1-2024.xlsx KS T1 2024!F${rows[`adjustment|${adjustment.id}`]}`]);
  expect(at("followup-unknown-row")).toEqual([`KS-T1-2024.xlsx KS T1 2024!A${rows[`goal|${goal.id}`]}`]);
  // The goal whose key was changed is now missing from the sheet.
  expect(json.findings.filter((f) => f.rule === "followup-missing-row").map((f) => f.message)).toEqual([
    expect.stringContaining(goal.name),
  ]);
  // Rejected values are not counted as answers.
  const ksResult = json.committees.find((c) => c.code === "KS")!;
  expect(ksResult.statusCounts).toMatchObject({ Försenat: 1 });
  expect(ksResult.forecastTkr).toBe(0);
  expect(ksResult.missing.map((m) => m.id)).toEqual(expect.arrayContaining([ks[1].id, adjustment.id, goal.id]));
});

test("a prognos typed with the opposite sign of its ramjustering is a warning at its cell; the same sign is not", async () => {
  const p = await plan();
  const decrease = p.adjustments.find((a) => a.committee === "VoN" && a.amountOre < 0)!;
  const increase = p.adjustments.find((a) => a.committee === "VoN" && a.amountOre > 0)!;
  const amount = decrease.amountOre / 100_000;
  let rows: Record<string, number> = {};
  await editWorkbook(file("VoN"), (w) => {
    const sheet = w.getWorksheet("VoN T1 2024")!;
    rows = { decrease: rowByKey(sheet, `adjustment|${decrease.id}`)!.number };
    // A ramminskning of −3 500 forecast as 3 150 (a saving of 3 150 meant): the avvikelse becomes −6 650.
    typeAnswer(sheet, `adjustment|${decrease.id}`, -amount * 0.9, null);
    typeAnswer(sheet, `adjustment|${increase.id}`, increase.amountOre / 100_000, null);
  });
  const { json } = await consolidateJson(file("VoN"));
  const sign = json.findings.filter((f) => f.rule === "followup-amount-sign");
  expect(sign).toEqual([
    expect.objectContaining({
      severity: "warning",
      file: "VoN-T1-2024.xlsx",
      sheet: "VoN T1 2024",
      cell: `F${rows.decrease}`,
    }),
  ]);
  const sv = (n: number) => n.toLocaleString("sv-SE");
  expect(sign[0].message).toBe(
    `Prognosen ${sv(-amount * 0.9)} tkr har motsatt tecken mot beloppet ${sv(amount)} tkr, så avvikelsen blir ` +
      `${sv(amount + amount * 0.9)} tkr. Menade nämnden ${sv(amount * 0.9)}? Skriv med samma tecken som beloppet: ` +
      "en minskning skrivs negativ.",
  );
  // Still a warning, not a rejection: the answer is in the report as typed.
  expect(json.committees.find((c) => c.code === "VoN")!.forecastTkr).toBe(-amount * 0.9 + increase.amountOre / 100_000);
});

test("a deleted row and an inserted row are reported at their cells", async () => {
  const p = await plan();
  const tn = p.assignments.filter((a) => a.committees.includes("TN"));
  let inserted = 0;
  await editWorkbook(file("TN"), (w) => {
    const sheet = w.getWorksheet("TN T1 2024")!;
    sheet.spliceRows(rowByKey(sheet, `assignment|${tn[0].id}`)!.number, 1);
    inserted = rowByKey(sheet, `assignment|${tn[1].id}`)!.number + 1;
    sheet.spliceRows(inserted, 0, [null, "Egen rad", null, null, null, "Påbörjat", null, "Vi lade till den här."]);
  });
  const { json } = await consolidateJson(file("TN"));
  const tnFindings = json.findings.filter((f) => f.file === "TN-T1-2024.xlsx").map((f) => `${f.rule} ${f.cell}`);
  expect(tnFindings).toEqual(["followup-missing-row B1", `followup-row-inserted B${inserted}`]);
  expect(json.findings.find((f) => f.rule === "followup-missing-row")!.message).toContain(tn[0].title);
});

test("a sheet whose marker was removed is reported, and still read by its name or its keys", async () => {
  const p = await plan();
  const tn = p.assignments.find((a) => a.committees.includes("TN"))!;
  const answer = (w: ExcelJS.Workbook, sheet: string) =>
    typeAnswer(w.getWorksheet(sheet)!, `assignment|${tn.id}`, "Genomfört", null);
  await editWorkbook(file("TN"), (w) => {
    answer(w, "TN T1 2024");
    w.getWorksheet("TN T1 2024")!.getCell("A1").value = null;
  });
  const byName = await consolidateJson(file("TN"));
  expect(byName.json.findings.map((f) => `${f.rule} ${f.file} ${f.cell}`)).toEqual([
    "followup-marker-missing TN-T1-2024.xlsx A1",
  ]);
  expect(byName.json.committees.find((c) => c.code === "TN")!.statusCounts.Genomfört).toBe(1);

  // Renamed too: neither marker nor name says who it is, but its keys do.
  await editWorkbook(file("TN"), (w) => {
    w.getWorksheet("TN T1 2024")!.getCell("A2").value = null;
    w.getWorksheet("TN T1 2024")!.name = "Våra svar";
  });
  const byKeys = await consolidateJson(file("TN"));
  expect(byKeys.json.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
    "followup-marker-missing A1",
    "followup-sheet-renamed B1",
  ]);
  expect(byKeys.json.committees.find((c) => c.code === "TN")!.source?.sheet).toBe("Våra svar");
  expect(byKeys.json.committees.find((c) => c.code === "TN")!.statusCounts.Genomfört).toBe(1);
});

test("two returns for one nämnd: a finding, and the later one is used", async () => {
  const p = await plan();
  const ks = p.assignments.find((a) => a.committees.includes("KS"))!;
  const early = path.join(dir, "KS-tidig.xlsx");
  const late = path.join(dir, "KS-sen.xlsx");
  for (const [target, status, saved] of [
    [early, "Påbörjat", new Date("2024-05-02T10:00:00Z")],
    [late, "Genomfört", new Date("2024-05-10T10:00:00Z")],
  ] as const) {
    await fs.copyFile(file("KS"), target);
    await editWorkbook(target, (w) => {
      typeAnswer(w.getWorksheet("KS T1 2024")!, `assignment|${ks.id}`, status, "Kommentar.");
      w.modified = saved;
    });
  }
  const { json } = await consolidateJson(late, early);
  const duplicate = json.findings.filter((f) => f.rule === "followup-duplicate-return");
  expect(duplicate).toHaveLength(1);
  expect(duplicate[0].message).toContain("Det senaste används: KS-sen.xlsx");
  expect(json.committees.find((c) => c.code === "KS")!.source?.file).toBe("KS-sen.xlsx");
  expect(json.committees.find((c) => c.code === "KS")!.statusCounts).toMatchObject({ Genomfört: 1, Påbörjat: 0 });
});

test("the report workbook has the overview, Driftredovisning, charts, Måluppfyllelse, the sheets per nämnd, answers, missing and findings", async () => {
  const out = path.join(dir, "rapport.xlsx");
  expect((await cli("consolidate", master, "--out", out)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(out);
  expect(workbook.worksheets.map((w) => w.name)).toEqual([
    "Översikt",
    "Driftredovisning",
    "Diagram",
    "Diagram per mål",
    "Måluppfyllelse",
    "Måluppfyllelse per nämnd",
    "Uppdrag per nämnd",
    "Ramjusteringar per nämnd",
    "Svar",
    "Saknas",
    "Fynd",
    // Måltavlan's history, very hidden: nobody sees it on screen or paper.
    "Måltavlan historik",
  ]);
  expect(workbook.getWorksheet("Måltavlan historik")!.state).toBe("veryHidden");
  const overview = workbook.getWorksheet("Översikt")!;
  const goals = workbook.getWorksheet("Måluppfyllelse per nämnd")!;
  // Mål totalt (D) is a formula over Svar for every nämnd, with the value it gives cached for viewers that do not
  // recalculate; a nämnd's own counts (C, Mål besvarade; E on, per status) say Ej inkommet or are blank until it has
  // answered, never 0.
  expect([goals.getCell("C3").value, goals.getCell("D3").value]).toEqual(["Mål besvarade", "Mål totalt"]);
  const first = goals.getCell("D4").value as ExcelJS.CellFormulaValue;
  expect(first.formula).toMatch(/^SUMPRODUCT\(--EXACT\(Svar!/);
  expect(typeof first.result).toBe("number");
  for (let row = 4; overview.getCell(`A${row}`).value !== "Summa"; row++) {
    expect(goals.getCell(`A${row}`).value).toBe(overview.getCell(`A${row}`).value);
    const from = overview.getCell(`C${row}`).value;
    if (from === "Ej inkommet") {
      expect([goals.getCell(`C${row}`).value, goals.getCell(`E${row}`).value]).toEqual(["Ej inkommet", null]);
    } else {
      expect((goals.getCell(`C${row}`).value as ExcelJS.CellFormulaValue).formula).toMatch(/^SUMPRODUCT/);
    }
  }
  expect(overview.getCell("A4").value).not.toBe("Summa");
  // Every report sheet carries its marker for Måltavlan in A2, in a hidden row: never on screen or paper. (The history
  // is no report sheet: its own marker stands in A1.)
  expect(workbook.getWorksheet("Måltavlan historik")!.getCell("A1").value).toBe(HISTORY_MARKER);
  for (const sheet of workbook.worksheets.filter((s) => s.name !== "Måltavlan historik")) {
    expect([sheet.name, sheet.getCell("A2").value, sheet.getRow(2).hidden]).toEqual([sheet.name, REPORT_MARKER, true]);
    expect([sheet.name, sheet.getRow(1).hidden, sheet.getRow(3).hidden]).toEqual([sheet.name, false, false]);
  }
});

test("Måluppfyllelse: per kommunövergripande mål the nämnder side by side, the overall assessment, comments, late uppdrag", async () => {
  const p = await plan();
  const goal = p.goals.find((g) => g.level === "kommunmal")!;
  const under = (code: string) => p.goals.filter((g) => g.committee === code && g.parentIds.includes(goal.id));
  const [ksFirst, ksSecond] = under("KS");
  const [tnGoal] = under("TN");
  const late = p.assignments.find(
    (a) =>
      a.committees.includes("KS") && a.goalIds.some((id) => [goal.id, ...under("KS").map((g) => g.id)].includes(id)),
  )!;
  await editWorkbook(master, (w) => {
    const ks = w.getWorksheet("KS T1 2024")!;
    typeAnswer(ks, `goal|${goal.id}`, "Delvis uppfyllt", "KS om målet.");
    // Not counted: KS assessed the goal itself. Its comment is still gathered under the goal.
    typeAnswer(ks, `goal|${ksFirst.id}`, "Uppfyllt", null);
    typeAnswer(ks, `goal|${ksSecond.id}`, "Ej uppfyllt", "KS om sitt nämndmål.");
    typeAnswer(ks, `assignment|${late.id}`, "Försenat", "Klart i höst.");
    typeAnswer(w.getWorksheet("TN T1 2024")!, `goal|${tnGoal.id}`, "Uppfyllt", null);
    typeAnswer(w.getWorksheet("VoN T1 2024")!, `goal|${goal.id}`, "Kan inte bedömas", "Underlag saknas.");
  });
  const read = async (lang: string) => {
    const out = path.join(dir, `rapport-${lang}.xlsx`);
    expect((await cli("consolidate", master, "--out", out, "--lang", lang)).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    return workbook.getWorksheet("Måluppfyllelse")!;
  };
  const sheet = await read("sv");
  const rows = Array.from(sheet.getSheetValues(), (row) => (Array.isArray(row) ? row.slice(1) : []));
  const header = rows[3] as string[];
  const goalRow = rows.find((row) => row[0] === goal.name)!;
  const at = (title: string) => goalRow[header.indexOf(title)];
  expect([at("KS"), at("TN"), at("VoN")]).toEqual(["Delvis uppfyllt", "Uppfyllt", "Kan inte bedömas"]);
  // TN's from its nämndmål, in italics; the others it serves gave nothing.
  const cell = (title: string) => sheet.getRow(rows.indexOf(goalRow)).getCell(header.indexOf(title) + 1);
  expect([cell("TN").font?.italic, cell("KS").font?.italic]).toEqual([true, undefined]);
  const missing = header.slice(1, header.indexOf("Sammantaget")).filter((code) => at(code) === "Saknas").length;
  expect([at("Sammantaget"), at("Röster"), at("Röstar inte"), at("Saknas")]).toEqual([
    "Delvis uppfyllt",
    2,
    1,
    missing,
  ]);
  expect(missing).toBeGreaterThan(0);
  const texts = rows.flat().filter((v): v is string => typeof v === "string");
  expect(texts).toContain("Sammantagen bedömning: den vanligaste bedömningen; vid lika antal den svagare.");
  expect(texts).toContain("Delvis uppfyllt: KS om målet.");
  expect(texts).toContain("Ej uppfyllt: KS om sitt nämndmål.");
  expect(texts).toContain(`\u2003\u2003KS · ${ksSecond.name}`);
  expect(texts).toContain("Kan inte bedömas: Underlag saknas.");
  expect(texts).toContain(`${late.title} – Klart i höst.`);
  expect(texts).toContain("\u2003\u2003Försenat · KS");
  expect(sheet.pageSetup).toMatchObject({ orientation: "landscape", printTitlesRow: "1:3" });
  const english = await read("en");
  expect(english.getRow(3).values).toEqual(
    expect.arrayContaining(["Goal", "Overall", "Votes", "Not voting", "Missing"]),
  );
});

test("--json gives each nämnd's drift as read, in tkr; a nämnd that did not answer is not answered, never 0", async () => {
  await editWorkbook(file("KS"), (w) => {
    const sheet = w.getWorksheet("KS T1 2024")!;
    const drift = rowByKey(sheet, "economy|drift")!;
    drift.getCell(ECONOMY_COL.outcome + 1).value = 40_000.5;
    drift.getCell(ECONOMY_COL.forecast + 1).value = 290_000;
    drift.getCell(ECONOMY_COL.comment + 1).value = "Fler placeringar än budgeterat.";
    rowByKey(sheet, "measures|drift")!.getCell(ECONOMY_COL.comment + 1).value = "Anställningsstopp.";
  });
  const { json } = await consolidateJson(file("KS"));
  const economy = (code: string) => json.committees.find((c) => c.code === code)!.economy;
  // The example plan gives Östersund's kommunbidrag 2024 (its Driftbudget sheet) and no investments.
  expect(economy("KS")).toEqual({
    drift: {
      id: "drift",
      title: "Driftbudget, nettokostnad",
      budgetTkr: 284_200,
      outcomeTkr: 40_000.5,
      outcomeFromLedger: false,
      forecastTkr: 290_000,
      answered: true,
      comment: "Fler placeringar än budgeterat.",
      measures: "Anställningsstopp.",
    },
    investments: [],
  });
  expect(economy("TN").drift).toMatchObject({ outcomeTkr: null, forecastTkr: null, answered: false, comment: null });
});
