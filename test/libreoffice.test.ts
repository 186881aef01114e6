/**
 * The LibreOffice harness itself (test/support/libreoffice.ts): workbooks built here with ExcelJS, with known
 * contents, read back through LibreOffice Calc. No skipping: without LibreOffice every test here fails with a
 * message that says `.ci/run` installs it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  LIBREOFFICE_MISSING,
  inspectManyWithLibreOffice,
  libreOfficeAvailable,
  loCell,
  loSheet,
  requireLibreOffice,
  sharedOfficeGroup,
  startLibreOffice,
  type LibreOffice,
  type LoWorkbook,
} from "./support/libreoffice";

const LO_TIMEOUT = 120_000;

let dir: string;
let harnessPath: string;
/** One soffice for the file's inspections and conversions (that of recalc "never" needs a profile of its own). */
let office: LibreOffice | undefined;
/** harness.xlsx, inspected the normal way (recalculated on load and with calculateAll()). */
let workbook: LoWorkbook;

/**
 * One workbook with a case for everything the harness reads. D2's cached result (999) is deliberately wrong:
 * B2 - C2 is 7, so a reader that trusts the cache reports 999.
 */
async function buildHarnessWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet("Uppföljning", { views: [{ state: "frozen", ySplit: 3 }] });
  sheet.getCell("A1").value = "=SUM(A1)"; // a string that looks like a formula: must stay text
  sheet.getCell("A2").value = "001"; // a code with a leading zero: must stay text
  sheet.getCell("B2").value = 10;
  sheet.getCell("C2").value = 3;
  sheet.getCell("D2").value = { formula: "B2-C2", result: 999 };
  sheet.getCell("E2").value = { formula: 'A2&"x"', result: "stale" };
  sheet.getCell("F2").value = "dold kolumn";
  sheet.getColumn("F").hidden = true;
  sheet.getCell("B3").protection = { locked: false }; // an empty input cell
  sheet.getCell("B4").dataValidation = { type: "list", allowBlank: true, formulae: ["Listor!$A$2:$A$5"] };
  sheet.getCell("B5").dataValidation = { type: "list", allowBlank: true, formulae: ["'Mina listor'!$A$2:$A$3"] };
  sheet.getCell("B6").dataValidation = { type: "list", allowBlank: false, formulae: ['"Ja,Nej"'] };
  sheet.pageSetup = { orientation: "landscape", paperSize: 9, printTitlesRow: "1:3" };
  await sheet.protect("", {});

  const lists = wb.addWorksheet("Listor", { state: "hidden" });
  ["Status", "Uppnått", "Delvis", "Ej uppnått", "Ej bedömt"].forEach((v, i) => (lists.getCell(i + 1, 1).value = v));
  const mine = wb.addWorksheet("Mina listor", { state: "hidden" });
  ["Val", "Ja", "Nej"].forEach((v, i) => (mine.getCell(i + 1, 1).value = v));
  const secret = wb.addWorksheet("Hemlig", { state: "veryHidden" });
  secret.getCell("A1").value = 1;
  wb.addWorksheet("Tom");

  await wb.xlsx.writeFile(path);
}

beforeAll(async () => {
  requireLibreOffice(); // fails every test below with LIBREOFFICE_MISSING instead of skipping
  dir = await mkdtemp(join(tmpdir(), "maltavlan-lo-test-"));
  harnessPath = join(dir, "harness.xlsx");
  await buildHarnessWorkbook(harnessPath);
  office = await startLibreOffice();
  [workbook] = await office.inspect([harnessPath]);
}, LO_TIMEOUT);

afterAll(async () => {
  await office?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test("LibreOffice and python3-uno are installed (.ci/run installs them)", () => {
  if (!libreOfficeAvailable()) throw new Error(LIBREOFFICE_MISSING);
  expect(workbook.engine.product).toBe("LibreOffice");
});

test("the profile recalculates OOXML on load and calculateAll() ran", () => {
  expect(workbook.engine.ooxmlRecalcMode).toBe(0);
  expect(workbook.engine.calculateAll).toBe(true);
});

test("sheet names, in order, and their visibility (veryHidden reads as hidden)", () => {
  expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
    ["Uppföljning", "visible"],
    ["Listor", "hidden"],
    ["Mina listor", "hidden"],
    ["Hemlig", "hidden"],
    ["Tom", "visible"],
  ]);
  expect(loSheet(workbook, "Tom")).toMatchObject({ usedRange: null, cells: [] });
});

