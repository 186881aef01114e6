import fc from "fast-check";
import { CellValue, Grid } from "../src/sheet/grid";
import { CodeMatcher, parseCodeRule } from "../src/domain/ledger/codes";
import { importLedger } from "../src/domain/ledger/import";
import { ledgerTableAreas, readLedgerSettings } from "../src/domain/ledger/settings";
import { Committee } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { templateWorkbook } from "../src/domain/template";
import { findingMessage } from "../src/i18n/findings";

const grid = (sheet: string, values: CellValue[][]): Grid => ({ sheet, top: 0, left: 0, values });

const COMMITTEES: Committee[] = [
  { code: "KS", name: "Kommunstyrelsen", kind: "committee" },
  { code: "SN", name: "Socialnämnden", kind: "committee" },
  { code: "BUN", name: "Barn- och utbildningsnämnden", kind: "committee" },
];
const CODES = COMMITTEES.map((c) => c.code);

/** The settings sheet as the README shows it: key/value rows, then the two ledger tables. */
const SETTINGS = grid("Inställningar", [
  ["Budgetår", 2024, null],
  [null, null, null],
  ["Ansvar", "Nämnd", null],
  ["1000-1999", "KS", null],
  ["2*", "Socialnämnden", null],
  ["2500", "BUN", null],
  [null, null, null],
  ["Konto som inte räknas", "Benämning", null],
  ["3811", "Kommunbidrag", null],
  ["39*", "Interna intäkter", null],
]);

const MINUS = "\u2212";
const NBSP = "\u00A0";

/** An export as Raindance-like reports write it: title lines, then headers that are not Måltavlan's own words. */
const EXPORT = grid("utfall.csv", [
  ["Resultatrapport per ansvar", null, null, null, null],
  ["Urval: period 202401-202404", null, null, null, null],
  [null, null, null, null, null],
  ["Ansv", "Benämning", "År-mån", "Kontonr", "Utfall (kr)"],
  ["1100", "Kommunledning", "202401", "4010", "1 234,50"], // KS
  ["1100", "Kommunledning", "202402", "3010", `${MINUS}200,25`], // KS revenue
  ["1999", "Kansli", "202403", "5010", `10${NBSP}000`], // KS
  ["2100", "Socialnämnden stab", "202401", "4010", 500], // SN, a number cell
  ["2500", "Skolor", "202404", "4010", "750,10"], // BUN: the exact code beats 2*
  ["1100", "Kommunledning", "202404", "3811", "-50 000"], // kommunbidrag: left out
  ["2100", "Socialnämnden stab", "202402", "3911", "-25,5"], // internal: left out
  ["9100", "Okänt ansvar", "202402", "4010", "300"], // unmapped
  ["9100", "Okänt ansvar", "202403", "4010", "12,34"], // unmapped
  ["2200", "Individ och familj", "202402", "4010", "(100,00)"], // ambiguous: SN gets no figure
  ["1200", "Näringsliv", "202402", "4010", "tusen"], // unparseable: KS gets no figure
  [null, null, null, null, null],
  ["Summa", null, null, null, "-37 428,81"],
]);

