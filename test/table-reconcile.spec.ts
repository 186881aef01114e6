import { reconciliationSummary } from "../src/cli/validate";
import { readPlanWithSettings } from "../src/domain/planRead";
import { reconciliationToJson } from "../src/domain/summary";
import { findingMessage } from "../src/i18n/findings";
import { Cell, gridsOfSheets } from "./support/sheetGrids";

// Ram reconciliation where a driftbudget table gives each nämnd's ram per year and the ramjusteringar stand in a list
// of their own (src/domain/resolve/tableReconcile.ts). The layouts are those of test/corpus/lund-2023-ramforandringar:
// rams per nämnd and year, and a list of changes per nämnd in year columns with a Summa row per nämnd.

async function read(sheets: Record<string, Cell[][]>, numFmt: Record<string, string> = {}) {
  const read = readPlanWithSettings(await gridsOfSheets(sheets, { numFmt }));
  const mismatches = read.findings.filter((f) => f.rule === "ram-mismatch");
  return { ...read, mismatches, years: reconciliationToJson(read.reconciliation) };
}

/** Rams in tkr: Socialnämnden 2024 and 2025, Tekniska nämnden 2024 and 2025. */
const rams = (social2025: number, technical2025 = 80_500): Cell[][] => [
  ["Nämnd", "Budget 2024 (tkr)", "Budget 2025 (tkr)"],
  ["Socialnämnden", 500_000, social2025],
  ["Tekniska nämnden", 80_000, technical2025],
];

/** The year's changes, each nämnd's closed by its Summa row (left out with `summa: false`). */
function changes(options: { summa?: boolean; socialSumma?: number } = {}): Cell[][] {
  const { summa = true, socialSumma = 13_000 } = options;
  return [
    ["Nämnd", "Beskrivning", "Varaktighet", "2025"],
    ["Socialnämnden", "Beräknad pris- och löneökning", "Varaktig", 10_000],
    ["Socialnämnden", "Ramökning hemtjänst", "Varaktig", 3_000],
    ...(summa ? [[null, "Summa ramförändringar", null, socialSumma]] : []),
    ["Tekniska nämnden", "Effektivisering", "Varaktig", -1_000],
    ["Tekniska nämnden", "Vinterväghållning", "Tillfällig", 1_500],
    ...(summa ? [[null, "Summa ramförändringar", null, 500]] : []),
  ];
}

const verdicts = (years: { committee: string; year: number; addsUp: boolean; changesComplete: boolean }[]) =>
  years.map(({ committee, year, addsUp, changesComplete }) => [committee, year, addsUp, changesComplete]);

test("rams that the listed changes explain reconcile, with what was counted and no finding", async () => {
  const { mismatches, years } = await read({ Driftbudget: rams(513_000), Ramjusteringar: changes() });
  expect(mismatches).toEqual([]);
  const social = years.find((y) => y.committee === "Socialnämnden");
  expect(social).toMatchObject({
    year: 2025,
    previousTkr: 500_000,
    lastingTkr: 3_000,
    indexTkr: 10_000,
    frameTkr: 513_000,
    expectedTkr: 513_000,
    addsUp: true,
    source: "table",
    changesComplete: true,
    cell: "Driftbudget!C2",
  });
  expect(verdicts(years)).toEqual([
    ["Socialnämnden", 2025, true, true],
    ["Tekniska nämnden", 2025, true, true],
  ]);
});

test("a ram off from its complete list is one finding at its cell, with the difference and the changes counted", async () => {
  const { mismatches, years } = await read({ Driftbudget: rams(513_400), Ramjusteringar: changes() });
  expect(mismatches.map((f) => [f.sheet, f.cell, f.severity, f.params.difference, f.params.changes])).toEqual([
    ["Driftbudget", "C2", "error", 400, 2],
  ]);
  expect(years.find((y) => y.committee === "Socialnämnden")).toMatchObject({ addsUp: false, differenceTkr: 400 });
  expect(findingMessage(mismatches[0], "sv")).toMatch(/513\s400 tkr.*513\s000 tkr.*skillnad 400 tkr/);
  expect(findingMessage(mismatches[0], "en")).toMatch(/513,400 tkr.*513,000 tkr.*difference 400 tkr/);
});

