/**
 * One dropdown and one fill per colour over every run of a kind of row, however many printed pages the runs are
 * split over (the column headers repeated between them): in the spec, in the file the xlsx host writes (read back by
 * ExcelJS), and as LibreOffice opens that file and saves it again.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { workbookBuffer } from "../src/hosts/xlsx/write";
import { MAX_RANGE_LENGTH, areasOf, groupAreas } from "../src/sheet/areas";
import type { ConditionalFill, ListValidation, SheetSpec } from "../src/sheet/spec";
import { LibreOffice, loSheet, startLibreOffice } from "./support/libreoffice";
import { ListKind, cellsOfRange, inputCells, longFollowUp, scaleLabels, sheetCells } from "./support/longSheet";
import { tempDir } from "./support/workbooks";

const KINDS: ListKind[] = ["goal", "assignment"];

let spec: SheetSpec;
let support: SheetSpec[];
beforeAll(async () => {
  ({ spec, support } = await longFollowUp(30));
});

/** The spec's one dropdown over a kind's answer cells. */
function validationOf(kind: ListKind): ListValidation {
  const cells = inputCells(spec, kind);
  const found = (spec.validations ?? []).filter((v) => cellsOfRange(v.range).includes(cells[0]));
  expect(found).toHaveLength(1);
  return found[0];
}

/** Cell → the list source of its dropdown, as the spec writes it. */
function expectedLists(): Map<string, string> {
  return new Map(KINDS.flatMap((kind) => inputCells(spec, kind).map((cell) => [cell, validationOf(kind).source])));
}

const labelOf = (fill: ConditionalFill) => ("equals" in fill.when ? fill.when.equals : String(fill.when.greaterThan));

/** Cell → "label=RRGGBB" of each fill over it, as the spec fills them: its kind's scale, each value in its colour. */
function expectedFills(): Map<string, string[]> {
  const colors = new Map((spec.conditionalFills ?? []).map((fill) => [labelOf(fill), fill.fill]));
  return new Map(
    KINDS.flatMap((kind) =>
      inputCells(spec, kind).map((cell) => [cell, scaleLabels(kind).map((label) => `${label}=${colors.get(label)}`)]),
    ),
  );
}

describe("groupAreas", () => {
  const fill = (range: string, equals: string): ConditionalFill => ({ range, when: { equals }, fill: "C6EFCE" });

  test("rules alike become one over their areas, in order; other rules stay apart", () => {
    const grouped = groupAreas(
      [fill("F5:F9", "Klar"), fill("F5:F9", "Ej klar"), fill("F12:F20", "Klar"), fill("F22:F22", "Klar")],
      (f) => JSON.stringify(f.when),
    );
    expect(grouped).toEqual([fill("F5:F9,F12:F20,F22:F22", "Klar"), fill("F5:F9", "Ej klar")]);
  });

  test("a range that would pass MAX_RANGE_LENGTH is split into as few as fit, every area kept once", () => {
    const areas = Array.from({ length: 1500 }, (_, i) => `F${10 * i + 1}:F${10 * i + 5}`);
    const grouped = groupAreas(
      areas.map((area) => fill(area, "Klar")),
      () => "one",
    );
    expect(grouped.length).toBeGreaterThan(1);
    for (const { range } of grouped) expect(range.length).toBeLessThanOrEqual(MAX_RANGE_LENGTH);
    // Each range is as full as it can be: the next one's first area would not have fitted in it.
    for (let i = 0; i + 1 < grouped.length; i++) {
      const next = areasOf(grouped[i + 1].range)[0];
      expect(grouped[i].range.length + 1 + next.length).toBeGreaterThan(MAX_RANGE_LENGTH);
    }
    expect(grouped.flatMap(({ range }) => areasOf(range))).toEqual(areas);
  });
});

describe("the spec", () => {
  test("the uppdrag run over several pages, so their answer cells are several areas", () => {
    const assignment = validationOf("assignment");
    expect(spec.print!.rowBreaks!.length).toBeGreaterThanOrEqual(3);
    expect(areasOf(assignment.range).length).toBeGreaterThanOrEqual(3);
  });

  test("one dropdown per kind, over every answer cell of that kind and no other cell", () => {
    expect(spec.validations).toHaveLength(KINDS.length);
    for (const kind of KINDS) expect(cellsOfRange(validationOf(kind).range)).toEqual(inputCells(spec, kind));
  });

  test("one fill per scale value, over exactly its kind's dropdown cells", () => {
    const fills = spec.conditionalFills ?? [];
    expect(fills.map(labelOf).sort()).toEqual(KINDS.flatMap(scaleLabels).sort());
    for (const kind of KINDS) {
      const over = fills.filter((fill) => scaleLabels(kind).includes(labelOf(fill)));
      for (const fill of over) expect([labelOf(fill), fill.range]).toEqual([labelOf(fill), validationOf(kind).range]);
    }
  });

  test("one input message per prompt, each on answer cells only", () => {
    const messages = spec.inputMessages ?? [];
    const prompts = messages.map((m) => JSON.stringify(m.prompt));
    expect(new Set(prompts).size).toBe(prompts.length);
    const rows = spec.blocks[0].rows;
    for (const { range } of messages) {
      for (const cell of cellsOfRange(range)) {
        const [, col, row] = /^([A-Z])(\d+)$/.exec(cell)!;
        expect([cell, rows[Number(row) - 1][col.charCodeAt(0) - 65]?.locked]).toEqual([cell, false]);
      }
    }
  });
});

