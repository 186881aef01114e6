/**
 * The pane's generate with Kolada's figures, on the strict stand-in: the Excel host writes the Utfall and the label
 * beside it where the CLI does (test/kolada-cli.spec.ts reads the same cells from the .xlsx).
 */
import { promises as fs } from "fs";
import * as path from "path";
import { COL } from "../../src/domain/followup/model";
import { matchKolada } from "../../src/domain/kolada/match";
import { readKolada } from "../../src/domain/kolada/read";
import { findPeriod, DEFAULT_SETTINGS } from "../../src/domain/settings";
import { generateFollowUp, validateOpenWorkbook } from "../../src/hosts/excel/openWorkbook";
import { readWorkbookFile } from "../../src/hosts/xlsx/read";
import { EXAMPLES } from "../support/workbooks";
import { standInFromGrids } from "./support";

test("generate in the open workbook fills each nyckeltal's Utfall from Kolada and labels it with year and source", async () => {
  const standIn = standInFromGrids((await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids);
  const text = await fs.readFile(path.join(EXAMPLES, "ostersund-kolada.json"), "utf8");
  const read = readKolada([{ name: "ostersund-kolada.json", text }], null);
  const validation = await standIn.run((context) => validateOpenWorkbook(context));
  const match = matchKolada(validation.plan.keyFigures, read, 2024);
  const result = await standIn.run((context) =>
    generateFollowUp(context, {
      period: findPeriod(DEFAULT_SETTINGS, "Helår")!,
      year: 2024,
      due: null,
      planName: "plan.xlsx",
      koladaOutcomes: match.outcomes,
    }),
  );
  if (!result.written) throw new Error("not written");
  const sheet = standIn.workbook.sheet("KS Helår 2024");
  const rows = new Map<string, number>();
  for (const [key, cell] of sheet.cells) {
    if (key % 16384 === COL.key && typeof cell.value === "string") rows.set(cell.value, Math.floor(key / 16384));
  }
  const at = (key: string, col: number) => sheet.cells.get(rows.get(key)! * 16384 + col)?.value ?? null;
  expect(at("keyFigure|N1", COL.input)).toBe(65230);
  expect(at("keyFigure|N1", COL.extra)).toBe("antal\nKälla: Kolada 2024");
  expect(at("keyFigure|N2", COL.input)).toBe(81.6);
  expect(at("keyFigure|N2", COL.extra)).toBe("%\nKälla: Kolada 2023");
  // No Kolada ID: left for the nämnd.
  expect(at("keyFigure|N5", COL.input)).toBeNull();
});
