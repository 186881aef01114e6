"use strict";
/**
 * Baseline for validate-json-ratio: a node process that only loads the workbook with ExcelJS, nothing else.
 * The CLI cannot be faster than this (it loads the file the same way), so the ratio says what Måltavlan adds on top:
 * Grid building, reading the plan, JSON output, and loading its own modules.
 *
 * Usage: node bench/load-exceljs.js <plan.xlsx>
 */
const ExcelJS = require("exceljs");

new ExcelJS.Workbook().xlsx.readFile(process.argv[2]).catch((error) => {
  process.stderr.write(`${error.stack}\n`);
  process.exitCode = 1;
});
