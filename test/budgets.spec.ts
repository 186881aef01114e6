import { readPlanWithSettings } from "../src/domain/planRead";
import { planToJson, reconciliationToJson } from "../src/domain/summary";
import { findingMessage } from "../src/i18n/findings";
import { Cell, gridsOfSheets } from "./support/sheetGrids";

// Budgets read from workbooks laid out as kommuner publish them (test/corpus covers the published documents; these
// are the cases a correct plan does not show: what must not be read as a budget, and a malformed amount).

async function read(sheets: Record<string, Cell[][]>, merges: Record<string, string[]> = {}) {
  const { plan, findings, sources } = readPlanWithSettings(await gridsOfSheets(sheets, { merges }));
  return { plan, findings, json: planToJson(plan, sources) };
}

/** The plan, its findings and the ram reconciliation as validate --json gives it; `numFmt` per sheet, for every cell. */
async function readFull(sheets: Record<string, Cell[][]>, numFmt: Record<string, string> = {}) {
  const { findings, reconciliation } = readPlanWithSettings(await gridsOfSheets(sheets, { numFmt }));
  return { findings, reconciliation: reconciliationToJson(reconciliation) };
}

const amounts = (json: ReturnType<typeof planToJson>) =>
  json.budgets.map(({ committee, year, amountTkr, kind, source }) => ({ committee, year, amountTkr, kind, source }));

test("a table of ramjusteringar is read as changes, never as budgets, also when its amount header names a year", async () => {
  // The Östersund seed's lines (domain.md), as an economist keeps them: one table with an amount column, one with a
  // "Ram 2025" column of changes beside a varaktighet column.
  const { plan, json } = await read({
    Ramjusteringar: [
      ["Ramjusteringar 2024"],
      [],
      ["Nämnd", "Beskrivning", "Belopp (tkr)", "År", "Varaktighet"],
      ["KS", "Ramökning kvinnors företagande", 250, 2024, "Tillfällig"],
      ["SAN", "Flyktingmottagande, kvalitet och kompetens", 1200, 2024, "Varaktig"],
    ],
    "Ramar 2025": [
      ["Nämnd", "Beskrivning", "Ram 2025 (tkr)", "Varaktig/tillfällig"],
      ["Socialnämnden", "Ramökning hemtjänst", 3000, "Varaktig"],
      ["Tekniska nämnden", "Effektivisering", -1000, "Varaktig"],
    ],
  });
  expect(json.budgets).toEqual([]);
  expect(plan.adjustments.map((a) => [a.committee, a.amountOre / 100_000])).toEqual(
    expect.arrayContaining([
      ["KS", 250],
      ["SAN", 1200],
    ]),
  );
});

test("a driftbudget table gives each nämnd's ram per year, from its Summa row beside its verksamheter", async () => {
  const { json, findings } = await read(
    {
      Driftbudget: [
        ["Driftbudget 2025 (tkr)"],
        [],
        ["Nämnd", "Verksamhet", "Bokslut 2023", "Budget 2024", "Budget 2025"],
        ["Kommunstyrelsen", "Politisk verksamhet", 8800, 8200, 8200],
        [null, "Räddningstjänst", 16400, 16900, 17000],
        [null, "Summa", 25200, 25100, 25200],
        ["Socialnämnden", "Individ- och familjeomsorg", 79800, 78400, 85300],
        [null, "Äldreomsorg", 275000, 285300, 302700],
        ["Revision", "Politisk verksamhet", 1400, 1500, 1500],
      ],
    },
    { Driftbudget: ["A4:A6", "A7:A8"] },
  );
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(amounts(json)).toEqual([
    { committee: "Kommunstyrelsen", year: 2024, amountTkr: 25100, kind: "frame", source: "Driftbudget!D6" },
    { committee: "Kommunstyrelsen", year: 2025, amountTkr: 25200, kind: "frame", source: "Driftbudget!E6" },
    // Without a Summa row, the nämnd's rows added up; the source is the first of them.
    { committee: "Socialnämnden", year: 2024, amountTkr: 363700, kind: "frame", source: "Driftbudget!D7" },
    { committee: "Socialnämnden", year: 2025, amountTkr: 388000, kind: "frame", source: "Driftbudget!E7" },
    { committee: "Revision", year: 2024, amountTkr: 1500, kind: "frame", source: "Driftbudget!D9" },
    { committee: "Revision", year: 2025, amountTkr: 1500, kind: "frame", source: "Driftbudget!E9" },
  ]);
});