describe("cell types and values", () => {
  const cell = (ref: string) => loCell(loSheet(workbook, "Uppföljning"), ref);

  test('a text "=SUM(A1)" stays text', () => {
    expect(cell("A1")).toMatchObject({ type: "text", value: "=SUM(A1)", formula: null });
  });

  test('"001" is text', () => {
    expect(cell("A2")).toMatchObject({ type: "text", value: "001" });
  });

  test("a number is a number", () => {
    expect(cell("B2")).toMatchObject({ type: "number", value: 10 });
    expect(typeof cell("B2").value).toBe("number");
  });

  test("a formula reports its recalculated result, not the wrong cached one", () => {
    expect(cell("D2")).toMatchObject({ type: "formula", formula: "=B2-C2", resultType: "number", value: 7 });
  });

  test("a formula with a text result", () => {
    expect(cell("E2")).toMatchObject({ type: "formula", resultType: "text", value: "001x" });
  });

  test("empty cells inside the area are reported as empty", () => {
    expect(cell("C1")).toMatchObject({ type: "empty", value: null });
    expect(() => cell("Z99")).toThrow(/outside the area/);
  });
});

describe("recalculation", () => {
  test(
    "the cached result is really wrong in the file, and the profile setting alone recalculates it",
    async () => {
      const [trusting] = await inspectManyWithLibreOffice([harnessPath], { recalc: "never" });
      const [profileOnly] = await office!.inspect([harnessPath], { recalc: "profile-only" });
      const d2 = (wb: LoWorkbook) => loCell(loSheet(wb, "Uppföljning"), "D2").value;
      expect(trusting.engine).toMatchObject({ ooxmlRecalcMode: 1, calculateAll: false });
      expect(d2(trusting)).toBe(999);
      expect(profileOnly.engine).toMatchObject({ ooxmlRecalcMode: 0, calculateAll: false });
      expect(d2(profileOnly)).toBe(7);
    },
    LO_TIMEOUT,
  );
});

describe("protection", () => {
  test("the sheet is protected; the hidden list sheets are not", () => {
    expect(loSheet(workbook, "Uppföljning").protected).toBe(true);
    expect(loSheet(workbook, "Listor").protected).toBe(false);
  });

  test("a locked and an unlocked cell", () => {
    const sheet = loSheet(workbook, "Uppföljning");
    expect(loCell(sheet, "B2").locked).toBe(true);
    // B3 is empty; it is reported because it is unlocked.
    expect(loCell(sheet, "B3")).toMatchObject({ type: "empty", locked: false });
  });
});

test("list validations: on a hidden sheet, on a sheet whose name needs quotes, and inline", () => {
  const sheet = loSheet(workbook, "Uppföljning");
  expect(loCell(sheet, "B4").validation).toMatchObject({
    type: "list",
    source: "$Listor.$A$2:$A$5",
    allowBlank: true,
  });
  expect(loCell(sheet, "B5").validation).toMatchObject({ type: "list", source: "$'Mina listor'.$A$2:$A$3" });
  expect(loCell(sheet, "B6").validation).toMatchObject({ type: "list", source: '"Ja";"Nej"', allowBlank: false });
  expect(loCell(sheet, "B2").validation).toBeNull();
  expect(sheet.usedRange).toBe("A1:F6"); // widened from A1:F2 to the empty cells that carry something
});

test("a hidden column", () => {
  expect(loSheet(workbook, "Uppföljning").hiddenColumns).toEqual([5]);
  expect(loSheet(workbook, "Listor").hiddenColumns).toEqual([]);
});

test("the first 3 rows are frozen; other sheets have no frozen rows", () => {
  expect(loSheet(workbook, "Uppföljning")).toMatchObject({ frozenRows: 3, frozenColumns: 0 });
  expect(loSheet(workbook, "Listor").frozenRows).toBe(0);
});

