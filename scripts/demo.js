"use strict";
// `npm run demo`: the main job on the bundled examples, end to end.
//  1. validates every example plan and writes each report and plan (JSON) to out/;
//  2. for Östersund 2024 (template layout): generates the T1 follow-up with the utfall from the ledger export, as a
//     master and one workbook per nämnd, fills in answers as three nämnder would (goals, uppdrag, prognos, kommentar
//     and åtgärder; the others leave their sheets empty), consolidates them into the report and prints its
//     Driftredovisning. test/demo.test.ts runs step 2 and compares the Driftredovisning with the expected table.
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

/**
 * What the answering nämnder write in their Ekonomi section (tkr): a prognos for the year, a kommentar and, where the
 * prognos is over the budget, åtgärder. Invented, as the ledger is.
 */
const ECONOMY_ANSWERS = {
  KS: {
    forecast: 279_000,
    comment: "Vakanta tjänster under våren och lägre konsultkostnader än budgeterat.",
  },
  SAN: {
    forecast: 489_500,
    comment: "Ekonomiskt bistånd ökar mer än väntat; placeringar av barn och unga över budget.",
    measures: "Översyn av placeringar och fler insatser på hemmaplan; anställningsstopp för administrativ personal.",
  },
  VoN: {
    forecast: 1_893_000,
    comment: "Fler brukare med omfattande behov i hemtjänsten och högre kostnader för bemanningssjuksköterskor.",
    measures: "Egen bemanningspool i stället för inhyrda sjuksköterskor från juni; ny planering av hemtjänstens turer.",
  },
};

/** What a nämnd does in Excel: picks statuses from the dropdowns, writes comments, prognoser in tkr and åtgärder. */
async function answerAsNamnd(file, statuses, economy) {
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
    } else if (kind === "economy") {
      row.getCell(5).value = economy.forecast; // Prognos helår (tkr)
      row.getCell(8).value = economy.comment;
    } else if (kind === "measures" && economy.measures) {
      row.getCell(8).value = economy.measures; // the row below the drift, read only when the prognos is a deficit
    }
    if (kind) n++;
  });
  await workbook.xlsx.writeFile(file);
}

/**
 * The T1 follow-up of Östersund 2024 in `dir`: generate with the ledger's utfall, split, answer as three nämnder,
 * consolidate into the report and the måluppfyllelse chapter. Says what it does through `log`; gives both paths.
 */
async function followUp(dir, log) {
  const plan = path.join(examples, "ostersund-2024-mall.xlsx");
  const ledger = path.join(examples, "ostersund-2024-t1-utfall.csv");
  const master = path.join(dir, "ostersund-T1-2024-master.xlsx");
  const split = path.join(dir, "ostersund-T1-2024");
  const report = path.join(dir, "ostersund-T1-2024-rapport.xlsx");
  const chapter = path.join(dir, "ostersund-T1-2024-maluppfyllelse.docx");
  fs.rmSync(master, { force: true });
  fs.rmSync(report, { force: true });
  fs.rmSync(chapter, { force: true });
  fs.rmSync(split, { recursive: true, force: true });

  log("\n=== Uppföljning T1 2024, Östersund (mallen), med utfall ur ekonomisystemets export");
  const lines = [];
  const period = ["--period", "T1", "--year", "2024", "--due", "2024-05-15"];
  await run(["generate", plan, ...period, "--utfall", ledger, "--out", master], lines);
  await run(["generate", master, ...period, "--split", split], lines);
  log(lines.join("\n"));

  const answers = {
    KS: { goal: ["Uppfyllt", "Delvis uppfyllt"], assignment: ["Genomfört", "Påbörjat"] },
    SAN: { goal: ["Delvis uppfyllt"], assignment: ["Påbörjat", "Försenat"] },
    VoN: { goal: ["Uppfyllt"], assignment: ["Genomfört"] },
  };
  const returned = [];
  for (const [code, statuses] of Object.entries(answers)) {
    const file = path.join(split, `${code}-T1-2024.xlsx`);
    await answerAsNamnd(file, statuses, ECONOMY_ANSWERS[code]);
    returned.push(file);
  }
  log(`\nSvar ifyllda (som nämnderna gör det) i: ${returned.map((f) => path.relative(root, f)).join(", ")}`);

  const summary = [];
  await run(["consolidate", master, ...returned, "--out", report, "--docx", chapter], summary);
  log(`\n${summary.join("\n")}`);
  log(`\nFiler:
  ${path.relative(root, master)}   planen med ett uppföljningsblad per nämnd (ekonomens huvudfil)
  ${path.relative(root, split)}/      en arbetsbok per nämnd att skicka ut (${fs.readdirSync(split).length} filer)
  ${path.relative(root, report)}   sammanställningen: översikt, driftredovisning, diagram, måluppfyllelse, per nämnd, svar, saknas, fynd
  ${path.relative(root, chapter)}   måluppfyllelsekapitlet för delårsrapporten (Word)`);
  return { report, chapter };
}

