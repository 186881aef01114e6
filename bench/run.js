"use strict";
/**
 * `npm run bench`: performance figures for validating a large plan, then for the follow-up (generate --split,
 * generate --out, consolidate: bench/followup.js, whose header lists those figures). Prints a table and writes
 * bench/results.json as [{ name, value, unit, target }]. Reports figures only; nothing here fails on a missed target
 * (tests never assert on timings either), but it does fail when the benchmark plan is not valid, since then it would
 * not measure the happy path.
 *
 *   validate-json-ratio     Wall time of `maltavlan validate <plan> --json` (child process, median of 3) over the
 *                           wall time of a node process that only loads the same file with ExcelJS (median of 3).
 *                           ExcelJS's load is the floor for the CLI; the ratio is what Måltavlan costs on top.
 *                           Plan: 15 nämnder, 325 mål, 20 000 uppdrag, 20 000 ramjusteringar.
 *   validate-json-ms,
 *   exceljs-load-ms         The two medians behind the ratio.
 *   core-validate-100k-ms   readPlan(grids) on in-memory Grids, ~100 000 rows, no ExcelJS (bench/core-validate.js).
 *                           What the add-in spends once Office.js has handed over the sheets.
 *   validate-peak-rss-mb    Peak resident memory of the CLI validate run (GNU time's "Maximum resident set size").
 *   exceljs-load-peak-rss-mb  The same for the ExcelJS-only load, for comparison.
 *
 *   bomb-<file>-peak-rss-mb, bomb-<file>-s
 *                           Peak memory and wall time of `maltavlan validate` on each file of the bomb corpus
 *                           (bench/bombs.js, whose header lists the files): read or refused within 600 MB and 60 s.
 *
 *   excel-<job>-syncs-N…    Round trips of the Excel host's jobs on the strict stand-in (bench/excel-syncs.js).
 *
 *   ledger-import-100k-ms, generate-utfall-100k-extra-ms
 *                           A ledger export of 100 000 rows: its import in-process and what `generate --utfall`
 *                           adds to the whole process (bench/ledger.js, whose header says how; about 45 s).
 *
 *   kolada-<file>-ms, kolada-<file>-peak-rss-mb
 *                           Kolada files of every kommun, ten years, T/K/M: a CSV with 200 nyckeltal (45 MB), the
 *                           JSON cut to 50 MB and the JSON with 200 nyckeltal (127 MB), each imported for one kommun
 *                           in a fresh process (bench/kolada.js, whose header says how; about 30 s).
 *
 *   taskpane-initial-js-gzip-kb, pane-usable-ms, pane-js-before-usable-gzip-kb, pane-longest-task-ms
 *                           The task pane: its initial JavaScript gzipped, time until its first step can be used in
 *                           headless Chromium and the JavaScript it fetched until then, and its longest
 *                           main-thread task while validating the 20 000-uppdrag
 *                           plan (bench/pane.js, whose header says how; about 3 minutes of the run).
 *
 * Whole run: 12–13 minutes on 2 cores.
 *
 * Usage: node bench/run.js [--keep]   (--keep leaves the generated workbooks in the temp dir)
 * Requires lib/ (npm run build:cli; `npm run bench` does it).
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const { bombBenchmarks } = require("./bombs");
const { CLI, ROOT, fail, median, round, runNode } = require("./common");
const { excelSyncBenchmarks } = require("./excel-syncs");
const { followUpBenchmarks } = require("./followup");
const { koladaBenchmarks } = require("./kolada");
const { ledgerBenchmarks } = require("./ledger");
const { paneBenchmarks } = require("./pane");
const { planData, writePlanWorkbook } = require("./generate-plan");

const RESULTS = path.join(__dirname, "results.json");
const TIMED_RUNS = 3;

/**
 * Median wall times of TIMED_RUNS runs of each command ({ label: args }), each run required to exit 0. The commands
 * take turns (A B A B A B), so a burst of load from elsewhere on the machine weighs on both sides of a ratio.
 */
function timeNodes(commands) {
  const times = Object.fromEntries(Object.keys(commands).map((label) => [label, []]));
  for (let i = 0; i < TIMED_RUNS; i++) {
    for (const [label, args] of Object.entries(commands)) {
      const { ms, status, stderr } = runNode(args);
      if (status !== 0) fail(`${label} exited with ${status}:\n${stderr}`);
      times[label].push(ms);
      process.stderr.write(`  ${label} run ${i + 1}: ${ms.toFixed(0)} ms\n`);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([label, list]) => [label, median(list)]));
}

/** Peak RSS in MB of node `args` (common.js: GNU time when installed). */
function peakRssMb(args) {
  const { status, stderr, rssMb } = runNode(args, { rss: true });
  if (status !== 0) fail(`node ${args.join(" ")} exited with ${status}:\n${stderr}`);
  return rssMb;
}

