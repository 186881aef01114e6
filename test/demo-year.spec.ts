/**
 * `npm run demo`'s whole year (issue #20), through the built CLI as the demo runs it: T1 answered; Delår made with T1's
 * report as the previous period, so that T1's answers stand beside the new input; Helår with the nyckeltal's utfall
 * from the bundled Kolada file, its report showing T1 → Delår → Helår; and 2025's T1, from a plan made as a copy of
 * 2024's, with SAN's unfinished uppdrag carried over. What each step must show is written from the demo's answers
 * (scripts/demo.js, scripts/demo-year.js), read back from the files with ExcelJS.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { followUp, restOfYear } from "../scripts/demo";
import { HISTORIK_2024_HEADERS, sheetRows, tempDir } from "./support/workbooks";

let dir: string;
let year: { t1: { report: string }; delar: { split: string }; helar: { split: string; report: string } };
let next: { split: string; report: string };

beforeAll(async () => {
  dir = await tempDir("demo-year");
  const t1 = await followUp(dir, () => undefined);
  const rest = await restOfYear(dir, () => undefined, t1);
  year = { t1, delar: rest.delar, helar: rest.helar };
  next = rest.next;
}, 300_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function sheetOf(file: string, name?: string): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return name ? workbook.getWorksheet(name)! : workbook.worksheets[0];
}

/** The row's cells B.. as text (null for an empty cell), by its hidden key in column A. */
function rowOf(sheet: ExcelJS.Worksheet, key: string): (string | null)[] | undefined {
  let found: (string | null)[] | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value !== key) return;
    found = Array.from({ length: 8 }, (_, i) => {
      const value = row.getCell(i + 2).value;
      return value === null || value === undefined ? null : String(value);
    });
  });
  return found;
}

/** The rows of a report sheet, as text ("" for an empty cell), each as long as its last filled cell. */
async function reportRows(file: string, name: string): Promise<string[][]> {
  const rows = await sheetRows(file, name);
  return rows.map((row) => {
    const length = row.reduce<number>((last, value, i) => (value === null ? last : i + 1), 0);
    return row.slice(0, length).map((value) => (value === null ? "" : String(value)));
  });
}

test("Delår shows what each nämnd answered at T1 beside the new input", async () => {
  const ks = await sheetOf(path.join(year.delar.split, "KS-Delår-2024.xlsx"));
  // Column G (the 6th cell from B): T1's answer; F: what KS answered at Delår.
  expect(rowOf(ks, "goal|NM1")?.slice(4, 6)).toEqual([
    "Uppfyllt",
    "Delvis uppfyllt – Arbetet pågår men når inte hela vägen i år.",
  ]);
  const san = await sheetOf(path.join(year.delar.split, "SAN-Delår-2024.xlsx"));
  expect(rowOf(san, "assignment|U7")?.[5]).toBe("Påbörjat – Påbörjat under våren, klart till hösten.");
});

test("Helår has the nyckeltal's utfall from the Kolada file, with its year and source", async () => {
  const ks = await sheetOf(path.join(year.helar.split, "KS-Helår-2024.xlsx"));
  expect(rowOf(ks, "keyFigure|N1")?.slice(4, 6)).toEqual(["65230", "antal\nKälla: Kolada 2024"]);
});

test("Helår's report shows each row's T1 → Delår → Helår", async () => {
  const rows = await reportRows(year.helar.report, "Historik");
  expect(rows[2]).toEqual(HISTORIK_2024_HEADERS);
  const digital = rows.find((r) => r[0] === "SAN" && r[2] === "Inför digital ansökan om ekonomiskt bistånd.");
  expect(digital?.slice(3)).toEqual([
    "Påbörjat",
    "Påbörjat under våren, klart till hösten.",
    "Försenat",
    "Upphandlingen av e-tjänsten överprövades.",
    "Försenat",
    "Ny upphandling; e-tjänsten i drift tidigast hösten 2025.",
  ]);
  const countryside = rows.find((r) => r[0] === "KS" && r[2].startsWith("Se över spridning av kommunal verksamhet"));
  expect([countryside?.[3], countryside?.[5], countryside?.[7]]).toEqual(["Påbörjat", "Påbörjat", "Påbörjat"]);
});

test("2025's T1 carries SAN's unfinished uppdrag; KS's, which the new plan repeats, shows its history", async () => {
  const san = await sheetOf(path.join(next.split, "SAN-T1-2025.xlsx"));
  const carried = rowOf(san, "carried|2024:U7");
  expect(carried?.[0]).toBe("Inför digital ansökan om ekonomiskt bistånd.");
  expect(carried?.[5]).toBe("Helår 2024: Försenat – Ny upphandling; e-tjänsten i drift tidigast hösten 2025.");
  // Answered by SAN in the demo, and consolidated into the report's Pågående uppdrag.
  expect(carried?.slice(4, 7)).toEqual(["Påbörjat", carried?.[5], "E-tjänsten upphandlad; driftstart i september."]);
  const ks = await sheetOf(path.join(next.split, "KS-T1-2025.xlsx"));
  // 2024's U4, U3 in 2025's plan.
  expect(rowOf(ks, "assignment|U3")?.[5]).toBe("Helår 2024: Påbörjat – Analysen av investeringarna redovisas i mars.");
  // Not carried beside it: the new plan has it.
  let carriedOnKs = 0;
  ks.eachRow((row) => (carriedOnKs += String(row.getCell(1).value).startsWith("carried|") ? 1 : 0));
  expect(carriedOnKs).toBe(0);

  const report = await reportRows(next.report, "Pågående uppdrag");
  expect(report.find((r) => r[0] === "SAN")).toEqual([
    "SAN",
    "Inför digital ansökan om ekonomiskt bistånd.",
    "Förs vidare",
    "2024",
    "1 år",
    "Påbörjat",
    "E-tjänsten upphandlad; driftstart i september.",
  ]);
});
