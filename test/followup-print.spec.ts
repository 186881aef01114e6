/**
 * The follow-up sheet printed as a secretary would print it: the xlsx host's file, converted to PDF by LibreOffice
 * (headless) and read back with poppler's pdftotext and pdffonts. Page 1 carries the instructions and the legend;
 * every page says "Sida x av N"; every page that holds answer rows shows their column headers; the pages are the
 * ones the spec broke (the estimate holds in a real renderer); and every font is Carlito (Calibri's metric twin), not
 * a serif fallback. No skipping: without LibreOffice and poppler-utils the tests fail and say how to install them.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import { followUpSheets, supportSheets } from "../src/domain/followup/generate";
import { Answer, rowKey } from "../src/domain/followup/model";
import { PreviousPeriod } from "../src/domain/followup/previousPeriod";
import { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { writeWorkbookFile } from "../src/hosts/xlsx/write";
import { SheetSpec } from "../src/sheet/spec";
import { convertManyWithLibreOffice, requireLibreOffice } from "./support/libreoffice";
import { T1_2025 } from "./support/longSheet";
import { EXAMPLES, tempDir } from "./support/workbooks";

const LO_TIMEOUT = 180_000;
let dir: string;
let plan: Plan;
type Printed = { spec: SheetSpec; pages: string[]; fonts: string };
/** The sheets printed once for the whole file, by one soffice: VoN from the example, KS from longPlan(). */
const printedSheets = new Map<string, Printed>();

beforeAll(async () => {
  requireLibreOffice();
  dir = await tempDir("followup-print");
  plan = readPlan((await readWorkbookFile(path.join(EXAMPLES, "ostersund-2024-mall.xlsx"))).grids).plan;
  const long = longPlan();
  const prints = await printed([
    ["VoN", plan],
    ["KS", long, previousOf(long, "KS")],
  ]);
  for (const print of prints) printedSheets.set(print.code, print);
}, LO_TIMEOUT);
afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: "utf8" });
  if (result.error || result.status !== 0) {
    throw new Error(
      `${command} failed (${result.status}): ${result.stderr || result.error}. ` +
        "poppler-utils is needed (.ci/run installs it).",
    );
  }
  return result.stdout;
}

/** Each sheet for `code` in its plan as a file, all printed to PDF together; their pages' text (pdftotext -layout,
 * split at form feeds) and fonts. */
async function printed(
  sheets: [code: string, p: Plan, previous?: PreviousPeriod][],
): Promise<(Printed & { code: string })[]> {
  const specs = sheets.map(([code, p, previous]) => ({
    code,
    spec: followUpSheets(p, { ...T1_2025, previous }).find((s) => s.committee.code === code)!.spec,
    file: path.join(dir, `${code}-${p.assignments.length}.xlsx`),
  }));
  for (const { spec, file } of specs)
    await writeWorkbookFile({ sheets: [spec, ...supportSheets(DEFAULT_SETTINGS)] }, file);
  const pdfs = await convertManyWithLibreOffice(
    specs.map((s) => s.file),
    "pdf",
    dir,
  );
  return specs.map(({ code, spec }, i) => {
    const [pdf] = pdfs[i];
    const text = tool("pdftotext", ["-layout", pdf, "-"]);
    const pages = text.split("\f").filter((page, j, all) => j < all.length - 1 || page.trim() !== "");
    return { code, spec, pages, fonts: tool("pdffonts", [pdf]) };
  });
}

/** KS with 30 more uppdrag, each with a long förtydligande: the uppdrag run over several pages. */
function longPlan(): Plan {
  const ks = plan.assignments.filter((a) => a.committees.includes("KS"));
  const extra = Array.from({ length: 30 }, (_, i) => ({
    ...ks[i % ks.length],
    id: `EXTRA-${i + 1}`,
    title: `Extra uppdrag ${i + 1}: ${ks[i % ks.length].title}`,
  }));
  return { ...plan, assignments: [...plan.assignments, ...extra] };
}