test("a ram written two ways is a finding at its cell, and no budget", async () => {
  const { json, findings } = await read({
    Kommunbidrag: [
      ["Kommunbidrag per nämnd (tkr)"],
      ["Nämnd", "Kommunbidrag", null],
      [null, 2025, 2026],
      ["Kommunstyrelsen", "107 900", "1.200"],
      ["Bildningsnämnden", "513 400", "tusen"],
    ],
  });
  expect(amounts(json)).toEqual([
    { committee: "KS", year: 2025, amountTkr: 107900, kind: "frame", source: "Kommunbidrag!B4" },
    { committee: "Bildningsnämnden", year: 2025, amountTkr: 513400, kind: "frame", source: "Kommunbidrag!B5" },
  ]);
  expect(findings.filter((f) => f.severity === "error").map((f) => [f.rule, `${f.sheet}!${f.cell}`])).toEqual([
    ["amount-ambiguous", "Kommunbidrag!C4"],
    ["amount-unparseable", "Kommunbidrag!C5"],
  ]);
});

test("a tilläggsbudget per nämnd is read with what it is for; the proposal beside KF's decision is not", async () => {
  const { json } = await read({
    "Tilläggsbudget 2025": [
      ["Tilläggsbudget 2025, beslutad av kommunfullmäktige (tkr)"],
      [],
      ["Nämnd", "Beslut", "Förslag", "Beskrivning"],
      ["Socialnämnden", 6000, 9000, "Förstärkning för ökade hyreskostnader"],
      ["Kommunstyrelsen", 500, 500, "Bostadsanpassning"],
    ],
  });
  expect(
    json.budgets.map(({ committee, year, amountTkr, kind, description }) => [
      committee,
      year,
      amountTkr,
      kind,
      description,
    ]),
  ).toEqual([
    ["SN", 2025, 6000, "supplementary", "Förstärkning för ökade hyreskostnader"],
    ["KS", 2025, 500, "supplementary", "Bostadsanpassning"],
  ]);
});

test("an investment budget gives each project of a nämnd its amount per year; a project of no nämnd is none", async () => {
  const { json, findings } = await read({
    Investeringsbudget: [
      ["Investeringsbudget 2025–2027 (mnkr)"],
      [],
      ["Projekt", "Budget 2025", "Plan 2026", "Plan 2027"],
      ["Brandstation Örsundsbro", 25, null, null],
      ["Tekniska nämnden", 32.5, 20, 8],
      ["Gång- och cykelväg Centrum", 4.5, null, null],
      ["Reinvestering gator", 28, 20, 8],
      ["Barn- och utbildningsnämnden", 61, null, null],
      ["Ny förskola Norr", 61, null, null],
      ["Summa", 93.5, 20, 8],
    ],
  });
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(
    json.investments.map(({ committee, project, year, amountTkr, source }) => [
      committee,
      project,
      year,
      amountTkr,
      source,
    ]),
  ).toEqual([
    ["TN", "Gång- och cykelväg Centrum", 2025, 4500, "Investeringsbudget!B6"],
    ["TN", "Reinvestering gator", 2025, 28000, "Investeringsbudget!B7"],
    ["TN", "Reinvestering gator", 2026, 20000, "Investeringsbudget!C7"],
    ["TN", "Reinvestering gator", 2027, 8000, "Investeringsbudget!D7"],
    ["BUN", "Ny förskola Norr", 2025, 61000, "Investeringsbudget!B9"],
  ]);
  expect(json.budgets).toEqual([]);
});

test("a nämnd's investment budget by område under its name: an abbreviated område is no nämnd, nothing unlisted", async () => {
  // Karlstad's teknik- och fastighetsnämnd (test/corpus/data/karlstad-2015-investeringsram.json) with a "därav" line.
  const sheets = {
    "Investeringar 2015": [
      ["Investerings- och underhållsplan 2015"],
      ["Teknik- och fastighetsnämnden"],
      [],
      ["Område", "Investeringsram 2015 (mnkr)"],
      ["Lokalförsörjning", 56.7],
      ["därav: självfinansierade objekt", -5.9],
      ["VA", 53.7],
      ["Produktionsavdelningen", 5],
      ["Summa", 109.5],
    ],
  };
  const grids = await gridsOfSheets(sheets);
  const { plan, findings, unread, sources } = readPlanWithSettings(grids);
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(plan.committees.map((c) => c.name)).toEqual(["Teknik- och fastighetsnämnden"]);
  expect(
    planToJson(plan, sources).investments.map(({ project, year, amountTkr }) => [project, year, amountTkr]),
  ).toEqual([
    ["Lokalförsörjning", 2015, 56700],
    ["VA", 2015, 53700],
    ["Produktionsavdelningen", 2015, 5000],
  ]);
  expect(unread.map(({ cell, reason }) => [cell, reason])).toEqual([
    ["A1", "title"],
    ["A6", "total"],
    ["B6", "total"],
    ["A9", "total"],
    ["B9", "total"],
  ]);
});

