import { promises as fs } from "fs";
import JSZip from "jszip";
import * as path from "path";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import { ChapterBlock, goalChapter } from "../src/domain/followup/goalChapter";
import { readPlan } from "../src/domain/readPlan";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { statusChartSvg } from "../src/hosts/docx/chartSvg";
import { loadRasteriser } from "../src/hosts/docx/rasterise";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { GOAL_CHAPTER_WORDS } from "../src/i18n/goalReport";
import { PLAN, consolidation } from "./support/goalPlan";
import { libModule, packageModulesAfter } from "./support/loadedModules";
import { EXAMPLES, cli, editWorkbook, followUpFiles, rowByKey, typeAnswer } from "./support/workbooks";

/** The måluppfyllelse chapter: its content from the core, and the Word file `consolidate --docx` writes. */

const ANSWERS = consolidation({
  A: {
    M1: ["Uppfyllt", null],
    A1: ["Ej uppfyllt", "Förseningar i upphandlingen."],
    U1: ["Försenat", "Väntar på beslut."],
  },
  B: { B1: ["Uppfyllt", null], B2: ["Ej uppfyllt", "Brist på personal."], U1: ["Genomfört", null] },
  C: { C1: ["Kan inte bedömas", "Statistiken kommer i höst."] },
});

const texts = (blocks: ChapterBlock[]) =>
  blocks.map((b) => (b.kind === "paragraph" ? b.runs.map((r) => r.text).join("") : b.kind === "heading" ? b.text : ""));

test("the chapter: a heading per goal in the kommun's level names, the overall assessment, the table, the comments", () => {
  const chapter = goalChapter(PLAN, ANSWERS, DEFAULT_SETTINGS, GOAL_CHAPTER_WORDS.sv);
  expect(chapter.title).toBe("Måluppfyllelse T1 2024");
  const headings = chapter.blocks.flatMap((b) => (b.kind === "heading" ? [[b.level, b.text]] : []));
  expect(headings).toEqual([
    [2, "Strategiskt område: Mål O"],
    [3, "Kommunövergripande mål: Mål M1"],
    [3, "Kommunövergripande mål: Mål M2"],
  ]);
  const m1 = chapter.blocks.slice(chapter.blocks.findIndex((b) => b.kind === "heading" && b.text.endsWith("M1")));
  expect(texts(m1)[1]).toBe("Sammantaget: Ej uppfyllt (2 nämnder röstar, 1 röstar inte).");
  const table = m1.find((b) => b.kind === "table")!;
  expect(table).toEqual({
    kind: "table",
    header: ["Nämnd", "Bedömning", "Underlag"],
    rows: [
      [{ text: "A Nämnd A" }, { text: "Uppfyllt", fill: "C6EFCE" }, { text: "Målet" }],
      [{ text: "B Nämnd B" }, { text: "Ej uppfyllt", fill: "FFC7CE" }, { text: "Nämndens egna mål under målet" }],
      [{ text: "C Nämnd C" }, { text: "Kan inte bedömas", fill: "D9D9D9" }, { text: "Nämndens egna mål under målet" }],
    ],
  });
  const text = texts(chapter.blocks);
  expect(text).toContain("A Nämnd A · Mål A1 – Ej uppfyllt: Förseningar i upphandlingen.");
  expect(text).toContain("C Nämnd C · Mål C1 – Kan inte bedömas: Statistiken kommer i höst.");
  expect(text).toContain("Försenat · A: Uppdrag U1 – Väntar på beslut.");
  // Under the title: the rule, then the top goals' chart; the område's chart of itself and its goals.
  const charts = chapter.blocks.flatMap((b) => (b.kind === "chart" ? [b.chart] : []));
  expect(charts.map((c) => [c.title, c.bars.map((b) => b.label)])).toEqual([
    ["Nämndernas bedömningar per mål", ["Mål O"]],
    ["Nämndernas bedömningar: Mål O", ["Mål O", "Mål M1", "Mål M2"]],
  ]);
  expect(charts[1].bars[1].segments).toEqual([
    { label: "Uppfyllt", color: "C6EFCE", count: 1 },
    { label: "Ej uppfyllt", color: "FFC7CE", count: 1 },
    { label: "Kan inte bedömas", color: "D9D9D9", count: 1 },
  ]);
  expect(charts[1].bars[2].segments).toEqual([{ label: "Saknas", color: "FFFFFF", count: 1 }]);
});

