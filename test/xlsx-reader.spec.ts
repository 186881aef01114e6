/**
 * The xlsx host's own reader (src/hosts/xlsx/readBytes.ts, issue #16) against the ExcelJS read path it replaced
 * (test/support/excelJsGrid.ts): every workbook the test suite reads — the examples, the corpus, the fixtures, the
 * follow-up files the CLI writes — and workbooks written here with ExcelJS and saved again by LibreOffice, read both
 * ways and compared cell by cell: values (dates, numbers, booleans, text, error values, formula results), number
 * formats, merged ranges, hidden rows, sheet names and visibility, formulas without a result, the used range.
 *
 * Where the two differ on these files, the reader follows ECMA-376 and the difference is explained here with the
 * clause that decides it (falsyResultReadAsMissing, escapesDropped); any other difference fails. The last describe shows the
 * decisions on files made for them.
 */
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as path from "path";
import { isDateFormat } from "../src/hosts/xlsx/cellStyles";
import { UnusableInputError, readWorkbookBuffer } from "../src/hosts/xlsx/readBytes";
import { type CellValue, type Grid, cellName } from "../src/sheet/grid";
import { BASES, CLEAN_FIXTURES, RULE_FIXTURES, applyEdits, writeWorkbook } from "./fixtures/build-fixtures";
import { readWithExcelJs } from "./support/excelJsGrid";
import { convertWithLibreOffice } from "./support/libreoffice";
import { EXAMPLES, followUpFiles, tempDir } from "./support/workbooks";
import { rawZip, unzipEntries } from "./support/zipBuilder";

const ROOT = path.join(__dirname, "..");

/**
 * ExcelJS drops a formula's cached result when it is falsy (0, FALSE or empty text: its FormulaValue copies only
 * truthy fields), so such a cell read as a formula without a result. The cached value is in `<v>` whatever it is
 * (ECMA-376 Part 1 §18.3.1.96), and an empty text result is written `<v></v>` with `t="str"` (§18.18.11): the reader
 * reads 0, FALSE and "" (with the cell's number format, for 0).
 */
function falsyResultReadAsMissing(old: Grid, row: number, col: number, value: CellValue): boolean {
  return (
    (value === 0 || value === false || value === "") &&
    (old.uncomputed ?? []).some((cell) => cell.row === row && cell.col === col)
  );
}

/**
 * ExcelJS drops every backslash from a number format's code (`yyyy\-mm\-dd` → `yyyy-mm-dd`), which LibreOffice
 * writes before each literal character. The backslash is part of the code (ECMA-376 Part 1 §18.8.31: it shows the
 * next character as it is, `\d` a letter d and not a day), and Excel hands an add-in the code with it: the reader
 * keeps the code as written.
 */
function escapesDropped(oldFormat: string | null, format: string | null): boolean {
  return oldFormat !== null && format !== null && format.replace(/\\(.)/g, "$1") === oldFormat;
}

/** The differences between the two reads of a workbook that no known difference explains, one line each. */
function differences(old: Grid[], read: Grid[]): string[] {
  const out: string[] = [];
  if (old.length !== read.length) return [`sheets: ${old.map((g) => g.sheet)} ≠ ${read.map((g) => g.sheet)}`];
  old.forEach((before, i) => {
    const after = read[i];
    const say = (what: string, a: unknown, b: unknown) => out.push(`${before.sheet} ${what}: ${show(a)} ≠ ${show(b)}`);
    for (const key of ["sheet", "top", "left", "visibility", "merges", "hiddenRows"] as const) {
      if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) say(key, before[key], after[key]);
    }
    const explained = new Set<string>();
    const rows = Math.max(before.values.length, after.values.length);
    for (let r = 0; r < rows; r++) {
      const width = Math.max(before.values[r]?.length ?? 0, after.values[r]?.length ?? 0);
      for (let c = 0; c < width; c++) {
        const [row, col] = [before.top + r, before.left + c];
        const a = before.values[r]?.[c] ?? null;
        const b = after.values[r]?.[c] ?? null;
        const fa = before.formats?.[r]?.[c] ?? null;
        const fb = after.formats?.[r]?.[c] ?? null;
        if (sameValue(a, b) && (fa === fb || escapesDropped(fa, fb))) continue;
        if (a === null && falsyResultReadAsMissing(before, row, col, b)) {
          explained.add(`${row},${col}`);
          continue;
        }
        say(cellName(row, col), [a, fa], [b, fb]);
      }
    }
    const uncomputed = (before.uncomputed ?? []).filter(({ row, col }) => !explained.has(`${row},${col}`));
    if (JSON.stringify(uncomputed) !== JSON.stringify(after.uncomputed ?? [])) {
      say("uncomputed", uncomputed, after.uncomputed);
    }
  });
  return out;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

const show = (value: unknown) => (value instanceof Date ? value.toISOString() : JSON.stringify(value));

