"use strict";
/**
 * Synthetic plan for the benchmarks: a large, valid plan in the template layout (the sheets and headers of
 * src/domain/template.ts), so that validating it walks the happy path and reports no findings.
 *
 *   Nämnder         Förkortning | Namn | Typ                                       15 nämnder (2 bolag)
 *   Mål             ID | Nivå | Namn | Överordnat | Nämnd | Målvärde              vision, 4 områden, 20 KF-mål,
 *                                                                                N nämndmål (default 300)
 *   Uppdrag         ID | Uppdrag | Förtydligande | Mål | Ansvarig nämnd | Typ | År   1 in 5 has 2–3 nämnder
 *   Ramjusteringar  ID | Nämnd | År | Belopp (tkr) | Typ | Varaktighet | Uppdrag | Kommentar
 *   Inställningar   Budgetår | 2025, Planår | "2026, 2027"
 *
 * The same rows are written to an .xlsx (for the CLI benchmark) or wrapped as in-memory Grids (for the core one),
 * so both measure the same plan. Deterministic: a seeded generator, no Math.random.
 *
 * Usage: node bench/generate-plan.js <out.xlsx> [--assignments N] [--adjustments N] [--goals N]
 */
const COMMITTEES = [
  ["KS", "Kommunstyrelsen", "Nämnd"],
  ["BUN", "Barn- och utbildningsnämnden", "Nämnd"],
  ["GVN", "Gymnasie- och vuxenutbildningsnämnden", "Nämnd"],
  ["SN", "Socialnämnden", "Nämnd"],
  ["VoN", "Vård- och omsorgsnämnden", "Nämnd"],
  ["AMN", "Arbetsmarknadsnämnden", "Nämnd"],
  ["TN", "Tekniska nämnden", "Nämnd"],
  ["SBN", "Samhällsbyggnadsnämnden", "Nämnd"],
  ["MHN", "Miljö- och hälsoskyddsnämnden", "Nämnd"],
  ["KFN", "Kultur- och fritidsnämnden", "Nämnd"],
  ["ÖFN", "Överförmyndarnämnden", "Nämnd"],
  ["VN", "Valnämnden", "Nämnd"],
  ["RTN", "Räddningstjänstnämnden", "Nämnd"],
  ["KFAB", "Kommunfastigheter AB", "Bolag"],
  ["VAB", "Vatten och avfall AB", "Bolag"],
];

const AREAS = [
  "Livskvalitet och trygghet",
  "Hållbar samhällsutveckling",
  "Näringsliv och tillväxt",
  "Ekonomi i balans",
];
const VERBS = ["Utreda", "Införa", "Utveckla", "Kartlägga", "Ta fram", "Se över", "Genomföra", "Stärka", "Följa upp"];
const OBJECTS = [
  "en plan för digital välfärd",
  "samverkan med civilsamhället",
  "lokalförsörjningen i kommunens skolor",
  "insatser mot barnfattigdom",
  "en strategi för klimatanpassning",
  "arbetet med heltid som norm",
  "tillgängligheten i kollektivtrafiken",
  "det förebyggande arbetet mot våld i nära relationer",
  "bostadsförsörjningsprogrammet",
  "kompetensförsörjningen inom äldreomsorgen",
  "energieffektivisering av kommunens fastigheter",
  "företagsklimatet och servicen till näringslivet",
];
const YEARS = [2025, 2026, 2027];

/** Small seeded PRNG (mulberry32), so every run benchmarks the same workbook. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width) => String(n).padStart(width, "0");

/**
 * The plan as rows per sheet (first row: headers), plain values only (strings and numbers).
 * Returns { sheets: [{ name, rows }], counts }.
 */
