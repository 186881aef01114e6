/**
 * Uppdrag that live on: KS closes 2024 at Helår with four uppdrag (one done, one dropped, one under way, one not
 * answered). The 2025 plan renumbers its uppdrag: it lists the unanswered one again under a new ID, gives the old
 * ID of the one under way to another uppdrag, and has an uppdrag whose title is near that one's. T1 2025, generated
 * with the Helår 2024 master as --previous, carries exactly the one under way (and, for the other nämnder, what they
 * left open), shows the repeated one once, on the plan's row, and says the near match is for the user to confirm.
 * What is typed on a carried row survives consolidation and the report says for how many years it has been carried;
 * carried again into 2026 it says 2 years.
 */
import Ajv from "ajv";
import ExcelJS from "exceljs";
import schema from "../docs/schemas/consolidate-output.schema.json";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { promises as fs } from "fs";
import * as path from "path";
import { carriedKey } from "../src/domain/followup/carried";
import { readCarried } from "../src/domain/followup/carriedRead";
import { CARRIED_SHEET } from "../src/domain/followup/carriedSheet";
import { HISTORY_SHEET } from "../src/domain/followup/history";
import { consolidate } from "../src/domain/followup/consolidate";
import { CARRIED_SECTION, COL, FORMAT_VERSION, META_ROW, SECTION_KEY } from "../src/domain/followup/model";
import { PREVIOUS_FONT } from "../src/domain/followup/sheetLook";
import { readPlan } from "../src/domain/readPlan";
import { findPeriod } from "../src/domain/settings";
import { readSettings } from "../src/domain/state";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { findingMessage } from "../src/i18n/findings";
import { cli, editWorkbook, rowByKey, tempDir, typeAnswer } from "./support/workbooks";
import {
  BYGGLOV,
  EVENEMANG,
  LANDSBYGD,
  LANDSBYGD_NEAR,
  generate as generateIn,
  helar2024,
  carriedKeys,
  nextPlan as planIn,
} from "./support/nextYear";

let dir: string;
const generate = (plan: string, period: string, year: number, ...more: string[]) =>
  generateIn(dir, plan, period, year, ...more);
