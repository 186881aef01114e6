/**
 * The xlsx host against real files: workbooks built with ExcelJS (and zips rewritten with JSZip, a zip library
 * independent of the reader's own central-directory parser), written to a temp dir and read back.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Grid } from "../src/sheet/grid";
import type { WorkbookSpec } from "../src/sheet/spec";
import {
  SCENARIO_SHEETS,
  TRICKY_TEXTS,
  READING_SCENARIO_VALUES,
  readingScenarioWorkbook,
} from "./support/hostScenario";
import {
  readWorkbookBuffer,
  readWorkbookFile,
  UnusableInputError,
  type UnusableInputKind,
} from "../src/hosts/xlsx/read";
import { workbookBuffer, writeWorkbookFile } from "../src/hosts/xlsx/write";
import { buildWorkbook } from "../src/hosts/xlsx/writeBytes";
import { fileProblemMessage } from "../src/i18n/errors";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "maltavlan-xlsx-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeExcelJs(workbook: ExcelJS.Workbook, name: string): Promise<string> {
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

async function loadExcelJs(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

function sheetByName(grids: Grid[], name: string): Grid {
  const grid = grids.find((g) => g.sheet === name);
  if (!grid) throw new Error(`no grid named ${name}`);
  return grid;
}

/** A small workbook with one sheet, as bytes: the "real xlsx" the broken-file tests start from. */
async function simpleXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Mål");
  sheet.getCell("A1").value = "Nämnd";
  sheet.getCell("B1").value = "Budget";
  for (let i = 0; i < 200; i++) {
    sheet.getCell(i + 2, 1).value = `Nämnd ${i}`;
    sheet.getCell(i + 2, 2).value = i * 1000;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("readWorkbookFile: worksheets to Grids", () => {
  let grids: Grid[];
  let unsupported: string[];

  beforeAll(async () => {
    const workbook = readingScenarioWorkbook();

    const read = await readWorkbookFile(await writeExcelJs(workbook, "plan.xlsx"));
    grids = read.grids;
    unsupported = read.unsupportedParts;
  });

  test("one grid per worksheet in workbook order, with visibility", () => {
    expect(grids.map((g) => [g.sheet, g.visibility])).toEqual([
      ["Plan", "visible"],
      ["Dold", "hidden"],
      ["Måltavlan", "veryHidden"],
      ["Tom", "visible"],
    ]);
    expect(unsupported).toEqual([]);
  });

  test("values of the used range, starting at its top-left", () => {
    const plan = sheetByName(grids, "Plan");
    expect(plan.top).toBe(1);
    expect(plan.left).toBe(1);
    expect(plan.values).toEqual(READING_SCENARIO_VALUES);
    expect(plan.values[2][2]).toBeInstanceOf(Date);
  });

  test("merges, number formats and hidden rows", () => {
    const plan = sheetByName(grids, "Plan");
    expect(plan.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 4 }]);
    expect(plan.hiddenRows).toEqual([4]);
    expect(plan.formats?.[2]).toEqual([null, '#,##0 "tkr"', "yyyy-mm-dd", null]);
    expect(plan.formats?.[0]).toEqual([null, null, null, null]);
    expect(plan.formats).toHaveLength(plan.values.length);
  });

  test("a formula saved without its result reads as empty and is listed as such; one with a result is not", () => {
    expect(sheetByName(grids, "Plan").uncomputed).toEqual([{ row: 5, col: 3 }]);
  });

  test("hidden, very hidden and blank sheets", () => {
    expect(sheetByName(grids, "Dold")).toMatchObject({ top: 0, left: 0, values: [["dold"]] });
    expect(sheetByName(grids, "Måltavlan")).toMatchObject({ top: 0, left: 0, values: [["state", 1]] });
    expect(sheetByName(grids, "Tom")).toEqual({
      sheet: "Tom",
      top: 0,
      left: 0,
      values: [],
      formats: [],
      visibility: "visible",
      merges: [],
      hiddenRows: [],
      uncomputed: [],
    });
  });

  test("whole-column validations and conditional formats do not slow reading down", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Stor");
    sheet.getCell("A1").value = "Nämnd";
    sheet.getCell("B1").value = "Status";
    // Cast: ExcelJS 4.4 has worksheet.dataValidations.add(range, …) but its typings omit it.
    (
      sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
    ).dataValidations.add("B2:E1048576", { type: "list", allowBlank: true, formulae: ['"Ja,Nej"'] });
    sheet.addConditionalFormatting({
      ref: "A1:E1048576",
      rules: [{ type: "expression", priority: 1, formulae: ["A1<0"], style: { font: { bold: true } } }],
    });
    const path = await writeExcelJs(workbook, "hela-kolumner.xlsx");
    // Whole-column validations are expanded cell by cell by ExcelJS (about 10 s and 400 MB here), so the reader
    // skips them; how fast that is belongs in the benchmark, not in a test.
    const { grids } = await readWorkbookFile(path);
    expect(grids[0].values).toEqual([["Nämnd", "Status"]]);
  });

  test("buffers of every accepted kind give the same grids", async () => {
    const data = await simpleXlsx();
    const fromBuffer = await readWorkbookBuffer(data, "a.xlsx");
    const copy = new Uint8Array(data.length + 8).subarray(4, 4 + data.length);
    copy.set(data);
    const fromUint8 = await readWorkbookBuffer(copy, "a.xlsx");
    const fromArrayBuffer = await readWorkbookBuffer(copy.slice().buffer, "a.xlsx");
    expect(fromBuffer.grids[0].values).toHaveLength(201);
    expect(fromBuffer.grids[0].values[200]).toEqual(["Nämnd 199", 199000]);
    expect(fromUint8.grids).toEqual(fromBuffer.grids);
    expect(fromArrayBuffer.grids).toEqual(fromBuffer.grids);
  });
});