test("print setup: landscape A4, rows 1-3 repeated on every page", () => {
  expect(loSheet(workbook, "Uppföljning")).toMatchObject({
    printLandscape: true,
    paper: "A4",
    paperWidthMm: 297,
    paperHeightMm: 210,
    printTitleRows: "$1:$3",
    printTitleColumns: null,
  });
  // Without a page setup LibreOffice's default (its locale is pinned to en-US) applies.
  expect(loSheet(workbook, "Listor")).toMatchObject({ printLandscape: false, paper: "Letter", printTitleRows: null });
});

describe("conversion", () => {
  test(
    "csv: one file per sheet, with recalculated results",
    async () => {
      const [files] = await office!.convert([harnessPath], "csv", join(dir, "csv"));
      expect(files.map((f) => f.slice(join(dir, "csv").length + 1))).toEqual([
        "harness-Hemlig.csv",
        "harness-Listor.csv",
        "harness-Mina listor.csv",
        "harness-Tom.csv",
        "harness-Uppföljning.csv",
      ]);
      const main = await readFile(join(dir, "csv", "harness-Uppföljning.csv"), "utf8");
      expect(main.split("\n")[1]).toBe('"001",10,3,7,"001x","dold kolumn"');
    },
    LO_TIMEOUT,
  );

  test(
    "pdf",
    async () => {
      const [[pdf]] = await office!.convert([harnessPath], "pdf", join(dir, "pdf"));
      const bytes = await readFile(pdf);
      expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    },
    LO_TIMEOUT,
  );
});

test(
  "an answer of many chunks keeps every character whole, also one whose two bytes two chunks split",
  async () => {
    // 1.2 MB of "å" (two bytes each in UTF-8): the pipe delivers it in chunks, and some boundary falls inside one.
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet("Långt");
    const texts = Array.from({ length: 20 }, (_, i) => "x".repeat(i % 2) + "å".repeat(30_000));
    texts.forEach((text, i) => (sheet.getCell(i + 1, 1).value = text));
    const file = join(dir, "long.xlsx");
    await wb.xlsx.writeFile(file);
    const [long] = await office!.inspect([file]);
    const values = loSheet(long, "Långt").cells.map((c) => c.value);
    const broken = values.flatMap((value, i) => (value === texts[i] ? [] : [`A${i + 1}`]));
    expect({ cells: values.length, broken }).toEqual({ cells: texts.length, broken: [] });
  },
  LO_TIMEOUT,
);

describe("one soffice per Jest worker for the whole run (test/support/libreofficeRun.js)", () => {
  /** Whether a process of the group is left that is not a zombie (an init that does not reap leaves oosplash one). */
  const alive = (group: number) =>
    readdirSync("/proc")
      .filter((name) => /^\d+$/.test(name))
      .some((pid) => {
        try {
          const [state, , processGroup] = readFileSync(`/proc/${pid}/stat`, "utf8").split(")").pop()!.trim().split(" ");
          return Number(processGroup) === group && state !== "Z";
        } catch {
          return false; // gone meanwhile
        }
      });

  test(
    "a session that ends leaves the soffice up, and the next session uses it",
    async () => {
      await office!.inspect([harnessPath]);
      const group = sharedOfficeGroup();
      expect(group).not.toBeNull();
      const next = await startLibreOffice();
      try {
        const [again] = await next.inspect([harnessPath]);
        expect(loCell(loSheet(again, "Uppföljning"), "D2").value).toBe(7);
      } finally {
        await next.close();
      }
      expect(sharedOfficeGroup()).toBe(group);
      expect(alive(group!)).toBe(true);
    },
    LO_TIMEOUT,
  );

  test(
    "a session stopped by its timeout takes the soffice down with it; the next one starts another",
    async () => {
      const stopped = await startLibreOffice();
      await stopped.inspect([harnessPath]);
      const group = sharedOfficeGroup()!;
      await expect(stopped.inspect([harnessPath], { timeoutMs: 1 })).rejects.toThrow(/timed out after 1 ms/);
      await stopped.close();
      for (let waited = 0; alive(group) && waited < 10_000; waited += 100) await new Promise((r) => setTimeout(r, 100));
      expect(alive(group)).toBe(false);

      const next = await startLibreOffice();
      try {
        const [again] = await next.inspect([harnessPath]);
        expect(loCell(loSheet(again, "Uppföljning"), "D2").value).toBe(7);
      } finally {
        await next.close();
      }
      expect(sharedOfficeGroup()).not.toBe(group);
    },
    LO_TIMEOUT,
  );
});