/** Validates once with the CLI; the plan must give no findings at all, or the benchmark is not the happy path. */
function checkPlanIsValid(plan, dir, counts) {
  const outFile = path.join(dir, "validate.json");
  const out = fs.openSync(outFile, "w");
  const { status, stderr } = runNode([CLI, "validate", plan, "--json"], { stdout: out });
  fs.closeSync(out);
  const text = fs.readFileSync(outFile, "utf8");
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    fail(`maltavlan validate exited with ${status} and printed no JSON:\n${stderr}${text.slice(0, 2000)}`);
  }
  if (status !== 0 || json.findings.length > 0) {
    const shown = json.findings.slice(0, 20).map((f) => `  ${f.severity} ${f.sheet}!${f.cell} ${f.rule}: ${f.message}`);
    fail(
      `the benchmark plan is not valid (exit ${status}, ${json.findings.length} findings), so it would not measure ` +
        `the happy path; fix bench/generate-plan.js:\n${shown.join("\n")}`,
    );
  }
  const { plan: read } = json;
  const got = { assignments: read.assignments.length, adjustments: read.adjustments.length, goals: read.goals.length };
  for (const [key, value] of Object.entries(got)) {
    if (value !== counts[key]) fail(`the CLI read ${value} ${key}, the generator wrote ${counts[key]}`);
  }
}

function coreValidate() {
  const { status, stdout, stderr } = spawnSync(process.execPath, [path.join(__dirname, "core-validate.js")], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (status !== 0) fail(`bench/core-validate.js exited with ${status}:\n${stderr}`);
  const result = JSON.parse(stdout.toString());
  if (result.findings > 0) {
    fail(`the 100k core plan gives ${result.findings} findings: ${JSON.stringify(result.firstFindings, null, 2)}`);
  }
  process.stderr.write(`  core readPlan runs: ${result.runsMs.map((ms) => ms.toFixed(0)).join(", ")} ms\n`);
  return result;
}

function printTable(results) {
  const rows = results.map((r) => {
    const met = r.target === null || r.value === null ? "" : meets(r.value, r.target) ? "met" : "MISSED";
    return [r.name, String(r.value), r.unit, r.target ?? "–", met];
  });
  const header = ["metric", "value", "unit", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 1 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");
  process.stdout.write(`\n${line(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

/** "≤ 1.3", "< 250": whether the value meets it. */
function meets(value, target) {
  const [, op, limit] = /^(≤|<|≥|>)\s*([\d.]+)$/.exec(target) ?? [];
  if (!op) return false;
  const n = Number(limit);
  return { "≤": value <= n, "<": value < n, "≥": value >= n, ">": value > n }[op];
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) fail("lib/ is missing: run npm run build:cli first");
  const keep = process.argv.includes("--keep");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-bench-"));
  try {
    const plan = path.join(dir, "plan.xlsx");
    const data = planData({ assignments: 20000, adjustments: 20000 });
    await writePlanWorkbook(data, plan);
    const sizeMb = fs.statSync(plan).size / 1024 / 1024;
    process.stderr.write(`plan: ${plan} (${sizeMb.toFixed(1)} MB, ${JSON.stringify(data.counts)})\n`);

    process.stderr.write("checking the plan is valid…\n");
    checkPlanIsValid(plan, dir, data.counts);

    // Timings are wall times: on a busy machine they stretch, so say how busy it was.
    const load = os.loadavg()[0];
    process.stderr.write(`timing… (load average ${load.toFixed(1)} on ${os.cpus().length} cores)\n`);
    const { load: loadMs, validate: validateMs } = timeNodes({
      load: [path.join(__dirname, "load-exceljs.js"), plan],
      validate: [CLI, "validate", plan, "--json"],
    });
    const validateRss = peakRssMb([CLI, "validate", plan, "--json"]);
    const loadRss = peakRssMb([path.join(__dirname, "load-exceljs.js"), plan]);
    const core = coreValidate();
    const followUp = await followUpBenchmarks({ plan, dir, planSheets: data.sheets.map((s) => s.name) });
    process.stderr.write("the bomb corpus…\n");
    const bombs = await bombBenchmarks();
    process.stderr.write("Excel host syncs on the stand-in…\n");
    const excelSyncs = await excelSyncBenchmarks();
    process.stderr.write("a ledger export of 100 000 rows…\n");
    const ledger = await ledgerBenchmarks();
    process.stderr.write("Kolada files of every kommun…\n");
    const kolada = await koladaBenchmarks();
    const pane = await paneBenchmarks();

    const results = [
      { name: "validate-json-ratio", value: round(validateMs / loadMs, 2), unit: "×", target: "≤ 1.3" },
      { name: "validate-json-ms", value: round(validateMs, 0), unit: "ms", target: null },
      { name: "exceljs-load-ms", value: round(loadMs, 0), unit: "ms", target: null },
      { name: "core-validate-100k-ms", value: round(core.medianMs, 0), unit: "ms", target: "< 250" },
      { name: "validate-peak-rss-mb", value: round(validateRss, 0), unit: "MB", target: null },
      { name: "exceljs-load-peak-rss-mb", value: round(loadRss, 0), unit: "MB", target: null },
      ...followUp,
      ...bombs,
      ...excelSyncs,
      ...ledger,
      ...kolada,
      ...pane,
    ];
    printTable(results);
    fs.writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`\nwritten: ${path.relative(ROOT, RESULTS)}\n`);
  } finally {
    if (keep) process.stderr.write(`kept: ${dir}\n`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => fail(error.stack));