const nextPlan = (year: number) => planIn(dir, year);
beforeEach(async () => {
  dir = await tempDir("carried");
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function sheetOf(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`No sheet ${name} in ${file}`);
  return sheet;
}

const text = (cell: ExcelJS.Cell) => (cell.value === null ? null : String(cell.value));
const meta = (sheet: ExcelJS.Worksheet) =>
  JSON.parse(String(sheet.getCell(META_ROW + 1, COL.key + 1).value)) as { format: number; since?: object };

test("T1 of the next year carries what was not done, once, and matches the plan's uppdrag by title alone", async () => {
  const helar = await helar2024(dir);
  const t1 = await generate(await nextPlan(2025), "T1", 2025, "--previous", helar);
  const run = await cli(
    "generate",
    await nextPlan(2025),
    "--period",
    "T1",
    "--year",
    "2025",
    "--split",
    path.join(dir, "ut"),
    "--previous",
    helar,
  );
  expect(run.out).toMatch(
    /uppdrag från tidigare år förs vidare under "Pågående uppdrag från tidigare år" \(.*KS T1 2025: 1/,
  );
  expect(run.out).toContain("Uppdraget liknar");
  const ks = await sheetOf(t1, "KS T1 2025");

  // Only the uppdrag under way is carried: not the done one, not the dropped one, and not the unanswered one the
  // plan lists again (under U1 now).
  const underWay = carriedKey(2024, "U4");
  expect(carriedKeys(ks)).toEqual([underWay]);
  const band = rowByKey(ks, `${SECTION_KEY} carried`)!;
  expect(text(band.getCell(COL.title + 1))).toBe(CARRIED_SECTION);
  const row = rowByKey(ks, underWay)!;
  expect(text(row.getCell(COL.title + 1))).toBe(LANDSBYGD);
  expect(text(row.getCell(COL.detail + 1))).toBe("U4 (2024)");
  expect(text(row.getCell(COL.value + 1))).toBe("2024 (1 år)");
  expect(text(row.getCell(COL.extra + 1))).toBe("Helår 2024: Påbörjat – Kartläggningen är klar.");
  expect(row.getCell(COL.extra + 1).font?.color?.argb).toBe(`FF${PREVIOUS_FONT}`);
  // Answered afresh: the input and comment empty and open, the status from the uppdrag's list.
  expect([text(row.getCell(COL.input + 1)), text(row.getCell(COL.comment + 1))]).toEqual([null, null]);
  expect(row.getCell(COL.input + 1).protection?.locked).toBe(false);
  // The uppdrag's dropdown, as on the plan's uppdrag.
  const validation = row.getCell(COL.input + 1).dataValidation;
  expect(validation?.type).toBe("list");
  expect(validation?.formulae).toEqual(rowByKey(ks, "assignment|U1")!.getCell(COL.input + 1).dataValidation?.formulae);

  // The unanswered uppdrag, repeated by the plan under a new ID: its row shows the history, and is not carried.
  const repeated = rowByKey(ks, "assignment|U1")!;
  expect(text(repeated.getCell(COL.title + 1))).toBe(EVENEMANG);
  expect(text(repeated.getCell(COL.extra + 1))).toBe("Helår 2024: ej besvarat");
  // The old ID, now another uppdrag's: no history there (the IDs count only with the titles).
  expect(text(rowByKey(ks, "assignment|U4")!.getCell(COL.extra + 1))).toBeNull();
  // A goal of 2024 is shown only where the new plan has it under the same ID and title (this plan kept its goals),
  // as Helår 2024's answer; nothing of 2024 is kept as an answer of this plan.
  expect(text(rowByKey(ks, "goal|NM1")!.getCell(COL.extra + 1))).toBe("Delvis uppfyllt – Fler insatser behövs.");
  expect(text(rowByKey(ks, "goal|NM1")!.getCell(COL.input + 1))).toBeNull();
  expect(rowByKey(ks, `${SECTION_KEY} removed`)).toBeUndefined();
  expect(meta(ks)).toMatchObject({ format: FORMAT_VERSION, since: { [underWay]: 2024, "assignment|U1": 2024 } });

  // SAN never answered: its uppdrag are carried, except the one the plan lists again.
  const san = await sheetOf(t1, "SAN T1 2025");
  expect(carriedKeys(san).sort()).toEqual([carriedKey(2024, "U2"), carriedKey(2024, "U7")]);
  expect(rowByKey(san, "assignment|U2")!.getCell(COL.extra + 1).value).toBe("Helår 2024: ej besvarat");
});

test("a near title is a finding at the plan's row, and the uppdrag stays carried until the user confirms it", async () => {
  const helar = await helar2024(dir);
  const plan = await nextPlan(2025);
  const out = path.join(dir, "t1.xlsx");
  const run = await cli("generate", plan, "--period", "T1", "--year", "2025", "--out", out, "--previous", helar);
  expect(run.code).toBe(0);
  const ks = await sheetOf(out, "KS T1 2025");
  const near = rowByKey(ks, "assignment|U3")!;
  const finding = run.out.split("\n").find((line) => line.includes("Uppdraget liknar"));
  expect(finding).toContain(`KS T1 2025!B${near.number}`);
  expect(finding).toContain(`"${LANDSBYGD}" från 2024`);
  expect(carriedKeys(ks)).toEqual([carriedKey(2024, "U4")]);

  // The user confirms: the plan's title made the same. Now it is matched, and carried no more.
  await editWorkbook(plan, (w) => {
    w.getWorksheet("Uppdrag")!.getCell("B4").value = LANDSBYGD;
  });
  const again = path.join(dir, "t1-again.xlsx");
  const confirmed = await cli(
    "generate",
    plan,
    "--period",
    "T1",
    "--year",
    "2025",
    "--out",
    again,
    "--previous",
    helar,
  );
  expect(confirmed.out).not.toContain("Uppdraget liknar");
  const sheet = await sheetOf(again, "KS T1 2025");
  expect(carriedKeys(sheet)).toEqual([]);
  expect(text(rowByKey(sheet, "assignment|U3")!.getCell(COL.extra + 1))).toBe(
    "Helår 2024: Påbörjat – Kartläggningen är klar.",
  );
});

test("answers on a carried row survive consolidation and the report says for how many years; 2026 says 2", async () => {
  const helar = await helar2024(dir);
  const plan = await nextPlan(2025);
  const t1 = await generate(plan, "T1", 2025, "--previous", helar);
  const underWay = carriedKey(2024, "U4");
  await editWorkbook(t1, (w) => {
    const ks = w.getWorksheet("KS T1 2025")!;
    typeAnswer(ks, underWay, "Försenat", "Väntar på underlag.");
    typeAnswer(ks, "assignment|U1", "Påbörjat", "Arbetet har börjat.");
  });

  const grids = (await readWorkbookFile(t1)).grids;
  const settings = readSettings(grids);
  const read = readPlan(grids, {}, settings.levels).plan;
  const input = { file: "t1.xlsx", grids, modified: null, master: true };
  const result = consolidate(read, [input], settings, { period: findPeriod(settings, "T1")!, year: 2025 });
  expect(result.findings.filter((f) => f.sheet === "KS T1 2025")).toEqual([]);
  const ks = result.committees.find((c) => c.committee.code === "KS")!;
  expect(ks.answered).toBe(true);
  expect(ks.carried.map((c) => [c.key, c.planId, c.title, c.since, c.input, c.comment])).toEqual([
    ["assignment|U1", "U1", EVENEMANG, 2024, "Påbörjat", "Arbetet har börjat."],
    [underWay, null, LANDSBYGD, 2024, "Försenat", "Väntar på underlag."],
  ]);

  const report = path.join(dir, "rapport-t1.xlsx");
  expect((await cli("consolidate", t1, "--out", report)).code).toBe(0);
  const rows = reportRows(await sheetOf(report, CARRIED_SHEET)).filter((r) => r[0] === "KS");
  expect(rows).toEqual([
    ["KS", EVENEMANG, "U1", 2024, "1 år", "Påbörjat", "Arbetet har börjat."],
    ["KS", LANDSBYGD, "Förs vidare", 2024, "1 år", "Försenat", "Väntar på underlag."],
  ]);

  // What to chase: the carried uppdrag nobody answered yet (SAN's), not KS's, which is answered.
  const missing: string[] = [];
  (await sheetOf(report, "Saknas")).eachRow((row, n) => {
    if (n > 3 && row.getCell(2).value === "Pågående uppdrag") missing.push(String(row.getCell(1).value));
  });
  expect(missing.filter((code) => code === "KS")).toEqual([]);
  expect(missing.filter((code) => code === "SAN")).toEqual(["SAN", "SAN"]);

  // Generated again without --previous (the nämnder's answers taken in), T1 keeps the carried row and its answer.
  const again = path.join(dir, "t1-again.xlsx");
  expect((await cli("generate", t1, "--period", "T1", "--year", "2025", "--out", again)).code).toBe(0);
  const regenerated = await sheetOf(again, "KS T1 2025");
  expect(carriedKeys(regenerated)).toEqual([underWay]);
  const kept = rowByKey(regenerated, underWay)!;
  expect([text(kept.getCell(COL.input + 1)), text(kept.getCell(COL.comment + 1))]).toEqual([
    "Försenat",
    "Väntar på underlag.",
  ]);
  expect(text(kept.getCell(COL.extra + 1))).toBe("Helår 2024: Påbörjat – Kartläggningen är klar.");

  // Delår and Helår 2025 keep the carried row, with the period before shown under it.
  const helar2025 = await generate(plan, "Helår", 2025, "--previous", t1);
  const sheet = await sheetOf(helar2025, "KS Helår 2025");
  expect(carriedKeys(sheet)).toEqual([underWay]);
  const carried = rowByKey(sheet, underWay)!;
  expect(text(carried.getCell(COL.extra + 1))).toBe("Helår 2024: Påbörjat – Kartläggningen är klar.");
  expect(text(sheet.getRow(carried.number + 1).getCell(COL.title + 1))).toBe(
    "Svar T1 2025: Försenat – Väntar på underlag.",
  );
  expect(text(carried.getCell(COL.input + 1))).toBeNull();
  await editWorkbook(helar2025, (w) => {
    typeAnswer(w.getWorksheet("KS Helår 2025")!, underWay, "Påbörjat", "Halvvägs.");
  });

  // 2026: carried a second time, under the same key; the report says 2 years.
  const t1Next = await generate(await nextPlan(2026), "T1", 2026, "--previous", helar2025);
  const next = await sheetOf(t1Next, "KS T1 2026");
  expect(carriedKeys(next)).toEqual([underWay]);
  const twice = rowByKey(next, underWay)!;
  expect(text(twice.getCell(COL.value + 1))).toBe("2024 (2 år)");
  expect(text(twice.getCell(COL.extra + 1))).toBe(
    "Helår 2024: Påbörjat – Kartläggningen är klar.\nHelår 2025: Påbörjat – Halvvägs.",
  );
  const report2026 = path.join(dir, "rapport-2026.xlsx");
  const consolidated = await cli("consolidate", t1Next, "--out", report2026, "--json");
  expect(consolidated.code).toBe(0);
  // --json says the same, by the published schema.
  const json = JSON.parse(consolidated.out) as ConsolidateOutput;
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(json) ? [] : validate.errors).toEqual([]);
  const ksJson = json.committees.find((c) => c.code === "KS")!;
  expect(ksJson.carried.map((c) => [c.title, c.planId, c.since, c.years])).toEqual([
    [EVENEMANG, "U1", 2024, 2],
    [LANDSBYGD_NEAR, "U3", 2025, 1],
    [BYGGLOV, "U4", 2025, 1],
    [LANDSBYGD, null, 2024, 2],
  ]);
  const years = reportRows(await sheetOf(report2026, CARRIED_SHEET)).filter((r) => r[0] === "KS");
  // The plan's uppdrag of 2025 that nobody answered at Helår and 2026 lists again go on too, for 1 year.
  expect(years.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
    [EVENEMANG, "U1", 2024, "2 år"],
    [LANDSBYGD_NEAR, "U3", 2025, "1 år"],
    [BYGGLOV, "U4", 2025, "1 år"],
    [LANDSBYGD, "Förs vidare", 2024, "2 år"],
  ]);
});

