"use strict";
/**
 * The bomb corpus (issue #16): files built to exhaust memory or time, each validated by the CLI in a child process of
 * its own, measuring its peak resident memory and wall time. Target: every file read or refused within 600 MB and
 * 60 s. The files are generated into a temporary folder (streamed, never whole in memory) and never checked in.
 *
 *   merge-A20-XFD1048576    the 15 KB example plan with one merged range to the sheet's last cell (was: out of memory)
 *   merge-A20-Z1048576      the same to column Z (was: hung)
 *   nested-100000           100 000 nested elements inside a sheet's cell data (was: read as an empty sheet)
 *   sheet-1gb               a sheet of 1 GB unpacked, ratio about 1 000 (was: refused after 1.2 GB)
 *   cells-300mb, cells-450mb  numbers in every cell, 300 and 450 MB unpacked (was: 1.9–3.3 GB, up to 127 s)
 *   string-300mb            one shared string of 300 MB (was: read, 2.3 GB)
 *   at-the-limits           the largest sheet the limits let through (60 MB of numbers, packed 10–20 times): read
 *                           in full (was: 1 GB and 44 s through ExcelJS, before the xlsx host read sheets itself)
 *
 * Usage: node bench/bombs.js   (prints a table; bench/run.js adds the figures to its own)
 * Requires lib/ (npm run build:cli).
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const { Readable } = require("stream");
const JSZip = require("jszip");
const { CLI, ROOT, fail, round, runNode } = require("./common");

const EXAMPLE = path.join(ROOT, "examples", "ostersund-2024-mall.xlsx");
const UPPDRAG = "xl/worksheets/sheet3.xml"; // the example's Uppdrag sheet
const MB = 1024 * 1024;
const SHEET_START =
  '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';

/** A stream of `total` bytes: `head`, then `piece(i)` repeated, then `tail`. */
function streamOf(head, piece, total, tail) {
  return Readable.from(
    (function* () {
      yield Buffer.from(head);
      let size = head.length;
      for (let i = 0; size < total; i++) {
        const chunk = Buffer.from(piece(i));
        size += chunk.length;
        yield chunk;
      }
      yield Buffer.from(tail);
    })(),
  );
}

/** Dense rows of numbers, one row of 26 cells per piece (numbers vary, so it packs like real data, 10–20 times). */
function numberRows(i) {
  const r = i + 1;
  let row = `<row r="${r}">`;
  for (let c = 0; c < 26; c++)
    row += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${(r * 7919 + c * 104729) % 1000003}</v></c>`;
  return `${row}</row>`;
}

/** The example plan with some parts replaced (by text or a stream), written to `file`. */
async function examplePlanWith(file, parts) {
  const zip = await JSZip.loadAsync(fs.readFileSync(EXAMPLE));
  for (const [name, content] of Object.entries(parts)) zip.file(name, content);
  await new Promise((resolve, reject) =>
    zip
      .generateNodeStream({ type: "nodebuffer", streamFiles: true, compression: "DEFLATE" })
      .pipe(fs.createWriteStream(file))
      .on("finish", resolve)
      .on("error", reject),
  );
}

async function uppdragSheet(edit) {
  const zip = await JSZip.loadAsync(fs.readFileSync(EXAMPLE));
  return edit(await zip.file(UPPDRAG).async("string"));
}

const CORPUS = {
  "merge-A20-XFD1048576": async () => ({
    [UPPDRAG]: await uppdragSheet((xml) =>
      xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A20:XFD1048576"/></mergeCells>'),
    ),
  }),
  "merge-A20-Z1048576": async () => ({
    [UPPDRAG]: await uppdragSheet((xml) =>
      xml.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="A20:Z1048576"/></mergeCells>'),
    ),
  }),
  "nested-100000": async () => ({
    [UPPDRAG]: await uppdragSheet((xml) =>
      xml.replace("<sheetData>", `<sheetData>${"<x>".repeat(100000)}${"</x>".repeat(100000)}`),
    ),
  }),
  "sheet-1gb": async () => ({
    [UPPDRAG]: streamOf(
      `${SHEET_START}<sheetData>`,
      () => '<row><c t="b"><v>1</v></c></row>'.repeat(4096),
      1024 * MB,
      "</sheetData></worksheet>",
    ),
  }),
  "cells-300mb": async () => ({
    [UPPDRAG]: streamOf(`${SHEET_START}<sheetData>`, numberRows, 300 * MB, "</sheetData></worksheet>"),
  }),
  "cells-450mb": async () => ({
    [UPPDRAG]: streamOf(`${SHEET_START}<sheetData>`, numberRows, 450 * MB, "</sheetData></worksheet>"),
  }),
  "string-300mb": async () => ({
    "xl/sharedStrings.xml": streamOf(
      '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>',
      () => "Uppdrag ".repeat(8192),
      300 * MB,
      "</t></si></sst>",
    ),
  }),
  "at-the-limits": async () => ({
    [UPPDRAG]: streamOf(`${SHEET_START}<sheetData>`, numberRows, 60 * MB, "</sheetData></worksheet>"),
  }),
};

/** Builds each file, validates it in a child process, and returns bench/run.js's rows plus what happened. */
async function bombBenchmarks() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-bombs-"));
  const results = [];
  try {
    for (const [name, parts] of Object.entries(CORPUS)) {
      const file = path.join(dir, `${name}.xlsx`);
      await examplePlanWith(file, await parts());
      const { ms, status, stderr, rssMb } = runNode([CLI, "validate", file], { rss: true });
      if (rssMb === null) fail(`${name}: no peak memory measured (exit ${status}):\n${stderr}`);
      const line = stderr.split("\n").find((l) => l.startsWith("maltavlan:")) ?? "";
      const outcome = status === 2 ? `refused: ${line.replace(file, `${name}.xlsx`)}` : `read, exit ${status}`;
      const kb = Math.round(fs.statSync(file).size / 1024);
      process.stderr.write(`  ${name} (${kb} kB): ${outcome}; ${rssMb.toFixed(0)} MB, ${(ms / 1000).toFixed(1)} s\n`);
      if (status !== 0 && status !== 1 && status !== 2) fail(`${name}: the CLI crashed (exit ${status}):\n${stderr}`);
      results.push(
        { name: `bomb-${name}-peak-rss-mb`, value: round(rssMb, 0), unit: "MB", target: "≤ 600" },
        { name: `bomb-${name}-s`, value: round(ms / 1000, 1), unit: "s", target: "≤ 60" },
      );
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

module.exports = { bombBenchmarks };

if (require.main === module) {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) fail("lib/ is missing: run npm run build:cli first");
  bombBenchmarks().then(
    (results) => {
      for (const r of results) process.stdout.write(`${r.name.padEnd(36)} ${String(r.value).padStart(7)} ${r.unit}\n`);
    },
    (error) => fail(error.stack),
  );
}
