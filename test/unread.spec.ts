/**
 * Every filled cell of a sheet the reader takes is part of the plan or listed as not read, with why (issue: honest
 * reading). Each layout on a small in-memory grid, with the list written from the grid, not from the reader's output.
 */
import { readPlan } from "../src/domain/readPlan";
import { UnreadCell } from "../src/domain/unread";
import { CellValue, Grid } from "../src/sheet/grid";

function grid(sheet: string, values: CellValue[][], extra: Partial<Grid> = {}): Grid {
  return { sheet, top: 0, left: 0, values, ...extra };
}

const entries = (unread: UnreadCell[]) =>
  unread.map(({ sheet, cell, reason, cells }) => `${sheet}!${cell} ${reason} ${cells}`);

describe("a table", () => {
  const uppdrag = grid("Uppdrag", [
    ["Uppdrag från kommunfullmäktige, budget 2025"],
    ["Beslutade i juni 2024."],
    [],
    ["ID", "Uppdrag", "Ansvarig nämnd", "Handläggare", "År"],
    ["U1", "Utred fler förskoleplatser.", "BUN", "Eva", 2025],
    ["U2", "Ta fram en plan för fler bostäder.", "KS", "Ali", 2025],
    ["U3", "Minska matsvinnet.", "KS", null, 2025],
    ["Summa", null, null, null, 3],
    [],
    ["Källa: Budget 2025, s. 12."],
  ]);

  test("titles above the header, a column no field takes, a totals row and a note under the table", () => {
    const { plan, unread } = readPlan([uppdrag]);
    expect(plan.assignments.map((a) => a.id)).toEqual(["U1", "U2", "U3"]);
    expect(entries(unread)).toEqual([
      "Uppdrag!A1 title 1",
      "Uppdrag!A2 title 1",
      "Uppdrag!A8:E8 total 2",
      "Uppdrag!A10 note 1",
      "Uppdrag!D4:D6 column 3",
    ]);
    expect(unread.find((u) => u.reason === "column")?.text).toBe("Handläggare");
  });

  test("a column the mapping says not to read is listed too", () => {
    const { plan, unread } = readPlan([uppdrag], {
      sheets: { Uppdrag: { kind: "assignment", columns: { E: "ignore" } } },
    });
    expect(plan.assignments.map((a) => a.year)).toEqual([null, null, null]);
    expect(entries(unread)).toContain("Uppdrag!E4:E7 column 4");
  });
});

test("a ram block per nämnd: the nämnd in the title, each line's label and its ram levels are read; sums are not items", () => {
  const block = grid("Ramförändringar", [
    ["Kommunstyrelse – Kommunövergripande verksamhet (tkr)"],
    [null, "Varaktig/tillfällig", "2025", "2026"],
    ["Ram föregående år", null, 69300, 71700],
    ["Pris- och löneuppräkning", "Varaktig", 2400, null],
    ["Färdtjänst, fler äldre", "Varaktig", null, 1000],
    ["Summa ramförändringar", null, 2400, 1000],
    ["Ram", null, 71700, 72700],
  ]);
  const { plan, unread } = readPlan([block]);
  // The label column, without a header, says what each change is for; the index line is marked as one.
  expect(plan.adjustments.map((a) => [a.committee, a.year, a.amountOre / 100_000, a.description, a.isIndex])).toEqual([
    ["KS", 2025, 2400, "Pris- och löneuppräkning", true],
    ["KS", 2026, 1000, "Färdtjänst, fler äldre", false],
  ]);
  // The Ram line is the nämnd's budget; Ram föregående år is where the year starts (both reconciled, so both read).
  expect(plan.budgets.map((b) => [b.committee, b.year, b.amountOre / 100_000])).toEqual([
    ["KS", 2025, 71700],
    ["KS", 2026, 72700],
  ]);
  expect(entries(unread)).toEqual(["Ramförändringar!A6:D6 total 3"]);
});

test("a settings sheet: keys it does not know are listed", () => {
  const settings = grid("Inställningar", [
    ["Budgetår", 2025],
    ["Ansvarig", "Ekonomikontoret"],
  ]);
  const goals = grid("Mål", [
    ["Mål", "Nivå"],
    ["Attraktiv kommun", "Kommunmål"],
  ]);
  const { unread } = readPlan([settings, goals]);
  expect(entries(unread)).toEqual(["Inställningar!A2 notUnderstood 1", "Inställningar!B2 notUnderstood 1"]);
});

describe("sheets not read", () => {
  const goals = grid("Mål", [
    ["Mål", "Nivå"],
    ["Attraktiv kommun", "Kommunmål"],
  ]);

  test("a sheet no layout recognises is an info finding and one entry over its cells; an empty sheet is neither", () => {
    const notes = grid("Anteckningar", [["Ring ekonomen"], [null, "om ramarna"]]);
    const empty = grid("Tomt", [[null]]);
    const { findings, unread } = readPlan([goals, notes, empty]);
    expect(findings.map((f) => [f.severity, f.rule, f.sheet, f.params.why, f.params.cells])).toEqual([
      ["info", "sheet-not-read", "Anteckningar", "notRecognised", 2],
    ]);
    expect(entries(unread)).toEqual(["Anteckningar!A1:B2 sheet 2"]);
  });

  test("a sheet mapped as not read and a very hidden one say why; Måltavlan's own sheets are its own", () => {
    const mapped = grid("Gammalt", [
      ["ID", "Uppdrag"],
      ["U1", "Något."],
    ]);
    const veryHidden = grid("Dolt", [["Hemligt"]], { visibility: "veryHidden" });
    const own = grid("Måltavlan", [["#maltavlan tillstånd"], ["{}"]], { visibility: "veryHidden" });
    const { findings } = readPlan([goals, mapped, veryHidden, own], { sheets: { Gammalt: { kind: "ignore" } } });
    expect(findings.map((f) => [f.sheet, f.params.why])).toEqual([
      ["Gammalt", "mapping"],
      ["Dolt", "veryHidden"],
    ]);
  });

  test("info findings come after errors and warnings", () => {
    const bad = grid("Uppdrag", [
      ["ID", "Uppdrag", "Ansvarig nämnd"],
      ["U1", "Något.", null],
    ]);
    const notes = grid("Anteckningar", [["Ring ekonomen"]]);
    const { findings } = readPlan([notes, bad]);
    expect(findings[findings.length - 1].severity).toBe("info");
    expect(findings[0].severity).not.toBe("info");
  });
});
