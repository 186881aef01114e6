"use strict";
// `npm run demo`: the main job on the bundled examples, end to end.
//  1. validates every example plan and writes each report and plan (JSON) to out/;
//  2. for Östersund 2024 (template layout): generates the T1 follow-up with the utfall from the ledger export, as a
//     master and one workbook per nämnd, fills in answers as three nämnder would (goals, uppdrag, prognos, kommentar
//     and åtgärder; the others leave their sheets empty), consolidates them into the report and prints its
//     Driftredovisning. test/demo.spec.ts runs step 2 and compares the Driftredovisning with the expected table;
//  3. the rest of the year (scripts/demo-year.js): Delår with T1 beside, Helår with Kolada's nyckeltal, and 2025's T1
//     with the uppdrag left unfinished. test/demo-year.spec.ts checks what each step must show.
const fs = require("fs");
const path = require("path");
const ExcelJS = require("exceljs");
const { main } = require("../lib/cli/main.js");
const { DELAR_2024, HELAR_2024, T1_2025, writePlan2025 } = require("./demo-year");

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

const PLAN_2024 = path.join(examples, "ostersund-2024-mall.xlsx");

const ON_THE_WAY = "Påbörjat under våren, klart till hösten.";
const NOT_ALL_THE_WAY = "Arbetet pågår men når inte hela vägen i år.";
const AFTER_T1 = "Prognos efter tertial 1.";
/** Every nyckeltal the nämnd reports, with the same figure: the demo shows where they go, not what they are. */
const keyFigures = (...ids) => Object.fromEntries(ids.map((id) => [id, [42]]));

/**
 * What the nämnder answer at T1 2024 (invented, as the ledger is): per row by the plan's ID, a status or bedömning
 * and a kommentar; each ramjustering a prognos; in the Ekonomi section a prognos helår (tkr), a kommentar and, where the
 * prognos is over the budget, åtgärder. TN, BUN and KFN do not answer.
 */
const T1_2024 = {
  KS: {
    goal: { M1: ["Uppfyllt"], NM1: ["Delvis uppfyllt", NOT_ALL_THE_WAY], NM2: ["Uppfyllt"] },
    assignment: { U1: ["Påbörjat", ON_THE_WAY], U2: ["Genomfört"], U4: ["Påbörjat", ON_THE_WAY], U9: ["Genomfört"] },
    adjustment: { R1: [225, AFTER_T1] },
    keyFigure: keyFigures("N1", "N2", "N3", "N5"),
    economy: { figure: 279_000, comment: "Vakanta tjänster under våren och lägre konsultkostnader än budgeterat." },
  },
  SAN: {
    goal: {
      M1: ["Delvis uppfyllt", NOT_ALL_THE_WAY],
      M3: ["Delvis uppfyllt", NOT_ALL_THE_WAY],
      M4: ["Delvis uppfyllt", NOT_ALL_THE_WAY],
      NM6: ["Delvis uppfyllt", NOT_ALL_THE_WAY],
    },
    assignment: { U2: ["Påbörjat", ON_THE_WAY], U3: ["Försenat", ON_THE_WAY], U7: ["Påbörjat", ON_THE_WAY] },
    adjustment: { R2: [1_080, AFTER_T1] },
    keyFigure: keyFigures("N1", "N2", "N3", "N4", "N5"),
    economy: {
      figure: 489_500,
      comment: "Ekonomiskt bistånd ökar mer än väntat; placeringar av barn och unga över budget.",
      measures: "Översyn av placeringar och fler insatser på hemmaplan; anställningsstopp för administrativ personal.",
    },
  },
  VoN: {
    goal: { M1: ["Uppfyllt"], M4: ["Uppfyllt"], NM7: ["Uppfyllt"] },
    assignment: { U2: ["Genomfört"], U5: ["Genomfört"] },
    adjustment: { R3: [-3_150, AFTER_T1], R5: [720, AFTER_T1] },
    keyFigure: keyFigures("N1", "N2", "N3", "N4", "N5"),
    economy: {
      figure: 1_893_000,
      comment: "Fler brukare med omfattande behov i hemtjänsten och högre kostnader för bemanningssjuksköterskor.",
      measures:
        "Egen bemanningspool i stället för inhyrda sjuksköterskor från juni; ny planering av hemtjänstens turer.",
    },
  },
};

/**
 * What a nämnd does in Excel: picks statuses from the dropdowns and writes comments, figures in tkr and åtgärder, on
 * the rows of `answers` (by the plan's ID). The drift's figure is the prognos helår (column E), at Helår the utfall
 * (column D).
 */
async function answerAsNamnd(file, answers, periodKind) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  sheet.eachRow((row) => {
    const [kind, id] = String(row.getCell(1).value ?? "").split("|");
    const given = answers[kind]?.[id];
    if (given) {
      row.getCell(6).value = given[0];
      if (given[1]) row.getCell(8).value = given[1];
    } else if (kind === "economy" && answers.economy) {
      row.getCell(periodKind === "outcome" ? 4 : 5).value = answers.economy.figure;
      if (answers.economy.comment) row.getCell(8).value = answers.economy.comment;
    } else if (kind === "measures" && answers.economy?.measures) {
      row.getCell(8).value = answers.economy.measures; // the row below the drift, read only when there is a deficit
    }
  });
  await workbook.xlsx.writeFile(file);
}

/**
 * One period of Östersund's follow-up in `dir`: generate the master and one workbook per nämnd from `plan`, answer
 * as the nämnder in `answers` do, consolidate into the report (and the måluppfyllelse chapter, with `chapter`).
 * `options` are generate's own (--utfall, --kolada); `previous` the earlier period's files, shown beside this one and
 * compared with in the report. Says what it does through `log`; gives the files it wrote.
 */
