/**
 * The demo's måluppfyllelse chapter as the finance office opens it: LibreOffice Writer reads the .docx and prints it
 * to PDF, with the chapter's headings, tables and comments as text and its charts as pictures in the scale's colours.
 * Runs the demo's own steps through the built CLI (`npm run build:cli` first).
 */
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { followUp } from "../scripts/demo";
import { readPlan } from "../src/domain/readPlan";
import { DEFAULT_SCALES } from "../src/domain/settings";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { convertWithLibreOffice } from "./support/libreoffice";
import { EXAMPLES } from "./support/workbooks";

function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command} failed (${result.status}): ${result.stderr || result.error}. poppler-utils is needed (.ci/run).`,
    );
  }
  return result.stdout;
}

/** The RGB pixels of a binary PPM (P6, 8 bits), as "RRGGBB" with their counts. */
function ppmColours(data: Buffer): Map<string, number> {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(data.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("not an 8-bit P6 PPM");
  const start = header[0].length;
  const counts = new Map<string, number>();
  for (let i = start; i + 2 < data.length; i += 3) {
    const hex = [data[i], data[i + 1], data[i + 2]].map((b) => b.toString(16).padStart(2, "0")).join("");
    counts.set(hex.toUpperCase(), (counts.get(hex.toUpperCase()) ?? 0) + 1);
  }
  return counts;
}

/** The comments the demo's nämnder typed on their goals. */
async function demoComments(split: string): Promise<string[]> {
  const comments: string[] = [];
  for (const file of await fs.readdir(split)) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(split, file));
    workbook.worksheets[0].eachRow((row) => {
      const comment = row.getCell(8).value;
      if (String(row.getCell(1).value ?? "").startsWith("goal|") && typeof comment === "string") comments.push(comment);
    });
  }
  return comments;
}

let dir: string;
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

test("the demo's chapter prints through Writer with its headings, tables, comments and charts", async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "maltavlan-chapter-"));
  const { chapter } = await followUp(dir, () => undefined);
  const [pdf] = await convertWithLibreOffice(chapter, "pdf", path.join(dir, "pdf"));
  const text = tool("pdftotext", [pdf, "-"]).replace(/\s+/g, " ");

  const plan = readPlan((await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids).plan;
  const goals = plan.goals.filter((g) => g.committee === null && g.level !== plan.levels[0].id);
  expect(goals.length).toBeGreaterThan(3);
  expect(text).toContain("Måluppfyllelse T1 2024");
  for (const g of goals) {
    expect(text).toContain(`${plan.levels.find((l) => l.id === g.level)!.label}: ${g.name}`);
  }
  // The tables, read across their rows.
  const rows = tool("pdftotext", ["-layout", pdf, "-"])
    .split("\n")
    .map((line) => line.trim().replace(/\s+/g, " "));
  expect(rows).toContain("Nämnd Bedömning Underlag");
  expect(rows).toContain("VoN Vård- och omsorgsnämnden Uppfyllt Målet");
  expect(text).toContain("Nämndernas kommentarer");
  // Every comment the nämnder typed, at least as often as typed (a nämndmål under two goals is under both).
  const comments = await demoComments(path.join(dir, "ostersund-T1-2024"));
  expect(comments.length).toBeGreaterThan(0);
  for (const comment of new Set(comments)) {
    const typed = comments.filter((c) => c === comment).length;
    expect(text.split(comment).length - 1).toBeGreaterThanOrEqual(typed);
  }

  // The charts: pictures on the first page, drawn in the scale's colours the demo's answers gave.
  const images = path.join(dir, "images");
  await fs.mkdir(images);
  tool("pdfimages", ["-f", "1", "-l", "1", pdf, path.join(images, "chart")]);
  const pictures = (await fs.readdir(images)).filter((name) => name.endsWith(".ppm"));
  expect(pictures.length).toBeGreaterThan(0);
  const colours = ppmColours(await fs.readFile(path.join(images, pictures[0])));
  const colourOf = (label: string) => DEFAULT_SCALES.goal.find((v) => v.label === label)!.color;
  // Every value has its swatch in the legend; only those given fill bars (Ej uppfyllt: nobody gave it).
  const legendOnly = colours.get(colourOf("Ej uppfyllt")) ?? 0;
  expect(legendOnly).toBeGreaterThan(0);
  expect(colours.get(colourOf("Uppfyllt"))).toBeGreaterThan(10 * legendOnly);
  expect(colours.get(colourOf("Delvis uppfyllt"))).toBeGreaterThan(10 * legendOnly);
}, 240_000);
