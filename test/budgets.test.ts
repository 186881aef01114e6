import ExcelJS from "exceljs";
import { readPlanWithSettings } from "../src/domain/planRead";
import { planToJson } from "../src/domain/summary";
import { readWorkbookBuffer } from "../src/hosts/xlsx/read";

// Budgets read from workbooks laid out as kommuner publish them (test/corpus covers the published documents; these
// are the cases a correct plan does not show: what must not be read as a budget, and a malformed amount).

type Cell = string | number | null;

async function read(sheets: Record<string, Cell[][]>, merges: Record<string, string[]> = {}) {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of merges[name] ?? []) sheet.mergeCells(range);
  }
  const buffer = new Uint8Array(await workbook.xlsx.writeBuffer());
  const { grids } = await readWorkbookBuffer(buffer, "plan.xlsx");
  const { plan, findings, sources } = readPlanWithSettings(grids);
  return { plan, findings, json: planToJson(plan, sources) };
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
