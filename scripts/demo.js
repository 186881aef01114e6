"use strict";
// `npm run demo`: validates every bundled example with the CLI, prints what it found and a summary per nämnd,
// and writes each report and plan (JSON) to out/.
const fs = require("fs");
const path = require("path");
const { main } = require("../lib/cli/main.js");

const root = path.join(__dirname, "..");
const examples = path.join(root, "examples");
const out = path.join(root, "out");

async function run() {
  fs.mkdirSync(out, { recursive: true });
  let worst = 0;
  for (const file of fs
    .readdirSync(examples)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()) {
    const name = path.basename(file, ".xlsx");
    const input = path.join(examples, file);
    const text = [];
    const json = [];
    const collect = (lines) => ({ out: (t) => lines.push(t), err: (t) => lines.push(t) });
    const code = await main(["validate", input], collect(text));
    await main(["validate", input, "--json"], collect(json));
    fs.writeFileSync(path.join(out, `${name}.txt`), `${text.join("\n")}\n`);
    fs.writeFileSync(path.join(out, `${name}.json`), `${json.join("\n")}\n`);
    console.log(`\n=== ${file}\n${text.join("\n")}`);
    console.log(`→ out/${name}.txt, out/${name}.json`);
    worst = Math.max(worst, code);
  }
  // The examples are the happy path: any error in them is a bug worth failing the demo for.
  process.exitCode = worst;
}

run();