async function followUpPeriod(
  dir,
  log,
  { plan, period, year, kind, due, options = [], previous = [], answers, chapter },
) {
  const base = path.join(dir, `ostersund-${period}-${year}`);
  const files = {
    master: `${base}-master.xlsx`,
    split: base,
    report: `${base}-rapport.xlsx`,
    chapter: chapter ? `${base}-maluppfyllelse.docx` : null,
  };
  for (const file of Object.values(files)) if (file) fs.rmSync(file, { recursive: true, force: true });

  const lines = [];
  const earlier = previous.flatMap((file) => ["--previous", file]);
  const args = ["--period", period, "--year", String(year), "--due", due, ...options, ...earlier];
  await run(["generate", plan, ...args, "--out", files.master], lines);
  await run(["generate", plan, ...args, "--split", files.split], lines);
  log(lines.join("\n"));

  const returned = [];
  for (const [code, given] of Object.entries(answers)) {
    const file = path.join(files.split, `${code}-${period}-${year}.xlsx`);
    await answerAsNamnd(file, given, kind);
    returned.push(file);
  }
  log(`\nSvar ifyllda (som nämnderna gör det) i: ${returned.map((f) => path.relative(root, f)).join(", ")}`);

  const summary = [];
  const docx = files.chapter ? ["--docx", files.chapter] : [];
  await run(["consolidate", files.master, ...returned, ...earlier, "--out", files.report, ...docx], summary);
  log(`\n${summary.join("\n")}`);
  return { ...files, returned };
}

/** The T1 follow-up of Östersund 2024, with the utfall from the ledger export, and the måluppfyllelse chapter. */
async function followUp(dir, log) {
  log("\n=== Uppföljning T1 2024, Östersund (mallen), med utfall ur ekonomisystemets export");
  const ledger = path.join(examples, "ostersund-2024-t1-utfall.csv");
  const t1 = await followUpPeriod(dir, log, {
    plan: PLAN_2024,
    period: "T1",
    year: 2024,
    kind: "forecast",
    due: "2024-05-15",
    options: ["--utfall", ledger],
    answers: T1_2024,
    chapter: true,
  });
  log(`\nFiler:
  ${path.relative(root, t1.master)}   planen med ett uppföljningsblad per nämnd (ekonomens huvudfil)
  ${path.relative(root, t1.split)}/      en arbetsbok per nämnd att skicka ut (${fs.readdirSync(t1.split).length} filer)
  ${path.relative(root, t1.report)}   sammanställningen: översikt, driftredovisning, diagram, måluppfyllelse, per nämnd, svar, saknas, fynd
  ${path.relative(root, t1.chapter)}   måluppfyllelsekapitlet för delårsrapporten (Word)`);
  return t1;
}

/**
 * The rest of the year after T1, and the next year's T1: Delår with T1's answers beside, answers changed; Helår with
 * the nyckeltal's utfall from the bundled Kolada file; T1 2025 from 2025's plan, with SAN's unfinished uppdrag U7
 * carried over. Each period is given the report of the one before as --previous: its sheets show that period's answers
 * beside the new input (at the year's turn a goal's whose ID and title 2025 keeps), and its report keeps the history
 * of every period before (Helår's shows T1 → Delår → Helår).
 */
async function restOfYear(dir, log, t1) {
  log("\n=== Delår 2024: T1:s svar visas bredvid, nämnderna uppdaterar");
  const delar = await followUpPeriod(dir, log, {
    plan: PLAN_2024,
    period: "Delår",
    year: 2024,
    kind: "forecast",
    due: "2024-09-15",
    previous: [t1.report],
    answers: DELAR_2024,
  });
  log("\n=== Helår 2024: utfall, nyckeltalen ur Kolada");
  const helar = await followUpPeriod(dir, log, {
    plan: PLAN_2024,
    period: "Helår",
    year: 2024,
    kind: "outcome",
    due: "2025-02-15",
    options: ["--kolada", path.join(examples, "ostersund-kolada.json")],
    previous: [delar.report],
    answers: HELAR_2024,
    chapter: true,
  });
  log("\n=== T1 2025: nästa års plan; uppdrag som inte är klara lever vidare");
  const plan2025 = path.join(dir, "ostersund-2025-plan.xlsx");
  await writePlan2025(PLAN_2024, plan2025);
  const next = await followUpPeriod(dir, log, {
    plan: plan2025,
    period: "T1",
    year: 2025,
    kind: "forecast",
    due: "2025-05-15",
    // Helår's report alone: its history holds what the year's end left, as the returned files do.
    previous: [helar.report],
    answers: T1_2025,
  });
  return { delar, helar, next };
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
  const log = (text) => console.log(text);
  const t1 = await followUp(out, log);
  console.log(`\n=== Driftredovisning T1 2024 (tkr, ur ${path.relative(root, t1.report)})`);
  console.log((await driftLines(t1.report)).join("\n"));
  const { helar, next } = await restOfYear(out, log, t1);
  console.log(`\nÅret:
  ${path.relative(root, helar.report)}   helårets rapport
  ${path.relative(root, helar.chapter)}   måluppfyllelsekapitlet för årsredovisningen (Word)
  ${path.relative(root, next.master)}   T1 2025`);
  // The examples are the happy path: any error in them is a bug worth failing the demo for.
  process.exitCode = worst;
}

module.exports = { followUp, restOfYear };

if (require.main === module) {
  demo().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