/** The previous year's Helår answered on every uppdrag and ramjustering of `code`, with comments that wrap. */
function previousOf(p: Plan, code: string): PreviousPeriod {
  const comment = "Arbetet har pågått hela året men blev inte klart; det fortsätter med samma inriktning och budget.";
  const answers = new Map<string, Answer>([
    ...p.assignments
      .filter((a) => a.committees.includes(code))
      .map((a): [string, Answer] => {
        const key = rowKey("assignment", a.id);
        return [key, { key, kind: "assignment", title: a.title, input: "Påbörjat", comment }];
      }),
    ...p.adjustments
      .filter((a) => a.committee === code)
      .map((a): [string, Answer] => {
        const key = rowKey("adjustment", a.id);
        return [key, { key, kind: "adjustment", title: a.id, input: 1250.5, comment }];
      }),
  ]);
  return { period: "Helår", year: 2024, kind: "outcome", byCommittee: new Map([[code, answers]]) };
}

const squash = (text: string) => text.replace(/\s+/g, " ");

describe.each([
  ["VoN", "the Östersund example"],
  ["KS", "uppdrag over several pages"],
])("%s (%s), printed to PDF by LibreOffice", (code) => {
  let result: Printed;
  beforeAll(() => {
    result = printedSheets.get(code)!;
  });

  test("the pages are the ones the spec broke, each numbered Sida x av N in the footer with nämnd and period", () => {
    const { spec, pages } = result;
    expect(pages.length).toBe((spec.print!.rowBreaks ?? []).length + 1);
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => {
      const text = squash(page);
      expect([i + 1, text]).toEqual([i + 1, expect.stringContaining(`Sida ${i + 1} av ${pages.length}`)]);
      expect(text).toContain(`(${code})`);
      expect(text).toContain("Uppföljning T1 2025 · skapad 2025-04-02");
    });
  });

  test("page 1 has the instructions and the legend, every status with its definition", () => {
    const first = squash(result.pages[0]);
    expect(first).toContain("Så fyller du i");
    expect(first).toContain("Färger och värden");
    expect(first).toContain("Celler i den här färgen fyller du i");
    for (const value of [...DEFAULT_SETTINGS.scales.goal, ...DEFAULT_SETTINGS.scales.assignment]) {
      expect(first).toContain(value.label);
      // The definition's first words (a long one wraps onto a second line of the merged cell).
      expect(first).toContain(value.definition!.split(" ").slice(0, 4).join(" "));
    }
  });

  test("every page repeats the heading, and every page with answer rows shows their column headers", () => {
    result.pages.forEach((page, i) => {
      const text = squash(page);
      expect([i + 1, text]).toEqual([i + 1, expect.stringContaining("Uppföljning T1 2025 –")]);
      // Every section's header row ends with a Kommentar column: a page with answer cells has one.
      if (i > 0) expect([i + 1, text]).toEqual([i + 1, expect.stringMatching(/Kommentar/)]);
    });
  });

  test("every font is Carlito (a sans metric-compatible with Calibri), bold and italic too, never a serif", () => {
    const names = result.fonts
      .split("\n")
      .slice(2)
      .filter((line) => line.trim() !== "")
      .map((line) => line.split(/\s+/)[0].replace(/^[A-Z]{6}\+/, ""));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).toMatch(/^Carlito(-Bold|-Italic|-BoldItalic)?$/);
    expect(names).toEqual(expect.arrayContaining(["Carlito", "Carlito-Bold", "Carlito-Italic"]));
  });
});

test("KS's previous answers print: beside each uppdrag, and on a line of their own under each ramjustering", () => {
  const text = squash(printedSheets.get("KS")!.pages.join(" "));
  expect(text).toContain("Svar Helår 2024");
  expect(text).toContain("Svar Helår 2024: utfall 1 250,5 tkr – Arbetet har pågått hela året");
});

test("KS's long uppdrag section repeats its column headers on the pages it runs onto", () => {
  const { pages } = printedSheets.get("KS")!;
  const continued = pages.filter((page) => squash(page).includes("Uppdrag (forts.)"));
  expect(continued.length).toBeGreaterThanOrEqual(2);
  for (const page of continued) expect(squash(page)).toMatch(/Uppdrag \(forts\.\) Förtydligande Mål Från Status/);
});
