/**
 * A returned sheet that lost its marking and its name is recognised by its rows, and a nämnd's investment projects
 * are among them: a nämnd whose sheet has no goal, uppdrag or ramjustering of its own (only its Ekonomi section) is
 * still found. The drift's row, the same key on every nämnd's sheet, tells nothing on its own.
 */
import ExcelJS from "exceljs";
import { followUpSheets } from "../src/domain/followup/generate";
import { recogniseSheets } from "../src/domain/followup/recognise";
import { Plan } from "../src/domain/model";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { readWorkbookBuffer } from "../src/hosts/xlsx/read";
import { workbookBuffer } from "../src/hosts/xlsx/write";
import { economyPlan, options } from "./support/economy";

/** `code`'s sheet written to .xlsx, its marker and metadata (A1, A2) cleared and renamed "Blad1" in ExcelJS, read back. */
async function unmarked(plan: Plan, code: string) {
  const spec = followUpSheets(plan, options()).find((s) => s.committee.code === code)!.spec;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await workbookBuffer({ sheets: [spec] })) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet(spec.name)!;
  sheet.getCell("A1").value = null;
  sheet.getCell("A2").value = null;
  sheet.name = "Blad1";
  const file = `${code}.xlsx`;
  const read = await readWorkbookBuffer(new Uint8Array(await book.xlsx.writeBuffer()), file);
  return { file, grids: read.grids, master: false };
}

const recognised = async (plan: Plan, code: string) => {
  const result = recogniseSheets(plan, [await unmarked(plan, code)], DEFAULT_SETTINGS, {
    period: DEFAULT_SETTINGS.periods[0],
    year: 2025,
  });
  return {
    committees: result.sheets.map((s) => s.committee),
    findings: result.findings.map((f) => [f.rule, f.params.tied ?? ""]),
  };
};

test("KS, with only its drift and projects on its sheet, is found by its projects", async () => {
  expect(await recognised(economyPlan(), "KS")).toEqual({
    committees: ["KS"],
    findings: [["followup-marker-missing", ""]],
  });
});

test("BUN, with its goal and only its drift, is found by its goal as before", async () => {
  expect(await recognised(economyPlan(), "BUN")).toEqual({
    committees: ["BUN"],
    findings: [["followup-marker-missing", ""]],
  });
});

test("a sheet whose only rows are the drift's is no nämnd's: not guessed, and said", async () => {
  const plan = economyPlan();
  plan.investments = [];
  expect(await recognised(plan, "KS")).toEqual({
    committees: [],
    findings: [
      ["followup-marker-missing", ""],
      ["followup-committee-unknown", ""],
    ],
  });
});