function reportRows(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 3) rows.push([1, 2, 3, 4, 5, 6, 7].map((c) => row.getCell(c).value as string | number | null));
  });
  return rows;
}

test("a nämnd the new plan no longer has: its unfinished uppdrag are named in a finding, not silently dropped", async () => {
  const helar = await helar2024(dir);
  const grids = (await readWorkbookFile(await nextPlan(2025))).grids;
  const settings = readSettings(grids);
  const read = readPlan(grids, {}, settings.levels).plan;
  // The 2025 plan without BUN (and so without its code or name to find it by).
  const plan = { ...read, committees: read.committees.filter((c) => c.code !== "BUN") };
  const previous = [{ source: "helar-2024.xlsx", grids: (await readWorkbookFile(helar)).grids }];
  const { carry, yearTurn, findings } = readCarried(plan, settings, { year: 2025 }, [], previous);
  expect(yearTurn).toBe(true);
  expect(carry.rows.has("BUN")).toBe(false);
  expect(findings.map((f) => [f.rule, f.severity, f.file, f.sheet, f.cell, f.params.committee])).toEqual([
    ["followup-carried-committee-gone", "warning", "helar-2024.xlsx", "BUN Helår 2024", "A2", "BUN"],
  ]);
  expect(findingMessage(findings[0])).toBe(
    "Nämnden BUN finns inte i den nya planen, så dess uppdrag som inte var klara förs inte vidare. Lägg in nämnden " +
      "i planen, eller ge uppdragen till en annan nämnd. Uppdragen: Genomför en översyn av skolskjutsorganisationen.",
  );
  expect(findingMessage(findings[0], "en")).toContain("Committee BUN is not in the new plan");

  // Helår's report says the same, at BUN's first row of its history (the nämnd's column).
  const report = path.join(dir, "rapport-helar-2024.xlsx");
  expect((await cli("consolidate", helar, "--out", report)).code).toBe(0);
  const reportGrids = (await readWorkbookFile(report)).grids;
  const history = reportGrids.find((g) => g.sheet === HISTORY_SHEET)!;
  const first = history.values.findIndex((row) => row[2] === "BUN");
  const fromReport = readCarried(plan, settings, { year: 2025 }, [], [{ source: "rapport.xlsx", grids: reportGrids }]);
  expect(fromReport.yearTurn).toBe(true);
  expect(fromReport.carry.rows.has("BUN")).toBe(false);
  expect(fromReport.findings.map((f) => [f.rule, f.file, f.sheet, f.cell, findingMessage(f)])).toEqual([
    ["followup-carried-committee-gone", "rapport.xlsx", HISTORY_SHEET, `C${first + 1}`, findingMessage(findings[0])],
  ]);
});