test("in English: the levels' English names and the chapter's words, the nämnder's own words untouched", () => {
  const chapter = goalChapter(PLAN, ANSWERS, DEFAULT_SETTINGS, GOAL_CHAPTER_WORDS.en);
  expect(chapter.title).toBe("Goal attainment T1 2024");
  const text = texts(chapter.blocks);
  expect(text).toContain("Strategic area: Mål O");
  expect(text).toContain("Overall: Ej uppfyllt (2 committees vote, 1 not voting).");
  expect(text).toContain("B Nämnd B · Mål B2 – Ej uppfyllt: Brist på personal.");
  expect(text.join(" ")).not.toMatch(/Sammantaget|Nämndernas|Kommunövergripande/);
});

/** The document's paragraphs as text: Word splits a paragraph into runs, each with its text. */
async function docxParagraphs(file: string): Promise<{ paragraphs: string[]; xml: string; media: string[] }> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const xml = await zip.file("word/document.xml")!.async("string");
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const paragraphs = xml
    .split("</w:p>")
    .map((p) => [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(""));
  const media = Object.keys(zip.files).filter((name) => name.startsWith("word/media/"));
  return { paragraphs, xml, media };
}

describe("consolidate --docx", () => {
  const PLAN_FILE = path.join(EXAMPLES, "ostersund-2024-mall.xlsx");
  let dir: string;
  let master: string;
  let split: string;
  beforeAll(async () => {
    ({ dir, master, split } = await followUpFiles("chapter", PLAN_FILE));
  }, 60_000);
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("the chapter holds every goal above the nämnder and every comment the nämnder typed", async () => {
    const plan = readPlan((await readWorkbookFile(PLAN_FILE)).grids).plan;
    const typed: string[] = [];
    const returned: string[] = [];
    for (const code of ["KS", "SAN"]) {
      const file = path.join(split, `${code}-T1-2024.xlsx`);
      returned.push(file);
      await editWorkbook(file, (w) => {
        const sheet = w.getWorksheet(`${code} T1 2024`)!;
        for (const g of plan.goals) {
          const row = rowByKey(sheet, `goal|${g.id}`);
          if (!row || row.getCell(6).protection?.locked !== false) continue;
          // Characters XML escapes, so that the test sees them come back as typed.
          const comment = `${code} om ${g.name} <${typed.length}> & "mer"`;
          typeAnswer(sheet, `goal|${g.id}`, "Delvis uppfyllt", comment);
          typed.push(comment);
        }
      });
    }
    expect(typed.length).toBeGreaterThan(4);
    const chapter = path.join(dir, "kapitel.docx");
    const result = await cli("consolidate", master, ...returned, "--docx", chapter, "--json");
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as ConsolidateOutput;
    expect([json.report, json.chapter]).toEqual([null, chapter]);

    const { paragraphs, xml, media } = await docxParagraphs(chapter);
    const top = plan.levels[0].id;
    const goals = plan.goals.filter((g) => g.committee === null && g.level !== top);
    expect(goals.length).toBeGreaterThan(3);
    for (const g of goals) {
      const level = plan.levels.find((l) => l.id === g.level)!;
      expect(paragraphs).toContain(`${level.label}: ${g.name}`);
    }
    for (const comment of typed) expect(paragraphs.some((p) => p.endsWith(`Delvis uppfyllt: ${comment}`))).toBe(true);
    // Word's own heading styles, a header row repeated on every page, A4, and the charts as pictures.
    expect(xml).toContain('<w:pStyle w:val="Heading2"/>');
    expect(xml).toContain("<w:tblHeader/>");
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const zip = await JSZip.loadAsync(await fs.readFile(chapter));
    const styles = await zip.file("word/styles.xml")!.async("string");
    expect(styles).toMatch(/<w:rFonts w:ascii="Calibri"[^>]*\/>/);
    expect(styles).toContain('<w:lang w:val="sv-SE"/>');
    expect(media.length).toBeGreaterThan(0);
  }, 60_000);

  test("--lang en: the chapter in English, the levels by their English names", async () => {
    const plan = readPlan((await readWorkbookFile(PLAN_FILE)).grids).plan;
    const chapter = path.join(dir, "chapter-en.docx");
    expect((await cli("consolidate", master, "--docx", chapter, "--lang", "en")).code).toBe(0);
    const { paragraphs, xml } = await docxParagraphs(chapter);
    expect(paragraphs).toContain("Goal attainment T1 2024");
    const kommunmal = plan.goals.find((g) => g.level === "kommunmal")!;
    expect(paragraphs).toContain(`Municipal goal: ${kommunmal.name}`);
    expect(xml).not.toMatch(/Sammantaget|Nämndernas|Kommunövergripande/);
  }, 60_000);

  test("an existing chapter is never overwritten, and a path that cannot be written is said in Swedish", async () => {
    const existing = path.join(dir, "finns.docx");
    await fs.writeFile(existing, "mitt eget");
    const refused = await cli("consolidate", master, "--docx", existing);
    expect(refused.code).toBe(2);
    expect(await fs.readFile(existing, "utf8")).toBe("mitt eget");

    const nowhere = path.join(dir, "saknas", "kapitel.docx");
    const failed = await cli("consolidate", master, "--docx", nowhere);
    expect(failed.code).toBe(2);
    expect(failed.err).toContain(`Filen kan inte skrivas`);
    expect(failed.err).toContain(nowhere);
    expect(await fs.readdir(dir)).not.toContain("saknas");
  }, 60_000);
});