/** Cell → list source of every list validation ExcelJS reads on the sheet, over its rows and columns A to H. */
function listsIn(sheet: ExcelJS.Worksheet): Map<string, string> {
  const lists = new Map<string, string>();
  for (const cell of sheetCells(spec)) {
    const validation = sheet.getCell(cell).dataValidation;
    if (validation?.type === "list") lists.set(cell, validation.formulae[0]);
  }
  return lists;
}

function formattingsOf(sheet: ExcelJS.Worksheet): ExcelJS.ConditionalFormattingOptions[] {
  return (sheet as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] })
    .conditionalFormattings;
}

/** Cell → "label=RRGGBB" of each cell-is-equal rule over it, from every conditional formatting's areas (sqref). */
function fillsIn(sheet: ExcelJS.Worksheet): Map<string, string[]> {
  const fills = new Map<string, string[]>();
  for (const { ref, rules } of formattingsOf(sheet)) {
    const labels = rules.map((rule) => {
      const { operator, formulae, style } = rule as ExcelJS.CellIsRuleType;
      const fill = style?.fill as ExcelJS.FillPattern | undefined;
      const color = (fill?.bgColor ?? fill?.fgColor)?.argb?.slice(-6);
      return `${operator === "equal" ? String(formulae?.[0]).replace(/^"|"$/g, "") : operator}=${color}`;
    });
    for (const cell of cellsOfRange(ref, " ")) fills.set(cell, [...(fills.get(cell) ?? []), ...labels]);
  }
  return sorted(fills);
}

function sorted(map: Map<string, string[]>): Map<string, string[]> {
  return new Map([...map].map(([cell, labels]) => [cell, [...labels].sort()]));
}

describe("the xlsx host's file, read back by ExcelJS", () => {
  let sheet: ExcelJS.Worksheet;
  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await workbookBuffer({ sheets: [spec, ...support] })) as unknown as ArrayBuffer);
    sheet = workbook.getWorksheet(spec.name)!;
  });

  test("every answer cell of a kind has its dropdown, and no other cell has one", () => {
    expect(listsIn(sheet)).toEqual(expectedLists());
  });

  test("one conditional formatting per fill, over every area of its kind, and over no other cell", () => {
    // Each fill's areas in one sqref (space-separated there): the spec's range.
    expect(formattingsOf(sheet).map(({ ref }) => ref.split(" ").join(","))).toEqual(
      spec.conditionalFills!.map((fill) => fill.range),
    );
    expect(fillsIn(sheet)).toEqual(sorted(expectedFills()));
  });
});

describe("as LibreOffice opens the file and saves it again", () => {
  let office: LibreOffice;
  let dir: string;
  let file: string;
  beforeAll(async () => {
    office = await startLibreOffice();
    dir = await tempDir("areas-");
    file = path.join(dir, "ks.xlsx");
    await fs.writeFile(file, await workbookBuffer({ sheets: [spec, ...support] }));
  }, 120_000);
  afterAll(async () => {
    await office?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  test("LibreOffice sees the dropdown on every answer cell of each kind, and on no other cell", async () => {
    const [workbook] = await office.inspect([file]);
    const lo = loSheet(workbook, spec.name);
    const lists = new Map(lo.cells.flatMap((c) => (c.validation?.type === "list" ? [[c.ref, c.validation]] : [])));
    expect([...lists.keys()].sort()).toEqual([...expectedLists().keys()].sort());
    // Each kind's cells share one list, and the two kinds' lists differ.
    const sources = KINDS.map((kind) => new Set(inputCells(spec, kind).map((cell) => lists.get(cell)!.source)));
    expect(sources.map((s) => s.size)).toEqual([1, 1]);
    expect([...sources[0]][0]).not.toBe([...sources[1]][0]);
  }, 120_000);

  test("the file LibreOffice saves fills every area of each kind, in each scale colour", async () => {
    const out = path.join(dir, "saved");
    await fs.mkdir(out);
    const [saved] = (await office.convert([file], "xlsx", out))[0];
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(saved);
    const sheet = workbook.getWorksheet(spec.name)!;
    expect(fillsIn(sheet)).toEqual(sorted(expectedFills()));
    expect(listsIn(sheet)).toEqual(expectedLists());
  }, 120_000);
});
