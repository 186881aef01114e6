"use strict";
/**
 * The demo's year after T1: what the nämnder answer at Delår and Helår 2024 and T1 2025 (invented, as the ledger is),
 * and the plan of 2025 as the finance office makes it, from a copy of 2024's. scripts/demo.js runs the steps.
 *
 * Answers are given per row by the plan's ID: a status or bedömning and, where given, a kommentar. `economy` is the
 * Ekonomi section's drift: the prognos helår (tkr) at T1 and Delår, the utfall helår at Helår.
 */
const ExcelJS = require("exceljs");

const DELAR_2024 = {
  KS: {
    goal: {
      M1: ["Uppfyllt"],
      NM1: ["Uppfyllt", "Kortare handläggningstider sedan våren."],
      NM2: ["Uppfyllt", "Nätverket för kvinnliga företagare är i gång."],
    },
    assignment: {
      U1: ["Genomfört"],
      U2: ["Genomfört"],
      U4: ["Påbörjat", "Kartläggningen klar; analysen av investeringarna återstår."],
      U9: ["Genomfört"],
    },
    economy: { figure: 281_000, comment: "Två tjänster tillsatta under sommaren." },
  },
  SAN: {
    goal: { NM6: ["Ej uppfyllt", "Fler placeringar av barn och unga än väntat."] },
    assignment: {
      U2: ["Påbörjat", "Inventeringen klar till oktober."],
      U3: ["Genomfört"],
      U7: ["Försenat", "Upphandlingen av e-tjänsten överprövades."],
    },
    economy: {
      figure: 495_000,
      comment: "Ekonomiskt bistånd fortsätter att öka.",
      measures: "Översyn av placeringar; anställningsstopp för administrativ personal.",
    },
  },
  VoN: {
    goal: { NM7: ["Uppfyllt"] },
    assignment: { U2: ["Genomfört"], U5: ["Genomfört"] },
    economy: {
      figure: 1_884_000,
      comment: "Egen bemanningspool sedan juni.",
      measures: "Bemanningspoolen byggs ut; hemtjänstens turer planeras om.",
    },
  },
  TN: {
    goal: {
      NM3: ["Delvis uppfyllt", "Detaljplanen för verksamhetsområdet antas i december."],
      NM4: ["Delvis uppfyllt", "Elbilar upphandlade, laddplatser saknas."],
    },
    assignment: { U2: ["Påbörjat", "Underlaget lämnat till KS."], U8: ["Påbörjat", "Planen remitteras i oktober."] },
    economy: {
      figure: 166_000,
      comment: "Vinterväghållningen dyrare än budgeterat.",
      measures: "Omprioritering inom underhållet.",
    },
  },
};

const HELAR_2024 = {
  KS: {
    goal: { M1: ["Uppfyllt"], NM1: ["Uppfyllt"], NM2: ["Uppfyllt"] },
    assignment: {
      U1: ["Genomfört"],
      U2: ["Genomfört"],
      U4: ["Påbörjat", "Analysen av investeringarna redovisas i mars."],
      U9: ["Genomfört"],
    },
    adjustment: { R1: [250] },
    economy: { figure: 280_100, comment: "Vakanser under våren." },
  },
  SAN: {
    goal: { NM6: ["Delvis uppfyllt", "Färre placeringar under hösten."] },
    assignment: {
      U2: ["Genomfört"],
      U3: ["Genomfört"],
      U7: ["Försenat", "Ny upphandling; e-tjänsten i drift tidigast hösten 2025."],
    },
    adjustment: { R2: [1_200] },
    economy: {
      figure: 493_200,
      comment: "Ekonomiskt bistånd över budget hela året.",
      measures: "Placeringarna ses över löpande; budgeten för 2025 räknas upp.",
    },
  },
  VoN: {
    goal: { NM7: ["Uppfyllt"] },
    assignment: { U2: ["Genomfört"], U5: ["Genomfört"] },
    adjustment: { R3: [-3_500], R5: [800] },
    economy: {
      figure: 1_879_500,
      comment: "Lägre kostnader för inhyrd personal under hösten.",
      measures: "Bemanningspoolen byggs ut 2025.",
    },
  },
  TN: {
    goal: { NM3: ["Uppfyllt"], NM4: ["Delvis uppfyllt", "Laddplatserna byggs 2025."] },
    assignment: { U2: ["Genomfört"], U8: ["Genomfört"] },
    economy: { figure: 165_300, comment: "Vinterväghållningen.", measures: "Omprioritering inom underhållet." },
  },
};

/**
 * 2025's plan: the same goals and nämnder; the uppdrag renumbered, as a new year's plan numbers them, those left from
 * 2024 (KS's U4, BUN's U6, U9 of KFN and KS) again under their titles, one new; SAN's U7 is not in it (it lives on,
 * unfinished).
 */
const UPPDRAG_2025 = [
  { from: "U9", id: "U1" },
  { from: "U6", id: "U2" },
  { from: "U4", id: "U3" },
  {
    id: "U4",
    row: ["Ta fram en plan för kompetensförsörjning i vård och omsorg.", null, "M4", "VoN", "Fullmäktige", 2025],
  },
];

/** Copies 2024's plan to `file` as 2025's: budget year, uppdrag, the ramjusteringar of 2025 and the driftbudget. */
async function writePlan2025(plan2024, file) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(plan2024);
  workbook.getWorksheet("Inställningar").getCell("B1").value = 2025;
  workbook.getWorksheet("Inställningar").getCell("B2").value = "2026, 2027";

  const sheet = workbook.getWorksheet("Uppdrag");
  const rows = new Map();
  sheet.eachRow((row, r) => {
    if (r > 1) rows.set(row.getCell(1).value, row.values.slice(2, 7)); // Uppdrag … Typ
  });
  replaceRows(
    sheet,
    UPPDRAG_2025.map(({ from, id, row }) => [id, ...(row ?? rows.get(from)).slice(0, 5), 2025]),
  );
  replaceRows(workbook.getWorksheet("Ramjusteringar"), [
    ["R1", "VoN", 2025, 4_000, "Ramökning", "Varaktig", "U4", "Ramökning 2025 VoN: 4 000 tkr"],
  ]);

  workbook.getWorksheet("Driftbudget").getCell("B1").value = "Kommunbidrag 2025 (kr)";
  await workbook.xlsx.writeFile(file);
}

/** The rows under the header row become `rows`; the cells below them are emptied. */
function replaceRows(sheet, rows) {
  const last = sheet.rowCount;
  for (let r = 2; r <= Math.max(last, rows.length + 1); r++) {
    const row = sheet.getRow(r);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.value = null));
    (rows[r - 2] ?? []).forEach((value, c) => (row.getCell(c + 1).value = value));
  }
}

const T1_2025 = {
  SAN: {
    carried: { "2024:U7": ["Påbörjat", "E-tjänsten upphandlad; driftstart i september."] },
    economy: { figure: 501_000, comment: null },
  },
};

module.exports = { DELAR_2024, HELAR_2024, T1_2025, writePlan2025 };
