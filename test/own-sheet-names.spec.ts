/**
 * Måltavlan's lists and state sheets beside the user's (src/domain/ownSheetNames.ts): its own are known by their
 * marker, a user's sheet with one of their names is never replaced, and the names taken are recorded in the state.
 * The hosts' side: test/followup.spec.ts (files) and test/excel/jobs.spec.ts (the open workbook).
 */
import { LISTS_MARKER, listSource, listsSheet } from "../src/domain/lists";
import { placeOwnSheets, sheetHeads } from "../src/domain/ownSheetNames";
import { DEFAULT_SETTINGS } from "../src/domain/settings";
import { STATE_MARKER, readOwnSheetNames, readSettings, stateSheet } from "../src/domain/state";
import type { Grid } from "../src/sheet/grid";
import type { SheetSpec } from "../src/sheet/spec";

const user = (name: string) => ({ name, a1: "Mina anteckningar" });
const lists = (name: string) => ({ name, a1: LISTS_MARKER });
const state = (name: string) => ({ name, a1: STATE_MARKER });

function gridOf(spec: SheetSpec): Grid {
  return { sheet: spec.name, top: 0, left: 0, values: spec.blocks[0].rows.map((row) => row.map((c) => c.value)) };
}

describe("placeOwnSheets", () => {
  test("a workbook of its own: the usual names, nothing replaced", () => {
    expect(placeOwnSheets([])).toEqual({ names: { lists: "Måltavlan listor", state: "Måltavlan" }, replace: [] });
  });

  test("Måltavlan's own sheets are replaced under their names", () => {
    const sheets = [user("Mål"), lists("Måltavlan listor"), state("Måltavlan")];
    expect(placeOwnSheets(sheets)).toEqual({
      names: { lists: "Måltavlan listor", state: "Måltavlan" },
      replace: ["Måltavlan listor", "Måltavlan"],
    });
  });

  test("a sheet of the user's with Måltavlan's name (in any case) is never replaced: the next free name", () => {
    const sheets = [user("MÅLTAVLAN"), user("Måltavlan listor"), user("Måltavlan (2)")];
    expect(placeOwnSheets(sheets)).toEqual({
      names: { lists: "Måltavlan listor (2)", state: "Måltavlan (3)" },
      replace: [],
    });
  });

  test("Måltavlan's sheets under other names are found by their marker and keep those names", () => {
    const sheets = [user("Måltavlan"), user("Måltavlan listor"), lists("Måltavlan listor (2)"), state("Måltavlan (2)")];
    expect(placeOwnSheets(sheets)).toEqual({
      names: { lists: "Måltavlan listor (2)", state: "Måltavlan (2)" },
      replace: ["Måltavlan listor (2)", "Måltavlan (2)"],
    });
  });

  test("of two sheets with the marker, the one the state names is Måltavlan's; the other is left alone", () => {
    const sheets = [lists("Kopia av listor"), lists("Måltavlan listor (2)"), state("Måltavlan (2)")];
    const placed = placeOwnSheets(sheets, { lists: "Måltavlan listor (2)", state: "Måltavlan (2)" });
    expect(placed.replace).toEqual(["Måltavlan listor (2)", "Måltavlan (2)"]);
    expect(placeOwnSheets(sheets).replace).toEqual(["Kopia av listor", "Måltavlan (2)"]);
  });

  test("a new sheet never takes the name of Måltavlan's other sheet", () => {
    // A lists sheet renamed by hand to the state sheet's usual name: the new state sheet goes elsewhere.
    expect(placeOwnSheets([lists("Måltavlan")]).names).toEqual({ lists: "Måltavlan", state: "Måltavlan (2)" });
  });
});

describe("the names in the state and in the dropdowns", () => {
  test("the state records its sheets' names; the settings read as before", () => {
    const names = { lists: "Måltavlan listor (2)", state: "Måltavlan (2)" };
    const spec = stateSheet(DEFAULT_SETTINGS, names);
    expect(spec.name).toBe("Måltavlan (2)");
    const grids = [{ sheet: "Måltavlan", top: 0, left: 0, values: [["Mina anteckningar"]] }, gridOf(spec)];
    expect(readOwnSheetNames(grids)).toEqual(names);
    expect(readSettings(grids)).toEqual(DEFAULT_SETTINGS);
    expect(placeOwnSheets(sheetHeads(grids), readOwnSheetNames(grids))).toEqual({
      names: { lists: "Måltavlan listor", state: "Måltavlan (2)" },
      replace: ["Måltavlan (2)"],
    });
  });

  test("a state written before names were recorded (or damaged) records none", () => {
    const older = gridOf(stateSheet(DEFAULT_SETTINGS));
    expect(readOwnSheetNames([older])).toEqual({ lists: undefined, state: undefined });
    const damaged = { sheet: "Måltavlan", top: 0, left: 0, values: [[STATE_MARKER], ["null"]] };
    expect(readOwnSheetNames([damaged])).toEqual({ lists: undefined, state: undefined });
    expect(readSettings([damaged])).toEqual(DEFAULT_SETTINGS);
  });

  test("periods keep the words states have always had (prognos, utfall), written and read", () => {
    const periods = [
      { name: "T1", kind: "forecast" as const },
      { name: "T2", kind: "forecast" as const },
      { name: "Helår", kind: "outcome" as const },
    ];
    const written = JSON.parse(String(gridOf(stateSheet({ ...DEFAULT_SETTINGS, periods })).values[1][0]));
    expect(written.periods).toEqual([
      { name: "T1", kind: "prognos" },
      { name: "T2", kind: "prognos" },
      { name: "Helår", kind: "utfall" },
    ]);
    // A state as a kommun edited it, in the words it has always been written with.
    const edited = { sheet: "Måltavlan", top: 0, left: 0, values: [[STATE_MARKER], [JSON.stringify(written)]] };
    expect(readSettings([edited]).periods).toEqual(periods);
    // A kind in no known word: the default periods, as for any damaged part.
    written.periods[1].kind = "forecast";
    const unknown = { sheet: "Måltavlan", top: 0, left: 0, values: [[STATE_MARKER], [JSON.stringify(written)]] };
    expect(readSettings([unknown]).periods).toEqual(DEFAULT_SETTINGS.periods);
  });

  test("dropdowns point at the lists sheet under the name it has", () => {
    expect(listsSheet(DEFAULT_SETTINGS, "Måltavlan listor (2)").name).toBe("Måltavlan listor (2)");
    expect(listSource(DEFAULT_SETTINGS, "goalScale", "Måltavlan listor (2)")).toBe("'Måltavlan listor (2)'!$F$3:$F$6");
    expect(listSource(DEFAULT_SETTINGS, "goalScale", "Per's listor")).toBe("'Per''s listor'!$F$3:$F$6");
  });
});
