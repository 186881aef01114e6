"use strict";
/**
 * The Kolada part of `npm run bench` (issue #20: "a Kolada file of 50 MB (every kommun, 200 nyckeltal, ten years)
 * imports in under 3 s using under 300 MB"). Writes, in a temp dir, Kolada files of every kommun (290), ten years
 * and T/K/M per value, and imports each in a fresh node process from lib/ as `generate --kolada` does: read the
 * bytes, decode, read the file keeping one kommun, match 200 nyckeltal of a plan. Each figure is the median of 3
 * processes; the values found are checked against the generator's own.
 *
 *   kolada-csv-200-ms, kolada-csv-200-peak-rss-mb
 *                        The CSV `kpi;municipality;year;gender;value` with all 200 nyckeltal: about 47 MB.
 *   kolada-json-50mb-ms, kolada-json-50mb-peak-rss-mb
 *                        Kolada's JSON (v2, as the API writes it: one line, every field named) cut to 50 MB: the same
 *                        data in JSON takes about 2.5 times the bytes, so 50 MB holds about 80 of the 200 nyckeltal.
 *   kolada-json-200-ms, kolada-json-200-peak-rss-mb
 *                        The JSON with all 200 nyckeltal (about 125 MB), for comparison.
 *
 * Peak RSS is the whole node process's (GNU time, else process.resourceUsage().maxRSS), node's own ~40 MB included.
 *
 * Usage: node bench/kolada.js   (about 30 s; requires lib/: npm run build:cli)
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { ROOT, fail, median, round, runNode } = require("./common");

const MUNICIPALITIES = 290;
const KPIS = 200;
const YEARS = Array.from({ length: 10 }, (_, i) => 2015 + i);
const WANTED = "2380";
const RUNS = 3;

/** Kommun IDs as Kolada writes them: four digits, the wanted one among them. */
const municipalities = () =>
  Array.from({ length: MUNICIPALITIES }, (_, i) => (i === 137 ? WANTED : String(114 + i * 8).padStart(4, "0")));
const kpiId = (k) => `N${String(1000 + k * 37).padStart(5, "0")}`;
/** A value of one kpi, kommun, year and gender: deterministic, with decimals; every 97th is missing (null). */
function value(k, m, y, g) {
  const n = (k * 7919 + m * 104729 + y * 31 + g * 17) % 100000;
  return n % 97 === 0 ? null : n / 10;
}

/** Writes through a buffer: the files are too large to build as one string. */
function writer(file) {
  const fd = fs.openSync(file, "w");
  let chunk = "";
  return {
    write(text) {
      chunk += text;
      if (chunk.length > 1 << 20) {
        fs.writeSync(fd, chunk);
        chunk = "";
      }
    },
    close() {
      fs.writeSync(fd, chunk);
      fs.closeSync(fd);
    },
  };
}

function writeCsv(file) {
  const out = writer(file);
  out.write("kpi;municipality;year;gender;value\n");
  municipalities().forEach((m, mi) => {
    for (let k = 0; k < KPIS; k++) {
      for (const y of YEARS) {
        ["T", "K", "M"].forEach((g, gi) => {
          const v = value(k, mi, y, gi);
          out.write(`${kpiId(k)};${m};${y};${g};${v === null ? "" : String(v).replace(".", ",")}\n`);
        });
      }
    }
  });
  out.close();
}

