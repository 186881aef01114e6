/**
 * The level words kommuner use in their goal trees (test/corpus/README.md): each word, in a tree a column per level
 * and in a level column, names the level the documents give it.
 */
import { readPlan } from "../src/domain/readPlan";
import { PlanJson, planToJson } from "../src/domain/summary";
import { CellValue, Grid } from "../src/sheet/grid";

function read(values: CellValue[][]): { plan: PlanJson; errors: string[] } {
  const grid: Grid = { sheet: "Mål", top: 0, left: 0, values };
  const { plan, findings } = readPlan([grid]);
  const errors = findings.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  return { plan: planToJson(plan), errors };
}

/** Each goal's level, name and its parent's name. */
const goals = (plan: PlanJson) =>
  plan.goals.map((g) => [g.level, g.name, plan.goals.find((p) => g.parentIds.includes(p.id))?.name ?? null]);

/** Each word, the word of the level above it in the documents' trees, and the two levels they stand for. */
const WORDS: { word: string; above: string; levels: [string, string] }[] = [
  { word: "Delmål", above: "Inriktningsmål", levels: ["kommunmal", "namndmal"] },
  { word: "Nämndsmål", above: "Kommunfullmäktigemål", levels: ["kommunmal", "namndmal"] },
  { word: "Effektmål", above: "Övergripande mål", levels: ["kommunmal", "namndmal"] },
  { word: "Förvaltningsmål", above: "Kommunmål", levels: ["kommunmal", "namndmal"] },
  { word: "Verksamhetsområdesmål", above: "Inriktningsmål", levels: ["kommunmal", "namndmal"] },
  { word: "Långsiktiga mål", above: "Målområde", levels: ["omrade", "kommunmal"] },
  { word: "Kommunfullmäktiges mål", above: "Målområde", levels: ["omrade", "kommunmal"] },
];

describe.each(WORDS)("$above – $word", ({ word, above, levels }) => {
  test("a column per level", () => {
    const { plan, errors } = read([
      [above, word],
      ["Ett gott liv för alla", "Fler ska ha ett arbete"],
      [null, "Fler ska vara nöjda med sitt boende"],
    ]);
    expect(errors).toEqual([]);
    expect(goals(plan)).toEqual([
      [levels[0], "Ett gott liv för alla", null],
      [levels[1], "Fler ska ha ett arbete", "Ett gott liv för alla"],
      [levels[1], "Fler ska vara nöjda med sitt boende", "Ett gott liv för alla"],
    ]);
  });

  test("a level column", () => {
    const { plan, errors } = read([
      ["Nivå", "Namn", "Överordnat"],
      [above, "Ett gott liv för alla", null],
      [word, "Fler ska ha ett arbete", "Ett gott liv för alla"],
    ]);
    expect(errors).toEqual([]);
    expect(goals(plan)).toEqual([
      [levels[0], "Ett gott liv för alla", null],
      [levels[1], "Fler ska ha ett arbete", "Ett gott liv för alla"],
    ]);
  });
});

// "Delmål" and "effektmål" fix no level: each stands one level below the goal it hangs under.
describe.each(["Delmål", "Effektmål"])("%s: one level below its parent", (word) => {
  test("in a tree, under a målområde and under an inriktningsmål, also where a row skips a level", () => {
    const twoLevels = read([
      ["Målområde", word],
      ["Ett gott liv för alla", "Fler ska ha ett arbete"],
    ]);
    expect(twoLevels.errors).toEqual([]);
    expect(goals(twoLevels.plan)).toEqual([
      ["omrade", "Ett gott liv för alla", null],
      ["kommunmal", "Fler ska ha ett arbete", "Ett gott liv för alla"],
    ]);
    const { plan, errors } = read([
      ["Målområde", "Inriktningsmål", word],
      ["Ett gott liv för alla", "Fler ska ha ett arbete", "Fler unga ska få ett sommarjobb"],
      ["Hållbar miljö", null, "Utsläppen ska minska"],
    ]);
    expect(errors).toEqual([]);
    expect(goals(plan)).toEqual([
      ["omrade", "Ett gott liv för alla", null],
      ["omrade", "Hållbar miljö", null],
      ["kommunmal", "Fler ska ha ett arbete", "Ett gott liv för alla"],
      ["kommunmal", "Utsläppen ska minska", "Hållbar miljö"],
      ["namndmal", "Fler unga ska få ett sommarjobb", "Fler ska ha ett arbete"],
    ]);
  });

  test("in a level column, under a målområde, an inriktningsmål and another of its kind", () => {
    const { plan, errors } = read([
      ["Nivå", "Namn", "Överordnat"],
      ["Målområde", "Ett gott liv för alla", null],
      [word, "Fler ska ha ett arbete", "Ett gott liv för alla"],
      ["Inriktningsmål", "Fler ska vara nöjda med sitt boende", "Ett gott liv för alla"],
      [word, "Fler ska bo i eget hem", "Fler ska vara nöjda med sitt boende"],
      [word, "Fler unga ska få ett sommarjobb", "Fler ska ha ett arbete"],
    ]);
    expect(errors).toEqual([]);
    expect(goals(plan)).toEqual([
      ["omrade", "Ett gott liv för alla", null],
      ["kommunmal", "Fler ska ha ett arbete", "Ett gott liv för alla"],
      ["kommunmal", "Fler ska vara nöjda med sitt boende", "Ett gott liv för alla"],
      ["namndmal", "Fler ska bo i eget hem", "Fler ska vara nöjda med sitt boende"],
      ["namndmal", "Fler unga ska få ett sommarjobb", "Fler ska ha ett arbete"],
    ]);
  });

  test("with no parent, it keeps the level its word has", () => {
    const { plan } = read([
      ["Nivå", "Namn"],
      [word, "Fler ska ha ett arbete"],
    ]);
    expect(goals(plan)).toEqual([["namndmal", "Fler ska ha ett arbete", null]]);
  });
});
