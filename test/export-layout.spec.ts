/**
 * Exports from goal-management systems ("Exportera till Excel"): one flat sheet, a type column that decides what each
 * row is, a parent-ID column, the responsible unit beside a person, system columns, objects repeated per unit. Two
 * shapes, neither of them the corpus workbook's, each read from a grid written as such a system writes it.
 */
import { readPlan } from "../src/domain/readPlan";
import { planToJson } from "../src/domain/summary";
import { CellValue, Grid } from "../src/sheet/grid";

function grid(sheet: string, values: CellValue[][]): Grid {
  return { sheet, top: 0, left: 0, values };
}

describe("a goal-system export", () => {
  // Shape 1: Objekttyp | Rubrik | Förälder-ID | Ansvarig enhet | Ansvarig person | Status | Senast ändrad | ID.
  const export1 = grid("Export", [
    ["Exporterad 2025-01-10 från målsystemet"],
    ["Objekttyp", "Rubrik", "Förälder-ID", "Ansvarig enhet", "Ansvarig person", "Status", "Senast ändrad", "ID"],
    ["Vision", "Ett hållbart Exempelby", null, "Kommunfullmäktige", "Anna A", "Aktiv", "2024-11-02", "1"],
    ["Målområde", "  Livskvalitet", "1", "Kommunfullmäktige", "Anna A", "Aktiv", "2024-11-02", "2"],
    ["Kommunmål", "    Fler i arbete", "2", "Kommunstyrelsen", "Bo B", "Aktiv", "2024-11-02", "3"],
    ["Nämndmål", "      Fler feriejobb", "3", "Kultur- och fritidsnämnden", "Cia C", "Aktiv", "2024-11-03", "4"],
    [
      "Uppdrag",
      "Utred ett nytt sommarjobbsprogram.",
      "4",
      "Kultur- och fritidsnämnden",
      "Cia C",
      "Pågår",
      "2024-11-03",
      "5",
    ],
    ["Uppdrag", "Utred ett nytt sommarjobbsprogram.", "4", "Kommunstyrelsen", "Bo B", "Pågår", "2024-11-03", "5"],
    ["Aktivitet", "Kontakta arbetsgivare", "5", "Kommunstyrelsen", "Bo B", "Ej påbörjad", "2024-11-03", "6"],
    [
      "Nyckeltal",
      "Andel unga med sommarjobb (%)",
      "4",
      "Kultur- och fritidsnämnden",
      "Cia C",
      "Aktiv",
      "2024-11-03",
      "7",
    ],
  ]);

  test("the type column decides: goals by level under their parents, one uppdrag for both units, a nyckeltal", () => {
    const { plan, findings } = readPlan([export1]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const json = planToJson(plan);
    expect(json.goals.map((g) => [g.level, g.name, g.committee])).toEqual([
      ["vision", "Ett hållbart Exempelby", null],
      ["omrade", "Livskvalitet", null],
      ["kommunmal", "Fler i arbete", null],
      ["namndmal", "Fler feriejobb", expect.any(String)],
    ]);
    const byName = new Map(json.goals.map((g) => [g.name, g]));
    expect(byName.get("Fler feriejobb")?.parentIds).toEqual([byName.get("Fler i arbete")?.id]);
    expect(byName.get("Livskvalitet")?.parentIds).toEqual([byName.get("Ett hållbart Exempelby")?.id]);
    // The council gives goals but is no nämnd.
    expect(json.committees.map((c) => c.name)).toEqual(["Kommunstyrelsen", "Kultur- och fritidsnämnden"]);
    expect(json.assignments).toHaveLength(1);
    expect(json.assignments[0].title).toBe("Utred ett nytt sommarjobbsprogram.");
    expect(json.assignments[0].committees).toHaveLength(2);
    expect(json.assignments[0].goalIds).toEqual([byName.get("Fler feriejobb")?.id]);
    expect(json.keyFigures.map((k) => [k.name, k.goalId])).toEqual([
      ["Andel unga med sommarjobb (%)", byName.get("Fler feriejobb")?.id],
    ]);
  });

  test("what the plan does not hold is listed: the activity row, people, status and dates, the export's title", () => {
    const { unread, sheets } = readPlan([export1]);
    expect(sheets).toEqual([{ sheet: "Export", layout: "export", headerRow: 2, certainty: "likely" }]);
    expect(unread.map(({ cell, reason, cells }) => `${cell} ${reason} ${cells}`)).toEqual([
      "A1 title 1",
      "A9:H9 otherKind 8",
      "E2:E10 column 8",
      "F2:F10 column 8",
      "G2:G10 column 8",
    ]);
  });

  // Shape 2: ID | Typ | Namn | Överordnat ID | Nämnd, with a generic "Mål" under a Fokusområde and indicators.
  const export2 = grid("Mål och indikatorer", [
    ["ID", "Typ", "Namn", "Överordnat ID", "Nämnd"],
    ["A", "Fokusområde", "Trygghet", null, "Kommunstyrelsen"],
    ["A.1", "Mål", "Färre brott i centrum", "A", "Kommunstyrelsen"],
    ["A.1.i", "Indikator", "Anmälda brott per 1 000 invånare", "A.1", "Kommunstyrelsen"],
    ["A.2", "Mål", "Fler trygga skolvägar", "A", "Tekniska nämnden"],
  ]);

  test("a goal that only says Mål takes the level below its parent; a nämnd column holding nämnder gives the units", () => {
    const { plan, findings } = readPlan([export2]);
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    const json = planToJson(plan);
    expect(json.goals.map((g) => [g.level, g.name])).toEqual([
      ["omrade", "Trygghet"],
      ["kommunmal", "Färre brott i centrum"],
      ["kommunmal", "Fler trygga skolvägar"],
    ]);
    expect(json.committees.map((c) => c.name)).toEqual(["Kommunstyrelsen", "Tekniska nämnden"]);
    expect(json.keyFigures.map((k) => k.name)).toEqual(["Anmälda brott per 1 000 invånare"]);
  });

  test("a delmål stands one level below the goal it hangs under, whichever level that is", () => {
    const delmal = grid("Export", [
      ["ID", "Typ", "Rubrik", "Förälder-ID", "Ansvarig enhet"],
      ["1", "Målområde", "Trygghet", null, "Kommunfullmäktige"],
      ["2", "Delmål", "Färre brott i centrum", "1", "Kommunfullmäktige"],
      ["3", "Inriktningsmål", "Fler trygga skolvägar", "1", "Kommunfullmäktige"],
      ["4", "Delmål", "Belysta gång- och cykelvägar", "3", "Tekniska nämnden"],
      ["5", "Delmål", "Fler vuxna i centrum på kvällen", "2", "Kommunstyrelsen"],
    ]);
    const { plan, findings, sheets } = readPlan([delmal]);
    expect(sheets[0].layout).toBe("export");
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(planToJson(plan).goals.map((g) => [g.level, g.name])).toEqual([
      ["omrade", "Trygghet"],
      ["kommunmal", "Färre brott i centrum"],
      ["kommunmal", "Fler trygga skolvägar"],
      ["namndmal", "Belysta gång- och cykelvägar"],
      ["namndmal", "Fler vuxna i centrum på kvällen"],
    ]);
  });

  test("a table with a Typ column of its own (Ramökning/Ramminskning) is no export", () => {
    const ram = grid("Ramjusteringar", [
      ["Nämnd", "År", "Belopp (tkr)", "Typ"],
      ["KS", 2025, 250, "Ramökning"],
      ["BUN", 2025, -300, "Ramminskning"],
    ]);
    expect(readPlan([ram]).sheets[0].layout).toBe("table");
  });
});
