"use strict";
/**
 * Round trips of the open workbook's steps (src/hosts/excel/openWorkbook.ts) on the strict Excel stand-in
 * (src/hosts/standin/), which counts syncs and measures each request and response as Office.js sends them (JSON).
 * Excel itself cannot run here; the stand-in refuses what Excel refuses (5 MB payloads, unloaded reads), so these
 * counts are what Excel does.
 *
 * For plans of 10, 1 000 and 20 000 uppdrag (and as many ramjusteringar) across 15 nämnder:
 *   excel-validate-syncs-N            validate: list the sheets, then measure them and read their first rows,
 *                                     then the rest (budget 2; 3 when the sheets take more than one 4 MB response)
 *   excel-generate-syncs-N            generate into a workbook without follow-up sheets (budget 3)
 *   excel-regenerate-syncs-N          generate again, replacing those sheets and keeping the answers (budget 3)
 *   excel-consolidate-syncs-N         consolidate the workbook's follow-up sheets into the report (budget 3)
 *   excel-<job>-sync-max-request-kb,
 *   excel-<job>-sync-max-response-kb  the largest request and response of any of the job's syncs (Excel on the
 *                                     web refuses 5 MB)
 * The budget grows by one sync per further 4 MB the job reads or writes; the target printed is that budget. Every
 * request and response must stay within 4 000 kB (a margin under Excel on the web's 5 MB). A sync Excel refuses as
 * too large counts as a round trip; its bytes are not counted (nothing was delivered).
 *
 * The jobs run in this order on one workbook, each given the workbook's shape from the one before, as the pane
 * passes it on within a session (`openWorkbookSession`); the first, validate, runs without one.
 *
 * The TypeScript is compiled first (tsc, into a temp dir under node_modules/.cache), so the benchmark runs the same
 * code the tests do.
 */
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const { ROOT, round } = require("./common");
const { planData, planGrids } = require("./generate-plan");

const SIZES = [10, 1000, 20000];
const FOUR_MB = 4_000_000;
const BASE = { validate: 2, generate: 3, regenerate: 3, consolidate: 3 };

function compile() {
  // Inside node_modules, so that the compiled files resolve exceljs and the rest from the project's packages.
  const cache = path.join(ROOT, "node_modules", ".cache");
  fs.mkdirSync(cache, { recursive: true });
  const out = fs.mkdtempSync(path.join(cache, "maltavlan-bench-excel-"));
  const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const sources = ["src/hosts/standin/index.ts", "test/excel/support.ts", "src/hosts/excel/openWorkbook.ts"];
  const options = ["--outDir", out, "--rootDir", ".", "--module", "commonjs", "--target", "es2022"];
  const flags = ["--esModuleInterop", "--skipLibCheck", "--strict", "--types", "office-js,node", "--jsx", "react-jsx"];
  execFileSync(process.execPath, [tsc, ...options, ...flags, ...sources], { cwd: ROOT, stdio: "inherit" });
  return out;
}

/** Runs `job` on the stand-in; returns its syncs and largest request and response. */
async function measure(standIn, job) {
  const from = standIn.log.length;
  await standIn.run(job);
  const log = standIn.log.slice(from);
  // A refused sync (over 5 MB) counts as a round trip, but delivered nothing: its bytes are not the job's.
  const delivered = log.filter((s) => !s.error);
  return {
    syncs: log.length,
    maxRequest: Math.max(...delivered.map((s) => s.requestBytes)),
    maxResponse: Math.max(...delivered.map((s) => s.responseBytes)),
    totalBytes: delivered.reduce((sum, s) => sum + s.requestBytes + s.responseBytes, 0),
    refused: log.filter((s) => s.error).map((s) => s.error),
  };
}

async function excelSyncBenchmarks() {
  const dir = compile();
  try {
    const { standInFromGrids } = require(path.join(dir, "test/excel/support.js"));
    const openWorkbook = require(path.join(dir, "src/hosts/excel/openWorkbook.js"));
    const { DEFAULT_PERIODS } = require(path.join(dir, "src/domain/settings.js"));
    const request = { period: DEFAULT_PERIODS[0], year: 2025, due: "2025-05-15", planName: "plan.xlsx" };
    const results = [];
    for (const size of SIZES) {
      const standIn = standInFromGrids(planGrids(planData({ assignments: size, adjustments: size })));
      const runs = {};
      // Excel 2024's requirement sets (the stand-in's default), so every feature is written and measured; each job
      // gets the workbook's shape from the one before, as the pane passes it on within a session.
      let shape;
      const options = () => ({ supports: standIn.supports, shape });
      runs.validate = await measure(standIn, async (context) => {
        shape = (await openWorkbook.validateOpenWorkbook(context, undefined, options())).workbook.shape;
      });
      const generate = async (context) => {
        const result = await openWorkbook.generateFollowUp(context, request, options());
        if (!result.written) throw new Error(`the ${size} plan has errors: it would not measure the happy path`);
        shape = result.shape;
      };
      runs.generate = await measure(standIn, generate);
      runs.regenerate = await measure(standIn, generate);
      runs.consolidate = await measure(standIn, async (context) => {
        const returned = { planName: "plan.xlsx", returned: [], language: "sv" };
        shape = (await openWorkbook.consolidateInWorkbook(context, returned, options())).shape;
      });
      for (const [job, run] of Object.entries(runs)) {
        const budget = BASE[job] + Math.max(0, Math.ceil(run.totalBytes / FOUR_MB) - 1);
        const refused = run.refused.length ? ` (refused by size: ${run.refused.join(", ")})` : "";
        const largest = `largest request ${round(run.maxRequest / 1000, 0)} kB, response ${round(run.maxResponse / 1000, 0)} kB`;
        process.stderr.write(`  ${job} ${size}: ${run.syncs} syncs (budget ${budget}), ${largest}${refused}\n`);
        results.push(
          { name: `excel-${job}-syncs-${size}`, value: run.syncs, unit: "syncs", target: `≤ ${budget}` },
          {
            name: `excel-${job}-sync-max-request-kb-${size}`,
            value: round(run.maxRequest / 1000, 0),
            unit: "kB",
            target: "≤ 4000",
          },
          {
            name: `excel-${job}-sync-max-response-kb-${size}`,
            value: round(run.maxResponse / 1000, 0),
            unit: "kB",
            target: "≤ 4000",
          },
        );
      }
    }
    return results;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { excelSyncBenchmarks };

if (require.main === module) {
  excelSyncBenchmarks().then(
    (results) => process.stdout.write(`${JSON.stringify(results, null, 2)}\n`),
    (error) => {
      process.stderr.write(`bench: ${error.stack}\n`);
      process.exit(1);
    },
  );
}
