"use strict";
/**
 * core-validate-100k-ms: the core alone, without ExcelJS or I/O. Builds in-memory Grids (src/sheet/grid.ts) for a
 * valid plan of ~100 000 rows (50 000 uppdrag + 50 000 ramjusteringar + the goals and nämnder) and times
 * readPlan(grids) from lib/domain/readPlan.js: 1 warm-up, then the median of 5. This is what the Excel add-in runs
 * on the task pane after Office.js has handed over the sheets, so it must stay fast however the file was read.
 * Nothing of the plan's names or cells is cached from one call to the next (only how a handful of Typ and
 * Varaktighet words read), so each run reads the plan as the first one does; the warm-up lets V8 compile the code.
 *
 * Runs in its own process (spawned by bench/run.js) so the other benchmarks' heaps do not disturb it.
 * Prints one JSON line: { runsMs, medianMs, rows, findings }.
 *
 * Usage: node bench/core-validate.js [--assignments N] [--adjustments N] [--runs N]
 */
const path = require("path");
const { planData, planGrids } = require("./generate-plan");
const { readPlan } = require(path.join(__dirname, "..", "lib", "domain", "readPlan.js"));

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};

const data = planData({ assignments: option("assignments", 50000), adjustments: option("adjustments", 50000) });
const grids = planGrids(data);
const runs = option("runs", 5);

const time = () => {
  const start = process.hrtime.bigint();
  const result = readPlan(grids);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
};

const warmUp = time().result;
const runsMs = [];
for (let i = 0; i < runs; i++) runsMs.push(time().ms);
const sorted = [...runsMs].sort((a, b) => a - b);
process.stdout.write(
  `${JSON.stringify({
    runsMs,
    medianMs: sorted[Math.floor(sorted.length / 2)],
    rows: data.counts.rows,
    findings: warmUp.findings.length,
    firstFindings: warmUp.findings.slice(0, 5),
    plan: { assignments: warmUp.plan.assignments.length, adjustments: warmUp.plan.adjustments.length },
  })}\n`,
);