test("an investment budget with no year per column, or no nämnd for its projects, is not read and says which", async () => {
  // Enköping's list of larger projects (test/corpus/data/enkoping-2019-investeringsprojekt.json), then the same
  // projects per budget year under no nämnd.
  const noYear = [
    ["Större investeringsprojekt"],
    ["Belopp anges i miljoner kronor."],
    ["Investeringsprojekt", "Planeras vara klart", "Budget"],
    ["Brandstation Örsundsbro", 2019, 25],
    ["Bergvretenskolan", "2019-2020", 61],
  ];
  const noCommittee = [
    ["Investeringsbudget (mnkr)"],
    ["Projekt", "Budget 2019", "Plan 2020"],
    ["Brandstation Örsundsbro", 25, null],
    ["Bergvretenskolan", 30, 31],
  ];
  const { plan, findings, unread } = readPlanWithSettings(
    await gridsOfSheets({ Projekt: noYear, Investeringar: noCommittee }),
  );
  expect(plan.investments).toEqual([]);
  expect(findings.map((f) => [f.severity, f.rule, f.sheet, f.params.why])).toEqual([
    ["info", "sheet-not-read", "Projekt", "investmentNoYear"],
    ["info", "sheet-not-read", "Investeringar", "investmentNoCommittee"],
  ]);
  expect(findingMessage(findings[0], "sv")).toContain("ingen kolumn per år");
  expect(findingMessage(findings[0], "en")).toContain("no column per year");
  expect(findingMessage(findings[1], "sv")).toContain("ingen nämnd för projekten");
  expect(findingMessage(findings[1], "en")).toContain("no committee for its projects");
  // Nothing dropped in silence: each sheet's cells are listed as not read.
  expect(unread.map(({ sheet, reason, cells }) => [sheet, reason, cells])).toEqual([
    ["Projekt", "sheet", 11],
    ["Investeringar", "sheet", 9],
  ]);
});

test("a project number in a column of its own stays with the project's name; the nämnd heads its projects", async () => {
  const sheets = {
    Investeringsbudget: [
      ["Investeringsbudget 2025–2026 (tkr)"],
      ["Projektnr", "Projekt", "Budget 2025", "Plan 2026"],
      [null, "Tekniska nämnden", 7_000, 2_000],
      [91201, "Gång- och cykelväg Centrum", 4_500, null],
      [91202, "Reinvestering gator", 2_500, 2_000],
      [null, "Summa Tekniska nämnden", 7_000, 2_000],
    ],
  };
  const { plan, findings, unread, sources } = readPlanWithSettings(await gridsOfSheets(sheets));
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(
    planToJson(plan, sources).investments.map(({ committee, project, year, amountTkr }) => [
      committee,
      project,
      year,
      amountTkr,
    ]),
  ).toEqual([
    ["TN", "91201 Gång- och cykelväg Centrum", 2025, 4_500],
    ["TN", "91202 Reinvestering gator", 2025, 2_500],
    ["TN", "91202 Reinvestering gator", 2026, 2_000],
  ]);
  // The nämnd's own line and its Summa line are totals rows; the header and the numbers are read.
  expect(unread.map(({ cell, reason }) => [cell, reason])).toEqual([
    ["A1", "title"],
    ["C3", "total"],
    ["D3", "total"],
    ["B6", "total"],
    ["C6", "total"],
    ["D6", "total"],
  ]);
});

