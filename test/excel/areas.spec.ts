/**
 * Rules over several areas in the Excel host: the stand-in's Worksheet.getRanges (ExcelApi 1.9) and its RangeAreas'
 * data validation and conditional formats, and a follow-up sheet whose runs of rows span several printed pages,
 * written with one dropdown per kind from ExcelApi 1.9 and area by area below it, every area alike.
 */
import { writeSheets } from "../../src/hosts/excel/write";
import { SheetModel, StandIn, createStandIn } from "../../src/hosts/standin";
import { areasOf } from "../../src/sheet/areas";
import type { SheetSpec } from "../../src/sheet/spec";
import { ListKind, inputCells, longFollowUp, scaleLabels, sheetCells } from "../support/longSheet";

describe("the stand-in's RangeAreas", () => {
  const rules = (standIn: StandIn, address: string) =>
    standIn.run(async (context) => {
      const areas = context.workbook.worksheets.getItem("Blad1").getRanges(address);
      areas.dataValidation.rule = { list: { inCellDropDown: true, source: "=$D$1:$D$2" } };
      areas.dataValidation.prompt = { showPrompt: true, title: "Status", message: "Välj i listan." };
      const format = areas.conditionalFormats.add("CellValue");
      format.cellValue.format.fill.color = "#C6EFCE";
      format.cellValue.rule = { formula1: '="Klar"', operator: "EqualTo" };
      await context.sync();
    });

  test("getRanges needs ExcelApi 1.9: below, the sync fails with ApiNotFound and nothing is set", async () => {
    const old = createStandIn({ apiVersion: 8 });
    await expect(rules(old, "B2:B3,B6:B7")).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(old.workbook.sheet("Blad1").validations).toEqual([]);
    expect(old.workbook.sheet("Blad1").conditionalFormats).toEqual([]);
  });

  test("one validation and one conditional format over every area, and over no cell between them", async () => {
    const standIn = createStandIn({ apiVersion: 9 });
    await rules(standIn, "B2:B3, B6:B7"); // Office.js's own example separates the areas with ", "
    const sheet = standIn.workbook.sheet("Blad1");
    expect(sheet.validations).toHaveLength(1);
    expect(sheet.conditionalFormats).toEqual([
      { range: "B2:B3,B6:B7", type: "CellValue", fill: "#C6EFCE", rule: { formula1: '="Klar"', operator: "EqualTo" } },
    ]);
    const ruled = (cell: string) => [
      cell,
      sheet.validationAt(cell)?.rule?.list.source ?? null,
      sheet.validationAt(cell)?.prompt?.title ?? null,
      sheet.conditionalFormatsAt(cell).length,
    ];
    for (const cell of ["B2", "B3", "B6", "B7"]) expect(ruled(cell)).toEqual([cell, "=$D$1:$D$2", "Status", 1]);
    for (const cell of ["B1", "B4", "B5", "B8", "A2", "C6"]) expect(ruled(cell)).toEqual([cell, null, null, 0]);
  });

  test("a range on the second area alone finds the format when it loads its conditional formats", async () => {
    const standIn = createStandIn({ apiVersion: 9 });
    await rules(standIn, "B2:B3;B6:B7");
    const types = await standIn.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Blad1");
      const [second, between] = [sheet.getRange("B7"), sheet.getRange("B4:B5")].map((range) =>
        range.conditionalFormats.load("items/type"),
      );
      await context.sync();
      return [second.items.map((f) => f.type), between.items.map((f) => f.type)];
    });
    expect(types).toEqual([["CellValue"], []]);
  });

  test("an address longer than 8192 characters is refused", async () => {
    const standIn = createStandIn({ apiVersion: 9 });
    const long = Array.from({ length: 1000 }, (_, i) => `B${10 * i + 1}:B${10 * i + 2}`).join(",");
    expect(long.length).toBeGreaterThan(8192);
    await expect(rules(standIn, long)).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});

describe("a follow-up sheet whose uppdrag span several pages, written by the Excel host", () => {
  let spec: SheetSpec;
  let support: SheetSpec[];
  beforeAll(async () => {
    ({ spec, support } = await longFollowUp(30));
  });

  const write = async (apiVersion: number) => {
    const standIn = createStandIn({ apiVersion });
    const written = await standIn.run((context) =>
      writeSheets(context, [spec, ...support], {
        replace: [],
        existing: [{ name: "Blad1" }],
        supports: standIn.supports,
      }),
    );
    return { written, sheet: standIn.workbook.sheet(spec.name) };
  };

  /** Cell → its list source and the labels of the fills over it, as the stand-in holds them; cells without any left out. */
  const rulesOf = (sheet: SheetModel) =>
    new Map(
      sheetCells(spec).flatMap((cell) => {
        const list = sheet.validationAt(cell)?.rule?.list.source;
        const fills = sheet.conditionalFormatsAt(cell).map((f) => `${f.rule?.formula1}=${f.fill}`);
        return list || fills.length ? [[cell, { list, fills: fills.sort() }]] : [];
      }),
    );

  /** What every answer cell of each kind must hold: its kind's list, and a fill for each value of its scale. */
  const expected = () => {
    const colors = new Map((spec.conditionalFills ?? []).map((f) => ["equals" in f.when ? f.when.equals : "", f.fill]));
    const kinds: ListKind[] = ["goal", "assignment"];
    return new Map(
      kinds.flatMap((kind) => {
        const cells = inputCells(spec, kind);
        const source = spec.validations!.find((v) => areasOf(v.range)[0].startsWith(`${cells[0]}:`))!.source;
        const fills = scaleLabels(kind)
          .map((label) => `="${label}"=#${colors.get(label)}`)
          .sort();
        return cells.map((cell) => [cell, { list: `=${source}`, fills }]);
      }),
    );
  };

  test("from ExcelApi 1.9: one dropdown per kind and one format per colour, over every answer cell of its kind", async () => {
    const { written, sheet } = await write(9);
    expect(written.warnings).toEqual([]);
    expect(sheet.validations.filter((v) => v.rule)).toHaveLength(2);
    expect(sheet.conditionalFormats).toHaveLength(spec.conditionalFills!.length);
    // The uppdrag's dropdown is over the runs of several pages.
    expect(Math.max(...sheet.validations.map((v) => areasOf(v.range).length))).toBeGreaterThanOrEqual(3);
    expect(rulesOf(sheet)).toEqual(expected());
  });

  test("below ExcelApi 1.9 (no getRanges): every area still gets the dropdown and the colours, area by area", async () => {
    const { written, sheet } = await write(8);
    expect(written.warnings).toEqual(["noPrintSetup"]);
    const areas = (spec.validations ?? []).reduce((sum, v) => sum + areasOf(v.range).length, 0);
    expect(areas).toBeGreaterThan(2);
    expect(sheet.validations.filter((v) => v.rule)).toHaveLength(areas);
    expect(rulesOf(sheet)).toEqual(expected());
  });

  test("input messages: the same prompt on the same cells from ExcelApi 1.9 and below", async () => {
    const prompts = async (apiVersion: number) => {
      const { sheet } = await write(apiVersion);
      return sheetCells(spec).flatMap((cell) => {
        const prompt = sheet.validationAt(cell)?.prompt;
        return prompt ? [`${cell} ${prompt.title}: ${prompt.message}`] : [];
      });
    };
    const [current, old] = [await prompts(9), await prompts(8)];
    expect(current.length).toBeGreaterThan(inputCells(spec, "assignment").length);
    expect(old).toEqual(current);
  });
});
