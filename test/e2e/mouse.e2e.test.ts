/**
 * End to end, with the mouse: every dropdown, select, field and button of every step, clicked in headless Chromium, in Swedish
 * and English, in light, dark and forced colours, at 320 and 350 px (the preview build, dist-preview/, holding the
 * Östersund example in the Excel stand-in).
 *
 * After each click the pane must still answer a click elsewhere: nothing (a portal layer, a stuck popup) may lie over
 * the pane's title or the tabs. At the end of each step: nothing runs past the pane's right edge unless it sits in a
 * region that scrolls, a screenshot (test-output/e2e/mouse/<setting>-<step>.png; look at them), and axe-core finds
 * no serious or critical violation.
 *
 * The controls are found, not listed: the walk clicks whatever the step shows, round after round until a round finds
 * nothing new (buttons that appear after a click, such as downloads, are clicked too). Of controls repeated down a
 * table or list, such as a button per finding, the first is clicked. Clicking never types plan content, so the walk
 * leaves the plan as it found it.
 */
import { execFileSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium";
import { type Served, serve } from "../../scripts/serve";
import { type Language, PANE_STRINGS } from "../../src/i18n/pane";
import { STEPS, type Step } from "../../src/taskpane/launch";
import { seriousViolations } from "./axe";
import { CLICK_MS, openStep } from "./steps";

const ROOT = path.join(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist-preview");
const OUT = path.join(ROOT, "test-output", "e2e", "mouse");
const STEP_MS = 30_000;

type Colours = "light" | "dark" | "forced";
interface Setting {
  name: string;
  language: Language;
  colours: Colours;
  width: number;
}

const SETTINGS: Setting[] = (["sv", "en"] as const).flatMap((language) =>
  (["light", "dark", "forced"] as const).flatMap((colours) =>
    [320, 350].map((width) => ({ name: `${language}-${colours}-${width}`, language, colours, width })),
  ),
);

/** A control as the walk found it: `id` locates it now, `key` recognises it again after the step re-renders. */
interface Control {
  id: string;
  key: string;
  kind: "combobox" | "select" | "button" | "input";
}

let served: Served;
let browser: Browser;
/** A nämnd's follow-up workbook as the CLI writes it, for Sammanställ's file field. */
let returned: string;

beforeAll(async () => {
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const split = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-e2e-"));
  execFileSync(process.execPath, [
    path.join(ROOT, "bin", "maltavlan.js"),
    "generate",
    path.join(ROOT, "examples", "ostersund-2024-mall.xlsx"),
    "--period",
    "T1",
    "--year",
    "2024", // the year the pane offers: the plan's first
    "--split",
    path.join(split, "ut"),
  ]);
  returned = path.join(split, "ut", fs.readdirSync(path.join(split, "ut")).sort()[0]);
  served = await serve({ dir: DIST, port: 0 });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await served?.close();
});

/** The controls of the step shown now, each marked with a data-walk id so that the walk can find it again. */
function controlsShown(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const panel = document.querySelector<HTMLElement>('[role="tabpanel"]:not([hidden])');
    if (!panel) return [];
    const seen = new Map<string, number>();
    const firstInGroup = new Set<Element>();
    const found: { id: string; key: string; kind: "combobox" | "select" | "button" | "input" }[] = [];
    let next = document.querySelectorAll("[data-walk]").length;
    for (const element of panel.querySelectorAll<HTMLElement>('button, [role="combobox"], select, input')) {
      if (element.getClientRects().length === 0 || element.matches(":disabled, [aria-disabled='true']")) continue;
      const kind =
        element.getAttribute("role") === "combobox"
          ? "combobox"
          : element instanceof HTMLSelectElement
            ? "select"
            : element instanceof HTMLInputElement
              ? "input"
              : "button";
      // Buttons repeated down a table or list (one per finding, per file): the first stands for them all.
      const group = kind === "button" ? element.closest("tbody, ul, ol, [role='list'], [role='tree']") : null;
      if (group) {
        if (firstInGroup.has(group)) continue;
        firstInGroup.add(group);
      }
      const name = (
        element.getAttribute("aria-label") ||
        (element instanceof HTMLInputElement ? (element.labels?.[0]?.textContent ?? element.name) : "") ||
        element.textContent ||
        ""
      ).trim();
      const base = `${kind}:${name}`;
      const nth = (seen.get(base) ?? 0) + 1;
      seen.set(base, nth);
      if (!element.dataset.walk) element.dataset.walk = String((next += 1));
      found.push({ id: element.dataset.walk, key: `${base}#${nth}`, kind });
    }
    return found;
  });
}

async function openStepOf(page: Page, language: Language, step: Step): Promise<void> {
  await openStep(page, PANE_STRINGS[language].tabs[step]);
}

/** Work the step started has finished: no spinner left in the step. */
async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('[role="tabpanel"]:not([hidden]) [role="progressbar"]'),
    undefined,
    { timeout: STEP_MS },
  );
}

