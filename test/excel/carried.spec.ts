/**
 * Uppdrag that live on, on the strict stand-in: the pane's generate of T1 2025 with the Helår 2024 workbook as the
 * previous period carries what the CLI's --previous carries (test/followup-carried.spec.ts checks that file in
 * depth), on the same rows, with the same texts, locked and greyed alike, and the same finding for the near title.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { carriedKey } from "../../src/domain/followup/carried";
import { CARRIED_SECTION, COL, META_ROW, SECTION_KEY } from "../../src/domain/followup/model";
import { DEFAULT_SETTINGS, findPeriod } from "../../src/domain/settings";
import { generateFollowUp } from "../../src/hosts/excel/openWorkbook";
import { followUpOutlineRows } from "../../src/hosts/followUpOutline";
import { sv } from "../../src/i18n/paneSv";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { carriedKeys, helar2024, nextPlan } from "../support/nextYear";
import { cli, rowByKey, tempDir } from "../support/workbooks";
import { excelJsCellView, standInCellView, standInFromGrids } from "./support";

test("the pane's generate carries the previous year's uppdrag as the CLI's --previous does", async () => {
  const dir = await tempDir("carried-excel");
  try {
    const helar = await helar2024(dir);
    const plan = await nextPlan(dir, 2025);
    const cliFile = path.join(dir, "t1.xlsx");
    const run = await cli("generate", plan, "--period", "T1", "--year", "2025", "--out", cliFile, "--previous", helar);
    expect(run.code).toBe(0);
    const file = new ExcelJS.Workbook();
    await file.xlsx.readFile(cliFile);
    const fromFile = file.getWorksheet("KS T1 2025")!;

    const previous = [{ source: "helar-2024.xlsx", grids: (await readWorkbookFile(helar)).grids }];
    const standIn = standInFromGrids((await readWorkbookFile(plan)).grids);
    const result = await standIn.run((context) =>
      generateFollowUp(context, {
        period: findPeriod(DEFAULT_SETTINGS, "T1")!,
        year: 2025,
        due: null,
        planName: "plan-2025.xlsx",
        previous,
      }),
    );
    if (!result.written) throw new Error("nothing written");
    const excel = standIn.workbook.sheet("KS T1 2025");

    const underWay = carriedKey(2024, "U4");
    expect(carriedKeys(fromFile)).toEqual([underWay]);
    // The band, the carried row and the plan's row that continues an uppdrag: every cell B..H as the file has it.
    const rows = [`${SECTION_KEY} carried`, underWay, "assignment|U1"].map((key) => rowByKey(fromFile, key)!.number);
    for (const number of rows) {
      for (let col = COL.key; col <= COL.comment; col++) {
        const address = `${String.fromCharCode(65 + col)}${number}`;
        const expected = excelJsCellView(fromFile.getCell(address));
        const numberFormat = typeof expected.value === "string" ? "@" : expected.numberFormat;
        const view = standInCellView(excel.cell(address));
        expect({ address, ...view, numberFormat: view.numberFormat }).toEqual({ address, ...expected, numberFormat });
      }
    }
    expect(excel.cell(`B${rows[0]}`)?.value).toBe(CARRIED_SECTION);
    expect(excel.cell(`G${rows[1]}`)?.value).toBe("Helår 2024: Påbörjat – Kartläggningen är klar.");
    // The metadata the consolidation reads the years from.
    const since = `"since":{"${underWay}":2024,"assignment|U1":2024}`;
    expect(excel.cell(`A${META_ROW + 1}`)?.value).toEqual(expect.stringContaining(since));
    expect(fromFile.getCell(`A${META_ROW + 1}`).value).toEqual(expect.stringContaining(since));
    // The near title's finding, at the same cell.
    const near = result.followUp.findings.filter((f) => f.rule === "followup-carried-near");
    expect(near.map((f) => [f.sheet, f.cell])).toEqual([
      ["KS T1 2025", `B${rowByKey(fromFile, "assignment|U3")!.number}`],
    ]);
    // The pane's outline says it, as the CLI's summary does.
    const outline = followUpOutlineRows(result.followUp).find((row) => row.code === "KS")!;
    expect(sv.rowCounts(outline.counts)).toBe("4 mål, 3 uppdrag, 1 ramjust., 4 nyckeltal, 1 pågående från tidigare år");
    expect(run.out).toContain("KS T1 2025: 1");
    expect(run.out).toContain(`KS T1 2025!B${rowByKey(fromFile, "assignment|U3")!.number}`);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});
