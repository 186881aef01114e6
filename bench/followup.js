"use strict";
/**
 * The follow-up part of `npm run bench` (called by bench/run.js, on its plan: 15 nämnder, 325 mål, 20 000 uppdrag,
 * 20 000 ramjusteringar). Each command is set against a baseline, bench/write-exceljs.js, that does the same file work
 * with plain ExcelJS: it reads the same inputs and writes the same cells (same workbooks, sheets, positions, values,
 * formulas) but no styles, formats, widths, validations, conditional formats, merges or protection. The ratio is what
 * Måltavlan costs on top of the I/O it cannot avoid.
 *
 *   generate-split-ratio   `maltavlan generate <plan> --period T1 --year 2025 --split <fresh dir>` (15 workbooks)
 *                          over: load the plan, write the 15 workbooks' cells. The CLI must read the plan, so the
 *                          baseline does too (once, as the CLI's reader does).
 *   generate-split-vs-write-only-ratio  The same CLI time over the baseline without its plan load: writing alone.
 *   generate-out-ratio     `maltavlan generate <plan> … --out <new master.xlsx>` (the plan plus one sheet per nämnd)
 *                          over: load the plan into a workbook, add the same sheets' cells, write it back.
 *   consolidate-ratio      `maltavlan consolidate <master> <15 answered split files> --out <report> --json` over:
 *                          load the 16 files, write a workbook with the report's cells. The split files are answered
 *                          first, untimed, as nämnder would (bench/fill-answers.js); the master is --out's output.
 *   consolidate-docx-ms    `maltavlan consolidate <master> <15 answered split files> --docx <chapter> --json`: the
 *                          måluppfyllelse chapter in Word alone (charts rasterised), median; no baseline (ExcelJS
 *                          has no equivalent), with its peak RSS as consolidate-docx-peak-rss-mb.
 *   …-ms, …-baseline-ms    The medians behind each ratio.
 *   …-peak-rss-mb          Peak resident memory (GNU time), the highest of the 3 runs, for the CLI and the baseline.
 *
 * Method: 3 rounds of CLI then baseline (A B A B A B, as bench/run.js does for validate), each run writing to a fresh
 * path and timed as a whole child process. The CLI's first run is also the reference: it must exit 0, and what it
 * wrote becomes the baseline's fixture (read back with ExcelJS, untimed; merged cells' covered parts left out). The
 * baseline's time is its wall time less its parse of that fixture, which stands in for computing the values.
 */
const fs = require("fs");
const path = require("path");
const { CLI, fail, median, round, runNode } = require("./common");
const { fillAnswers } = require("./fill-answers");

const ROUNDS = 3;
const BASELINE = path.join(__dirname, "write-exceljs.js");
const PERIOD = ["--period", "T1", "--year", "2025"];