describe("ram reconciliation", () => {
  /** Sjöbo's ram block (test/corpus/data/sjobo-2024-ramblock.json) as an economist keeps it, tkr. */
  const sjobo = (ram2026: number): Cell[][] => [
    ["Kommunstyrelse – Kommunövergripande verksamhet (tkr)"],
    [null, "Varaktig/tillfällig", 2024, 2025, 2026, 2027],
    ["Ram föregående år", null, 69300, 70900, 71900, ram2026],
    ["Pris- och löneuppräkning inkl. kapitalkostnader", "Varaktig", 2400, null, null, null],
    ["Effektiviseringskrav", "Varaktig", -800, null, null, null],
    ["Färdtjänst, fler äldre", "Varaktig", null, 1000, null, 100],
    ["Ram", null, 70900, 71900, ram2026, ram2026 + 100],
  ];

  test("a ram block whose arithmetic holds reconciles every year, with what it counted", async () => {
    const { findings, reconciliation } = await readFull({ Ramförändringar: sjobo(71900) });
    expect(findings.filter((f) => f.rule === "ram-mismatch")).toEqual([]);
    expect(reconciliation.map((y) => [y.year, y.previousTkr, y.lastingTkr, y.indexTkr, y.frameTkr, y.addsUp])).toEqual([
      [2024, 69300, -800, 2400, 70900, true],
      [2025, 70900, 1000, 0, 71900, true],
      [2026, 71900, 0, 0, 71900, true],
      [2027, 71900, 100, 0, 72000, true],
    ]);
  });

  test("a wrong ram is one finding at its cell, with the difference and the changes counted", async () => {
    const { findings } = await readFull({ Ramförändringar: sjobo(72900) });
    const wrong = findings.filter((f) => f.rule === "ram-mismatch");
    // 2026: 71 900 + nothing ≠ 72 900. 2027 starts from its own Ram föregående år (72 900) and adds up.
    expect(wrong.map((f) => [f.sheet, f.cell, f.params])).toEqual([
      [
        "Ramförändringar",
        "E7",
        expect.objectContaining({ year: 2026, written: 72900, expected: 71900, difference: 1000, changes: 0 }),
      ],
    ]);
    expect(findingMessage(wrong[0], "sv")).toMatch(/skillnad 1\s000 tkr/);
    expect(findingMessage(wrong[0], "en")).toContain("difference 1,000 tkr");
  });

  const temporary = (previous2026: number, label = "Sommarjobb för unga"): Cell[][] => [
    ["Socialnämnden (mnkr)"],
    [null, "Varaktig/tillfällig", 2025, 2026, 2027],
    ["Ram föregående år", null, 500, previous2026, null],
    ["Ramökning hemtjänst", "Varaktig", 1, null, null],
    [label, "Tillfällig", 2, null, null],
    ["Ram", null, 503, 501, 501],
  ];

  test("a tillfällig drops out the year after; whether Ram föregående år holds it is the plan's own arithmetic", async () => {
    for (const previous of [503, 501]) {
      const { findings, reconciliation } = await readFull({ Ramförändringar: temporary(previous) });
      expect(findings.filter((f) => f.rule === "ram-mismatch")).toEqual([]);
      const y2026 = reconciliation.find((y) => y.year === 2026);
      expect(y2026).toMatchObject({ previousTkr: previous * 1000, frameTkr: 501000, temporaryBasis: "plan" });
      expect(y2026?.endingTemporaryTkr).toBe(previous === 503 ? 2000 : 0);
    }
  });

  test("a tillfällig naming two years lasts both: dropping it a year early is one wrong ram, not two", async () => {
    const { findings } = await readFull({ Ramförändringar: temporary(503, "Sommarjobb för unga 2025–2026") });
    expect(findings.filter((f) => f.rule === "ram-mismatch").map((f) => [f.cell, f.params.difference])).toEqual([
      ["D6", -2000],
    ]);
  });

  test("published figures are rounded: half a unit of the shown precision is allowed, more is not", async () => {
    const rows = (ram: number): Cell[][] => [
      ["Tekniska nämnden (mnkr)"],
      [null, "Varaktig/tillfällig", 2025],
      ["Ram föregående år", null, 70.94],
      ["Ramökning vinterväghållning", "Varaktig", 1],
      ["Ram", null, ram],
    ];
    const format = { Ramförändringar: "0.0" };
    expect((await readFull({ Ramförändringar: rows(71.9) }, format)).reconciliation[0].addsUp).toBe(true);
    const off = await readFull({ Ramförändringar: rows(72.0) }, format);
    expect(off.findings.filter((f) => f.rule === "ram-mismatch").map((f) => f.cell)).toEqual(["C5"]);
  });
});

test("an uppdrag's amount under a 'Budget 2025' header is its ramjustering, never a ram", async () => {
  const { json } = await read({
    Uppdrag: [
      ["Uppdrag", "Nämnd", "Budget 2025 (tkr)"],
      ["Förbättra kvinnors förutsättningar för företagande i kommunen.", "Kommunstyrelsen", 250],
      ["Behåll kvalitet och kompetens inom flyktingmottagandet.", "Socialnämnden", 1200],
    ],
  });
  expect(json.budgets).toEqual([]);
  expect(json.assignments).toHaveLength(2);
});