async function compare(file: string): Promise<void> {
  const bytes = await fs.readFile(file);
  const name = path.relative(ROOT, file);
  const old = await readWithExcelJs(bytes, name);
  const read = await readWorkbookBuffer(bytes, name);
  expect({ file: name, differences: differences(old.grids, read.grids) }).toEqual({ file: name, differences: [] });
  expect(read.modified?.getTime()).toBe(old.modified?.getTime());
}

const xlsxIn = async (dir: string) =>
  (await fs.readdir(dir))
    .filter((name) => name.endsWith(".xlsx"))
    .sort()
    .map((name) => path.join(dir, name));

let dir: string;
beforeAll(async () => {
  dir = await tempDir("xlsx-reader");
});
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("the reader gives the grids the ExcelJS path gave", () => {
  test("every example and corpus workbook", async () => {
    const files = [...(await xlsxIn(EXAMPLES)), ...(await xlsxIn(path.join(ROOT, "test", "corpus")))];
    expect(files.length).toBeGreaterThan(15);
    for (const file of files) await compare(file);
  });

  test("every fixture, as the fixture tests write it", async () => {
    const fixtures = [...RULE_FIXTURES, ...CLEAN_FIXTURES];
    for (const fixture of fixtures) {
      await compare(
        await writeWorkbook(`reader-${fixture.name}.xlsx`, applyEdits(BASES[fixture.layout], fixture.edits)),
      );
    }
  });

  test("the follow-up files the CLI writes: the master workbook and one file per nämnd", async () => {
    const files = await followUpFiles("xlsx-reader-followup", path.join(EXAMPLES, "ostersund-2024-mall.xlsx"));
    try {
      await compare(files.master);
      const split = await xlsxIn(files.split);
      expect(split.length).toBeGreaterThan(3);
      for (const file of split) await compare(file);
    } finally {
      await fs.rm(files.dir, { recursive: true, force: true });
    }
  });

  test("a workbook of every kind of cell, written by ExcelJS with shared and with inline strings", async () => {
    for (const useSharedStrings of [true, false]) {
      const file = path.join(dir, `kinds-${useSharedStrings ? "shared" : "inline"}.xlsx`);
      await kindsWorkbook().xlsx.writeFile(file, { useSharedStrings });
      await compare(file);
    }
  });

  test("the same workbook saved again by LibreOffice", async () => {
    const source = path.join(dir, "kinds.xlsx");
    await kindsWorkbook().xlsx.writeFile(source);
    const [saved] = await convertWithLibreOffice(source, "xlsx", path.join(dir, "libreoffice"));
    await compare(saved);
    const read = await readWorkbookBuffer(await fs.readFile(saved), "kinds.xlsx");
    expect(read.grids.map((grid) => [grid.sheet, grid.visibility])).toEqual([
      ["Värden", "visible"],
      ["Dold", "hidden"],
      ["Mycket dold", "hidden"], // LibreOffice has no very hidden sheets
      ["Spridd", "visible"],
    ]);
  }, 120_000);
});

/**
 * Text with markup characters and white space, numbers, booleans, dates under a built-in and a custom format, a
 * number under a custom non-date format, error values, formulas with results of each kind (also falsy ones) and
 * without, a shared formula, rich text, a hyperlink, merged ranges, hidden rows; a hidden and a very hidden sheet;
 * a sheet with a stray value far from its table.
 */
function kindsWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.modified = new Date(Date.UTC(2024, 4, 2, 10, 30));
  const sheet = workbook.addWorksheet("Värden");
  sheet.getCell("A1").value = "Uppdrag & mål <2024>";
  sheet.mergeCells("A1:D1");
  sheet.getRow(2).values = [null, "  inledande blanksteg", "rad\nbrytning", "Ö", 'citat "så"'];
  sheet.getRow(3).values = [null, 42, -3.5, 1e-7, 12345678901];
  sheet.getRow(4).values = [null, true, false, { error: "#N/A" }, { error: "#REF!" }];
  sheet.getCell("B5").value = new Date(Date.UTC(2024, 0, 31));
  sheet.getCell("C5").value = new Date(Date.UTC(2024, 5, 30, 12));
  sheet.getCell("C5").numFmt = "yyyy-mm-dd hh:mm";
  sheet.getCell("D5").value = 1500;
  sheet.getCell("D5").numFmt = '#,##0 "tkr"';
  sheet.getCell("E5").value = 0.25;
  sheet.getCell("E5").numFmt = "0%";
  sheet.getCell("B6").value = { formula: "B3*2", result: 84 };
  sheet.getCell("C6").value = { formula: 'IF(B4,"ja","nej")', result: "ja" };
  sheet.getCell("D6").value = { formula: "B4", result: true };
  sheet.getCell("E6").value = { formula: "D4", result: { error: "#N/A" } };
  sheet.getCell("B7").value = { formula: "B3-42", result: 0 };
  sheet.getCell("C7").value = { formula: "NOT(B4)", result: false };
  sheet.getCell("D7").value = { formula: 'IF(B4,"","x")', result: "" };
  sheet.getCell("E7").value = { formula: "B5+1", result: new Date(Date.UTC(2024, 1, 1)) };
  sheet.getCell("B8").value = { formula: "B3+1" } as ExcelJS.CellFormulaValue;
  sheet.getCell("C8").value = {
    formula: "B3*10",
    result: 420,
    shareType: "shared",
    ref: "C8:C9",
  } as ExcelJS.CellFormulaValue;
  sheet.getCell("C9").value = { sharedFormula: "C8", result: 35 };
  sheet.getCell("B10").value = { richText: [{ text: "fet", font: { bold: true } }, { text: " och vanlig" }] };
  sheet.getCell("C10").value = { text: "länk", hyperlink: "https://example.org/" };
  sheet.getCell("B11").value = "under";
  sheet.mergeCells("B11:C12");
  sheet.getRow(13).values = [null, "dold rad"];
  sheet.getRow(13).hidden = true;
  sheet.getColumn(5).hidden = true;
  const hidden = workbook.addWorksheet("Dold", { state: "hidden" });
  hidden.getCell("C3").value = "gömd";
  workbook.addWorksheet("Mycket dold", { state: "veryHidden" }).getCell("A1").value = 1;
  const sparse = workbook.addWorksheet("Spridd");
  sparse.getCell("A1").value = "början";
  sparse.getCell("B2").value = 2;
  sparse.getCell("ZZ90000").value = "långt bort";
  return workbook;
}

