"use strict";
/**
 * Baseline for the follow-up ratios (generate --split, generate --out, consolidate): a node process that does the
 * same file work as the CLI command with plain ExcelJS and nothing else. It reads the same input files and writes the
 * same cells — the same workbooks, sheets, positions and values (formulas as formulas) — with plain
 * `cell.value = …`: no styles, number formats, column widths, validations, conditional formats, merges or protection.
 * So the ratio CLI / baseline is what Måltavlan costs on top of the I/O it cannot avoid: its own modules, reading the
 * plan, building the sheets and the styling.
 *
 * The cells come from a fixture (bench/followup.js builds it, untimed, from what the CLI wrote). Parsing it is timed
 * separately ("fixtureMs") and left out of the baseline's time, since it stands in for computing the values.
 *
 *   --read <file> …   load each file as the CLI's reader does (src/hosts/xlsx/read.ts: readFile, then load with the
 *                     same ignoreNodes), and drop it: the plan for --split, the master and the returns for consolidate
 *   --copy <file>     load this workbook, add the fixture's sheets to it and write it back as one file (--out); the
 *                     fixture then holds one workbook
 *
 * Prints one JSON line: { fixtureMs, readMs, writeMs, workbooks, sheets, cells }.
 *
 * Usage: node bench/write-exceljs.js <fixture.json> <out dir> [--read <file> …] [--copy <file>]
 */
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");

/** As in src/hosts/xlsx/read.ts. */
const IGNORED_NODES = ["dataValidations", "conditionalFormatting", "extLst"];

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;

/** Fixture values are JSON: a Date travels as { date: iso }, a formula as { formula, result? } (ExcelJS's shape). */
const revive = (value) =>
  value !== null && typeof value === "object" && "date" in value ? new Date(value.date) : value;

function addSheets(workbook, sheets) {
  let cells = 0;
  for (const { name, state, cells: flat } of sheets) {
    const sheet = workbook.addWorksheet(name, { state });
    // flat: [row, col, value, row, col, value, …], 1-based, only cells with a value.
    for (let i = 0; i < flat.length; i += 3) sheet.getCell(flat[i], flat[i + 1]).value = revive(flat[i + 2]);
    cells += flat.length / 3;
  }
  return cells;
}

async function main() {
  const args = process.argv.slice(2);
  const [fixtureFile, outDir] = args;
  const listAfter = (flag) => {
    const at = args.indexOf(flag);
    if (at < 0) return [];
    const end = args.findIndex((a, i) => i > at && a.startsWith("--"));
    return args.slice(at + 1, end < 0 ? undefined : end);
  };
  const reads = listAfter("--read");
  const [copy] = listAfter("--copy");

  let start = process.hrtime.bigint();
  const fixture = JSON.parse(fs.readFileSync(fixtureFile, "utf8"));
  const fixtureMs = ms(start);

  start = process.hrtime.bigint();
  for (const file of reads) {
    await new ExcelJS.Workbook().xlsx.load(fs.readFileSync(file), { ignoreNodes: IGNORED_NODES });
  }
  let base = null;
  if (copy) {
    base = new ExcelJS.Workbook();
    await base.xlsx.readFile(copy);
  }
  const readMs = ms(start);

  start = process.hrtime.bigint();
  let sheets = 0;
  let cells = 0;
  for (const { file, sheets: specs } of fixture.workbooks) {
    const workbook = base ?? new ExcelJS.Workbook();
    cells += addSheets(workbook, specs);
    sheets += specs.length;
    fs.writeFileSync(path.join(outDir, file), Buffer.from(await workbook.xlsx.writeBuffer()));
  }
  const writeMs = ms(start);

  process.stdout.write(
    `${JSON.stringify({ fixtureMs, readMs, writeMs, workbooks: fixture.workbooks.length, sheets, cells })}\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
