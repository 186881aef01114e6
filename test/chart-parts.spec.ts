/**
 * The chart-part writer on workbooks of its own making (a sheet name that needs quoting, a sheet that already has
 * relationships), the reader telling which sheets hold charts, and `generate --out` keeping a plan workbook whose only
 * charts are on Måltavlan's report sheets while still refusing one with a chart of the user's.
 */
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { EXIT_UNUSABLE } from "../src/cli/common";
import { REPORT_MARKER } from "../src/domain/followup/reportSheet";
import { withCharts } from "../src/hosts/xlsx/charts/addCharts";
import { chartXml, rangeFormula } from "../src/hosts/xlsx/charts/chartXml";
import { readWorkbookBuffer } from "../src/hosts/xlsx/read";
import { ChartSpec } from "../src/sheet/charts";
import { EXAMPLES, cli, tempDir } from "./support/workbooks";

const QUOTED = "Kalle's & <Co>";

function chart(sheet: string): ChartSpec {
  return {
    title: "Mål & uppdrag",
    grouping: "stacked",
    categories: { ref: { sheet, range: "A4:A5" }, values: ["KS", "S&N"] },
    series: [
      {
        name: { ref: { sheet, range: "B3" }, value: "Uppfyllt" },
        values: { ref: { sheet, range: "B4:B5" }, values: [2, null] },
        color: "C6EFCE",
      },
    ],
    valueFormat: "0",
    anchor: { from: { row: 6, col: 0 }, to: { row: 20, col: 6 } },
  };
}

/** A workbook ExcelJS writes: the figures on `sheet` (with a hyperlink, so the sheet has relationships already). */
async function figures(sheet: string, marker?: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const first = workbook.addWorksheet("Först");
  first.getCell("A1").value = 1;
  const ws = workbook.addWorksheet(sheet);
  ws.getCell("A1").value = { text: "Länk", hyperlink: "https://example.org/" };
  if (marker) ws.getCell("A2").value = marker;
  ws.getCell("B3").value = "Uppfyllt";
  ws.getCell("A4").value = "KS";
  ws.getCell("B4").value = 2;
  ws.getCell("A5").value = "S&N";
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

test("a range names its sheet quoted, an apostrophe doubled, and the part escapes it", () => {
  expect(rangeFormula({ sheet: QUOTED, range: "B4:B5" })).toBe("'Kalle''s & <Co>'!$B$4:$B$5");
  const xml = chartXml(chart(QUOTED));
  expect(xml).toContain("<c:f>'Kalle''s &amp; &lt;Co&gt;'!$B$4:$B$5</c:f>");
  // An empty cell has no cached point: a gap, not 0.
  expect(xml).toMatch(/<c:ptCount val="2"\/><c:pt idx="0"><c:v>2<\/c:v><\/c:pt><\/c:numCache>/);
});

test("charts join a sheet's own relationships, and the reader finds them on that sheet", async () => {
  const bytes = await withCharts(await figures(QUOTED), [{ sheet: QUOTED, charts: [chart(QUOTED), chart(QUOTED)] }]);
  const zip = await JSZip.loadAsync(bytes);
  const sheetRels = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
  expect(sheetRels).toMatch(/hyperlink/);
  const drawingId = /Id="(rId\d+)"[^>]*relationships\/drawing"/.exec(sheetRels)![1];
  const sheetXml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
  expect(sheetXml).toContain(`<drawing r:id="${drawingId}"/>`);
  // The hyperlink's relationship id is not taken over.
  expect(sheetRels.match(new RegExp(`Id="${drawingId}"`, "g"))).toHaveLength(1);
  expect(Object.keys(zip.files).filter((name) => name.startsWith("xl/charts/"))).toEqual([
    "xl/charts/chart1.xml",
    "xl/charts/chart2.xml",
  ]);

  const read = await readWorkbookBuffer(bytes, "diagram.xlsx");
  expect(read.chartSheets).toEqual([QUOTED]);
  expect(read.grids.map((g) => g.sheet)).toEqual(["Först", QUOTED]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  expect(workbook.getWorksheet(QUOTED)!.getCell("B4").value).toBe(2);
});

test("a chart part no sheet shows is not on a worksheet", async () => {
  const zip = await JSZip.loadAsync(await figures("Blad"));
  zip.file("xl/charts/chart1.xml", chartXml(chart("Blad")));
  const read = await readWorkbookBuffer(await zip.generateAsync({ type: "uint8array" }), "lös.xlsx");
  expect(read.unsupportedParts).toEqual(["charts"]);
  expect(read.chartSheets).toBeNull();
});

describe("generate --out on a plan workbook with charts", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await tempDir("maltavlan-chart-plan-");
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** The example plan with a sheet of figures and a chart on it. */
  async function planWithChart(name: string, marker?: string): Promise<string> {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"));
    const sheet = workbook.addWorksheet("Diagram");
    if (marker) sheet.getCell("A2").value = marker;
    sheet.getCell("B3").value = "Uppfyllt";
    sheet.getCell("A4").value = "KS";
    sheet.getCell("B4").value = 2;
    const bytes = await withCharts(new Uint8Array(await workbook.xlsx.writeBuffer()), [
      { sheet: "Diagram", charts: [chart("Diagram")] },
    ]);
    const file = path.join(dir, name);
    await fs.writeFile(file, bytes);
    return file;
  }
  const generate = (plan: string, out: string) =>
    cli("generate", plan, "--period", "T1", "--year", "2024", "--out", out);

  test("charts only on Måltavlan's report sheets: written, the report sheet kept without them", async () => {
    const out = path.join(dir, "med-rapport-ut.xlsx");
    const result = await generate(await planWithChart("med-rapport.xlsx", REPORT_MARKER), out);
    expect([result.code, result.err]).toEqual([0, ""]);
    const read = await readWorkbookBuffer(await fs.readFile(out), out);
    expect(read.grids.map((g) => g.sheet)).toContain("Diagram");
    expect(read.grids.map((g) => g.sheet)).toContain("KS T1 2024");
    expect([read.unsupportedParts, read.chartSheets]).toEqual([[], []]);
  });

  test("a chart on a sheet of the user's: refused as before, nothing written", async () => {
    const out = path.join(dir, "med-diagram-ut.xlsx");
    const result = await generate(await planWithChart("med-diagram.xlsx"), out);
    expect(result.code).toBe(EXIT_UNUSABLE);
    expect(result.err).toContain("Arbetsboken innehåller diagram, som skulle gå förlorat");
    await expect(fs.access(out)).rejects.toThrow();
  });
});
