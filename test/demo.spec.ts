/**
 * `npm run demo`'s follow-up, from plan to report: the Östersund example generated with the ledger export's utfall,
 * answered by three nämnder (prognos, kommentar, åtgärder), consolidated. The report's Driftredovisning, recalculated
 * by LibreOffice (its avvikelse and % are formulas), must be the table written by hand in test/expected. Runs the
 * demo's own steps through the built CLI (`npm run build:cli` first).
 */
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { followUp } from "../scripts/demo";
import { DRIFT_SHEET } from "../src/domain/followup/economyReport";
import { inspectWithLibreOffice, LoSheet, loCell, loSheet } from "./support/libreoffice";
import { cellName } from "../src/sheet/grid";

type Value = string | number | null;
interface Expected {
  columns: string[];
  rows: Value[][];
}

const FIRST_ROW = 3; // 0-based: the sheet's heading, marker and column headers above
const PERCENT_COL = 6;

/** A row of the sheet as the table writes it: amounts to öre, % to one decimal, an empty cell as null. */
function sheetRow(sheet: LoSheet, row: number, width: number): Value[] {
  return Array.from({ length: width }, (_, col) => {
    const value = loCell(sheet, cellName(row, col)).value;
    if (value === "" || value === null) return null;
    if (typeof value !== "number") return value;
    return col === PERCENT_COL ? Math.round(value * 1000) / 10 : Math.round(value * 100_000) / 100_000;
  });
}

test("the demo's report has the expected Driftredovisning", async () => {
  const expected = JSON.parse(
    await fs.readFile(path.join(__dirname, "expected", "ostersund-2024-driftredovisning.json"), "utf8"),
  ) as Expected;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-demo-"));
  try {
    const { report } = await followUp(dir, () => undefined);
    const sheet = loSheet(await inspectWithLibreOffice(report), DRIFT_SHEET);
    const width = expected.columns.length;
    const headers = sheetRow(sheet, FIRST_ROW - 1, width).map((h) => String(h).split("\n")[0]);
    expect(headers).toEqual(expected.columns);
    const rows = expected.rows.map((_, i) => sheetRow(sheet, FIRST_ROW + i, width));
    expect(rows).toEqual(expected.rows);
    // Nothing more in the table: the row under the total is the blank one above the notes.
    expect(sheetRow(sheet, FIRST_ROW + expected.rows.length, width)).toEqual(Array(width).fill(null));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}, 180_000);
