/**
 * End to end: the real task pane in headless Chromium, against the Excel stand-in holding the bundled Östersund
 * example (the preview build, dist-preview/; `npm run test:e2e` builds it first, this file builds nothing).
 *
 * The walk takes the four steps as a user would, by accessible names (the contract with the pane: tabs "Koppla",
 * "Validera", "Skapa uppföljning", "Sammanställ"; buttons "Validera", "Skapa uppföljningsblad", "Sammanställ"; the
 * texts "N fel, N varningar", "Skapade N uppföljningsblad", "Rapporten är skriven"), and checks what the pane shows
 * against the core run here in Node on the same grids, and what the stand-in's workbook holds afterwards.
 *
 * Along the way: a PNG of each step in test-output/e2e/walk/ (look at them), an axe-core scan of each step (no serious or
 * critical violation), and two watches that must stay empty: Content-Security-Policy violations (the page's
 * `securitypolicyviolation` events and the console) and requests to anything but the page's own origin.
 * The page is served by scripts/serve.js with the production policy header, as the pane would be.
 */
import fs from "fs";
import path from "path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium";
import { type Served, serve } from "../../scripts/serve";
import JSZip from "jszip";
import { prepareFollowUp, prepareReport } from "../../src/domain/jobs";
import { goalTree } from "../../src/domain/followup/goalTree";
import { readPlanWithSettings } from "../../src/domain/planRead";
import { LISTS_SHEET } from "../../src/domain/lists";
import { STATE_SHEET } from "../../src/domain/state";
import { findingMessage } from "../../src/i18n/findings";
import { GOAL_REPORT_WORDS } from "../../src/i18n/goalReport";
import type { Grid } from "../../src/sheet/grid";
import { seriousViolations } from "./axe";
import { openStep } from "./steps";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist-preview");
const OUT = path.join(ROOT, "test-output", "e2e", "walk");
/** Excel's default task pane width. */
const VIEWPORT = { width: 350, height: 900 };
/** How long a step may take to show its result (the stand-in is fast; the pane's worker starts cold). */
const STEP_MS = 30_000;

interface Watch {
  csp: string[];
  foreign: string[];
  pageErrors: string[];
  /** Every URL requested, in order (the page's and its workers'). */
  requests: string[];
}

interface SheetState {
  name: string;
  visibility: string;
  protected: boolean;
}

declare global {
  interface Window {
    __cspViolations: string[];
  }
}

/** What the core, run here on the same grids, says the pane should show and write. */
function expectations() {
  const file = path.join(DIST, "plans", "ostersund.json");
  if (!fs.existsSync(file))
    throw new Error("dist-preview/ saknas: kör npm run build:preview (npm run test:e2e gör det)");
  const { grids } = JSON.parse(fs.readFileSync(file, "utf8")) as { grids: Grid[] };
  const read = readPlanWithSettings(grids);
  const followUp = prepareFollowUp(grids, read, {
    period: read.settings.periods[0],
    year: 2025,
    due: null,
    generatedAt: "2025-01-01T00:00:00Z",
    planName: "Östersund",
    intoPlanWorkbook: true,
  });
  const report = prepareReport(read, {
    inputs: [{ file: "Östersund", grids, modified: null, master: true }],
    describe: (finding) => findingMessage(finding, "sv"),
    goalWords: GOAL_REPORT_WORDS.sv,
  });
  return {
    planSheets: grids.map((g) => g.sheet),
    recognised: read.sheets.filter((s) => s.layout === "table").map((s) => s.sheet),
    errors: read.findings.filter((f) => f.severity === "error").length,
    warnings: read.findings.filter((f) => f.severity === "warning").length,
    followUpSheets: followUp.sheets.length,
    reportSheets: report.report.sheets.map((s) => s.name),
    /** The goals the chapter has a heading for (XML-escaped as in document.xml). */
    goals: goalTree(read.plan, report.consolidation, read.settings).goals.map((g) =>
      g.name.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"),
    ),
  };
}

const expected = expectations();

let served: Served;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const watch: Watch = { csp: [], foreign: [], pageErrors: [], requests: [] };
let shot = 0;

