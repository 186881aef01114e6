"use strict";
/**
 * The task pane's figures (issue 5), from fresh builds in a temp dir:
 *
 *   taskpane-initial-js-gzip-kb  The JavaScript the production taskpane.html loads before the pane can start (its
 *                                own <script> tags; not office.js, which comes from Microsoft's CDN, and not the
 *                                chunks and workers loaded on demand), each file gzipped (level 9), summed, in KB.
 *   pane-usable-ms               The preview (src/preview: the real pane on the Excel stand-in with the Östersund
 *                                example, served by scripts/serve.js) in headless Chromium: time from navigation start
 *                                until the first step can be used, that is Koppla has read the workbook and its first
 *                                dropdown and its "Spara kopplingen" button are shown and enabled (performance.now()
 *                                when a MutationObserver first sees it), median of 5, each in a fresh browser context
 *                                (cold cache). It includes fetching the example's JSON before the fake Office.onReady
 *                                resolves, about what Excel's own start-up would add.
 *   pane-js-before-usable-gzip-kb  All the JavaScript the pane fetched until it could be used, in the same runs
 *                                (its entry, the chunks and workers it loaded on demand, each requested before the
 *                                moment it became usable, by the browser's clock; not the preview's own preview.*.js,
 *                                which holds the stand-in), each file gzipped (level 9), in KB.
 *   pane-longest-task-ms         The longest main-thread task of the pane's own (PerformanceObserver 'longtask', so
 *                                0 means none of 50 ms or more) from clicking "Validera" to the findings' summary
 *                                line, on the preview with ?plan=large: bench/generate-plan.js's plan of 20 000
 *                                uppdrag and 20 000 ramjusteringar in the stand-in. The stand-in does Excel's work
 *                                (answering each sync, measuring its payload) in the page's thread; the preview runs
 *                                each sync in tasks of its own, as a round trip to Excel leaves the thread free, and
 *                                records when the stand-in was busy, and that time is taken out of the tasks here.
 *                                The longest task with the stand-in's work in it is printed on stderr.
 *
 * A figure that cannot be measured (no Chromium, a pane without the "Validera" tab, …) is null, with the reason on
 * stderr; the other figures still count.
 *
 * Usage: node bench/pane.js   (prints the results as JSON; bench/run.js includes them)
 */
/* global window, document, MutationObserver -- recordInPage runs in the browser */
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const zlib = require("zlib");
const { ROOT, median, round } = require("./common");

const WEBPACK = path.join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js");
const RUNS = 5;
const VIEWPORT = { width: 420, height: 900 };
const LARGE_PLAN_MS = 180_000;

function log(message) {
  process.stderr.write(`  ${message}\n`);
}

