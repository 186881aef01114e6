"use strict";
/**
 * The plans the preview build (webpack.config.js with --env preview) carries as JSON, read here in Node at build
 * time, so the page itself never reads an .xlsx:
 *   plans/ostersund.json  examples/ostersund-2024-mall.xlsx as the xlsx host reads it (lib/hosts/xlsx/read.js)
 *   plans/large.json      bench/generate-plan.js's plan with 20 000 uppdrag and 20 000 ramjusteringar (?plan=large)
 * Each is { title, grids }, a grid being src/sheet/grid.ts's Grid with dates as Excel serial numbers (as Excel, and
 * so the stand-in, holds them): src/preview/preview.ts puts them into the Excel stand-in.
 */
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const EXAMPLE = path.join(ROOT, "examples", "ostersund-2024-mall.xlsx");
const READER = path.join(ROOT, "lib", "hosts", "xlsx", "read.js");

/** A Date as Excel's serial number (1900 date system), as test/excel/support.ts's serialFromDate. */
function serialFromDate(date) {
  return 25569 + date.getTime() / (24 * 3600 * 1000);
}

function plainGrid(grid) {
  const values = grid.values.map((row) => row.map((value) => (value instanceof Date ? serialFromDate(value) : value)));
  return { ...grid, values };
}

async function ostersundPlan() {
  if (!fs.existsSync(READER)) {
    throw new Error("lib/ saknas: kör npm run build:cli först (förhandsvisningen läser exemplet med den).");
  }
  const { readWorkbookFile } = require(READER);
  const { grids } = await readWorkbookFile(EXAMPLE);
  return { title: "Östersund 2024", grids: grids.map(plainGrid) };
}

function largePlan() {
  const { planData, planGrids } = require(path.join(ROOT, "bench", "generate-plan.js"));
  const data = planData({ assignments: 20000, adjustments: 20000 });
  return { title: "20 000 uppdrag", grids: planGrids(data) };
}

/** { "plans/ostersund.json": text, "plans/large.json": text } */
async function previewPlanAssets() {
  return {
    "plans/ostersund.json": JSON.stringify(await ostersundPlan()),
    "plans/large.json": JSON.stringify(largePlan()),
  };
}

module.exports = { previewPlanAssets, serialFromDate };