/** Nothing lies over the pane: its title and the selected tab take a click, and no popup is left open. */
async function expectPaneAnswers(page: Page, where: string): Promise<void> {
  const covered = await page.evaluate(() => {
    const targets = [document.querySelector("h1"), document.querySelector('[role="tab"][aria-selected="true"]')];
    return targets
      .filter((target): target is Element => target !== null)
      .filter((target) => {
        target.scrollIntoView({ block: "nearest" });
        const box = target.getBoundingClientRect();
        const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
        return !hit || !target.contains(hit);
      })
      .map((target) => target.outerHTML.slice(0, 80));
  });
  expect({ where, covered }).toEqual({ where, covered: [] });
  await page.locator("h1").click({ trial: true, timeout: CLICK_MS });
  await expect(page.locator('[role="listbox"]:visible, [role="menu"]:visible').count()).resolves.toBe(0);
}

/** Clicks a control as a user would, and closes what it opened the way a user would: by a click. */
async function exercise(page: Page, control: Control): Promise<void> {
  const element = page.locator(`[data-walk="${control.id}"]`);
  if (control.kind === "combobox") {
    await element.click({ timeout: CLICK_MS });
    const list = page.locator('[role="listbox"]:visible');
    await list.waitFor({ timeout: CLICK_MS });
    const chosen = list.locator('[role="option"][aria-selected="true"]');
    // The option already chosen, so the walk changes nothing; with none chosen, a click beside the list closes it.
    if ((await chosen.count()) > 0) await chosen.first().click({ timeout: CLICK_MS });
    else await page.locator("h1").click({ timeout: CLICK_MS });
    await list.waitFor({ state: "hidden", timeout: CLICK_MS });
  } else if (control.kind === "select") {
    // The browser's own list: opened by a click, closed by Escape, and the choice made again so nothing changes.
    await element.click({ timeout: CLICK_MS });
    await page.keyboard.press("Escape");
    await element.selectOption(await element.inputValue(), { timeout: CLICK_MS });
  } else {
    await element.click({ timeout: CLICK_MS });
    if (control.kind === "button") await closePopup(page);
  }
  await idle(page);
}

/** A button that opened a menu or popup: a click on the title closes it. */
async function closePopup(page: Page): Promise<void> {
  if ((await page.locator('[role="menu"]:visible, [role="dialog"]:visible').count()) === 0) return;
  await page.locator("h1").click({ timeout: CLICK_MS });
}

/** Parts of the pane that run past its right edge without a region of their own that scrolls them into view. */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth + 0.5;
    const scrolls = (element: Element | null): boolean => {
      for (let e = element; e && e !== document.body; e = e.parentElement) {
        const overflowX = getComputedStyle(e).overflowX;
        if ((overflowX === "auto" || overflowX === "scroll") && e.scrollWidth > e.clientWidth) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const element of document.querySelectorAll("main *")) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.right <= edge || scrolls(element.parentElement)) continue;
      // The outermost part that runs past the edge names the problem; what it holds would only repeat it.
      if (element.parentElement && element.parentElement.getBoundingClientRect().right > edge) continue;
      out.push(
        `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 40)}" ends at ${box.right}`,
      );
    }
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth)
      out.push("the page scrolls sideways");
    return out;
  });
}

async function walkStep(page: Page, setting: Setting, step: Step): Promise<void> {
  await openStepOf(page, setting.language, step);
  await idle(page);
  const clicked = new Set<string>();
  for (let round = 0; round < 4; round += 1) {
    const fresh = (await controlsShown(page)).filter((c) => !clicked.has(c.key));
    if (fresh.length === 0) break;
    for (const control of fresh) {
      clicked.add(control.key);
      if ((await page.locator(`[data-walk="${control.id}"]:visible:enabled`).count()) === 0) continue;
      await exercise(page, control);
      await expectPaneAnswers(page, `${setting.name} ${step} ${control.key}`);
      // A button may lead to another step (Visa felen): back to this one, by the mouse again.
      if ((await page.locator(`#tab-${step}[aria-selected="true"]`).count()) === 0) {
        await openStepOf(page, setting.language, step);
      }
    }
  }
  expect(clicked.size).toBeGreaterThan(0);
  // The step at rest: the pointer off the last button clicked, no transition half way (axe reads colours as drawn).
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), undefined, {
    timeout: CLICK_MS,
  });
  await page.screenshot({ path: path.join(OUT, `${setting.name}-${step}.png`), fullPage: true });
  expect({ step, overflowing: await overflowing(page) }).toEqual({ step, overflowing: [] });
  expect({ step, axe: await seriousViolations(page) }).toEqual({ step, axe: [] });
}

describe("every control of every step, clicked with the mouse", () => {
  test.each(SETTINGS.map((s) => [s.name, s] as const))("%s", async (_, setting) => {
    const context = await browser.newContext({
      viewport: { width: setting.width, height: 800 },
      locale: setting.language === "sv" ? "sv-SE" : "en-US",
      forcedColors: setting.colours === "forced" ? "active" : "none",
    });
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      // A button that asks for files (Sammanställ's) gets a returned workbook, as a user would pick one.
      page.on("filechooser", (chooser) => void chooser.setFiles(returned));
      const query = new URLSearchParams({
        lang: setting.language === "sv" ? "sv-SE" : "en-US",
        theme: setting.colours === "dark" ? "dark" : "light",
      });
      await page.goto(`${served.url}?${query}`);
      await page.getByRole("tabpanel").getByRole("button").first().waitFor({ timeout: STEP_MS });
      for (const step of STEPS) await walkStep(page, setting, step);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