/** Kolada's JSON answer, as many nyckeltal as fit in `maxBytes` (the entries run kpi by kpi, every kommun each). */
function writeJson(file, maxBytes) {
  const out = writer(file);
  let bytes = 0;
  let kpis = 0;
  const entries = [];
  const ms = municipalities();
  for (let k = 0; k < KPIS; k++) {
    const block = [];
    ms.forEach((m, mi) => {
      for (const y of YEARS) {
        const values = ["K", "M", "T"].map((g) => ({
          count: 1,
          gender: g,
          status: "",
          value: value(k, mi, y, "TKM".indexOf(g)),
        }));
        block.push(JSON.stringify({ kpi: kpiId(k), municipality: m, period: y, values }));
      }
    });
    const size = block.reduce((sum, e) => sum + e.length + 1, 0);
    if (bytes + size + 100 > maxBytes) break;
    bytes += size;
    kpis++;
    entries.push(block.length);
    out.write(`${k === 0 ? `{"values":[` : ","}${block.join(",")}`);
  }
  out.write(`],"count":${entries.reduce((a, b) => a + b, 0)}}`);
  out.close();
  return kpis;
}

/** In a fresh process: what `generate --kolada` does with the file, timed; prints what it found. */
function importChild(file, kpis) {
  const start = process.hrtime.bigint();
  const { readKolada } = require(path.join(ROOT, "lib", "domain", "kolada", "read"));
  const { matchKolada } = require(path.join(ROOT, "lib", "domain", "kolada", "match"));
  const { decode } = require(path.join(ROOT, "lib", "hosts", "ledger", "readLedger"));
  const text = decode(fs.readFileSync(file)).text;
  const read = readKolada([{ name: path.basename(file), text }], WANTED);
  const figures = Array.from({ length: KPIS }, (_, k) => ({
    id: `K${k}`,
    name: `Nyckeltal ${k}`,
    koladaId: kpiId(k),
    goalId: null,
    target: null,
    unit: null,
  }));
  const match = matchKolada(figures, read, 2024);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const outcomes = [...match.outcomes.values()].map((o) => [o.koladaId, o.year, o.value]);
  process.stdout.write(
    JSON.stringify({ ms, kpis: Number(kpis), values: read.values.length, other: read.otherValues, outcomes }),
  );
}

/** What the child must have found: the wanted kommun's latest T per kpi (2024 unless missing). */
function expectedOutcomes(kpis) {
  const mi = municipalities().indexOf(WANTED);
  const found = [];
  for (let k = 0; k < kpis; k++) {
    const year = [...YEARS].reverse().find((y) => value(k, mi, y, 0) !== null);
    if (year !== undefined) found.push([kpiId(k), year, value(k, mi, year, 0)]);
  }
  return found;
}

function measure(name, file, kpis) {
  const mb = fs.statSync(file).size / 1e6;
  process.stderr.write(`kolada ${name}: ${kpis} nyckeltal, ${mb.toFixed(1)} MB\n`);
  const times = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    const child = runNode([__filename, "--import-child", file, String(kpis)], { stdout: "pipe", rss: true });
    if (child.status !== 0) fail(`the Kolada import exited with ${child.status}:\n${child.stderr}`);
    const got = JSON.parse(child.stdout);
    const want = expectedOutcomes(kpis);
    if (JSON.stringify(got.outcomes) !== JSON.stringify(want))
      fail(`kolada ${name}: the values found are not the generator's`);
    if (got.values !== kpis * YEARS.length * 3) fail(`kolada ${name}: kept ${got.values} values`);
    if (got.other !== kpis * YEARS.length * 3 * (MUNICIPALITIES - 1)) fail(`kolada ${name}: skipped ${got.other}`);
    times.push(got.ms);
    rss.push(child.rssMb);
    process.stderr.write(`  run ${i + 1}: ${got.ms.toFixed(0)} ms, ${child.rssMb.toFixed(0)} MB\n`);
  }
  return [
    { name: `kolada-${name}-ms`, value: round(median(times), 0), unit: "ms", target: "< 3000" },
    { name: `kolada-${name}-peak-rss-mb`, value: round(median(rss), 0), unit: "MB", target: "< 300" },
    { name: `kolada-${name}-file-mb`, value: round(mb, 1), unit: "MB", target: null },
  ];
}

async function koladaBenchmarks() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-kolada-bench-"));
  try {
    const csv = path.join(dir, "kolada.csv");
    writeCsv(csv);
    const json50 = path.join(dir, "kolada-50mb.json");
    const fitting = writeJson(json50, 50 * 1e6);
    const json200 = path.join(dir, "kolada-200.json");
    writeJson(json200, Infinity);
    return [
      ...measure("csv-200", csv, KPIS),
      ...measure("json-50mb", json50, fitting),
      ...measure("json-200", json200, KPIS),
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

module.exports = { koladaBenchmarks };

if (require.main === module) {
  if (process.argv[2] === "--import-child") {
    importChild(process.argv[3], process.argv[4]);
  } else {
    koladaBenchmarks()
      .then((results) => {
        for (const r of results) process.stdout.write(`${r.name}  ${r.value} ${r.unit}  (target ${r.target ?? "–"})\n`);
      })
      .catch((error) => fail(error.stack));
  }
}