describe("unusable input", () => {
  async function expectUnusable(path: string, kind: UnusableInputKind, message: string): Promise<void> {
    const error = await readWorkbookFile(path).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UnusableInputError);
    expect((error as UnusableInputError).kind).toBe(kind);
    const said = fileProblemMessage((error as UnusableInputError).problem, "sv");
    expect(said).toBe(message);
    expect(said).not.toContain("\n");
  }

  async function file(name: string, data: Buffer | string): Promise<string> {
    const path = join(dir, name);
    await writeFile(path, data);
    return path;
  }

  /** Deterministic pseudo-random bytes that start with neither "PK" nor the OLE magic. */
  function noise(length: number): Buffer {
    const bytes = Buffer.alloc(length);
    let state = 12345;
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      bytes[i] = state >> 16;
    }
    bytes[0] = 0x9c;
    return bytes;
  }

  const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

  test("a missing file", async () => {
    const path = join(dir, "finns-inte.xlsx");
    await expectUnusable(path, "missing", `Filen finns inte: ${path}`);
  });

  test("a folder", async () => {
    await expectUnusable(dir, "unreadable", `Sökvägen är en mapp, inte en fil: ${dir}`);
  });

  test("an empty file", async () => {
    const path = await file("tom.xlsx", Buffer.alloc(0));
    await expectUnusable(path, "notWorkbook", `Filen är inte en Excel-arbetsbok (.xlsx): ${path} (filen är tom)`);
  });

  test("random bytes", async () => {
    const path = await file("brus.xlsx", noise(4096));
    await expectUnusable(path, "notWorkbook", `Filen är inte en Excel-arbetsbok (.xlsx): ${path}`);
  });

  test("a CSV file named .xlsx", async () => {
    const path = await file("plan.xlsx", "Nämnd;Budget\nKS;1200\n");
    await expectUnusable(
      path,
      "notWorkbook",
      `Filen är inte en Excel-arbetsbok (.xlsx): ${path} (det är en textfil, till exempel CSV)`,
    );
  });

  test("a zip without xl/workbook.xml (a Word document renamed)", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("word/document.xml", "<w:document/>");
    const path = await file("rapport.xlsx", await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    await expectUnusable(
      path,
      "notWorkbook",
      `Filen är inte en Excel-arbetsbok (.xlsx): ${path} (det är ett Word-dokument)`,
    );
  });

  test("some other zip", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hej");
    const path = await file("arkiv.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    await expectUnusable(path, "notWorkbook", `Filen är inte en Excel-arbetsbok (.xlsx): ${path}`);
  });

  test("a truncated copy of a real workbook", async () => {
    const data = await simpleXlsx();
    for (const [name, length] of [
      ["halv.xlsx", Math.floor(data.length / 2)],
      ["nastan.xlsx", data.length - 10],
    ] as const) {
      const path = await file(name, data.subarray(0, length));
      await expectUnusable(path, "corrupt", `Filen är skadad eller ofullständig och kan inte läsas: ${path}`);
    }
  });

  test("a workbook with malformed sheet XML: ExcelJS's own error does not escape", async () => {
    const zip = await JSZip.loadAsync(await simpleXlsx());
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("nodebuffer");
    // Stored (uncompressed) so the bytes can be found and damaged in place: an unclosed element.
    zip.file("xl/worksheets/sheet1.xml", sheetXml.toString("utf8").replace("</sheetData>", "<row r="), {
      compression: "STORE",
    });
    const path = await file("trasig.xlsx", await zip.generateAsync({ type: "nodebuffer" }));
    await expectUnusable(path, "corrupt", `Filen är skadad eller ofullständig och kan inte läsas: ${path}`);
  });

  test("an encrypted workbook (OLE compound file with an EncryptedPackage stream)", async () => {
    const directory = Buffer.concat([
      Buffer.from("EncryptionInfo", "utf16le"),
      Buffer.alloc(40),
      Buffer.from("EncryptedPackage", "utf16le"),
    ]);
    const path = await file("krypterad.xlsx", Buffer.concat([OLE, Buffer.alloc(504), directory, noise(2048)]));
    await expectUnusable(path, "encrypted", `Arbetsboken är lösenordsskyddad (krypterad) och kan inte läsas: ${path}`);
  });

  test("an old .xls workbook (OLE compound file with a Workbook stream)", async () => {
    const path = await file("gammal.xls", Buffer.concat([OLE, Buffer.alloc(504), Buffer.from("Workbook", "utf16le")]));
    await expectUnusable(
      path,
      "legacyFormat",
      `Arbetsboken är i det gamla .xls-formatet och kan inte läsas; spara den som .xlsx i Excel: ${path}`,
    );
  });

  test("any other file starting with the OLE magic", async () => {
    const path = await file("ole.xlsx", Buffer.concat([OLE, noise(1024)]));
    await expectUnusable(
      path,
      "encrypted",
      `Arbetsboken är lösenordsskyddad (krypterad) eller i det gamla .xls-formatet och kan inte läsas: ${path}`,
    );
  });
});

