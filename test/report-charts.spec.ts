/**
 * The report's native charts (the sheets Diagram and Diagram per mål) as the file holds them and as LibreOffice draws
 * them: the demo's follow-up (scripts/demo.js, through the built CLI: `npm run build:cli` first) is consolidated, its
 * chart parts are parsed and followed from the workbook to each chart, their cached figures are compared with the
 * cells they name, the counts per goal with Måluppfyllelse's, ExcelJS and Måltavlan's reader still read the file, and
 * the pages LibreOffice prints are searched for the scale's colours. Without LibreOffice the last test fails and says
 * how to install it.
 */
import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { JSDOM } from "jsdom";
import JSZip from "jszip";
import { consolidate } from "../src/domain/followup/consolidate";
import { goalAttainment } from "../src/domain/followup/goalAttainment";
import { GOAL_CHART_SHEET } from "../src/domain/followup/goalCharts";
import { CHART_SHEET } from "../src/domain/followup/reportCharts";
import { readPlanWithSettings } from "../src/domain/planRead";
import { reportInputs } from "../src/domain/reportInputs";
import { DEFAULT_SCALES } from "../src/domain/settings";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { LibreOffice, startLibreOffice } from "./support/libreoffice";
import { followUp } from "../scripts/demo";

const CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const MAIN = "http://schemas.openxmlformats.org/drawingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

let dir: string;
let report: string;
let zip: JSZip;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-charts-"));
  ({ report } = await followUp(dir, () => undefined));
  zip = await JSZip.loadAsync(await fs.readFile(report));
}, 120_000);
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

const { DOMParser } = new JSDOM("").window;

/** A part parsed by a strict XML parser, failing the test when it is not well-formed. */
async function part(name: string): Promise<Document> {
  const file = zip.file(name);
  if (!file) throw new Error(`No part ${name}`);
  const doc = new DOMParser().parseFromString(await file.async("string"), "application/xml");
  expect([name, doc.getElementsByTagName("parsererror").length]).toEqual([name, 0]);
  return doc;
}

function relsOf(name: string): string {
  const slash = name.lastIndexOf("/");
  return `${name.slice(0, slash + 1)}_rels/${name.slice(slash + 1)}.rels`;
}

/** The part a relationship of `from` names, resolved against `from`'s folder. */
async function target(from: string, id: string): Promise<{ part: string; type: string }> {
  const rels = [...(await part(relsOf(from))).getElementsByTagName("Relationship")];
  const rel = rels.find((r) => r.getAttribute("Id") === id);
  if (!rel) throw new Error(`${from} has no relationship ${id}`);
  const segments = from.split("/").slice(0, -1);
  for (const s of rel.getAttribute("Target")!.split("/")) {
    if (s === "..") segments.pop();
    else segments.push(s);
  }
  return { part: segments.join("/"), type: rel.getAttribute("Type")! };
}

/** A sheet's chart parts, found from the workbook through every relationship in between. */
async function chartParts(name = CHART_SHEET): Promise<string[]> {
  const workbook = await part("xl/workbook.xml");
  const sheet = [...workbook.getElementsByTagName("sheet")].find((s) => s.getAttribute("name") === name)!;
  const sheetPart = await target("xl/workbook.xml", sheet.getAttributeNS(REL, "id")!);
  const drawingElement = (await part(sheetPart.part)).getElementsByTagName("drawing")[0];
  const drawing = await target(sheetPart.part, drawingElement.getAttributeNS(REL, "id")!);
  expect(drawing.type).toBe(`${REL}/drawing`);
  const frames = [...(await part(drawing.part)).getElementsByTagNameNS(CHART, "chart")];
  const charts = await Promise.all(frames.map((f) => target(drawing.part, f.getAttributeNS(REL, "id")!)));
  for (const chart of charts) expect(chart.type).toBe(`${REL}/chart`);
  return charts.map((c) => c.part);
}

const text = (element: Element, tag: string) =>
  [...element.getElementsByTagNameNS(CHART, tag)].map((e) => e.textContent ?? "");
const valueOf = (element: Element, tag: string) => element.getElementsByTagNameNS(CHART, tag)[0]?.getAttribute("val");

