"use strict";

/**
 * The demo's ledger export (invented figures): what Östersund's ekonomisystem might give for T1 2024, January to
 * April, per ansvar, period and konto, in kronor with decimal comma, `;`-separated. Written by build-examples.js.
 *
 * The ansvar codes, konton and amounts are invented; each nämnd's net cost is about a third of its real kommunbidrag
 * 2024, a little over or under so that the follow-up has something to explain. Deterministic: the same file each run.
 */

/** Kommunbidrag 2024 per nämnd in kr, from Östersund's page "Budget och ekonomi" (the nämnder the example has). */
const KOMMUNBIDRAG_2024_KR = {
  KS: 284_200_000,
  TN: 164_400_000,
  VoN: 1_861_800_000,
  SAN: 477_100_000,
  BUN: 1_590_300_000,
  KFN: 247_000_000,
};

/** Invented ansvar per nämnd (the settings map them by range or prefix), and how far T1 runs from a third of the year. */
const NAMNDER = [
  {
    code: "KS",
    pace: 0.97,
    ansvar: [
      ["1100", "Kommunledning"],
      ["1200", "Ekonomienheten"],
      ["1300", "HR-enheten"],
    ],
  },
  {
    code: "TN",
    pace: 1.01,
    ansvar: [
      ["2100", "Gata och park"],
      ["2200", "Fastighet"],
      ["2300", "Kost och städ"],
    ],
  },
  {
    code: "VoN",
    pace: 1.03,
    ansvar: [
      ["5100", "Hemtjänst"],
      ["5200", "Särskilt boende"],
      ["5300", "Hälso- och sjukvård"],
    ],
  },
  {
    code: "SAN",
    pace: 1.05,
    ansvar: [
      ["4100", "Ekonomiskt bistånd"],
      ["4200", "Barn och familj"],
      ["4300", "Arbetsmarknad"],
    ],
  },
  {
    code: "BUN",
    pace: 0.99,
    ansvar: [
      ["3100", "Förskola"],
      ["3200", "Grundskola"],
      ["3300", "Elevhälsa"],
    ],
  },
  {
    code: "KFN",
    pace: 1.0,
    ansvar: [
      ["6100", "Bibliotek"],
      ["6200", "Idrottsanläggningar"],
      ["6300", "Kulturskolan"],
    ],
  },
];
/** An ansvar the settings do not map: shown by generate as without nämnd. */
const UNMAPPED = ["9100", "Överförmyndare, gemensam"];

/** Kostnadskonton with their share of an ansvar's gross cost, and the income konto (negative, as a ledger books it). */
const COSTS = [
  ["5011", "Månadslön", 0.52],
  ["5611", "Sociala avgifter", 0.17],
  ["6110", "Lokalhyror", 0.12],
  ["6410", "Förbrukningsmaterial", 0.09],
  ["7010", "Köpta tjänster", 0.1],
];
const INCOME = ["3510", "Taxor och avgifter"];
const INCOME_SHARE = 0.08;
/** The kommunbidrag booked on the nämnd's first ansvar each month: an account the settings leave out. */
const KOMMUNBIDRAG = ["3811", "Kommunbidrag"];

const MONTHS = ["202401", "202402", "202403", "202404"];

/** A small deterministic generator (a linear congruential one), so that the file is the same on every run. */
function jitter(seed) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return 0.9 + (state / 2147483648) * 0.2;
  };
}

/** Öre to "1234567,89" (a minus sign for negatives, no thousands separator, as exports mostly write it). */
function kronor(ore) {
  const sign = ore < 0 ? "-" : "";
  const abs = Math.abs(ore);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/** Splits `total` öre into parts by `weights`, each jittered; the last takes the rest so the sum is exact. */
function split(total, weights, next) {
  const raw = weights.map((w) => w * next());
  const sum = raw.reduce((a, b) => a + b, 0);
  const parts = raw.map((w) => Math.round((total * w) / sum));
  parts[parts.length - 1] += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** The rows of the export, without header: [ansvar, ansvarsnamn, period, konto, kontonamn, belopp (öre)]. */
function ledgerRows() {
  const next = jitter(2024);
  const rows = [];
  for (const [m, period] of MONTHS.entries()) {
    for (const { code, pace, ansvar } of NAMNDER) {
      const yearOre = KOMMUNBIDRAG_2024_KR[code] * 100;
      // A month runs a little over or under the nämnd's pace, as months do.
      const monthNet = Math.round((yearOre / 12) * pace * (1 + (next() - 1) / 5));
      const perAnsvar = split(
        monthNet,
        ansvar.map(() => 1),
        next,
      );
      ansvar.forEach(([id, name], a) => {
        // Net = gross cost − income: the gross is what makes the net after the income is taken off.
        const gross = Math.round(perAnsvar[a] / (1 - INCOME_SHARE));
        const income = gross - perAnsvar[a];
        const costs = split(
          gross,
          COSTS.map(([, , share]) => share),
          next,
        );
        COSTS.forEach(([konto, kontonamn], k) => rows.push([id, name, period, konto, kontonamn, costs[k]]));
        rows.push([id, name, period, INCOME[0], INCOME[1], -income]);
        if (a === 0) {
          const bidrag = -Math.round(yearOre / 12);
          rows.push([id, name, period, KOMMUNBIDRAG[0], KOMMUNBIDRAG[1], bidrag]);
        }
      });
    }
    rows.push([UNMAPPED[0], UNMAPPED[1], period, "7010", "Köpta tjänster", 41_250_00 + m * 1_375_50]);
  }
  return rows;
}

/** The export as a CSV text: a comment line saying it is invented, a header, then the rows (CRLF, as Windows writes). */
function ledgerCsv() {
  const lines = [
    "# Påhittade exempeldata för Måltavlans demo (inte Östersunds verkliga bokföring): utfall T1 2024, kronor",
    "Ansvar;Ansvarsnamn;Period;Konto;Kontonamn;Belopp",
    ...ledgerRows().map((row) => [...row.slice(0, 5), kronor(row[5])].join(";")),
  ];
  return `${lines.join("\r\n")}\r\n`;
}

/** The settings' tables that map this export: ansvar to nämnd, and the konton that are not counted. */
const LEDGER_SETTINGS = {
  ansvar: [
    ["1000-1999", "KS"],
    ["2*", "TN"],
    ["3*", "BUN"],
    ["4000-4999", "SAN"],
    ["5*", "VoN"],
    ["6000-6999", "KFN"],
  ],
  excludedAccounts: [[KOMMUNBIDRAG[0], KOMMUNBIDRAG[1]]],
};

module.exports = { KOMMUNBIDRAG_2024_KR, LEDGER_SETTINGS, ledgerCsv };
