"use strict";
// Runs one of Microsoft's add-in tools from this project's node_modules: `node scripts/office-tool.js
// office-addin-debugging start manifest.xml desktop`. They are optional dependencies (office-addin-debugging
// cannot be installed on Linux), so when one is missing this says how to get it instead of downloading it.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const HOW = {
  "office-addin-debugging":
    "Det behövs för npm start och npm stop, som sidladdar tillägget i Excel för Windows eller Mac.\n" +
    "Installera det där med: npm install office-addin-debugging\n" +
    "På Linux finns inget Excel att sidladda i: använd kommandoraden (npx maltavlan) eller Excel på webben\n" +
    "(se README, Installera i Excel).",
  "office-addin-manifest":
    "Det behövs för npm run validate, som låter Microsofts webbtjänst kontrollera manifest.xml (kräver nätverk).\n" +
    "Installera det med: npm install office-addin-manifest\n" +
    "Manifestet kontrolleras också offline av npm test (test/manifest.spec.ts).",
};

function binPath(tool) {
  let manifestPath;
  try {
    manifestPath = require.resolve(`${tool}/package.json`, { paths: [path.join(__dirname, "..")] });
  } catch {
    return undefined;
  }
  const { bin } = JSON.parse(fs.readFileSync(manifestPath, "utf8"));
  const relative = typeof bin === "string" ? bin : bin?.[tool];
  return relative ? path.join(path.dirname(manifestPath), relative) : undefined;
}

const [tool, ...args] = process.argv.slice(2);
if (!HOW[tool]) {
  console.error(`Okänt verktyg: ${tool ?? "(inget)"}. Känner till: ${Object.keys(HOW).join(", ")}.`);
  process.exit(2);
}
const bin = binPath(tool);
if (!bin) {
  console.error(`${tool} är inte installerat (det är ett valfritt beroende).\n${HOW[tool]}`);
  process.exit(1);
}
// A tool can be installed yet miss a module that one of its packages uses without declaring it: office-addin-manifest
// (through @microsoft/app-manifest) needs fs-extra, which only office-addin-debugging brings; where that one could
// not be installed, as on Linux, validate fails with a stack trace. Say so plainly instead.
try {
  require(path.dirname(bin));
} catch (error) {
  const missing = error && error.code === "MODULE_NOT_FOUND" && /Cannot find module '([^']+)'/.exec(error.message);
  if (missing) {
    const install = missing[1] === "fs-extra" ? "fs-extra@9" : missing[1];
    console.error(
      `${tool} är installerat men saknar modulen ${missing[1]}, som ett av dess paket använder utan att ange den.\n` +
        `Installera den utan att ändra package.json: npm install --no-save ${install}`,
    );
    process.exit(1);
  }
}
const result = spawnSync(process.execPath, [bin, ...args], { stdio: "inherit" });
if (result.error) {
  console.error(`${tool} kunde inte startas: ${result.error.message}`);
  process.exit(1);
}
process.exit(result.status ?? 1);
