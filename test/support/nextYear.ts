import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { COL, INFO_KEY, SECTION_KEY } from "../../src/domain/followup/model";
import { EXAMPLES, cli, editWorkbook, typeAnswer } from "./workbooks";

/**
 * Two years of one kommun for the tests of uppdrag that live on (test/followup-carried.spec.ts, its Excel twin):
 * the 2024 plan closed at Helår by KS, and the next year's plan with its uppdrag renumbered.
 */

export const PLAN_2024 = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
export const LANDSBYGD =
  "Se över spridning av kommunal verksamhet på landsbygd samt utreda hur mycket av de kommunala investeringarna som " +
  "går till landsbygd samt vilka del av kommunens landsbygd där behoven av investeringar är störst.";
export const EVENEMANG = "Ta fram en evenemangsstrategi för Östersund.";
/** The 2025 plan's uppdrag near LANDSBYGD: a few words changed. */
export const LANDSBYGD_NEAR =
  "Se över spridningen av kommunal verksamhet på landsbygden samt utreda hur mycket av de kommunala investeringarna " +
  "som går till landsbygden samt vilka delar av kommunens landsbygd där behoven av investeringar är störst.";
export const BYGGLOV = "Inför en e-tjänst för bygglov.";

/** The 2025 (and 2026) plan's uppdrag: [ID, title, goal, nämnder]. */
const NEXT_UPPDRAG: [string, string, string, string][] = [
  ["U1", EVENEMANG, "M1", "KFN, KS"],
  ["U2", "Behåll kvalitet och kompetens inom flyktingmottagandet.", "M1", "SAN"],
  ["U3", LANDSBYGD_NEAR, "M1", "KS"],
  ["U4", BYGGLOV, "M1", "KS"],
];

/** The next year's plan in `dir`: the uppdrag renumbered (NEXT_UPPDRAG), the ramjusteringar tied to none of them. */
export async function nextPlan(dir: string, year: number): Promise<string> {
  const file = path.join(dir, `plan-${year}.xlsx`);
  await fs.copyFile(PLAN_2024, file);
  await editWorkbook(file, (w) => {
    const uppdrag = w.getWorksheet("Uppdrag")!;
    for (let r = uppdrag.rowCount; r >= 2; r--) uppdrag.spliceRows(r, 1);
    NEXT_UPPDRAG.forEach(([id, title, goal, committees], i) => {
      uppdrag.getRow(i + 2).values = [id, title, null, goal, committees, "Fullmäktige", year];
    });
    const adjustments = w.getWorksheet("Ramjusteringar")!;
    adjustments.eachRow((row, n) => {
      if (n > 1) row.getCell(7).value = null;
    });
  });
  return file;
}

export async function generate(
  dir: string,
  plan: string,
  period: string,
  year: number,
  ...more: string[]
): Promise<string> {
  const out = path.join(dir, `${period}-${year}.xlsx`);
  const run = await cli("generate", plan, "--period", period, "--year", String(year), "--out", out, ...more);
  expect({ code: run.code, err: run.err, out: run.code ? run.out : "" }).toEqual({ code: 0, err: "", out: "" });
  return out;
}

/** Helår 2024 with KS's four uppdrag answered: done, dropped, under way, and one left empty. */
export async function helar2024(dir: string): Promise<string> {
  const helar = await generate(dir, PLAN_2024, "Helår", 2024);
  await editWorkbook(helar, (w) => {
    const ks = w.getWorksheet("KS Helår 2024")!;
    typeAnswer(ks, "assignment|U1", "Genomfört", null);
    typeAnswer(ks, "assignment|U2", "Avfört", "Beslut i KS 2024-10-01.");
    typeAnswer(ks, "assignment|U4", "Påbörjat", "Kartläggningen är klar.");
    typeAnswer(ks, "goal|NM1", "Delvis uppfyllt", "Fler insatser behövs.");
  });
  return helar;
}

/** The keys of the rows under the carried section's band, up to the next band. */
export function carriedKeys(sheet: ExcelJS.Worksheet): string[] {
  const keys: string[] = [];
  let inside = false;
  sheet.eachRow((row) => {
    const key = String(row.getCell(COL.key + 1).value ?? "");
    if (key.startsWith(SECTION_KEY)) inside = key === `${SECTION_KEY} carried`;
    else if (inside && key !== INFO_KEY) keys.push(key);
  });
  return keys;
}