describe("where the reader follows the standard rather than ExcelJS", () => {
  test("a formula's falsy cached result (0, FALSE, empty text) is its result, not a missing one", async () => {
    const file = path.join(dir, "falsy.xlsx");
    await kindsWorkbook().xlsx.writeFile(file);
    const [grid] = (await readWorkbookBuffer(await fs.readFile(file), "falsy.xlsx")).grids;
    const at = (ref: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      return grid.values[Number(m[2]) - 1 - grid.top][m[1].charCodeAt(0) - 65 - grid.left];
    };
    expect([at("B7"), at("C7"), at("D7")]).toEqual([0, false, ""]);
    // The one formula saved without a result is still said to have none.
    expect(grid.uncomputed).toEqual([{ row: 7, col: 1 }]);
    const [old] = (await readWithExcelJs(await fs.readFile(file), "falsy.xlsx")).grids;
    expect(old.uncomputed).toEqual([
      { row: 6, col: 1 },
      { row: 6, col: 2 },
      { row: 6, col: 3 },
      { row: 7, col: 1 },
    ]);
  });

  test("rows and cells without a reference follow the one before, elements under any prefix are read", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Blad");
    const parts = await unzipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
    parts.set(
      "xl/worksheets/sheet1.xml",
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
          '<x:sheetData><x:row r="2"><x:c r="B2"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>' +
          '<x:row><x:c t="inlineStr"><x:is><x:t>tre</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
      ),
    );
    const [grid] = (await readWorkbookBuffer(rawZip([...parts].map(([name, data]) => ({ name, data }))), "x")).grids;
    // ECMA-376 Part 1 §18.3.1.73 row and §18.3.1.4 c: `r` is optional; XML namespaces make the prefix free.
    expect(grid).toMatchObject({
      top: 1,
      left: 0,
      values: [
        [null, 1, 2],
        ["tre", null, null],
      ],
    });
  });

  test("a number format shows a date by its codes, not by letters it quotes or escapes (ECMA-376 Part 1 §18.8.31)", () => {
    for (const code of ["yyyy-mm-dd", "YYYY\\-MM\\-DD", "[$-41D]d mmmm yyyy", "[h]:mm:ss", "mm:ss", "h:mm AM/PM"]) {
      expect([code, isDateFormat(code)]).toEqual([code, true]);
    }
    for (const code of [
      "General",
      "0.00",
      '#,##0 "tkr"',
      "0\\ \\d\\a\\g",
      "[Red]#,##0",
      "_-* #,##0_-",
      "0.00E+00",
      "@",
    ]) {
      expect([code, isDateFormat(code)]).toEqual([code, false]);
    }
  });

  test("overlapping merged ranges and a shared string the file does not have: the file is damaged", async () => {
    const workbook = new ExcelJS.Workbook();
    const blad = workbook.addWorksheet("Blad");
    blad.getCell("A1").value = "text";
    blad.getCell("C3").value = 1; // so that the ranges are not clipped away
    const parts = await unzipEntries(Buffer.from(await workbook.xlsx.writeBuffer()));
    const sheet = parts.get("xl/worksheets/sheet1.xml")!.toString("utf8");
    const damaged = [
      sheet.replace(
        /<mergeCells[^]*<\/mergeCells>|(?=<pageMargins)/,
        '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
      ),
      sheet.replace(/<v>0<\/v>/, "<v>7</v>"),
    ];
    expect(damaged.every((xml) => xml !== sheet)).toBe(true);
    for (const xml of damaged) {
      parts.set("xl/worksheets/sheet1.xml", Buffer.from(xml));
      const error = await readWorkbookBuffer(rawZip([...parts].map(([name, data]) => ({ name, data }))), "x").then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UnusableInputError);
      expect((error as UnusableInputError).problem.code).toBe("corrupt");
    }
  });
});