describe("ledger import", () => {
  const settings = readLedgerSettings([SETTINGS], COMMITTEES);
  const result = importLedger([EXPORT], settings, CODES);
  if (!result.ok) throw new Error("the export has a header row");

  test("the settings' tables are read, without findings", () => {
    expect(settings.findings).toEqual([]);
    expect(settings.rules.map((r) => [r.cell, r.committee])).toEqual([
      ["A4", "KS"],
      ["A5", "SN"],
      ["A6", "BUN"],
    ]);
    expect(settings.excluded.map((e) => e.label)).toEqual(["Kommunbidrag", "Interna intäkter"]);
  });

  test("the header row is found under the title lines, by varying words", () => {
    expect(result.headerRow).toBe(4);
    expect(result.columns).toEqual({ code: "A", name: "B", period: "C", account: "D", amount: "E" });
    expect(result.periods).toEqual({ first: "202401", last: "202404" });
  });

  test("sums per nämnd equal a hand-computed expectation, in öre", () => {
    // KS: 1 234,50 − 200,25 + 10 000 = 11 034,25 kr; SN: 500 kr; BUN: 750,10 kr.
    expect(result.committees).toEqual([
      { committee: "KS", ore: 1_103_425, rows: 3, unreadRows: 1 },
      { committee: "SN", ore: 50_000, rows: 1, unreadRows: 1 },
      { committee: "BUN", ore: 75_010, rows: 1, unreadRows: 0 },
    ]);
    // A nämnd with an amount that could not be read gets no figure: a wrong budget figure is worse than none.
    expect([...result.outcomes]).toEqual([["BUN", 75_010]]);
  });

  test("unmapped codes are listed with their sums and rows; left-out accounts with theirs", () => {
    expect(result.unmapped).toEqual([{ code: "9100", name: "Okänt ansvar", ore: 31_234, rows: 2 }]);
    expect(result.excluded).toEqual([
      { rule: "3811", label: "Kommunbidrag", ore: -5_000_000, rows: 1 },
      { rule: "39*", label: "Interna intäkter", ore: -2_550, rows: 1 },
    ]);
  });

  test("totals before and after add up, and the export's own total line is checked, not summed", () => {
    const { totals } = result;
    expect(totals.rows).toBe(9);
    expect(totals.ore).toBe(1_103_425 + 50_000 + 75_010 + 31_234 - 5_000_000 - 2_550);
    expect(totals.mapped + totals.unmapped + totals.excluded).toBe(totals.ore);
    expect(totals.unreadRows).toBe(2);
    expect(result.totalLines).toEqual([{ cell: "E17", ore: totals.ore, code: null, agrees: true }]);
  });

  test("every malformed amount is a finding at its cell of the export", () => {
    expect(result.findings.map((f) => `${f.severity} ${f.rule} ${f.sheet}!${f.cell}`)).toEqual([
      "error ledger-amount-ambiguous utfall.csv!E14",
      "error ledger-amount-unparseable utfall.csv!E15",
    ]);
    expect(findingMessage(result.findings[1], "sv")).toContain('"tusen"');
  });

  test("a subtotal per ansvar (its code, no account) is checked against its rows, not summed", () => {
    const withSubtotals = grid("x.csv", [
      ["Ansvar", "Text", "Konto", "Belopp"],
      ["1100", "Löner", "5010", "1 000,00"],
      ["1100", "Kommunbidrag", "3811", "-400,00"],
      ["1100", "Summa ansvar 1100", null, "600,00"],
      ["2100", "Hyra", "6110", "250,00"],
      ["2100", "Summa ansvar 2100", null, "999,00"],
      ["Totalt", null, null, "850,00"],
    ]);
    const read = importLedger([withSubtotals], settings, CODES);
    if (!read.ok) throw new Error("header");
    expect(read.totals).toMatchObject({ rows: 3, ore: 85_000 });
    expect(read.totalLines).toEqual([
      { cell: "D4", ore: 60_000, code: "1100", agrees: true },
      { cell: "D6", ore: 99_900, code: "2100", agrees: false },
      { cell: "D7", ore: 85_000, code: null, agrees: true },
    ]);
  });

  test("a code and its name in one cell are split when there is no name column", () => {
    const single = grid("x.csv", [
      ["Ansvar", "Belopp"],
      ["1100 Kommunledning", "10"],
      ["9100 Okänt", "5"],
    ]);
    const read = importLedger([single], settings, CODES);
    if (!read.ok) throw new Error("header");
    expect(read.committees[0]).toEqual({ committee: "KS", ore: 1_000, rows: 1, unreadRows: 0 });
    expect(read.unmapped).toEqual([{ code: "9100", name: "Okänt", ore: 500, rows: 1 }]);
  });

  test("an export without a code or an amount column says which is missing", () => {
    const noAmount = grid("x.csv", [
      ["Ansvar", "Konto", "Text"],
      ["1100", "4010", "hej"],
    ]);
    expect(importLedger([noAmount], settings, CODES)).toEqual({
      ok: false,
      problem: { code: "noHeader", missing: ["amount"] },
    });
  });
});

describe("codes, ranges and prefixes", () => {
  test("the three forms are parsed; anything else is not a rule", () => {
    expect(parseCodeRule("1100")).toEqual({ kind: "exact", code: "1100" });
    expect(parseCodeRule(" 1000 – 1999 ")).toEqual({ kind: "range", from: 1000, to: 1999 });
    expect(parseCodeRule("15*")).toEqual({ kind: "prefix", prefix: "15" });
    expect(parseCodeRule("1999-1000")).toBeNull();
    expect(parseCodeRule("KS och SN")).toBeNull();
    expect(parseCodeRule("*")).toBeNull();
  });

  test("the most specific rule wins: exact, then the narrowest range, then the longest prefix", () => {
    const rule = (text: string) => parseCodeRule(text)!;
    const matcher = new CodeMatcher([
      { rule: rule("1*"), target: "prefix 1" },
      { rule: rule("15*"), target: "prefix 15" },
      { rule: rule("1000-1999"), target: "wide range" },
      { rule: rule("1500-1599"), target: "narrow range" },
      { rule: rule("1550"), target: "exact" },
    ]);
    expect(matcher.find("1550")).toBe("exact");
    expect(matcher.find("1551")).toBe("narrow range");
    expect(matcher.find("1600")).toBe("wide range");
    expect(matcher.find("15000")).toBe("prefix 15");
    expect(matcher.find("12000")).toBe("prefix 1");
    expect(matcher.find("2000")).toBeNull();
    // Ranges compare numbers: a code with letters is in none.
    expect(matcher.find("1A00")).toBe("prefix 1");
  });
});

