/**
 * The classes of real layouts behind the corpus (test/corpus/README.md), each on a small in-memory grid: headers below
 * notes, combined and abbreviated headers, level-named sheets and columns, registers of names only, nämnder at the end
 * of an uppdrag's text, totals and notes under a table, merged cells, goal references, ram tables and ram blocks.
 */
import { findHeaderRow, headerRole } from "../src/domain/layouts/headers";
import { readPlan } from "../src/domain/readPlan";
import { PlanJson, planToJson } from "../src/domain/summary";
import { CellValue, Grid, MergedRange } from "../src/sheet/grid";

function grid(sheet: string, values: CellValue[][], merges?: MergedRange[]): Grid {
  return { sheet, top: 0, left: 0, values, ...(merges ? { merges } : {}) };
}

function read(...grids: Grid[]): { plan: PlanJson; errors: string[] } {
  const { plan, findings } = readPlan(grids);
  const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  return { plan: planToJson(plan), errors };
}

const goalNames = (plan: PlanJson) => plan.goals.map((g) => [g.level, g.name]);

describe("headers", () => {
  test("notes above the header are passed over, and a row of figures is never the header", () => {
    const sheet = grid("Ramjusteringar", [
      ["Ramjusteringar 2025, beslutade av kommunfullmäktige i juni."],
      [],
      ["Ram", 69300, 70900],
      ["Nämnd", "Förändring 2025", "Förändring 2026"],
    ]);
    expect(findHeaderRow(sheet, 1)).toBe(3);
  });

  test("combined and abbreviated headers read as the one field their words share", () => {
    expect(headerRole("Nämnd/styrelse")?.role).toBe("committee");
    expect(headerRole("Varaktig/tillfällig")?.role).toBe("duration");
    expect(headerRole("Förk.")?.role).toBe("code");
    expect(headerRole("Ansv.")?.role).toBe("committee");
    // Two words of different fields say nothing for sure.
    expect(headerRole("Nämnd/belopp")).toBeNull();
  });

  test("a sheet named for a level, its name column headed with the level's name, lists that level's goals", () => {
    const { plan, errors } = read(
      grid("Inriktningsmål", [
        ["Strategisk plan 2022-2024"],
        ["Nr", "Inriktningsmål", "Beskrivning"],
        [1, "God hälsa och välbefinnande", "Säkerställa hälsosamma liv."],
        [2, "God utbildning för alla", null],
      ]),
    );
    expect(errors).toEqual([]);
    expect(goalNames(plan)).toEqual([
      ["kommunmal", "God hälsa och välbefinnande"],
      ["kommunmal", "God utbildning för alla"],
    ]);
  });

  test("a numbered list under a level's name, on a sheet named for something else, is that level's goals", () => {
    const { plan, errors } = read(
      grid("Kommunplan 2024", [
        ["Kommunplan 2024"],
        ["Budgeten ger 44,6 miljoner kronor mer till utbildning."],
        ["Nr", "Övergripande mål"],
        [1, "Stärkt invånarnytta"],
        [2, "Värdigt åldrande"],
      ]),
    );
    expect(errors).toEqual([]);
    expect(goalNames(plan)).toEqual([
      ["kommunmal", "Stärkt invånarnytta"],
      ["kommunmal", "Värdigt åldrande"],
    ]);
    expect(plan.adjustments).toEqual([]);
  });
});