/** A context and page on `query`, with every watch attached before the first request. */
async function open(query: string, into: Watch, locale = "sv-SE"): Promise<{ context: BrowserContext; page: Page }> {
  const origin = new URL(served.url).origin;
  // The browser's locale as a Swedish (or English) Windows would have it: date inputs and number formats follow it.
  const opened = await browser.newContext({ viewport: VIEWPORT, locale });
  opened.on("request", (request) => {
    const url = request.url();
    into.requests.push(url);
    if (!url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url)) into.foreign.push(url);
  });
  // Runs before the page's own scripts, through DevTools: not subject to the page's policy.
  await opened.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations.push(
        `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const opening = await opened.newPage();
  opening.on("console", (message) => {
    if (/content.security.policy/i.test(message.text())) into.csp.push(message.text());
  });
  opening.on("pageerror", (error) => into.pageErrors.push(error.message));
  await opening.goto(`${served.url}${query}`);
  await opening.locator("#root > *").first().waitFor({ timeout: STEP_MS });
  return { context: opened, page: opening };
}

async function screenshot(on: Page, name: string): Promise<void> {
  shot += 1;
  await on.screenshot({ path: path.join(OUT, `${String(shot).padStart(2, "0")}-${name}.png`), fullPage: true });
}

/** Screenshot, then axe: each step ends here. */
async function stepDone(on: Page, name: string): Promise<void> {
  await screenshot(on, name);
  expect(await seriousViolations(on)).toEqual([]);
}

async function sheets(on: Page): Promise<SheetState[]> {
  return on.evaluate(() => {
    interface Model {
      name: string;
      visibility: string;
      protection: { protected: boolean };
    }
    const standIn = (window as unknown as { __standIn: { workbook: { sheets: Model[] } } }).__standIn;
    return standIn.workbook.sheets.map((s) => ({
      name: s.name,
      visibility: s.visibility,
      protected: s.protection.protected,
    }));
  });
}

async function openTab(name: string): Promise<void> {
  await openStep(page, name);
}

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  served = await serve({ dir: DIST, port: 0 });
  browser = await launchChromium();
  ({ context, page } = await open("", watch));
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await served?.close();
});

describe("the pane in a browser, on the Östersund example", () => {
  test("the preview starts: banner, the plan in the stand-in, the pane rendered", async () => {
    await expect(page.getByRole("note").textContent()).resolves.toBe(
      "Förhandsvisning utan Excel – exempeldata från Östersund 2024",
    );
    expect((await sheets(page)).map((s) => s.name)).toEqual(expected.planSheets);
    await stepDone(page, "start");
  });

  test("Koppla shows the recognised sheets", async () => {
    await openTab("Koppla");
    // Each sheet's name in the table of sheets (a kind called the same, such as Mål, is also a choice of each row's).
    const sheetsTable = page.getByRole("tabpanel").getByRole("table", { name: "Bladen i arbetsboken" });
    for (const sheet of expected.recognised) {
      await sheetsTable.getByRole("cell", { name: sheet, exact: true }).first().waitFor({ timeout: STEP_MS });
    }
    await page.getByRole("button", { name: "Spara kopplingen" }).waitFor({ timeout: STEP_MS });
    await stepDone(page, "koppla");
  });

  test("Validera shows the count of errors and warnings", async () => {
    await openTab("Validera");
    await page.getByRole("tabpanel").getByRole("button", { name: "Validera", exact: true }).click();
    const summary = page.getByText(/\d[\d\s]* fel, \d[\d\s]* varning/).first();
    await summary.waitFor({ timeout: STEP_MS });
    const text = (await summary.textContent()) ?? "";
    const [, errors, warnings] = /(\d[\d\s]*) fel, (\d[\d\s]*) varning/.exec(text) ?? [];
    expect([Number(errors.replace(/\s/g, "")), Number(warnings.replace(/\s/g, ""))]).toEqual([
      expected.errors,
      expected.warnings,
    ]);
    await stepDone(page, "validera");
  });

  test("Skapa uppföljning creates one protected sheet per nämnd, the lists and state sheets hidden", async () => {
    await openTab("Skapa uppföljning");
    await page.getByRole("button", { name: "Skapa uppföljningsblad" }).click();
    const done = page.getByText(/Skapade \d+ uppföljningsblad/).first();
    await done.waitFor({ timeout: STEP_MS });
    const count = Number(/Skapade (\d+)/.exec((await done.textContent()) ?? "")?.[1]);
    expect(count).toBe(expected.followUpSheets);

    const after = await sheets(page);
    const byName = new Map(after.map((s) => [s.name, s]));
    const added = after.filter((s) => !expected.planSheets.includes(s.name));
    const followUp = added.filter((s) => s.name !== LISTS_SHEET && s.name !== STATE_SHEET);
    expect(followUp).toHaveLength(expected.followUpSheets);
    for (const sheet of followUp) expect(sheet).toMatchObject({ visibility: "Visible", protected: true });
    expect(byName.get(LISTS_SHEET)?.visibility).toMatch(/Hidden/);
    expect(byName.get(STATE_SHEET)?.visibility).toBe("VeryHidden");
    await stepDone(page, "skapa");
  });

  test("Sammanställ writes the report sheets", async () => {
    await openTab("Sammanställ");
    await page.getByRole("tabpanel").getByRole("button", { name: "Sammanställ", exact: true }).click();
    await page
      .getByText(/Rapporten är skriven/)
      .first()
      .waitFor({ timeout: STEP_MS });
    const names = (await sheets(page)).map((s) => s.name);
    for (const report of expected.reportSheets) expect(names).toContain(report);
    await stepDone(page, "sammanstall");
  });

  test("after Sammanställ: the goal tree opens by mouse; the chapter in Word downloads, its parts fetched only then", async () => {
    const tree = page.getByRole("tree", { name: "Måluppfyllelse per mål och nämnd" });
    const first = tree.getByRole("treeitem").first();
    await first.click();
    await expect(first.getAttribute("aria-expanded")).resolves.toBe("true");
    // The nämnder under the goal: no follow-up sheet has anything typed, so none has answered.
    await first
      .getByText(/: Ej inkommet$/)
      .first()
      .waitFor({ timeout: STEP_MS });
    await stepDone(page, "sammanstall-maluppfyllelse");

    // The chapter's worker, resvg's WebAssembly and the charts' font: not fetched until the button is pressed.
    const chapterParts = (urls: string[]) => urls.filter((u) => /maltavlan-chapter|\.wasm$|\.ttf$/.test(u));
    expect(chapterParts(watch.requests)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: STEP_MS }),
      page.getByRole("button", { name: "Skapa kapitel i Word" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^Måluppfyllelse T1 \d{4}\.docx$/);
    const saved = path.join(OUT, "kapitel.docx");
    await download.saveAs(saved);
    const docx = await JSZip.loadAsync(fs.readFileSync(saved));
    const xml = await docx.file("word/document.xml")!.async("string");
    for (const goal of expected.goals) expect(xml).toContain(goal);
    // The charts as pictures: resvg's WebAssembly ran in the chapter's worker under the page's policy.
    expect(Object.keys(docx.files).filter((name) => /^word\/media\/.+\.png$/.test(name)).length).toBeGreaterThan(0);
    expect(chapterParts(watch.requests)).toEqual([
      expect.stringMatching(/maltavlan-chapter\.[0-9a-f]+\.js$/),
      expect.stringMatching(/\.ttf$/),
      expect.stringMatching(/\.wasm$/),
    ]);
    await page.getByText(/^Kapitlet är sparat som/).waitFor({ timeout: STEP_MS });
    await stepDone(page, "sammanstall-kapitel");
  });

  test("Skapa Delår beside T1: the earlier period's choice opens by mouse, T1 picked, its answer shown in column G", async () => {
    // KS answers its first goal on the T1 sheet made above.
    const typed = await page.evaluate(() => {
      interface Sheet {
        name: string;
        cell(row: number, col: number): { value: unknown } | undefined;
        at(row: number, col: number): { value: unknown };
      }
      const standIn = (window as unknown as { __standIn: { workbook: { sheets: Sheet[] } } }).__standIn;
      const ks = standIn.workbook.sheets.find((sheet) => /^KS T1 \d{4}$/.test(sheet.name))!;
      const row = Array.from({ length: 300 }, (_, r) => r).find((r) => /^goal\|/.test(String(ks.cell(r, 0)?.value)))!;
      ks.at(row, 5).value = "Delvis uppfyllt";
      return String(ks.cell(row, 0)?.value);
    });
    await openTab("Skapa uppföljning");
    await page.getByRole("combobox", { name: "Period" }).click();
    await page.getByRole("option", { name: /^Delår/ }).click();
    const choice = page.getByRole("combobox", { name: "Jämför med tidigare period" });
    // The newest period before Delår is suggested; the list is the workbook's other periods and Ingen.
    await page
      .getByRole("combobox", { name: "Jämför med tidigare period" })
      .filter({ hasText: /^T1 \d{4}$/ })
      .waitFor({ timeout: STEP_MS });
    await choice.click();
    const options = page.getByRole("listbox").getByRole("option");
    await expect(options.allTextContents()).resolves.toEqual([expect.stringMatching(/^T1 \d{4}$/), "Ingen"]);
    await stepDone(page, "skapa-tidigare-period");
    await options.first().click();
    await page.getByRole("button", { name: "Skapa uppföljningsblad" }).click();
    await page
      .getByText(/Skapade \d+ uppföljningsblad/)
      .first()
      .waitFor({ timeout: STEP_MS });
    const beside = await page.evaluate((key) => {
      interface Sheet {
        name: string;
        cell(row: number, col: number): { value: unknown } | undefined;
      }
      const standIn = (window as unknown as { __standIn: { workbook: { sheets: Sheet[] } } }).__standIn;
      const delar = standIn.workbook.sheets.find((sheet) => /^KS Delår \d{4}$/.test(sheet.name))!;
      const row = Array.from({ length: 300 }, (_, r) => r).find((r) => delar.cell(r, 0)?.value === key)!;
      return [delar.cell(row, 5)?.value ?? null, delar.cell(row, 6)?.value ?? null];
    }, typed);
    expect(beside).toEqual([null, "Delvis uppfyllt"]);
    await stepDone(page, "skapa-delar");
  });

  test("no Content-Security-Policy violation, no request beyond the page's origin, no uncaught error", async () => {
    const violations = await page.evaluate(() => window.__cspViolations);
    expect({ violations, console: watch.csp, foreign: watch.foreign, errors: watch.pageErrors }).toEqual({
      violations: [],
      console: [],
      foreign: [],
      errors: [],
    });
  });
});

/** No serious accessibility violation, no Content-Security-Policy violation, no foreign request, no page error. */
async function expectClean(page: Page, watch: Watch): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  const violations = await page.evaluate(() => window.__cspViolations);
  const { csp, foreign, pageErrors } = watch;
  expect({ violations, csp, foreign, pageErrors }).toEqual({ violations: [], csp: [], foreign: [], pageErrors: [] });
}

describe("the pane's look in other settings", () => {
  test.each([
    ["dark", "?theme=dark", "sv-SE"],
    ["english", "?lang=en-US", "en-US"],
  ])("%s", async (name, query, locale) => {
    const other: Watch = { csp: [], foreign: [], pageErrors: [], requests: [] };
    const opened = await open(query, other, locale);
    try {
      // Koppla has read the workbook when its panel has a button (its words depend on the language).
      await opened.page.getByRole("tabpanel").getByRole("button").first().waitFor({ timeout: STEP_MS });
      await opened.page.waitForTimeout(300); // the theme and fonts settle
      await screenshot(opened.page, name);
      await expectClean(opened.page, other);
    } finally {
      await opened.context.close();
    }
  });

  test("english: after Consolidate, the goal tree opened by mouse", async () => {
    const other: Watch = { csp: [], foreign: [], pageErrors: [], requests: [] };
    const opened = await open("?lang=en-US", other, "en-US");
    try {
      await opened.page.getByRole("tabpanel").getByRole("button").first().waitFor({ timeout: STEP_MS });
      // KS answers its goals with each of the scale's values in turn, so the tree shows them in their colours.
      await openStep(opened.page, "Create follow-up");
      await opened.page.getByRole("button", { name: "Create follow-up sheets" }).click();
      await opened.page
        .getByText(/Created \d+ follow-up sheet/)
        .first()
        .waitFor({ timeout: STEP_MS });
      const answered = await opened.page.evaluate(() => {
        interface Sheet {
          name: string;
          cell(row: number, col: number): { value: unknown } | undefined;
          at(row: number, col: number): { value: unknown };
        }
        const standIn = (window as unknown as { __standIn: { workbook: { sheets: Sheet[] } } }).__standIn;
        const ks = standIn.workbook.sheets.find((sheet) => sheet.name.startsWith("KS "))!;
        const values = ["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Kan inte bedömas"];
        let given = 0;
        for (let row = 0; row < 300; row++) {
          if (!String(ks.cell(row, 0)?.value ?? "").startsWith("goal|")) continue;
          ks.at(row, 5).value = values[given++ % values.length];
        }
        return given;
      });
      expect(answered).toBeGreaterThan(1);
      await openStep(opened.page, "Consolidate");
      await opened.page.getByRole("tabpanel").getByRole("button", { name: "Consolidate", exact: true }).click();
      const tree = opened.page.getByRole("tree", { name: "Goal attainment per goal and committee" });
      await tree.getByRole("treeitem").first().click({ timeout: STEP_MS });
      await tree
        .getByText(/: Not received$/)
        .first()
        .waitFor({ timeout: STEP_MS });
      await screenshot(opened.page, "english-goal-attainment");
      await expectClean(opened.page, other);
    } finally {
      await opened.context.close();
    }
  });
});
