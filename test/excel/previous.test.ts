/**
 * generate with the previous period on the strict stand-in: the Excel host shows T1's answers where the CLI's file
 * does (test/followup-previous.test.ts checks that file in depth), the same texts, locked and greyed alike.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { COL, INFO_KEY } from "../../src/domain/followup/model";
import { DEFAULT_SETTINGS, findPeriod } from "../../src/domain/settings";
import { generateFollowUp } from "../../src/hosts/excel/openWorkbook";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { EXAMPLES, cli, editWorkbook, followUpFiles, typeAnswer } from "../support/workbooks";
import { excelJsCellView, standInCellView, standInFromGrids } from "./support";

const PLAN = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");

test("the pane's generate shows the previous period as the CLI's --previous does", async () => {
  const { dir, master } = await followUpFiles("previous-excel", PLAN);
  try {
    await editWorkbook(master, (w) => {
      const sheet = w.getWorksheet("KS T1 2024")!;
      typeAnswer(sheet, "goal|NM1", "Delvis uppfyllt", "Fler insatser behövs.");
      typeAnswer(sheet, "adjustment|R1", 180, "Högre kostnader.");
    });
    const cliFile = path.join(dir, "delar.xlsx");
    const run = await cli(
      "generate",
      master,
      "--period",
      "Delår",
      "--year",
      "2024",
      "--out",
      cliFile,
      "--previous",
      master,
    );
    expect(run.code).toBe(0);
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(cliFile);
    const fromFile = file.getWorksheet("KS Delår 2024")!;

    const grids = (await readWorkbookFile(master)).grids;
    const standIn = standInFromGrids(grids);
    const result = await standIn.run((context) =>
      generateFollowUp(context, {
        period: findPeriod(DEFAULT_SETTINGS, "Delår")!,
        year: 2024,
        due: null,
        planName: "master.xlsx",
        previous: [{ source: "master.xlsx", grids }],
      }),
    );
    expect(result.written).toBe(true);
    const excel = standIn.workbook.sheet("KS Delår 2024");

    // Every row the previous period shows something on: column G of a goal, the line under a ramjustering.
    const shown: string[] = [];
    fromFile.eachRow((row, number) => {
      const key = row.getCell(COL.key + 1).value;
      const previousLine = key === INFO_KEY && String(row.getCell(COL.title + 1).value ?? "").startsWith("Svar T1");
      const beside = /^goal\|NM1$/.test(String(key));
      if (previousLine) shown.push(`B${number}`);
      if (beside) shown.push(`G${number}`, `F${number}`);
    });
    expect(shown.length).toBe(3);
    for (const address of shown) {
      const expected = excelJsCellView(fromFile.getCell(address));
      const numberFormat = typeof expected.value === "string" ? "@" : expected.numberFormat;
      const view = standInCellView(excel.cell(address));
      expect({ address, ...view, numberFormat: view.numberFormat }).toEqual({ address, ...expected, numberFormat });
    }
    expect(String(fromFile.getCell(shown[0]).value)).toContain("Delvis uppfyllt – Fler insatser behövs.");
    expect(String(fromFile.getCell(shown[2]).value)).toBe("Svar T1 2024: prognos 180\u00a0tkr – Högre kostnader.");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