test("every chart part is reached from the workbook, is well-formed and has its content type", async () => {
  expect(await chartParts()).toHaveLength(3);
  expect(await chartParts(GOAL_CHART_SHEET)).toHaveLength(1);
  const charts = [...(await chartParts()), ...(await chartParts(GOAL_CHART_SHEET))];
  const types = await part("[Content_Types].xml");
  const overrides = new Map(
    [...types.getElementsByTagName("Override")].map((o) => [o.getAttribute("PartName"), o.getAttribute("ContentType")]),
  );
  for (const chart of charts) {
    await part(chart);
    expect(overrides.get(`/${chart}`)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
  }
  const drawings = Object.keys(zip.files).filter((name) => /^xl\/drawings\/drawing\d+\.xml$/.test(name));
  // One drawing per sheet with charts.
  expect(drawings.map((d) => overrides.get(`/${d}`))).toEqual([
    "application/vnd.openxmlformats-officedocument.drawing+xml",
    "application/vnd.openxmlformats-officedocument.drawing+xml",
  ]);
});

/** The cells a series' range names (`'Diagram'!$B$4:$B$9`), as ExcelJS reads them from `workbook`. */
function cellsOf(workbook: ExcelJS.Workbook, formula: string) {
  const match = /^'(.+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(formula);
  if (!match) throw new Error(`Not a range: ${formula}`);
  const [, sheet, col, first, , last] = match;
  const worksheet = workbook.getWorksheet(sheet.replace(/''/g, "'"))!;
  const rows = Array.from({ length: Number(last ?? first) - Number(first) + 1 }, (_, i) => Number(first) + i);
  return rows.map((row) => worksheet.getCell(`${col}${row}`).value);
}

/** A stacked chart's series: named by the scale's values (and `more`), in their colours, each cached as its cells. */
function expectStackedSeries(
  workbook: ExcelJS.Workbook,
  chart: Element,
  scale: { label: string; color: string }[],
): void {
  expect(valueOf(chart, "grouping")).toBe("stacked");
  expect(valueOf(chart, "overlap")).toBe("100");
  const series = [...chart.getElementsByTagNameNS(CHART, "ser")];
  expect(series.map((s) => text(s.getElementsByTagNameNS(CHART, "tx")[0], "v"))).toEqual(scale.map((v) => [v.label]));
  // Each series filled in its scale value's colour.
  expect(series.map((s) => s.getElementsByTagNameNS(MAIN, "srgbClr")[0].getAttribute("val"))).toEqual(
    scale.map((v) => v.color),
  );
  for (const s of series) {
    for (const tag of ["tx", "cat", "val"]) {
      const reference = s.getElementsByTagNameNS(CHART, tag)[0];
      const cells = cellsOf(workbook, text(reference, "f")[0]);
      const points = [...reference.getElementsByTagNameNS(CHART, "pt")];
      expect(valueOf(reference, "ptCount")).toBe(String(cells.length));
      const cached = cells.map((_, i) => {
        const point = points.find((p) => p.getAttribute("idx") === String(i));
        return point ? text(point, "v")[0] : null;
      });
      expect(cached).toEqual(cells.map((cell) => (cell === null ? null : String(cell))));
    }
  }
}

async function reportWorkbook(): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await fs.readFile(report)) as unknown as ExcelJS.Buffer);
  return workbook;
}

test("each series names the cells it draws, and its cached figures are what those cells hold", async () => {
  const workbook = await reportWorkbook();
  const cells = (formula: string) => cellsOf(workbook, formula);
  const charts = await Promise.all((await chartParts()).map(part));
  const [goals, assignments, deviation] = charts.map((doc) => doc.documentElement);
  expectStackedSeries(workbook, goals, DEFAULT_SCALES.goal);
  expectStackedSeries(workbook, assignments, DEFAULT_SCALES.assignment);
  // The demo's answers: KS has 2 Uppfyllt and 1 Delvis uppfyllt, TN did not answer (a gap, not 0).
  const uppfyllt = goals.getElementsByTagNameNS(CHART, "ser")[0].getElementsByTagNameNS(CHART, "val")[0];
  expect(text(uppfyllt, "v").slice(0, 1)).toEqual(["2"]);
  expect(cells(text(uppfyllt, "f")[0]).slice(0, 2)).toEqual([2, null]);

  expect(valueOf(deviation, "grouping")).toBe("clustered");
  const bars = deviation.getElementsByTagNameNS(CHART, "ser")[0];
  const figures = text(bars.getElementsByTagNameNS(CHART, "val")[0], "v").map(Number);
  expect(figures.some((v) => v < 0) && figures.some((v) => v > 0)).toBe(true);
  // An underskott is drawn in its own colour: one data point per negative figure.
  expect(bars.getElementsByTagNameNS(CHART, "dPt")).toHaveLength(figures.filter((v) => v < 0).length);
});

