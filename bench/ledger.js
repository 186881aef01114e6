"use strict";
/**
 * The ledger part of `npm run bench` (issue #18: "a ledger export of 100 000 rows imports in under 2 s in the CLI").
 * Writes, in a temp dir, a plan (the Östersund example with the settings' tables Ansvar | Nämnd and Konto som inte
 * räknas added) and a 100 000-row export as a Windows financial system writes it: `;` separated, decimal comma,
 * Windows-1252, ansvar codes over six nämnder and a few codes no table maps, the kommunbidrag and internal accounts.
 *
 *   ledger-import-100k-ms          In-process: what `generate --utfall` does with the export (read the file, decode,
 *                                  parse with papaparse, find the header, map the codes, sum in öre), from lib/, in a
 *                                  fresh node process; median of 5 runs after one warm-up. The sums per nämnd, the
 *                                  unmapped codes and the left-out accounts are checked against the generator's own.
 *   generate-utfall-100k-extra-ms  Whole process: the wall time of `maltavlan generate … --split <dir> --utfall
 *                                  export.csv` less the same command without --utfall (medians of 3, A B A B A B).
 *   generate-utfall-100k-ms        The whole-process time with --utfall, behind the difference.
 *
 * Usage: node bench/ledger.js   (about 30 s; requires lib/: npm run build:cli)
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { CLI, ROOT, fail, median, round, runNode } = require("./common");

const ROWS = 100_000;
const COMMITTEES = ["KS", "TN", "VoN", "SAN", "BUN", "KFN"];
const UNMAPPED = ["9100", "9200", "9310"];

/** The same numbers on every run (mulberry32). */
function random(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** "−1 234,56" as the export writes it: plain minus, space between thousands, decimal comma. */
function kronorText(ore) {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  const whole = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+$)/g, " ");
  return `${sign}${whole},${String(abs % 100).padStart(2, "0")}`;
}

/** The export's text and what it sums to, per nämnd (öre), per unmapped code and left out. */
function ledgerExport(rows) {
  const next = random(18);
  const expected = { committees: Object.fromEntries(COMMITTEES.map((c) => [c, 0])), unmapped: {}, excluded: 0 };
  const lines = ["Resultatrapport per ansvar", "Urval: 202401–202408", "", "Ansvar;Ansvar text;Period;Konto;Belopp"];
  for (let i = 0; i < rows; i++) {
    const unmapped = next() < 0.01;
    const committee = Math.floor(next() * COMMITTEES.length);
    const code = unmapped ? UNMAPPED[i % UNMAPPED.length] : String((committee + 1) * 1000 + Math.floor(next() * 1000));
    const kind = next();
    // Mostly costs; some revenue (negative); a few kommunbidrag and internal rows, left out of the net cost.
    const account =
      kind < 0.02 ? "3811" : kind < 0.05 ? "3911" : kind < 0.2 ? "3010" : String(4010 + 10 * Math.floor(next() * 300));
    const size = Math.floor(next() * 10_000_000) + 1;
    const ore = account.startsWith("3") ? -size : size;
    const period = `20240${1 + Math.floor(next() * 8)}`;
    lines.push(`${code};Enhet ${code} Östra Ånäs;${period};${account};${kronorText(ore)}`);
    if (account === "3811" || account === "3911") expected.excluded += ore;
    else if (unmapped) expected.unmapped[code] = (expected.unmapped[code] ?? 0) + ore;
    else expected.committees[COMMITTEES[committee]] += ore;
  }
  return { text: `${lines.join("\r\n")}\r\n`, expected };
}

/** Windows-1252 bytes (the text keeps to Latin-1 and the en dash). */
function windows1252(text) {
  return Buffer.from([...text].map((ch) => (ch === "–" ? 0x96 : ch.charCodeAt(0))));
}

async function writePlan(file) {
  const ExcelJS = require("exceljs");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path.join(ROOT, "examples", "ostersund-2024-mall.xlsx"));
  const settings = workbook.getWorksheet("Inställningar");
  // The example's own tables (for the demo's export) give way to this export's: only its key/value rows stay.
  settings.spliceRows(3, settings.rowCount);
  settings.addRows([
    [],
    ["Ansvar", "Nämnd"],
    ...COMMITTEES.map((code, i) => [`${(i + 1) * 1000}-${(i + 1) * 1000 + 999}`, code]),
    [],
    ["Konto som inte räknas", "Benämning"],
    ["3811", "Kommunbidrag"],
    ["39*", "Interna poster"],
  ]);
  await workbook.xlsx.writeFile(file);
}