describe("the charts", () => {
  const chart = goalChapter(PLAN, ANSWERS, DEFAULT_SETTINGS, GOAL_CHAPTER_WORDS.sv).blocks.flatMap((b) =>
    b.kind === "chart" ? [b.chart] : [],
  )[1];

  test("a stacked bar per goal in the scale's colours; the text escaped, or left out when no font draws it", () => {
    const withText = statusChartSvg({ ...chart, title: "Mål <1> & mer" }, true);
    expect(withText.svg).toContain("Mål &lt;1&gt; &amp; mer");
    expect(withText.svg).toContain(">Kan inte bedömas</text>");
    for (const colour of ["C6EFCE", "FFC7CE", "D9D9D9", "FFFFFF"]) expect(withText.svg).toContain(`fill="#${colour}"`);
    const bars = (svg: string) => svg.match(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="18"/g)?.length;
    // M1: three values given; M2: one missing; O: four nämnder, each a value or missing (A, B, C given, D missing).
    expect(bars(withText.svg)).toBe(4 + 3 + 1);
    const bare = statusChartSvg(chart, false);
    expect(bare.svg).not.toContain("<text");
    expect(bars(bare.svg)).toBe(8);
  });

  test("rasterised to a PNG twice the chart's size", async () => {
    const rasteriser = await loadRasteriser();
    const picture = statusChartSvg(chart, rasteriser.withText);
    const png = Buffer.from(rasteriser.png(picture.svg, 2));
    expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([picture.width * 2, picture.height * 2]);
  });
});

/** How many modules of the docx package and of resvg a fresh Node holds after loading `entry` from the CLI build. */
const heavyModulesAfter = (...entry: string[]) =>
  packageModulesAfter("docx|@resvg", `require(${JSON.stringify(libModule(...entry))})`).modules;

test("the docx package and the rasteriser are loaded only when a chapter is written (the CLI build, lib/)", () => {
  expect(heavyModulesAfter("cli", "main.js")).toBe(0);
  expect(heavyModulesAfter("hosts", "docx", "write.js")).toBeGreaterThan(0);
});
