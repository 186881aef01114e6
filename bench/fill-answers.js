"use strict";
/**
 * Types answers into generated follow-up files, as a nämnd would in Excel, for the consolidate benchmark: opens each
 * file with ExcelJS, fills the yellow cells of every keyed row (hidden column A: "goal|<id>", "assignment|<id>",
 * "adjustment|<id>"; see src/domain/followup/model.ts and test/support/workbooks.ts) and saves it in place.
 *
 *   goal rows        a bedömning from the goal scale in F ("Uppfyllt", "Delvis uppfyllt", …); not the vision's row,
 *                    which takes none
 *   assignment rows  a status from the assignment scale in F ("Genomfört", "Påbörjat", …)
 *   adjustment rows  a prognos in F: the row's belopp (column E) give or take up to 10 %, rounded to whole tkr
 *   comments (H)     on every row whose status is not a done one, as consolidation requires, and on some others
 *
 * About 1 row in 40 is left unanswered, so the report's "Saknas" sheet is not empty. Deterministic (seeded), and
 * every answer is one consolidation accepts: the benchmark measures the happy path, no error findings.
 *
 * Usage: node bench/fill-answers.js <follow-up.xlsx> …
 */
const ExcelJS = require("exceljs");
const { random } = require("./generate-plan"); // the same seeded PRNG, so every run fills the same answers

const GOAL_SCALE = [
  ["Uppfyllt", true],
  ["Delvis uppfyllt", false],
  ["Ej uppfyllt", false],
  ["Kan inte bedömas", false],
];
const ASSIGNMENT_SCALE = [
  ["Genomfört", true],
  ["Påbörjat", false],
  ["Ej påbörjat", false],
  ["Försenat", false],
  ["Avfört", true],
];
const COMMENTS = [
  "Arbetet pågår enligt plan; redovisning sker i delårsrapporten.",
  "Försenat på grund av vakanser, åtgärder är vidtagna.",
  "Beslut fattat i nämnden, genomförande under hösten.",
  "Kostnaderna blev lägre än beräknat.",
  "Samverkan med regionen har tagit längre tid än väntat.",
];

/** Fills one follow-up sheet; returns how many rows got an answer. */
function answerSheet(sheet, rnd) {
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  let answered = 0;
  sheet.eachRow((row) => {
    const key = row.getCell(1).value;
    if (typeof key !== "string" || !key.includes("|") || rnd() < 0.025) return;
    const kind = key.slice(0, key.indexOf("|"));
    if (kind === "goal" || kind === "assignment") {
      // The vision's row (level "Vision" in column C) has no dropdown: the nämnd leaves it.
      if (kind === "goal" && row.getCell(3).value === "Vision") return;
      const [label, done] = pick(kind === "goal" ? GOAL_SCALE : ASSIGNMENT_SCALE);
      row.getCell(6).value = label;
      if (!done || rnd() < 0.2) row.getCell(8).value = pick(COMMENTS);
    } else if (kind === "adjustment") {
      const amount = row.getCell(5).value;
      if (typeof amount !== "number") throw new Error(`${sheet.name} row ${row.number}: no belopp in column E`);
      row.getCell(6).value = Math.round(amount * (0.9 + rnd() * 0.2));
      if (rnd() < 0.3) row.getCell(8).value = pick(COMMENTS);
    } else {
      return;
    }
    answered++;
  });
  return answered;
}

/** Answers every follow-up sheet in `files` (saved in place); returns the number of answered rows. */
async function fillAnswers(files, seed = 7) {
  const rnd = random(seed);
  let answered = 0;
  for (const file of files) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    // Only follow-up sheets have keyed rows; the lists and state sheets are left as they are.
    for (const sheet of workbook.worksheets) answered += answerSheet(sheet, rnd);
    await workbook.xlsx.writeFile(file);
  }
  return answered;
}

module.exports = { fillAnswers };

if (require.main === module) {
  const files = process.argv.slice(2);
  if (!files.length) {
    process.stderr.write("Usage: node bench/fill-answers.js <follow-up.xlsx> …\n");
    process.exit(2);
  }
  fillAnswers(files).then((n) => process.stdout.write(`answered ${n} rows in ${files.length} files\n`));
}