test("per kommunövergripande mål: stacked bars from the top down, and the counts are Måluppfyllelse's", async () => {
  const workbook = await reportWorkbook();
  const [chart] = await Promise.all((await chartParts(GOAL_CHART_SHEET)).map(part));
  const root = chart.documentElement;
  expect(valueOf(root, "barDir")).toBe("bar");
  expect(valueOf(root.getElementsByTagNameNS(CHART, "catAx")[0], "orientation")).toBe("maxMin");
  expectStackedSeries(workbook, root, [...DEFAULT_SCALES.goal, { label: "Saknas", color: "FFFFFF" }]);

  // Måluppfyllelse of the demo's answers, worked out again from its files: per kommunövergripande mål, how many
  // nämnder gave each value (a nämnd once per goal) and how many none.
  const file = async (name: string) => {
    const read = await readWorkbookFile(path.join(dir, name));
    return { file: path.basename(name), grids: read.grids, modified: read.modified };
  };
  const master = await file("ostersund-T1-2024-master.xlsx");
  const returned = await Promise.all(
    ["KS", "SAN", "VoN"].map((code) => file(`ostersund-T1-2024/${code}-T1-2024.xlsx`)),
  );
  const { plan, settings } = readPlanWithSettings(master.grids);
  const goals = goalAttainment(plan, consolidate(plan, reportInputs(master, returned), settings), settings).filter(
    (g) => g.goal.level === "kommunmal",
  );
  expect(goals.length).toBeGreaterThan(2);
  const expected = goals.map((g) => [
    g.goal.name,
    ...settings.scales.goal.map((v) => g.assessments.filter((a) => a.value?.label === v.label).length),
    g.assessments.filter((a) => a.value === null).length,
  ]);
  const sheet = workbook.getWorksheet(GOAL_CHART_SHEET)!;
  const columns = settings.scales.goal.length + 2;
  const table = goals.map((_, i) =>
    Array.from({ length: columns }, (__, col) => sheet.getRow(4 + i).getCell(col + 1).value),
  );
  expect(table).toEqual(expected);
  // The demo's answers: some goals have an assessment, and some nämnder have not answered.
  expect(expected.some((row) => (row[1] as number) > 0)).toBe(true);
});

test("ExcelJS and Måltavlan's reader still read the report; the reader names its charts", async () => {
  const workbook = await reportWorkbook();
  expect(workbook.getWorksheet(CHART_SHEET)!.getCell("A4").value).toBe("KS");
  const read = await readWorkbookFile(report);
  expect(read.grids.map((g) => g.sheet)).toContain(CHART_SHEET);
  // Charts ExcelJS would drop, all on the report's own sheet.
  expect([read.unsupportedParts, read.chartSheets]).toEqual([["charts"], [CHART_SHEET, GOAL_CHART_SHEET]]);
});