describe("unsupported parts", () => {
  async function withEntries(entries: Record<string, string>): Promise<string> {
    const zip = await JSZip.loadAsync(await simpleXlsx());
    for (const [name, content] of Object.entries(entries)) zip.file(name, content);
    const path = join(dir, `delar-${Object.keys(entries).length}.xlsx`);
    await writeFile(path, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    return path;
  }

  test("a chart part is reported as 'diagram', and the sheets are still read", async () => {
    const read = await readWorkbookFile(await withEntries({ "xl/charts/chart1.xml": "<c:chartSpace/>" }));
    expect(read.unsupportedParts).toEqual(["charts"]);
    expect(read.grids[0].values[1]).toEqual(["Nämnd 0", 0]);
  });

  test("each kind of part is named once, in a fixed order", async () => {
    const read = await readWorkbookFile(
      await withEntries({
        "xl/webextensions/webextension1.xml": "<we/>",
        "customXml/item1.xml": "<x/>",
        "xl/vbaProject.bin": "bin",
        "xl/media/image1.png": "png",
        "xl/media/image2.png": "png",
        "xl/pivotTables/pivotTable1.xml": "<p/>",
        "xl/pivotCache/pivotCacheDefinition1.xml": "<p/>",
        "xl/charts/chart1.xml": "<c/>",
      }),
    );
    expect(read.unsupportedParts).toEqual(["charts", "pivotTables", "images", "macros", "customXml", "addIns"]);
  });
});

describe("writing SheetSpecs", () => {
  const spec: WorkbookSpec = { sheets: SCENARIO_SHEETS };

  let path: string;

  beforeAll(async () => {
    path = join(dir, "uppfoljning.xlsx");
    await writeWorkbookFile(spec, path);
  });

  test("values come back through the reader; text that looks like something else stays text", async () => {
    const { grids, unsupportedParts } = await readWorkbookFile(path);
    expect(unsupportedParts).toEqual([]);
    expect(grids.map((g) => [g.sheet, g.visibility])).toEqual([
      ["KS", "visible"],
      ["Listor", "veryHidden"],
      ["Dold", "hidden"],
    ]);
    const ks = sheetByName(grids, "KS");
    expect(ks.top).toBe(0);
    expect(ks.left).toBe(0);
    expect(ks.values.slice(0, 6)).toEqual([
      ["Uppföljning KS", null, null, null, null, null, null, null, null, null, null, null],
      ["Nyckel", "Mål", "Budget", "Bedömning", null, null, null, null, null, null, null, null],
      ["k1", "Nöjda invånare", 1200, null, null, null, null, null, null, null, null, null],
      ["k2", "Budget i balans", 800.5, "Uppfyllt", null, null, null, null, null, null, null, null],
      ["sum", "Summa", 2000.5, false, null, null, null, null, null, null, null, null],
      ["now", null, null, null, null, null, null, null, null, null, null, null],
    ]);
    expect(ks.values[6].every((v) => v === null)).toBe(true);
    expect(ks.values[7]).toEqual([null, ...TRICKY_TEXTS]);
    expect(ks.formats?.[2][2]).toBe('#,##0 "tkr"');
    expect(sheetByName(grids, "Listor").values).toEqual([["Uppfyllt"], ["Delvis uppfyllt"], ["Ej uppfyllt"]]);
    expect(sheetByName(grids, "Dold").values).toEqual([]);
  });

  test("cells, formulas, styles and sheet settings as ExcelJS reads them", async () => {
    const workbook = await loadExcelJs(path);
    const ks = workbook.getWorksheet("KS")!;
    for (let i = 0; i < TRICKY_TEXTS.length; i++) {
      const cell = ks.getCell(8, 2 + i);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(TRICKY_TEXTS[i]);
    }
    expect(ks.getCell("C5").value).toEqual({ formula: "SUM(C3:C4)", result: 2000.5 });
    expect(ks.getCell("B6").value).toEqual({ formula: "TODAY()" });
    expect(ks.getCell("C3").numFmt).toBe('#,##0 "tkr"');
    expect(ks.getCell("A1").font.bold).toBe(true);
    expect(ks.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } });
    expect(ks.getCell("B2").alignment.wrapText).toBe(true);
    expect(ks.getCell("B3").font?.bold).toBeFalsy();
    expect(ks.getColumn(1).width).toBe(8);
    expect(ks.getColumn(1).hidden).toBe(true);
    expect(ks.getColumn(2).width).toBe(40);
    expect(ks.getColumn(2).hidden).toBe(false);
    expect(ks.views).toHaveLength(1);
    expect(ks.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ["KS", "visible"],
      ["Listor", "veryHidden"],
      ["Dold", "hidden"],
    ]);
  });

  test("list validations cover exactly their range", async () => {
    const ks = (await loadExcelJs(path)).getWorksheet("KS")!;
    for (const address of ["D3", "D4"]) {
      expect(ks.getCell(address).dataValidation).toMatchObject({
        type: "list",
        allowBlank: true,
        formulae: ["'Listor'!$A$1:$A$3"],
      });
    }
    expect(ks.getCell("D2").dataValidation).toBeUndefined();
    expect(ks.getCell("D5").dataValidation).toBeUndefined();
  });

  test("conditional fills and print setup as ExcelJS reads them", async () => {
    const ks = (await loadExcelJs(path)).getWorksheet("KS")!;
    // ExcelJS's type leaves out what it read; the property is there.
    const read = (ks as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
      .conditionalFormattings;
    expect(read).toMatchObject([
      {
        ref: "D3:D4",
        rules: [
          {
            type: "cellIs",
            operator: "equal",
            formulae: ['"Uppfyllt"'],
            style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: "FFC6EFCE" } } },
          },
        ],
      },
    ]);
    expect(ks.pageSetup).toMatchObject({
      orientation: "landscape",
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: "1:2",
    });
  });

  test("protection with a password, and unlocked input cells", async () => {
    const workbook = await loadExcelJs(path);
    const protection = (sheet: string) =>
      (workbook.getWorksheet(sheet) as unknown as { sheetProtection?: Record<string, unknown> | null }).sheetProtection;
    expect(protection("KS")).toMatchObject({ sheet: true, algorithmName: "SHA-512" });
    expect(protection("KS")?.hashValue).toEqual(expect.any(String));
    expect(protection("Dold")).toMatchObject({ sheet: true });
    expect(protection("Dold")?.hashValue).toBeUndefined();
    expect(protection("Listor") ?? null).toBeNull();
    const ks = workbook.getWorksheet("KS")!;
    expect(ks.getCell("D3").protection).toMatchObject({ locked: false });
    expect(ks.getCell("D4").protection).toMatchObject({ locked: false });
    expect(ks.getCell("C3").protection?.locked).not.toBe(false);
  });

  test("writing never replaces an existing file, and leaves no temporary files", async () => {
    const target = join(dir, "finns-redan.xlsx");
    await writeFile(target, "gammalt innehåll");
    const write = writeWorkbookFile({ sheets: [{ name: "Ny", blocks: [] }] }, target);
    await expect(write).rejects.toMatchObject({ problem: { code: "exists", file: target, meanwhile: true } });
    expect(await readFile(target, "utf8")).toBe("gammalt innehåll");
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("a failed write throws and leaves no temporary file", async () => {
    const missingDir = join(dir, "saknas", "fil.xlsx");
    await expect(writeWorkbookFile(spec, missingDir)).rejects.toThrow();
    expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  test("workbookBuffer gives the same workbook as the file", async () => {
    const { grids } = await readWorkbookBuffer(await workbookBuffer(spec), "buffer.xlsx");
    expect(grids).toEqual((await readWorkbookFile(path)).grids);
  });

  test("merged ranges are written as ExcelJS merges them, and two that overlap are refused", async () => {
    const rows = Array.from({ length: 30 }, (_, r) => [{ value: `rad ${r}` }]);
    const merges = ["B1:H1", "A3:A5", ...Array.from({ length: 20 }, (_, i) => `B${i + 7}:H${i + 7}`)];
    const merged = { sheets: [{ name: "Sammanfogat", blocks: [{ top: 0, left: 0, rows }], merges }] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBuffer(merged)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Sammanfogat")!;
    expect([...sheet.model.merges].sort()).toEqual([...merges].sort());
    // The covered cells point at their master, as ExcelJS's own merge leaves them.
    expect([sheet.getCell("H1").isMerged, sheet.getCell("H1").master.address]).toEqual([true, "B1"]);
    expect(sheet.getCell("A4").master.address).toBe("A3");
    expect(sheet.getCell("B6").isMerged).toBe(false);

    const overlapping = { sheets: [{ name: "Fel", blocks: [{ top: 0, left: 0, rows }], merges: ["B2:D2", "D1:D3"] }] };
    expect(() => buildWorkbook(overlapping)).toThrow("Overlapping merged ranges at D1:D3");
  });

  test("invalid or repeated sheet names are refused, not silently changed", () => {
    const sheet = (name: string) => ({ name, blocks: [] });
    expect(() => buildWorkbook({ sheets: [sheet("a".repeat(32))] })).toThrow("Ogiltigt eller upprepat bladnamn");
    expect(() => buildWorkbook({ sheets: [sheet("Mål/Budget")] })).toThrow("Ogiltigt eller upprepat bladnamn");
    expect(() => buildWorkbook({ sheets: [sheet("KS"), sheet("ks")] })).toThrow("Ogiltigt eller upprepat bladnamn");
    expect(buildWorkbook({ sheets: [sheet("a".repeat(31))] }).worksheets[0].name).toBe("a".repeat(31));
  });
});