/** Every sheet's cells (flat [row, col, value, …], 1-based) of an .xlsx, as write-exceljs.js takes them. */
async function workbookCells(file, keepSheet = () => true) {
  const ExcelJS = require("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheets = workbook.worksheets
    .filter((sheet) => keepSheet(sheet.name))
    .map((sheet) => {
      const cells = [];
      sheet.eachRow((row, r) =>
        row.eachCell((cell, c) => {
          // A merge's covered cells echo the top-left value; the CLI writes the value once.
          if (cell.type === ExcelJS.ValueType.Merge || cell.value === null) return;
          cells.push(r, c, cell.value instanceof Date ? { date: cell.value.toISOString() } : cell.value);
        }),
      );
      return { name: sheet.name, state: sheet.state, cells };
    });
  return { file: path.basename(file), sheets };
}

/**
 * Times ROUNDS rounds of `cli(i)` then `baseline(i)` (node args). `afterFirst(result)` runs once after the CLI's
 * first run, untimed (checks, fixture). Returns medians and the peak RSS of each side.
 */
async function timePair(label, { cli, baseline, afterFirst }) {
  const runs = { cli: [], baseline: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const a = runNode(cli(i), { stdout: "pipe", rss: true });
    if (a.status !== 0) fail(`${label}: maltavlan exited with ${a.status}:\n${a.stderr}${a.stdout.slice(0, 2000)}`);
    runs.cli.push({ ms: a.ms, rssMb: a.rssMb });
    process.stderr.write(`  ${label} run ${i + 1}: ${a.ms.toFixed(0)} ms\n`);
    if (i === 0) await afterFirst(a);

    const b = runNode(baseline(i), { stdout: "pipe", rss: true });
    if (b.status !== 0) fail(`${label}: the baseline exited with ${b.status}:\n${b.stderr}`);
    const phases = JSON.parse(b.stdout);
    runs.baseline.push({ ms: b.ms - phases.fixtureMs, rssMb: b.rssMb, readMs: phases.readMs });
    process.stderr.write(
      `  ${label} baseline run ${i + 1}: ${(b.ms - phases.fixtureMs).toFixed(0)} ms ` +
        `(read ${phases.readMs.toFixed(0)}, write ${phases.writeMs.toFixed(0)}; ${phases.workbooks} workbooks, ` +
        `${phases.sheets} sheets, ${phases.cells} cells)\n`,
    );
  }
  const med = (side, key) => median(runs[side].map((r) => r[key]));
  const peak = (side) => (runs[side][0].rssMb === null ? null : Math.max(...runs[side].map((r) => r.rssMb)));
  return {
    cliMs: med("cli", "ms"),
    baselineMs: med("baseline", "ms"),
    baselineWriteOnlyMs: median(runs.baseline.map((r) => r.ms - r.readMs)),
    cliRssMb: peak("cli"),
    baselineRssMb: peak("baseline"),
  };
}

function writeFixture(file, workbooks) {
  fs.writeFileSync(file, JSON.stringify({ workbooks }));
}

const freshDir = (dir) => {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
};

/** The figures for one command: ratio (with its target), both medians, both peak RSS. */
function figures(name, timed, target) {
  const mb = (value) => (value === null ? null : round(value, 0));
  return [
    { name: `${name}-ratio`, value: round(timed.cliMs / timed.baselineMs, 2), unit: "×", target },
    { name: `${name}-ms`, value: round(timed.cliMs, 0), unit: "ms", target: null },
    { name: `${name}-baseline-ms`, value: round(timed.baselineMs, 0), unit: "ms", target: null },
    { name: `${name}-peak-rss-mb`, value: mb(timed.cliRssMb), unit: "MB", target: null },
    { name: `${name}-baseline-peak-rss-mb`, value: mb(timed.baselineRssMb), unit: "MB", target: null },
  ];
}

/** Runs the three follow-up benchmarks on `plan` (an .xlsx in `dir`); returns their results.json entries. */
async function followUpBenchmarks({ plan, dir, planSheets }) {
  const results = [];

  // generate --split: 15 workbooks, one per nämnd.
  process.stderr.write("generate --split…\n");
  const splitFixture = path.join(dir, "split-cells.json");
  let splitFiles = [];
  const split = await timePair("generate --split", {
    cli: (i) => [CLI, "generate", plan, ...PERIOD, "--split", path.join(dir, `split-${i}`)],
    afterFirst: async () => {
      const out = path.join(dir, "split-0");
      splitFiles = fs.readdirSync(out).map((f) => path.join(out, f));
      if (splitFiles.length !== 15) fail(`generate --split wrote ${splitFiles.length} files, not 15: ${out}`);
      writeFixture(splitFixture, await Promise.all(splitFiles.map((f) => workbookCells(f))));
    },
    baseline: (i) => [BASELINE, splitFixture, freshDir(path.join(dir, `split-baseline-${i}`)), "--read", plan],
  });
  results.push(...figures("generate-split", split, "≤ 1.5"));
  results.push({
    name: "generate-split-vs-write-only-ratio",
    value: round(split.cliMs / split.baselineWriteOnlyMs, 2),
    unit: "×",
    target: null,
  });

  // generate --out: the plan plus one sheet per nämnd, in one new workbook.
  process.stderr.write("generate --out…\n");
  const outFixture = path.join(dir, "out-cells.json");
  const master = path.join(dir, "master-0.xlsx");
  const plain = new Set(planSheets);
  const out = await timePair("generate --out", {
    cli: (i) => [CLI, "generate", plan, ...PERIOD, "--out", path.join(dir, `master-${i}.xlsx`)],
    afterFirst: async () => writeFixture(outFixture, [await workbookCells(master, (name) => !plain.has(name))]),
    baseline: (i) => [BASELINE, outFixture, freshDir(path.join(dir, `out-baseline-${i}`)), "--copy", plan],
  });
  results.push(...figures("generate-out", out, "≤ 1.5"));

  // consolidate: the master and the 15 split files, answered as the nämnder would.
  process.stderr.write("answering the split files…\n");
  const answers = freshDir(path.join(dir, "answers"));
  const answerFiles = splitFiles.map((f) => path.join(answers, path.basename(f)));
  splitFiles.forEach((f, i) => fs.copyFileSync(f, answerFiles[i]));
  const answered = await fillAnswers(answerFiles);
  process.stderr.write(`  ${answered} rows answered\n`);
  process.stderr.write("consolidate…\n");
  const reportFixture = path.join(dir, "report-cells.json");
  const consolidated = await timePair("consolidate", {
    cli: (i) => [CLI, "consolidate", master, ...answerFiles, "--out", path.join(dir, `report-${i}.xlsx`), "--json"],
    afterFirst: async ({ stdout }) => {
      const json = JSON.parse(stdout);
      const errors = json.findings.filter((f) => f.severity === "error");
      if (errors.length) fail(`consolidate found ${errors.length} errors, e.g. ${JSON.stringify(errors[0])}`);
      const unanswered = json.committees.filter((c) => !c.source || c.source.file === path.basename(master));
      if (unanswered.length) fail(`consolidate did not use the answers of ${unanswered.map((c) => c.code)}`);
      writeFixture(reportFixture, [await workbookCells(path.join(dir, "report-0.xlsx"))]);
    },
    baseline: (i) => [
      BASELINE,
      reportFixture,
      freshDir(path.join(dir, `report-baseline-${i}`)),
      "--read",
      master,
      ...answerFiles,
    ],
  });
  results.push(...figures("consolidate", consolidated, "≤ 1.5"));
  results.push(...chapterFigures(master, answerFiles, dir));
  return results;
}

/** consolidate --docx: the chapter alone, ROUNDS runs, each to a fresh path; its median time and peak RSS. */
function chapterFigures(master, answerFiles, dir) {
  process.stderr.write("consolidate --docx…\n");
  const runs = [];
  for (let i = 0; i < ROUNDS; i++) {
    const chapter = path.join(dir, `chapter-${i}.docx`);
    const run = runNode([CLI, "consolidate", master, ...answerFiles, "--docx", chapter, "--json"], {
      stdout: "pipe",
      rss: true,
    });
    if (run.status !== 0) fail(`consolidate --docx exited with ${run.status}:\n${run.stderr}`);
    if (!fs.existsSync(chapter)) fail(`consolidate --docx wrote no ${chapter}`);
    runs.push(run);
    process.stderr.write(`  consolidate --docx run ${i + 1}: ${run.ms.toFixed(0)} ms\n`);
  }
  const rss = runs[0].rssMb === null ? null : round(Math.max(...runs.map((r) => r.rssMb)), 0);
  return [
    { name: "consolidate-docx-ms", value: round(median(runs.map((r) => r.ms)), 0), unit: "ms", target: null },
    { name: "consolidate-docx-peak-rss-mb", value: rss, unit: "MB", target: null },
  ];
}

module.exports = { followUpBenchmarks, chapterFigures };