describe("LibreOffice", () => {
  let office: LibreOffice;
  beforeAll(async () => {
    office = await startLibreOffice();
  }, 60_000);
  afterAll(async () => {
    await office?.close();
  });

  test("prints the charts on A4 in the scale's colours", async () => {
    const out = path.join(dir, "pdf");
    await fs.mkdir(out);
    const [[pdf]] = await office.convert([report], "pdf", out, 120_000);
    const page = chartPage(pdf, "Mål per nämnd");
    const image = renderPage(pdf, page, path.join(out, "diagram"));
    // Every status the demo's answers have, in its colour, in the charts below the table.
    const chartArea = { top: Math.floor(image.height * 0.4), bottom: image.height };
    for (const label of ["Uppfyllt", "Delvis uppfyllt"]) {
      const color = DEFAULT_SCALES.goal.find((v) => v.label === label)!.color;
      expect(countColor(image, color, chartArea)).toBeGreaterThan(200);
    }
    // SAN's uppdrag that is Försenat.
    expect(countColor(image, "FFC7CE", chartArea)).toBeGreaterThan(50);
    // Nowhere above the charts: the table has no fills in those colours.
    expect(countColor(image, "C6EFCE", { top: 0, bottom: chartArea.top })).toBe(0);

    const deviation = renderPage(pdf, chartPage(pdf, "Avvikelse per nämnd"), path.join(out, "avvikelse"));
    expect(countColor(deviation, "70AD47", { top: 0, bottom: deviation.height })).toBeGreaterThan(50);
    expect(countColor(deviation, "E06666", { top: 0, bottom: deviation.height })).toBeGreaterThan(200);

    // Per kommunövergripande mål: the bars below the table, found by the chart's title (the sheet's title above).
    const title = "Kommunövergripande mål: nämndernas bedömningar";
    const goalPage = chartPage(pdf, title);
    const goals = renderPage(pdf, goalPage, path.join(out, "per-mal"));
    const chartTop = lineOf(pdf, goalPage, title, goals.height);
    expect(chartTop).toBeGreaterThan(goals.height * 0.2);
    const [green, yellow] = ["Uppfyllt", "Delvis uppfyllt"].map((label) => {
      const color = DEFAULT_SCALES.goal.find((v) => v.label === label)!.color;
      // Nowhere but in the chart: the table has no fills in the scale's colours.
      expect(countColor(goals, color, { top: 0, bottom: chartTop })).toBe(0);
      return countColor(goals, color, { top: chartTop, bottom: goals.height });
    });
    expect([green, yellow].every((n) => n > 200)).toBe(true);
    // The demo's answers give as many Uppfyllt as Delvis uppfyllt over the goals: bars of about the same length.
    expect(green / yellow).toBeGreaterThan(0.8);
    expect(green / yellow).toBeLessThan(1.25);
  }, 180_000);
});

/** The 1-based number of the first PDF page whose text has `title`. */
function chartPage(pdf: string, title: string): number {
  const pages = Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))![1]);
  for (let page = 1; page <= pages; page++) {
    if (run("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"]).includes(title)) return page;
  }
  throw new Error(`No page with "${title}"`);
}

/**
 * The top of the line on the page that is `text` and nothing more (the chart's title, not the sheet's title or the
 * footer that begin with it), in pixels of a rendering `height` pixels high.
 */
function lineOf(pdf: string, page: number, text: string, height: number): number {
  const html = run("pdftotext", ["-f", String(page), "-l", String(page), "-bbox-layout", pdf, "-"]);
  const pageHeight = Number(/<page width="[\d.]+" height="([\d.]+)"/.exec(html)![1]);
  const lines = [...html.matchAll(/<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>([\s\S]*?)<\/line>/g)];
  const words = (line: string) => [...line.matchAll(/>([^<]+)<\/word>/g)].map((m) => m[1]).join(" ");
  const found = lines.filter((m) => words(m[2]).trim() === text);
  if (found.length !== 1) throw new Error(`${found.length} lines that are "${text}" on page ${page}, not one`);
  return Math.floor((Number(found[0][1]) / pageHeight) * height);
}

interface Image {
  width: number;
  height: number;
  rgb: Buffer;
}

/** A page as a binary PPM (P6, 8 bits), read without any image library. */
function renderPage(pdf: string, page: number, prefix: string): Image {
  run("pdftoppm", ["-f", String(page), "-l", String(page), "-r", "50", "-singlefile", pdf, prefix]);
  const data = readFileSync(`${prefix}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("Not an 8-bit binary PPM");
  return { width: Number(header[1]), height: Number(header[2]), rgb: data.subarray(header[0].length) };
}

/** Pixels within 3 of `color` ("RRGGBB") in each channel, in the rows from `top` to `bottom`. */
function countColor(image: Image, color: string, rows: { top: number; bottom: number }): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(color.slice(i, i + 2), 16));
  let count = 0;
  for (let y = rows.top; y < rows.bottom; y++) {
    for (let x = 0; x < image.width; x++) {
      const at = (y * image.width + x) * 3;
      const near = (offset: number, want: number) => Math.abs(image.rgb[at + offset] - want) <= 3;
      if (near(0, r) && near(1, g) && near(2, b)) count++;
    }
  }
  return count;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} failed (${result.status}): ${result.stderr || result.error}`);
  return result.stdout;
}