function build(outputPath, extra = []) {
  execFileSync(process.execPath, [WEBPACK, "--mode", "production", "--output-path", outputPath, ...extra], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** Gzipped KB of the local scripts taskpane.html loads. */
function initialJsGzipKb(dir) {
  const html = fs.readFileSync(path.join(dir, "taskpane.html"), "utf8");
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi)]
    .map((match) => match[1])
    .filter((src) => !/^[a-z]+:\/\//i.test(src));
  if (scripts.length === 0) throw new Error("taskpane.html loads no script of its own");
  let bytes = 0;
  for (const src of scripts) {
    const kb = gzipKb(path.join(dir, src));
    log(`${src}: ${kb.toFixed(1)} KB gzipped`);
    bytes += kb;
  }
  return bytes;
}

/** Records, before the page's own scripts run, when the first step can be used and every long task. */
function recordInPage() {
  window.__bench = { usableAt: null, usableWallClock: null, longTasks: [] };
  const shown = (element) => {
    if (!element || element.disabled || element.getAttribute("aria-disabled") === "true") return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  const usable = () => {
    const panel = document.querySelector('[role="tabpanel"]:not([hidden])');
    if (!panel) return false;
    const save = [...panel.querySelectorAll("button")].find((b) => b.textContent.trim() === "Spara kopplingen");
    // The first sheet's "read as" choice (a select; a dropdown's role where it is one) and the save button.
    return shown(panel.querySelector('select, [role="combobox"]')) && shown(save);
  };
  const observer = new MutationObserver(() => {
    if (window.__bench.usableAt === null && usable()) {
      window.__bench.usableAt = performance.now();
      // The requests' start times are wall-clock times taken in the browser's process: compared with the same clock.
      window.__bench.usableWallClock = Date.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push([entry.startTime, entry.duration]);
  }).observe({ type: "longtask", buffered: true });
}

/** A fresh context on the preview; `scripts` gets every JavaScript request, workers' included. */
async function openPreview(browser, url, { scripts = [], timeout = 60_000 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: "sv-SE" });
  context.on("request", (request) => {
    if (new URL(request.url()).pathname.endsWith(".js")) scripts.push(request);
  });
  await context.addInitScript(recordInPage);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => window.__bench.usableAt !== null, null, { timeout });
  return { context, page };
}

/** Median time to a usable first step over cold starts, and the gzipped JavaScript fetched before it (largest run). */
async function usableFigures(browser, url, dir) {
  const times = [];
  let kb = 0;
  for (let i = 0; i < RUNS; i++) {
    const scripts = [];
    const { context, page } = await openPreview(browser, url, { scripts });
    const { usableAt, usableWallClock } = await page.evaluate(() => window.__bench);
    times.push(usableAt);
    // Requests the page made after it became usable (before this evaluation came back) are not counted; a
    // request's start time is known once its response has come.
    await Promise.all(scripts.map((request) => request.response()));
    const before = scripts.filter((request) => request.timing().startTime <= usableWallClock);
    const files = before.map((request) => new URL(request.url()).pathname.slice(1));
    const own = [...new Set(files)].filter((file) => !/^preview\./.test(file));
    const runKb = own.reduce((sum, file) => sum + gzipKb(path.join(dir, file)), 0);
    log(`usable run ${i + 1}: ${times[i].toFixed(0)} ms, ${runKb.toFixed(1)} KB gzipped JS (${own.join(", ")})`);
    kb = Math.max(kb, runKb);
    await context.close();
  }
  return { ms: median(times), kb };
}

function gzipKb(file) {
  return zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length / 1024;
}

async function longestTaskMs(browser, url) {
  const { context, page } = await openPreview(browser, `${url}?plan=large`, { timeout: LARGE_PLAN_MS });
  try {
    // Let the first step finish reading the plan, so that only Validera's own work is measured.
    await page.getByRole("button", { name: "Spara kopplingen" }).waitFor({ timeout: LARGE_PLAN_MS });
    await page.waitForTimeout(1000);
    await page.getByRole("tab", { name: "Validera", exact: true }).click();
    const start = await page.evaluate(() => performance.now());
    await page.getByRole("tabpanel").getByRole("button", { name: "Validera", exact: true }).click();
    await page
      .getByText(/\d[\d\s]* fel, \d[\d\s]* varning/)
      .first()
      .waitFor({ timeout: LARGE_PLAN_MS });
    const { end, tasks, busy } = await page.evaluate(() => ({
      end: performance.now(),
      tasks: window.__bench.longTasks,
      busy: window.__standInBusy,
    }));
    const during = tasks.filter(([startTime, duration]) => startTime + duration > start && startTime < end);
    // What of a task the stand-in spent (Excel's work, in its own process there) is not the pane's.
    const own = during.map(([startTime, duration]) => {
      const overlap = busy.reduce(
        (sum, [from, to]) => sum + Math.max(0, Math.min(to, startTime + duration) - Math.max(from, startTime)),
        0,
      );
      return duration - overlap;
    });
    const raw = during.reduce((max, [, duration]) => Math.max(max, duration), 0);
    const standInMs = busy.reduce((sum, [from, to]) => sum + (to > start ? to - Math.max(from, start) : 0), 0);
    log(
      `validate (20 000 uppdrag): ${(end - start).toFixed(0)} ms, ${during.length} long tasks, the longest ` +
        `${raw.toFixed(0)} ms with the stand-in's work; the stand-in worked ${standInMs.toFixed(0)} ms in all`,
    );
    return Math.max(0, ...own);
  } finally {
    await context.close();
  }
}

/** Runs `measure`, giving null (and the reason on stderr) when it cannot. */
async function orNull(name, measure) {
  try {
    return await measure();
  } catch (error) {
    process.stderr.write(`bench: ${name} not measured: ${error.message.split("\n")[0]}\n`);
    return null;
  }
}

async function paneBenchmarks() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-bench-pane-"));
  try {
    process.stderr.write("pane: building the task pane and the preview…\n");
    const taskpaneDir = path.join(dir, "taskpane");
    const previewDir = path.join(dir, "preview");
    build(taskpaneDir);
    build(previewDir, ["--env", "preview"]);
    const initialKb = await orNull("taskpane-initial-js-gzip-kb", () => initialJsGzipKb(taskpaneDir));

    const { serve } = require("../scripts/serve");
    const { launchChromium } = require("../scripts/chromium");
    let usable = null;
    let longest = null;
    const served = await serve({ dir: previewDir, port: 0 });
    try {
      const browser = await orNull("the pane in Chromium", launchChromium);
      if (browser) {
        try {
          usable = await orNull("pane-usable-ms", () => usableFigures(browser, served.url, previewDir));
          longest = await orNull("pane-longest-task-ms", () => longestTaskMs(browser, served.url));
        } finally {
          await browser.close();
        }
      }
    } finally {
      await served.close();
    }
    const value = (n, digits) => (n === null ? null : round(n, digits));
    return [
      { name: "taskpane-initial-js-gzip-kb", value: value(initialKb, 1), unit: "KB", target: "≤ 200" },
      { name: "pane-usable-ms", value: value(usable?.ms ?? null, 0), unit: "ms", target: "≤ 1000" },
      {
        name: "pane-js-before-usable-gzip-kb",
        value: value(usable?.kb ?? null, 1),
        unit: "KB",
        target: "≤ 200",
      },
      { name: "pane-longest-task-ms", value: value(longest, 0), unit: "ms", target: "≤ 100" },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { paneBenchmarks };

if (require.main === module) {
  paneBenchmarks().then(
    (results) => process.stdout.write(`${JSON.stringify(results, null, 2)}\n`),
    (error) => {
      process.stderr.write(`bench: ${error.stack}\n`);
      process.exit(1);
    },
  );
}