/** Every nämnd sheet's cells as values, the metadata (A2, with the generation's time) apart. */
async function sheetValues(file: string, period: string): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets: Record<string, unknown[][]> = {};
  for (const sheet of workbook.worksheets.filter((s) => s.name.endsWith(` ${period}`))) {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows.push(
        row.values instanceof Array ? row.values.map((v, c) => (n === META_ROW + 1 && c === 1 ? null : v)) : [],
      );
    });
    sheets[sheet.name] = rows;
  }
  return sheets;
}

test("the Helår report as --previous carries what the Helår files carry, and shows a goal only where ID and title agree", async () => {
  const helar = await helar2024(dir);
  await editWorkbook(helar, (w) => {
    typeAnswer(w.getWorksheet("KS Helår 2024")!, "goal|NM2", "Uppfyllt", "Fler kvinnor än väntat.");
  });
  const report = path.join(dir, "rapport-helar-2024.xlsx");
  expect((await cli("consolidate", helar, "--out", report)).code).toBe(0);
  const plan = await nextPlan(2025);
  // The 2025 plan keeps NM1 as it was, and gives NM2 a new title: another goal under the old ID.
  await editWorkbook(plan, (w) => {
    w.getWorksheet("Mål")!.getCell("C8").value = "Fler unga driver företag i kommunen";
  });
  const t1 = async (name: string, previous: string, from = plan, year = 2025) => {
    const out = path.join(dir, name);
    const args = ["--period", "T1", "--year", String(year), "--out", out, "--previous", previous];
    const run = await cli("generate", from, ...args);
    expect([run.code, run.err]).toEqual([0, ""]);
    return { out, run };
  };
  const fromFiles = await t1("t1-filer.xlsx", helar);
  const fromReport = await t1("t1-rapport.xlsx", report);

  // The same sheets, cell by cell: the same uppdrag carried, with the same years and lines, the same ones continued.
  const sheets = await sheetValues(fromFiles.out, "T1 2025");
  expect(Object.keys(sheets)).toContain("KS T1 2025");
  expect(await sheetValues(fromReport.out, "T1 2025")).toEqual(sheets);
  const lines = (out: string) => out.split("\n").filter((l) => /Pågående uppdrag|Uppdraget liknar/.test(l));
  expect(lines(fromReport.run.out).map((l) => l.replace(report, "X"))).toEqual(
    lines(fromFiles.run.out).map((l) => l.replace(helar, "X")),
  );
  expect(lines(fromReport.run.out).length).toBeGreaterThan(0);
  for (const { out } of [fromFiles, fromReport]) {
    const ks = await sheetOf(out, "KS T1 2025");
    const underWay = carriedKey(2024, "U4");
    expect(carriedKeys(ks)).toEqual([underWay]);
    const row = rowByKey(ks, underWay)!;
    expect([row.getCell(COL.value + 1).value, row.getCell(COL.extra + 1).value]).toEqual([
      "2024 (1 år)",
      "Helår 2024: Påbörjat – Kartläggningen är klar.",
    ]);
    expect(meta(ks).since).toEqual({ [underWay]: 2024, "assignment|U1": 2024 });
    expect(text(rowByKey(ks, "assignment|U1")!.getCell(COL.extra + 1))).toBe("Helår 2024: ej besvarat");
    // NM1, the same ID and title: Helår 2024's answer beside the new input. NM2, retitled: nothing of 2024.
    expect(text(rowByKey(ks, "goal|NM1")!.getCell(COL.extra + 1))).toBe("Delvis uppfyllt – Fler insatser behövs.");
    expect(text(rowByKey(ks, "goal|NM2")!.getCell(COL.extra + 1))).toBeNull();
    const san = await sheetOf(out, "SAN T1 2025");
    expect(carriedKeys(san).sort()).toEqual([carriedKey(2024, "U2"), carriedKey(2024, "U7")]);
  }

  // T1 2025's report, with 2024's as --previous: what moved since Helår 2024 is told only of the goal that kept its ID
  // and title; NM2 and U4 are other rows under old IDs. Its Historik is of 2025 alone (nothing before T1 2025).
  await editWorkbook(fromReport.out, (w) => {
    const ks = w.getWorksheet("KS T1 2025")!;
    typeAnswer(ks, "goal|NM1", "Uppfyllt", null);
    typeAnswer(ks, "goal|NM2", "Ej uppfyllt", "Nytt mål.");
    typeAnswer(ks, "assignment|U4", "Genomfört", null);
  });
  const t1Report = path.join(dir, "rapport-t1-2025.xlsx");
  const consolidated = await cli("consolidate", fromReport.out, "--out", t1Report, "--previous", report, "--json");
  const json = JSON.parse(consolidated.out) as ConsolidateOutput;
  expect(json.movement?.since).toBe("Helår 2024");
  expect(json.movement?.rows.map((r) => [r.kind, r.id, r.before, r.now])).toEqual([
    ["goal", "NM1", "Delvis uppfyllt", "Uppfyllt"],
  ]);
  const t1Sheets = new ExcelJS.Workbook();
  await t1Sheets.xlsx.readFile(t1Report);
  expect(t1Sheets.getWorksheet("Historik")).toBeUndefined();

  // T1 made again with that report, whose history holds Helår 2024 too: 2024 is shown as at the year's turn.
  const again = await sheetOf((await t1("t1-igen.xlsx", t1Report)).out, "KS T1 2025");
  expect(text(rowByKey(again, "goal|NM1")!.getCell(COL.extra + 1))).toBe("Delvis uppfyllt – Fler insatser behövs.");
  expect(text(rowByKey(again, "goal|NM2")!.getCell(COL.extra + 1))).toBeNull();
  expect(carriedKeys(again)).toEqual([carriedKey(2024, "U4")]);

  // A second year: Helår 2025 (from T1's report) answered on the carried row, then 2026 from its report or files.
  const helar2025 = await generate(plan, "Helår", 2025, "--previous", t1Report);
  const underWay = carriedKey(2024, "U4");
  await editWorkbook(helar2025, (w) => {
    typeAnswer(w.getWorksheet("KS Helår 2025")!, underWay, "Påbörjat", "Halvvägs.");
  });
  const report2025 = path.join(dir, "rapport-helar-2025.xlsx");
  expect((await cli("consolidate", helar2025, "--out", report2025, "--previous", t1Report)).code).toBe(0);
  const plan2026 = await nextPlan(2026);
  const next = await t1("t1-2026-rapport.xlsx", report2025, plan2026, 2026);
  const nextFiles = await t1("t1-2026-filer.xlsx", helar2025, plan2026, 2026);
  expect(await sheetValues(next.out, "T1 2026")).toEqual(await sheetValues(nextFiles.out, "T1 2026"));
  const twice = rowByKey(await sheetOf(next.out, "KS T1 2026"), underWay)!;
  expect([twice.getCell(COL.value + 1).value, twice.getCell(COL.extra + 1).value]).toEqual([
    "2024 (2 år)",
    "Helår 2024: Påbörjat – Kartläggningen är klar.\nHelår 2025: Påbörjat – Halvvägs.",
  ]);
});