describe("the ledger's settings", () => {
  test("a code that is no rule, an unknown nämnd and colliding rules are findings at their cells", () => {
    const sheet = grid("Inställningar", [
      ["Ansvar", "Nämnd"],
      ["1000-1999", "KS"],
      ["1500-2499", "SN"],
      ["1100 och 1200", "KS"],
      ["3000", "Fritidsnämnden"],
      ["4000", null],
    ]);
    const read = readLedgerSettings([sheet], COMMITTEES);
    expect(read.findings.map((f) => `${f.severity} ${f.rule} ${f.cell}`)).toEqual([
      "warning ledger-rule-collision A3",
      "error ledger-rule-invalid A4",
      "error ledger-committee-unknown B5",
      "error ledger-committee-unknown B6",
    ]);
    for (const f of read.findings)
      for (const lang of ["sv", "en"] as const) expect(findingMessage(f, lang)).not.toMatch(/undefined/);
    expect(read.rules.map((r) => r.committee)).toEqual(["KS", "SN"]);
  });

  test("the plan's reader counts the ledger's tables as read, and the tables do not change the plan", () => {
    const register = grid("Nämnder", [
      ["Förkortning", "Namn"],
      ["KS", "Kommunstyrelsen"],
      ["SN", "Socialnämnden"],
      ["BUN", "Barn- och utbildningsnämnden"],
    ]);
    const withTables = readPlan([register, SETTINGS]);
    const without = readPlan([register, grid("Inställningar", [["Budgetår", 2024]])]);
    expect(withTables.unread.filter((u) => u.sheet === "Inställningar")).toEqual([]);
    expect(withTables.plan).toEqual(without.plan);
  });

  test("the template's settings sheet carries both tables' headers, side by side and empty", () => {
    const spec = templateWorkbook().sheets.find((sheet) => sheet.name === "Inställningar")!;
    const values = spec.blocks[0].rows.map((cells) => cells.map((cell) => cell.value ?? null));
    const sheet = grid("Inställningar", values);
    expect(ledgerTableAreas(sheet)).toEqual([
      { top: 5, bottom: 5, left: 0, right: 1 },
      { top: 5, bottom: 5, left: 3, right: 4 },
    ]);
    expect(readLedgerSettings([sheet], COMMITTEES)).toEqual({ rules: [], excluded: [], findings: [] });
  });
});

describe("nothing is lost, whatever the rows", () => {
  const settings = readLedgerSettings([SETTINGS], COMMITTEES);
  /** The reference: which nämnd a code belongs to, written out from the settings above, not from the matcher. */
  const expectedCommittee = (code: number) =>
    code === 2500 ? "BUN" : code >= 1000 && code <= 1999 ? "KS" : String(code).startsWith("2") ? "SN" : null;
  const isExcluded = (account: number) => account === 3811 || String(account).startsWith("39");
  /** An amount in öre as an export may write it: grouped or not, with a plain or a typographic minus, or a number. */
  const written = (ore: number, style: number): CellValue => {
    const abs = Math.abs(ore);
    const kr = String(Math.floor(abs / 100));
    const text = `${style % 2 ? kr.replace(/\B(?=(\d{3})+$)/g, " ") : kr},${String(abs % 100).padStart(2, "0")}`;
    if (style === 3) return ore / 100;
    return ore < 0 ? `${style === 2 ? MINUS : "-"}${text}` : text;
  };

  test("sums per nämnd match the reference, and mapped + unmapped + left out = the whole file", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            code: fc.integer({ min: 900, max: 3100 }),
            account: fc.constantFrom(3010, 3811, 3911, 4010, 5010),
            ore: fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }),
            style: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 200 },
        ),
        (rows) => {
          const values: CellValue[][] = [
            ["Ansvar", "Konto", "Belopp"],
            ...rows.map((r) => [String(r.code), String(r.account), written(r.ore, r.style)]),
          ];
          const result = importLedger([grid("x.csv", values)], settings, CODES);
          if (!result.ok) throw new Error("header");
          const expected = new Map<string, number>();
          let total = 0;
          for (const r of rows) {
            total += r.ore;
            const committee = expectedCommittee(r.code);
            if (committee && !isExcluded(r.account)) expected.set(committee, (expected.get(committee) ?? 0) + r.ore);
          }
          expect(result.findings).toEqual([]);
          expect(result.totals.rows).toBe(rows.length);
          expect(result.totals.ore).toBe(total);
          expect(result.totals.mapped + result.totals.unmapped + result.totals.excluded).toBe(total);
          for (const sum of result.committees) expect(sum.ore).toBe(expected.get(sum.committee) ?? 0);
          expect(result.unmapped.reduce((n, u) => n + u.rows, 0)).toBe(
            rows.filter((r) => !expectedCommittee(r.code) && !isExcluded(r.account)).length,
          );
        },
      ),
      { seed: 18, numRuns: 300 },
    );
  });
});