/** Run in a child: time the CLI's import path in-process and print the times and what it summed, as JSON. */
async function importChild(plan, exportFile) {
  const { readWorkbookFile, readInputFile } = require(path.join(ROOT, "lib/hosts/xlsx/read.js"));
  const { readPlanWithSettings } = require(path.join(ROOT, "lib/domain/planRead.js"));
  const { readLedgerBytes } = require(path.join(ROOT, "lib/hosts/ledger/readLedger.js"));
  const { importLedgerForPlan } = require(path.join(ROOT, "lib/domain/ledger/import.js"));
  const workbook = await readWorkbookFile(plan);
  const { plan: read } = readPlanWithSettings(workbook.grids);
  const once = async () => {
    const start = process.hrtime.bigint();
    const { grids } = await readLedgerBytes(await readInputFile(exportFile), path.basename(exportFile));
    const { result } = importLedgerForPlan(grids, workbook.grids, read.committees);
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
  };
  await once();
  const runs = [];
  let last;
  for (let i = 0; i < 5; i++) {
    last = await once();
    runs.push(last.ms);
  }
  const { result } = last;
  process.stdout.write(
    JSON.stringify({
      runsMs: runs,
      ok: result.ok,
      committees: Object.fromEntries(result.outcomes),
      unmapped: Object.fromEntries(result.unmapped.map((u) => [u.code, u.ore])),
      excluded: result.excluded.reduce((sum, e) => sum + e.ore, 0),
      findings: result.findings.length,
    }),
  );
}

function checkSums(got, expected) {
  const same = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());
  if (!got.ok || got.findings > 0) fail(`the import gave ${got.findings} findings (ok: ${got.ok})`);
  if (!same(got.committees, expected.committees))
    fail(`sums per nämnd ${JSON.stringify(got.committees)} ≠ ${JSON.stringify(expected.committees)}`);
  if (!same(got.unmapped, expected.unmapped))
    fail(`unmapped ${JSON.stringify(got.unmapped)} ≠ ${JSON.stringify(expected.unmapped)}`);
  if (got.excluded !== expected.excluded) fail(`left out ${got.excluded} ≠ ${expected.excluded}`);
}

async function ledgerBenchmarks() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-ledger-bench-"));
  try {
    const plan = path.join(dir, "plan.xlsx");
    await writePlan(plan);
    const exportFile = path.join(dir, "utfall.csv");
    const { text, expected } = ledgerExport(ROWS);
    fs.writeFileSync(exportFile, windows1252(text));
    process.stderr.write(`ledger export: ${ROWS} rows, ${(fs.statSync(exportFile).size / 1e6).toFixed(1)} MB\n`);

    const child = runNode([__filename, "--import-child", plan, exportFile], { stdout: "pipe" });
    if (child.status !== 0) fail(`the in-process import exited with ${child.status}:\n${child.stderr}`);
    const imported = JSON.parse(child.stdout);
    checkSums(imported, expected);
    process.stderr.write(`  import runs: ${imported.runsMs.map((ms) => ms.toFixed(0)).join(", ")} ms\n`);

    const times = { with: [], without: [] };
    for (let i = 0; i < 3; i++) {
      for (const label of ["with", "without"]) {
        const out = path.join(dir, `${label}-${i}`);
        const args = [CLI, "generate", plan, "--period", "T1", "--year", "2024", "--split", out];
        const { ms, status, stderr } = runNode(label === "with" ? [...args, "--utfall", exportFile] : args);
        if (status !== 0) fail(`generate (${label} --utfall) exited with ${status}:\n${stderr}`);
        times[label].push(ms);
        process.stderr.write(`  generate ${label} --utfall run ${i + 1}: ${ms.toFixed(0)} ms\n`);
      }
    }
    const [withMs, withoutMs] = [median(times.with), median(times.without)];
    return [
      { name: "ledger-import-100k-ms", value: round(median(imported.runsMs), 0), unit: "ms", target: "< 2000" },
      { name: "generate-utfall-100k-extra-ms", value: round(withMs - withoutMs, 0), unit: "ms", target: "< 2000" },
      { name: "generate-utfall-100k-ms", value: round(withMs, 0), unit: "ms", target: null },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { ledgerBenchmarks };

if (require.main === module) {
  if (process.argv[2] === "--import-child") {
    importChild(process.argv[3], process.argv[4]).catch((error) => fail(error.stack));
  } else {
    ledgerBenchmarks()
      .then((results) => {
        for (const r of results) process.stdout.write(`${r.name}  ${r.value} ${r.unit}  (target ${r.target ?? "–"})\n`);
      })
      .catch((error) => fail(error.stack));
  }
}