function planData({ assignments = 20000, adjustments = 20000, goals = 300, seed = 2025 } = {}) {
  const rnd = random(seed);
  const pick = (list) => list[Math.floor(rnd() * list.length)];
  const codes = COMMITTEES.map(([code]) => code);

  const committeeRows = [["Förkortning", "Namn", "Typ"], ...COMMITTEES.map((c) => [...c])];

  const goalRows = [["ID", "Nivå", "Namn", "Överordnat", "Nämnd", "Målvärde"]];
  goalRows.push(["V1", "Vision", "En trygg och hållbar kommun att leva, verka och växa i", null, null, null]);
  AREAS.forEach((name, i) => goalRows.push([`O${i + 1}`, "Strategiskt område", name, "V1", null, null]));
  for (let i = 0; i < 20; i++) {
    const area = AREAS[i % AREAS.length];
    goalRows.push([
      `K${pad(i + 1, 2)}`,
      "Kommunövergripande mål",
      `${area}: kommunmål ${i + 1}`,
      `O${(i % 4) + 1}`,
      null,
      null,
    ]);
  }
  /** Nämndmål ids by committee, so an uppdrag links to one of its own nämnd's goals. */
  const goalsOf = new Map(codes.map((code) => [code, []]));
  for (let i = 0; i < goals; i++) {
    const id = `N${pad(i + 1, 3)}`;
    const code = codes[i % codes.length];
    goalsOf.get(code).push(id);
    const target = i % 3 === 0 ? `Minst ${60 + (i % 35)} %` : i % 3 === 1 ? 80 + (i % 15) : null;
    goalRows.push([
      id,
      "Nämndmål",
      `${code}: ${pick(VERBS)} ${pick(OBJECTS)} (mål ${i + 1})`,
      `K${pad((i % 20) + 1, 2)}`,
      code,
      target,
    ]);
  }

  const assignmentRows = [["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"]];
  /** Per uppdrag: its nämnder and year, for the ramjusteringar that refer to it. */
  const assignmentInfo = [];
  for (let i = 0; i < assignments; i++) {
    const id = `U${pad(i + 1, 5)}`;
    const first = codes[i % codes.length];
    const own = [first];
    // About one uppdrag in five is shared by 2–3 nämnder: "KS, TN" or "KS, TN, SBN".
    if (rnd() < 0.2) {
      const extra = rnd() < 0.5 ? 1 : 2;
      while (own.length < 1 + extra) {
        const code = pick(codes);
        if (!own.includes(code)) own.push(code);
      }
    }
    const year = YEARS[i % YEARS.length];
    const title = `${pick(VERBS)} ${pick(OBJECTS)} – uppdrag ${i + 1}`;
    const clarification = rnd() < 0.7 ? `Redovisas till ${own[0]} senast december ${year}.` : null;
    const goal = pick(goalsOf.get(first).length ? goalsOf.get(first) : goalsOf.get(codes[0]));
    const origin = rnd() < 0.8 ? "Fullmäktige" : "Nämnd";
    assignmentRows.push([id, title, clarification, goal, own.join(", "), origin, year]);
    assignmentInfo.push({ id, committees: own, year });
  }

  const adjustmentRows = [["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet", "Uppdrag", "Kommentar"]];
  for (let i = 0; i < adjustments; i++) {
    const assignment = assignmentInfo[Math.floor(rnd() * assignmentInfo.length)];
    const increase = rnd() < 0.7;
    // Whole tkr mostly, some halves; the sign matches the word (a mismatch would be an amount-sign finding).
    const size = Math.round((50 + rnd() * 5000) * (rnd() < 0.8 ? 1 : 2)) / (rnd() < 0.8 ? 1 : 2);
    adjustmentRows.push([
      `R${pad(i + 1, 5)}`,
      pick(assignment.committees),
      assignment.year,
      increase ? size : -size,
      increase ? "Ramökning" : "Ramminskning",
      rnd() < 0.6 ? "Varaktig" : "Tillfällig",
      assignment.id,
      rnd() < 0.3 ? `Enligt beslut i KF ${assignment.year - 1}` : null,
    ]);
  }

  const settingsRows = [
    ["Inställning", "Värde"],
    ["Budgetår", 2025],
    ["Planår", "2026, 2027"],
  ];

  return {
    sheets: [
      { name: "Nämnder", rows: committeeRows },
      { name: "Mål", rows: goalRows },
      { name: "Uppdrag", rows: assignmentRows },
      { name: "Ramjusteringar", rows: adjustmentRows },
      { name: "Inställningar", rows: settingsRows },
    ],
    counts: {
      committees: COMMITTEES.length,
      goals: goalRows.length - 1,
      assignments,
      adjustments,
      rows: committeeRows.length + goalRows.length + assignmentRows.length + adjustmentRows.length - 4,
    },
  };
}

/** Writes the plan with ExcelJS's streaming writer (shared strings, as Excel itself saves). */
async function writePlanWorkbook(data, file) {
  const ExcelJS = require("exceljs"); // here, not at the top: the core benchmark must not pay for loading it
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: false });
  for (const { name, rows } of data.sheets) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
  }
  await workbook.commit();
}

/** The plan as Grids (src/sheet/grid.ts), as the xlsx host would read it: 0-based, rectangular, null for empty. */
function planGrids(data) {
  return data.sheets.map(({ name, rows }) => {
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0); // no spread: sheets have 100k+ rows
    const values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
    return { sheet: name, top: 0, left: 0, values };
  });
}

module.exports = { planData, writePlanWorkbook, planGrids, random };

if (require.main === module) {
  const args = process.argv.slice(2);
  const out = args.find((a) => !a.startsWith("--"));
  const option = (name, fallback) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  if (!out) {
    process.stderr.write(
      "Usage: node bench/generate-plan.js <out.xlsx> [--assignments N] [--adjustments N] [--goals N]\n",
    );
    process.exit(2);
  }
  const data = planData({
    assignments: option("assignments", 20000),
    adjustments: option("adjustments", 20000),
    goals: option("goals", 300),
  });
  writePlanWorkbook(data, out).then(() => process.stdout.write(`${out}: ${JSON.stringify(data.counts)}\n`));
}