describe("registers and nämnder in running text", () => {
  const register = grid("Nämnder", [
    ["Nämnd/styrelse", "Typ"],
    ["Kommunstyrelsen", "Nämnd"],
    ["Barn- och utbildningsnämnden", "Nämnd"],
    ["Socialnämnden", "Nämnd"],
    ["Kommunens Fastighets AB", "Bolag"],
  ]);

  test("a register of names only gives each nämnd its name as its key, with no error per row", () => {
    const { plan, errors } = read(register);
    expect(errors).toEqual([]);
    expect(plan.committees.map((c) => [c.code, c.name, c.kind])).toEqual([
      ["Kommunstyrelsen", "Kommunstyrelsen", "namnd"],
      ["Barn- och utbildningsnämnden", "Barn- och utbildningsnämnden", "namnd"],
      ["Socialnämnden", "Socialnämnden", "namnd"],
      ["Kommunens Fastighets AB", "Kommunens Fastighets AB", "bolag"],
    ]);
  });

  test("the register's own abbreviations are the codes where it gives them", () => {
    const { plan, errors } = read(
      grid("Nämnder", [
        ["Förk.", "Nämnd/styrelse"],
        ["KS", "Kommunstyrelsen"],
        [null, "Socialnämnden"],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.committees.map((c) => c.code)).toEqual(["KS", "Socialnämnden"]);
  });

  test("nämnder at the end of an uppdrag's text, joined and in any case or form, and 'samtliga nämnder'", () => {
    const { plan, errors } = read(
      register,
      grid("Uppdrag 2024", [
        ["Uppdrag inför budgetarbetet 2024–2026"],
        ["Nr", "Uppdrag", "År"],
        [1, "Förbereda en högre effektivisering. Barn- och utbildningsnämnden och socialnämnden", 2024],
        [2, "Se över investeringarna. Samtliga nämnder", 2024],
        [3, "Analysera gymnasieskolan. Barn- och utbildningsnämnd", 2024],
        [4, "Samordna lovaktiviteter. Kommunstyrelsen samt socialnämnden", 2024],
        [5, "Ta fram en plan för fossilfria fordon. (Kommunstyrelsen, Socialnämnden)", 2024],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.assignments.map((a) => [a.title, a.committees])).toEqual([
      ["Förbereda en högre effektivisering.", ["Barn- och utbildningsnämnden", "Socialnämnden"]],
      ["Se över investeringarna.", ["Kommunstyrelsen", "Barn- och utbildningsnämnden", "Socialnämnden"]],
      ["Analysera gymnasieskolan.", ["Barn- och utbildningsnämnden"]],
      ["Samordna lovaktiviteter.", ["Kommunstyrelsen", "Socialnämnden"]],
      ["Ta fram en plan för fossilfria fordon.", ["Kommunstyrelsen", "Socialnämnden"]],
    ]);
  });
});

describe("totals, notes and merged cells", () => {
  test("Summa, Totalt and varav rows and a note under the table are never items nor nämnder", () => {
    const { plan, errors } = read(
      grid("Ramjusteringar", [
        ["Nämnd", "Belopp (tkr)", "År", "Varaktighet"],
        ["KS", 250, 2025, "Varaktig"],
        ["  varav lokaler", 100, 2025, "Varaktig"],
        ["TN", -300, 2025, "Tillfällig"],
        ["Summa", -50, 2025, null],
        ["Totalt", -50, null, null],
        [],
        ["Källa: kommunfullmäktiges beslut i juni"],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.adjustments.map((a) => [a.committee, a.amountTkr])).toEqual([
      ["KS", 250],
      ["TN", -300],
    ]);
    expect(plan.committees.map((c) => c.code)).toEqual(["KS", "TN"]);
  });

  test("an uppdrag that merely starts with a totals word is still an uppdrag", () => {
    const { plan } = read(
      grid("Uppdrag", [
        ["Uppdrag", "Ansvarig nämnd", "År"],
        ["Totalt ska 500 nya bostäder byggas under planperioden.", "KS", 2025],
      ]),
    );
    expect(plan.assignments.map((a) => a.title)).toEqual(["Totalt ska 500 nya bostäder byggas under planperioden."]);
  });

  test("a nämnd cell merged down over several rows belongs to every row it spans", () => {
    const { plan, errors } = read(
      grid(
        "Ramjusteringar",
        [
          ["Nämnd", "Typ", "Belopp (tkr)", "År"],
          ["KS", "Ramökning", 250, 2025],
          [null, "Ramökning", 100, 2025],
          ["TN", "Effektiviseringskrav", 300, 2025],
        ],
        [{ top: 1, left: 0, bottom: 2, right: 0 }],
      ),
    );
    expect(errors).toEqual([]);
    expect(plan.adjustments.map((a) => [a.committee, a.amountTkr])).toEqual([
      ["KS", 250],
      ["KS", 100],
      ["TN", -300],
    ]);
  });

  test("a header merged over two rows stays a header, not a value of the row below it", () => {
    const { plan } = read(
      grid(
        "Mål",
        [
          ["Strategiskt område", "Kommunmål", "Utfall"],
          [null, null, 2023],
          ["Hållbar tillväxt", "Fler jobb", 3],
        ],
        [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
        ],
      ),
    );
    expect(goalNames(plan)).toEqual([
      ["omrade", "Hållbar tillväxt"],
      ["kommunmal", "Fler jobb"],
    ]);
  });
});

describe("goal references and levels", () => {
  test("'Mål 3: …' numbers a goal: the name goes without it, and 'Mål 3' links to it", () => {
    const { plan, errors } = read(
      grid("Kommunmål", [
        ["Kommunmål", "Beskrivning"],
        ["Mål 3: God hälsa och välbefinnande", null],
        ["Mål 4: God utbildning för alla", null],
      ]),
      grid("Uppdrag", [
        ["Uppdrag", "Ansvarig nämnd", "Kopplat mål", "År"],
        ["Inför simskola för alla.", "KS", "Mål 4", 2025],
        ["Utred friskvård.", "KS", "Kommunmål 3, Mål 4", 2025],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.goals.map((g) => g.name)).toEqual(["God hälsa och välbefinnande", "God utbildning för alla"]);
    const id = (name: string) => plan.goals.find((g) => g.name === name)?.id;
    expect(plan.assignments.map((a) => a.goalIds)).toEqual([
      [id("God utbildning för alla")],
      [id("God hälsa och välbefinnande"), id("God utbildning för alla")],
    ]);
  });

  test("an outline number before a name, and a level's name where the plan has one goal at that level", () => {
    const { plan, errors } = read(
      grid("Mål", [
        ["Namn", "Nivå", "Överordnat"],
        ["Kommunen växer hållbart", "Vision", null],
        ["1. Hållbar tillväxt", "Strategiskt område", "Vision"],
        ["1.1 Fler jobb", "Kommunmål", "1"],
      ]),
    );
    expect(errors).toEqual([]);
    const byName = new Map(plan.goals.map((g) => [g.name, g]));
    expect([...byName.keys()]).toEqual(["Kommunen växer hållbart", "Hållbar tillväxt", "Fler jobb"]);
    expect(byName.get("Hållbar tillväxt")?.parentIds).toEqual([byName.get("Kommunen växer hållbart")?.id]);
    // "1" is the number written before "Hållbar tillväxt": the link finds it by that number.
    expect(byName.get("Fler jobb")?.parentIds).toEqual([byName.get("Hållbar tillväxt")?.id]);
  });

  test("two columns whose words name one level: the left one stands a level above (a tree by structure)", () => {
    const { plan, errors } = read(
      grid("Mål 2015-2018", [
        ["Strategiskt mål", "Resultatmål", "Ansvar"],
        ["Attraktivt boende", "Antalet bostäder ska öka", "Kommunstyrelsen"],
        [null, "Antalet detaljplaner ska öka", "Kommunstyrelsen"],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.goals.map((g) => [g.level, g.name, g.parentIds.length, g.committee])).toEqual([
      ["kommunmal", "Attraktivt boende", 0, null],
      ["namndmal", "Antalet bostäder ska öka", 1, "KS"],
      ["namndmal", "Antalet detaljplaner ska öka", 1, "KS"],
    ]);
  });
});

describe("ram tables and ram blocks", () => {
  test("ramar per nämnd are the plan's nämnder, not ramjusteringar; totals and other lines are neither", () => {
    const { plan, errors } = read(
      grid("Driftsramar 2025", [
        ["Ramar för driftsbudget 2025"],
        [],
        ["Nämnd/styrelse", "Ram 2025 (mnkr)"],
        ["Kommunstyrelsen", 107.9],
        ["Bildningsnämnden", 513.4],
        ["Summa nämnder", 621.3],
        [],
        ["Budgeterat resultat", 20.1],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.adjustments).toEqual([]);
    expect(plan.committees.map((c) => c.name)).toEqual(["Kommunstyrelsen", "Bildningsnämnden"]);
  });

  test("a driftbudget whose nämnd column is headed by the unit only, each nämnd merged down its verksamheter", () => {
    const { plan, errors } = read(
      grid(
        "Driftbudget",
        [
          ["(mnkr)", "Verksamhet", "Budget 2024", "Budget 2025"],
          ["Kommunstyrelse", "Politisk verksamhet", 8.2, 8.2],
          [null, "Räddningstjänst", 16.9, 17.0],
          [null, "Summa", 25.1, 25.2],
          ["Familjenämnd", "Gymnasieskola", 115.2, 116.8],
          ["Revision", "Politisk verksamhet", 1.5, 1.5],
          [],
          ["Källa: Budget 2025, driftbudget per nämnd."],
        ],
        [{ top: 1, left: 0, bottom: 3, right: 0 }],
      ),
    );
    expect(errors).toEqual([]);
    expect(plan.adjustments).toEqual([]);
    expect(plan.committees.map((c) => c.name)).toEqual(["Kommunstyrelse", "Familjenämnd", "Revision"]);
  });

  test("a ram block: its title names the nämnd; ram levels and sums are not changes; the title gives the years", () => {
    const { plan, errors } = read(
      grid("Ramförändringar", [
        ["Budget 2024, plan 2025–2027"],
        ["Kommunstyrelse – Kommunövergripande verksamhet (tkr)"],
        [null, "Varaktig/tillfällig", "2024", "2025", "2026", "2027"],
        // The block adds up (ram reconciliation checks it): 71 700 − 800 = 70 900.
        ["Ram föregående år", null, 71700, 70900, 71900, 71900],
        ["Effektiviseringskrav", "Varaktig", -800, null, null, null],
        ["Färdtjänst, fler äldre", "Varaktig", null, 1000, null, 100],
        ["Summa ramförändringar", null, -800, 1000, 0, 100],
        ["Ram", null, 70900, 71900, 71900, 72000],
        [],
        ["Ramen för 2024 är kommunbidraget i Budget 2024; ram föregående år är räknad bakåt."],
      ]),
    );
    expect(errors).toEqual([]);
    expect(plan.years).toEqual([2024, 2025, 2026, 2027]);
    expect(plan.adjustments.map((a) => [a.committee, a.year, a.amountTkr, a.duration])).toEqual([
      ["KS", 2024, -800, "varaktig"],
      ["KS", 2025, 1000, "varaktig"],
      ["KS", 2027, 100, "varaktig"],
    ]);
  });
});

describe("amount conventions per column", () => {
  const sheet = (amounts: string[]) =>
    grid("Ramjusteringar", [
      ["Nämnd", "År", "Belopp", "Varaktighet"],
      ...amounts.map((a) => ["KS", 2025, a, "Varaktig"]),
    ]);

  test("a column that writes Swedish reads a comma and three digits as a decimal comma", () => {
    const { plan, errors } = read(sheet(["1 500 tkr", "1,200 tkr"]));
    expect(errors).toEqual([]);
    expect(plan.adjustments.map((a) => a.amountTkr)).toEqual([1500, 1.2]);
  });

  test("a column with no Swedish evidence, or with English evidence, leaves it open and names both readings", () => {
    const cases: [string[], string][] = [
      [["1,200 tkr", "3,500 tkr"], "C2"],
      [["1 500 tkr", "1,200 tkr", "2.5 tkr"], "C3"],
    ];
    for (const [amounts, cell] of cases) {
      const { plan, findings } = readPlan([sheet(amounts)]);
      const open = findings.filter((f) => f.rule === "amount-ambiguous");
      expect(open.map((f) => [f.cell, f.params.first, f.params.second])).toContainEqual([cell, 1200, 1.2]);
      expect(plan.adjustments.map((a) => a.amountOre)).not.toContain(120_000);
    }
  });
});