test("a list the plan does not show complete leaves a difference unexplained: information, never an error", async () => {
  // No Summa rows: ramar also change by what is no ramjustering (uppräkning in per cent, kapitalkostnader).
  const withoutSumma = await read({ Driftbudget: rams(525_000), Ramjusteringar: changes({ summa: false }) });
  expect(withoutSumma.mismatches).toEqual([]);
  expect(withoutSumma.findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(withoutSumma.years.find((y) => y.committee === "Socialnämnden")).toMatchObject({
    addsUp: false,
    differenceTkr: 12_000,
    changesComplete: false,
  });
  // A Summa row that is not the sum of the lines above it (a line missing from the copy) shows no complete list.
  const summaOff = await read({ Driftbudget: rams(525_000), Ramjusteringar: changes({ socialSumma: 13_003 }) });
  expect(summaOff.mismatches).toEqual([]);
  expect(verdicts(summaOff.years)).toEqual([
    ["Socialnämnden", 2025, false, false],
    ["Tekniska nämnden", 2025, true, true],
  ]);
  const plan = summaOff.plan;
  const sv = reconciliationSummary(summaOff.reconciliation, plan, "sv").join("\n");
  const en = reconciliationSummary(summaOff.reconciliation, plan, "en").join("\n");
  expect(sv).toMatch(/ej förklarat, 12\s000\stkr \(Driftbudget!C2\)/);
  expect(en).toMatch(/unexplained, 12\s000\stkr \(Driftbudget!C2\)/);
  expect(en).not.toMatch(/ej förklarat|Stämmer/);
});

test("a list under the title of a part of a nämnd totals that part, not the nämnd: its Summa shows nothing complete", async () => {
  // As Sjöbo's budget lists its changes per verksamhet ("Kommunstyrelse – Kommunövergripande verksamhet"), while the
  // driftbudget gives the nämnd's ram over all its verksamheter.
  const { mismatches, years } = await read({
    Driftbudget: rams(525_000),
    Ramjusteringar: [["Socialnämnden – Äldreomsorg (tkr)"], [], ...changes()],
  });
  expect(mismatches).toEqual([]);
  expect(verdicts(years)).toEqual([
    ["Socialnämnden", 2025, false, false],
    ["Tekniska nämnden", 2025, true, false],
  ]);
});

test("a tillfällig drops out the year after: the ram that still holds it is wrong", async () => {
  const threeYears = (technical2026: number): Cell[][] => [
    ["Nämnd", "Budget 2024 (tkr)", "Budget 2025 (tkr)", "Budget 2026 (tkr)"],
    ["Socialnämnden", 500_000, 513_000, 513_000],
    ["Tekniska nämnden", 80_000, 80_500, technical2026],
  ];
  const list: Cell[][] = [
    ...changes(),
    ["Tekniska nämnden", "Effektivisering", "Varaktig", null, -500],
    [null, "Summa ramförändringar", null, null, -500],
  ];
  list[0] = [...(list[0] as Cell[]), "2026"];
  // 2026 starts from 80 500 less the 1 500 that lasted 2025 only, and changes by −500.
  const right = await read({ Driftbudget: threeYears(78_500), Ramjusteringar: list });
  expect(right.mismatches).toEqual([]);
  expect(right.years.find((y) => y.committee === "Tekniska nämnden" && y.year === 2026)).toMatchObject({
    endingTemporaryTkr: 1_500,
    expectedTkr: 78_500,
    addsUp: true,
  });
  const kept = await read({ Driftbudget: threeYears(80_000), Ramjusteringar: list });
  expect(kept.mismatches.map((f) => [f.cell, f.params.difference, f.params.ending])).toEqual([["D3", 1_500, 1_500]]);
});

test("a change tied to a year but not called tillfällig lasts where the plan's arithmetic says so", async () => {
  // Lund's way: a reversal is a change of its own the next year (Revisionsupphandling 250, then −250).
  const { mismatches, years } = await read({
    Driftbudget: [
      ["Nämnd", "Ram 2023 (tkr)", "Ram 2024 (tkr)", "Ram 2025 (tkr)"],
      ["Kommunrevision", 4_419, 4_944, 4_836],
      ["Kommunstyrelsen", 389_169, 389_169, 389_169],
    ],
    Ramförändringar: [
      ["Nämnd", "Beskrivning", "2024", "2025"],
      ["Kommunrevision", "Beräknad pris- och löneökning", 164, 142],
      ["Kommunrevision", "Revisionsupphandling", 250, -250],
      ["Kommunrevision", "Parallella revisioner efter valår", 111, null],
      [null, "Summa ramförändringar", 525, -108],
    ],
  });
  expect(mismatches).toEqual([]);
  expect(years.map((y) => [y.year, y.endingTemporaryTkr, y.indexTkr, y.expectedTkr, y.addsUp])).toEqual([
    [2024, 0, 164, 4_944, true],
    [2025, 0, 142, 4_836, true],
  ]);
});

test("published rams are rounded: half a unit of each ram's precision is allowed, more is not", async () => {
  const mnkr = (social2025: number): Cell[][] => [
    ["Nämnd", "Budget 2024 (mnkr)", "Budget 2025 (mnkr)"],
    ["Socialnämnden", 500.0, social2025],
    ["Tekniska nämnden", 80.0, 80.5],
  ];
  const format = { Driftbudget: "0.0" };
  // 500,0 + 13,0 = 513,0: 513,1 may be the rounding of both rams, 513,2 may not.
  const within = await read({ Driftbudget: mnkr(513.1), Ramjusteringar: changes() }, format);
  expect(within.mismatches).toEqual([]);
  expect(within.years.find((y) => y.committee === "Socialnämnden")?.addsUp).toBe(true);
  const beyond = await read({ Driftbudget: mnkr(513.2), Ramjusteringar: changes() }, format);
  expect(beyond.mismatches.map((f) => [f.cell, f.params.difference])).toEqual([["C2", 200]]);
});
