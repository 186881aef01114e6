/**
 * generate with the previous period on the strict stand-in: the Excel host shows T1's answers where the CLI's file
 * does (test/followup-previous.spec.ts checks that file in depth), the same texts, locked and greyed alike.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { COL, INFO_KEY } from "../../src/domain/followup/model";
import { DEFAULT_SETTINGS, findPeriod } from "../../src/domain/settings";
import { earlierPeriodsOf, generateFollowUp, validateOpenWorkbook } from "../../src/hosts/excel/openWorkbook";
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

test("the period picked from the workbook is the one shown, not the newest it holds; the periods listed newest first", async () => {
  const { dir, master } = await followUpFiles("previous-picked", PLAN);
  try {
    await editWorkbook(master, (w) => typeAnswer(w.getWorksheet("KS T1 2024")!, "goal|NM1", "Delvis uppfyllt", null));
    const standIn = standInFromGrids((await readWorkbookFile(master)).grids);
    const generate = (period: string, previousPeriod?: { period: string; year: number }) =>
      standIn.run((context) =>
        generateFollowUp(context, {
          period: findPeriod(DEFAULT_SETTINGS, period)!,
          year: 2024,
          due: null,
          planName: "master.xlsx",
          previousPeriod,
        }),
      );
    expect((await generate("Delår")).written).toBe(true);
    const delar = standIn.workbook.sheet("KS Delår 2024");
    const goal = (sheet: typeof delar) =>
      Array.from({ length: 300 }, (_, r) => r).find((r) => sheet.cell(r, COL.key)?.value === "goal|NM1")!;
    delar.at(goal(delar), COL.input).value = "Uppfyllt";

    const held = (period: string) =>
      standIn.run(async (context) => earlierPeriodsOf(await validateOpenWorkbook(context), { period, year: 2024 }));
    expect(await held("Helår")).toEqual({
      periods: [
        { period: "Delår", year: 2024 },
        { period: "T1", year: 2024 },
      ],
      suggested: { period: "Delår", year: 2024 },
    });
    // T1 made again beside Delår: Delår is listed, but nothing before T1 is there to suggest.
    expect(await held("T1")).toEqual({ periods: [{ period: "Delår", year: 2024 }], suggested: null });

    // Column G: T1's assessment, though Delår's is newer.
    expect((await generate("Helår", { period: "T1", year: 2024 })).written).toBe(true);
    const helar = standIn.workbook.sheet("KS Helår 2024");
    expect(String(helar.cell(goal(helar), COL.extra)?.value)).toBe("Delvis uppfyllt");
    expect((await generate("Helår", { period: "Delår", year: 2024 })).written).toBe(true);
    const again = standIn.workbook.sheet("KS Helår 2024");
    expect(String(again.cell(goal(again), COL.extra)?.value)).toBe("Uppfyllt");
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