/**
 * The report's Driftredovisning as text. Avvikelse and % are formulas on the sheet (the file holds no computed
 * results), so they are worked out here as the formulas do: budget − prognos, and the total over the nämnder whose
 * prognos came in. The notes under the table follow.
 */
async function driftLines(report) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(report);
  const sheet = workbook.getWorksheet("Driftredovisning");
  const number = (value, digits = 0) =>
    value.toLocaleString("sv-SE", { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const text = (value) => (typeof value === "number" ? number(value) : String(value ?? ""));
  const table = [["Nämnd", "Budget", "Utfall T1", "Prognos", "Avvikelse", "%"]];
  const sum = { budget: 0, outcome: 0, forecast: 0, deviation: 0, answeredBudget: 0 };
  const explained = [];
  let r = 4; // the first nämnd, under the heading, the marker and the column headers
  for (; sheet.getRow(r).getCell(1).value !== "Kommunen totalt"; r++) {
    const [code, budget, outcome, forecast, comment, measures] = [1, 3, 4, 5, 8, 9].map(
      (c) => sheet.getRow(r).getCell(c).value,
    );
    if (comment)
      explained.push(`${code}: ${comment}${measures ? `\n${" ".repeat(code.length + 2)}Åtgärder: ${measures}` : ""}`);
    const given = typeof forecast === "number";
    const deviation = given ? budget - forecast : null;
    sum.budget += budget;
    sum.outcome += typeof outcome === "number" ? outcome : 0;
    sum.forecast += given ? forecast : 0;
    sum.deviation += given ? deviation : 0;
    sum.answeredBudget += given ? budget : 0;
    table.push([
      code,
      text(budget),
      text(outcome),
      text(forecast),
      given ? number(deviation) : text(sheet.getRow(r).getCell(6).value),
      given ? `${number((deviation / budget) * 100, 1)} %` : "",
    ]);
  }
  table.push([
    "Kommunen totalt",
    ...[sum.budget, sum.outcome, sum.forecast, sum.deviation].map((v) => number(v)),
    `${number((sum.deviation / sum.answeredBudget) * 100, 1)} %`,
  ]);
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const lines = table.map((row) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  "),
  );
  const notes = [];
  for (r += 2; r <= sheet.rowCount; r++) notes.push(String(sheet.getRow(r).getCell(1).value ?? ""));
  return [...lines, "", ...explained, "", ...notes.filter(Boolean)];
}

async function demo() {
  fs.mkdirSync(out, { recursive: true });
  const worst = await validateExamples();
  const { report } = await followUp(out, (text) => console.log(text));
  console.log(`\n=== Driftredovisning T1 2024 (tkr, ur ${path.relative(root, report)})`);
  console.log((await driftLines(report)).join("\n"));
  // The examples are the happy path: any error in them is a bug worth failing the demo for.
  process.exitCode = worst;
}

module.exports = { followUp };

if (require.main === module) {
  demo().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
