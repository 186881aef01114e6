"use strict";
// `npm run demo`: the main job on the bundled examples, end to end.
//  1. validates every example plan and writes each report and plan (JSON) to out/;
//  2. for Östersund 2024 (template layout): generates the T1 follow-up, as a master and one workbook per nämnd,
//     fills in answers as three nämnder would (one leaves its sheet empty), and consolidates them into the report.
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const { main } = require("../lib/cli/main.js");

const root = path.join(__dirname, "..");
const examples = path.join(root, "examples");
const out = path.join(root, "out");

async function run(args, lines) {
  const collect = lines ? { out: (t) => lines.push(t), err: (t) => lines.push(t) } : undefined;
  const code = await main(args, collect);
  if (code > 1) throw new Error(`maltavlan ${args.join(" ")} failed (${code}): ${(lines ?? []).join("\n")}`);
  return code;
}

async function validateExamples() {
  let worst = 0;
  for (const file of fs
    .readdirSync(examples)
    .filter((f) => f.endsWith(".xlsx"))
    .sort()) {
    const name = path.basename(file, ".xlsx");
    const input = path.join(examples, file);
    const text = [];
    const json = [];
    worst = Math.max(worst, await run(["validate", input], text));
    await run(["validate", input, "--json"], json);
    fs.writeFileSync(path.join(out, `${name}.txt`), `${text.join("\n")}\n`);
    fs.writeFileSync(path.join(out, `${name}.json`), `${json.join("\n")}\n`);
    console.log(`\n=== ${file}\n${text.join("\n")}\n→ out/${name}.txt, out/${name}.json`);
  }
  return worst;
}

/** What a nämnd does in Excel: picks statuses from the dropdowns, writes comments and a prognos in tkr. */
async function answerAsNamnd(file, statuses) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  let n = 0;
  sheet.eachRow((row) => {
    const key = String(row.getCell(1).value ?? "");
    const kind = key.split("|")[0];
    const status = statuses[kind]?.[n % statuses[kind].length];
    if (kind === "goal" && row.getCell(6).protection?.locked === false) {
      row.getCell(6).value = status;
      if (status !== "Uppfyllt") row.getCell(8).value = "Arbetet pågår men når inte hela vägen i år.";
    } else if (kind === "assignment") {
      row.getCell(6).value = status;
      if (status !== "Genomfört") row.getCell(8).value = "Påbörjat under våren, klart till hösten.";
    } else if (kind === "adjustment") {
      row.getCell(6).value = Math.round(Number(row.getCell(5).value) * 0.9);
      row.getCell(8).value = "Prognos efter tertial 1.";
    } else if (kind === "keyFigure") {
      row.getCell(6).value = 42;
    }
    if (kind) n++;
  });
  await workbook.xlsx.writeFile(file);
}

async function followUp() {
  const plan = path.join(examples, "ostersund-2024-mall.xlsx");
  const master = path.join(out, "ostersund-T1-2024-master.xlsx");
  const split = path.join(out, "ostersund-T1-2024");
  const report = path.join(out, "ostersund-T1-2024-rapport.xlsx");
  fs.rmSync(master, { force: true });
  fs.rmSync(report, { force: true });
  fs.rmSync(split, { recursive: true, force: true });

  console.log("\n=== Uppföljning T1 2024, Östersund (mallen)");
  const lines = [];
  await run(["generate", plan, "--period", "T1", "--year", "2024", "--due", "2024-05-15", "--out", master], lines);
  await run(["generate", master, "--period", "T1", "--year", "2024", "--due", "2024-05-15", "--split", split], lines);
  console.log(lines.join("\n"));

  const answers = {
    KS: { goal: ["Uppfyllt", "Delvis uppfyllt"], assignment: ["Genomfört", "Påbörjat"] },
    SAN: { goal: ["Delvis uppfyllt"], assignment: ["Påbörjat", "Försenat"] },
    VoN: { goal: ["Uppfyllt"], assignment: ["Genomfört"] },
  };
  const returned = [];
  for (const [code, statuses] of Object.entries(answers)) {
    const file = path.join(split, `${code}-T1-2024.xlsx`);
    await answerAsNamnd(file, statuses);
    returned.push(file);
  }
  console.log(`\nSvar ifyllda (som nämnderna gör det) i: ${returned.map((f) => path.relative(root, f)).join(", ")}`);

  const summary = [];
  await run(["consolidate", master, ...returned, "--out", report], summary);
  console.log(`\n${summary.join("\n")}`);
  console.log(`\nFiler:
  ${path.relative(root, master)}   planen med ett uppföljningsblad per nämnd (ekonomens huvudfil)
  ${path.relative(root, split)}/      en arbetsbok per nämnd att skicka ut (${fs.readdirSync(split).length} filer)
  ${path.relative(root, report)}   sammanställningen: översikt, per mål, svar, saknas, fynd`);
}

async function demo() {
  fs.mkdirSync(out, { recursive: true });
  const worst = await validateExamples();
  await followUp();
  // The examples are the happy path: any error in them is a bug worth failing the demo for.
  process.exitCode = worst;
}

demo().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
