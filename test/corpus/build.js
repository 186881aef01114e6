#!/usr/bin/env node
"use strict";

/**
 * Builds the corpus workbooks (test/corpus/<name>.xlsx) from their data files (test/corpus/data/<name>.json).
 *
 *   node test/corpus/build.js
 *
 * Each data file holds one plan workbook as an economist would have it, with the real texts and amounts of a published
 * plan or budget document (see test/corpus/README.md for the sources): its sheets as rows of cells, and the merges,
 * hidden columns, widths and number formats. A cell is a string, a number, null (empty) or {"f": formula, "v": cached
 * value}. The expected readings (test/corpus/<name>.expected.json) are written by hand from the documents, not from
 * what the reader makes of these files.
 */

const path = require("path");
const fs = require("fs");
const ExcelJS = require("exceljs");

const CORPUS_DIR = __dirname;
const DATA_DIR = path.join(CORPUS_DIR, "data");
const FIXED_DATE = new Date(Date.UTC(2024, 5, 1, 12, 0, 0));

function cellValue(cell) {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "object" && "f" in cell) return { formula: cell.f, result: cell.v };
  return cell;
}

function addSheet(workbook, spec) {
  const sheet = workbook.addWorksheet(spec.name, spec.state ? { state: spec.state } : undefined);
  spec.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      const value = cellValue(cell);
      if (value === null) return;
      sheet.getCell(r + 1, c + 1).value = value;
    });
  });
  for (const [column, width] of Object.entries(spec.widths ?? {})) sheet.getColumn(column).width = width;
  for (const [column, format] of Object.entries(spec.numFmt ?? {})) sheet.getColumn(column).numFmt = format;
  for (const column of spec.hiddenColumns ?? []) sheet.getColumn(column).hidden = true;
  for (const range of spec.merges ?? []) sheet.mergeCells(range);
  for (const row of spec.boldRows ?? []) sheet.getRow(row).font = { bold: true };
  if (spec.wrap)
    for (const column of spec.wrap) sheet.getColumn(column).alignment = { wrapText: true, vertical: "top" };
}

async function build(name) {
  const data = JSON.parse(fs.readFileSync(path.join(DATA_DIR, `${name}.json`), "utf8"));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Måltavlan corpus";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  for (const sheet of data.sheets) addSheet(workbook, sheet);
  await workbook.xlsx.writeFile(path.join(CORPUS_DIR, `${name}.xlsx`));
  return name;
}

async function main() {
  const names = fs
    .readdirSync(DATA_DIR)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.replace(/\.json$/, ""))
    .sort();
  for (const name of names) process.stdout.write(`${await build(name)}.xlsx\n`);
}

main().catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
