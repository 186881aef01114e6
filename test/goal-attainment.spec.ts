import { GoalAttainment, goalAttainment } from "../src/domain/followup/goalAttainment";
import { goalAttainmentSheet } from "../src/domain/followup/goalAttainmentSheet";
import { DEFAULT_SETTINGS, DEFAULT_SCALES, Settings, progressOf, valueVotes } from "../src/domain/settings";
import { readSettings, stateSheet } from "../src/domain/state";
import { GOAL_REPORT_WORDS } from "../src/i18n/goalReport";
import { CODES, PLAN, Typed, consolidation } from "./support/goalPlan";

/** Måluppfyllelse gathered from a small plan held in memory (test/support/goalPlan.ts). */

const of = (goals: GoalAttainment[], id: string) => goals.find((g) => g.goal.id === id)!;
const labels = (a: GoalAttainment) => a.assessments.map((x) => [x.committee, x.value?.label ?? null, x.from]);

test("the goals above the nämnder, depth first, without the vision", () => {
  const goals = goalAttainment(PLAN, consolidation({}), DEFAULT_SETTINGS);
  expect(goals.map((g) => [g.goal.id, g.depth])).toEqual([
    ["O", 0],
    ["M1", 1],
    ["M2", 1],
  ]);
});

test("a nämnd counts once per goal: the goal itself where it assessed it, otherwise its nämndmål under it", () => {
  const goals = goalAttainment(
    PLAN,
    consolidation({
      A: { M1: ["Uppfyllt", null], A1: ["Ej uppfyllt", "Förseningar."] },
      B: { B1: ["Uppfyllt", null], B2: ["Ej uppfyllt", "Brist på personal."] },
      C: { C1: ["Kan inte bedömas", "Statistiken kommer i höst."] },
    }),
    DEFAULT_SETTINGS,
  );
  const m1 = of(goals, "M1");
  expect(labels(m1)).toEqual([
    ["A", "Uppfyllt", "goal"],
    // B's two nämndmål by the same rule: a tie goes to the weaker.
    ["B", "Ej uppfyllt", "below"],
    ["C", "Kan inte bedömas", "below"],
  ]);
  expect([m1.votes, m1.abstained, m1.missing]).toEqual([2, 1, 0]);
  expect(m1.overall?.label).toBe("Ej uppfyllt");
  // Every comment under its goal, with its nämnd and the nämndmål it was given on.
  expect(m1.comments.map((c) => [c.committee, c.goal.id, c.value, c.comment])).toEqual([
    ["A", "A1", "Ej uppfyllt", "Förseningar."],
    ["B", "B2", "Ej uppfyllt", "Brist på personal."],
    ["C", "C1", "Kan inte bedömas", "Statistiken kommer i höst."],
  ]);
  // D has nothing under M1 and is not asked about it; under M2 it answered nothing.
  expect(labels(of(goals, "M2"))).toEqual([["D", null, "below"]]);
  expect(of(goals, "M2")).toMatchObject({ overall: null, votes: 0, abstained: 0, missing: 1 });
  // The område: each nämnd once, from its kommunmål; a comment on a kommunmål stays under the kommunmål.
  const o = of(goals, "O");
  expect(labels(o)).toEqual([
    ["A", "Uppfyllt", "below"],
    ["B", "Ej uppfyllt", "below"],
    ["C", "Kan inte bedömas", "below"],
    ["D", null, "below"],
  ]);
  expect(o.comments).toEqual([]);
});

test("the kommun's rule decides the overall assessment; without one it is the most common", () => {
  const answers = consolidation({
    A: { M1: ["Uppfyllt", null] },
    B: { B1: ["Uppfyllt", null], B2: ["Uppfyllt", null] },
    C: { C1: ["Delvis uppfyllt", "Hälften klart."] },
  });
  const by = (overallRule: Settings["overallRule"]) =>
    of(goalAttainment(PLAN, answers, { ...DEFAULT_SETTINGS, overallRule }), "M1").overall?.label;
  expect(by(undefined)).toBe("Uppfyllt");
  expect(by("mostCommon")).toBe("Uppfyllt");
  expect(by("weakest")).toBe("Delvis uppfyllt");
  expect(by("allFulfilled")).toBe("Delvis uppfyllt");
});

test("uppdrag per goal: one status per nämnd, counted under every goal above, the late ones named", () => {
  const goals = goalAttainment(
    PLAN,
    consolidation({
      A: { U1: ["Försenat", "Upphandlingen överklagades."] },
      B: { U1: ["Genomfört", null] },
      D: { U2: ["Avfört", "KF beslutade 2024-03-01."] },
    }),
    DEFAULT_SETTINGS,
  );
  const m1 = of(goals, "M1").assignments;
  expect(m1.counts).toEqual({ done: 1, underWay: 0, late: 1, notStarted: 0, dropped: 0 });
  expect(m1.late).toEqual([{ committee: "A", title: "Uppdrag U1", comment: "Upphandlingen överklagades." }]);
  expect(of(goals, "M2").assignments.counts.dropped).toBe(1);
  expect(of(goals, "O").assignments).toMatchObject({ counts: { done: 1, late: 1, dropped: 1 }, missing: 0 });
  const unanswered = goalAttainment(PLAN, consolidation({}), DEFAULT_SETTINGS);
  expect(of(unanswered, "O").assignments).toMatchObject({ missing: 3, late: [] });
});

test("four nämnder, every combination of their assessments of one goal: each counted once, as voting or not", () => {
  const values = [...DEFAULT_SCALES.goal.map((v) => v.label), null];
  for (const a of values)
    for (const b of values)
      for (const c of values)
        for (const d of values) {
          const typed = [a, b, c, d];
          const answers = Object.fromEntries(CODES.map((code, i) => [code, { O: [typed[i], null] }])) as Record<
            string,
            Typed
          >;
          const o = of(goalAttainment(PLAN, consolidation(answers), DEFAULT_SETTINGS), "O");
          expect(o.assessments.map((x) => x.value?.label ?? null)).toEqual(typed);
          expect(o.votes).toBe(typed.filter((t) => t !== null && t !== "Kan inte bedömas").length);
          expect(o.abstained).toBe(typed.filter((t) => t === "Kan inte bedömas").length);
          expect(o.missing).toBe(typed.filter((t) => t === null).length);
        }
});

describe("the settings", () => {
  const stateGrid = (json: unknown) => ({
    sheet: "Måltavlan",
    top: 0,
    left: 0,
    values: [["#maltavlan state"], [JSON.stringify(json)]],
  });

  test("a state saved before the rule, the vote flag and the progress existed still reads, with their defaults", () => {
    const old = {
      format: 1,
      scales: {
        goal: DEFAULT_SCALES.goal.map(({ label, done, color }) => ({ label, done, color })),
        assignment: [
          ...DEFAULT_SCALES.assignment.map(({ label, done, color }) => ({ label, done, color })),
          { label: "Vilande", done: false, color: "CCCCCC" },
          { label: "Klart", done: true, color: "00FF00" },
        ],
      },
    };
    const settings = readSettings([stateGrid(old)]);
    expect(settings.overallRule).toBeUndefined();
    expect(settings.scales.goal.map(valueVotes)).toEqual([true, true, true, false]);
    expect(settings.scales.assignment.map(progressOf)).toEqual([
      "done",
      "underWay",
      "notStarted",
      "late",
      "dropped",
      // A kommun's own status without a progress: from `done`.
      "underWay",
      "done",
    ]);
  });

  test("the rule, the vote flags and the progress round-trip; values that are none of them are left out", () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      overallRule: "weakest",
      scales: {
        goal: DEFAULT_SCALES.goal.map((v, i) => ({ ...v, votes: i !== 2 })),
        assignment: DEFAULT_SCALES.assignment.map((v) => ({ ...v, progress: "late" as const })),
      },
    };
    const grid = stateSheet(settings).blocks[0].rows.map((row) => row.map((cell) => cell.value));
    const read = readSettings([{ sheet: "Måltavlan", top: 0, left: 0, values: grid }]);
    expect(read.overallRule).toBe("weakest");
    expect(read.scales.goal.map(valueVotes)).toEqual([true, true, false, true]);
    expect(read.scales.assignment.map(progressOf)).toEqual(Array(5).fill("late"));
    const odd = readSettings([
      stateGrid({
        overallRule: "median",
        scales: {
          goal: [{ label: "Kan inte bedömas", done: false, color: "CCCCCC", votes: "nej" }],
          assignment: [{ label: "Försenat", done: false, color: "CCCCCC", progress: "sent" }],
        },
      }),
    ]);
    expect(odd.overallRule).toBeUndefined();
    expect(valueVotes(odd.scales.goal[0])).toBe(false);
    expect(progressOf(odd.scales.assignment[0])).toBe("late");
  });
});

describe("the sheet", () => {
  const answers = consolidation({
    A: { M1: ["Uppfyllt", null], U1: ["Försenat", "Överklagat."] },
    B: { B1: ["Delvis uppfyllt", "Halvvägs."] },
  });
  const texts = (language: "sv" | "en") =>
    goalAttainmentSheet(PLAN, answers, DEFAULT_SETTINGS, GOAL_REPORT_WORDS[language]).blocks[0].rows.flatMap((row) =>
      row.map((cell) => cell.value),
    );

  test("states the rule, names the late uppdrag and keeps the comments, in either language", () => {
    const sv = texts("sv");
    expect(sv).toContain("Sammantagen bedömning: den vanligaste bedömningen; vid lika antal den svagare.");
    expect(sv).toContain("Delvis uppfyllt: Halvvägs.");
    expect(sv).toContain("Uppdrag U1 – Överklagat.");
    expect(sv).toContain("1 försenat, 1 utan svar.");
    const en = texts("en");
    expect(en).toContain("Overall assessment: the most common assessment; a tie goes to the weaker.");
    expect(en).toContain("1 late, 1 without an answer.");
    // The scale's values are the kommun's own words in both; nothing else is Swedish in English.
    expect(en).toContain("Uppfyllt");
    expect(en.some((t) => String(t).startsWith("Kan inte bedömas and missing answers are shown"))).toBe(true);
    const english = en.join("\n");
    for (const word of ["Sammantagen", "Röster", "Saknas", "räknas", "försenat", "Försenat", "Mål\n"])
      expect(english).not.toContain(word);
  });

  test("a nämnd's cell is empty where its sheet does not hold the goal, and Saknas where it gave nothing", () => {
    const spec = goalAttainmentSheet(PLAN, answers, DEFAULT_SETTINGS, GOAL_REPORT_WORDS.sv);
    const [header, ...rows] = spec.blocks[0].rows.slice(2);
    expect(header.map((c) => c.value)).toEqual([
      "Mål",
      "A",
      "B",
      "C",
      "D",
      "Sammantaget",
      "Röster",
      "Röstar inte",
      "Saknas",
    ]);
    const m1 = rows.find((row) => String(row[0].value).endsWith("Mål M1"))!;
    expect(m1.map((c) => c.value)).toEqual([
      "\u2003\u2003Mål M1",
      "Uppfyllt",
      "Delvis uppfyllt",
      "Saknas",
      null,
      "Delvis uppfyllt",
      2,
      0,
      1,
    ]);
    expect(m1[2].italic).toBe(true); // B's from its nämndmål
    expect(m1[1].fill).toBe(DEFAULT_SCALES.goal[0].color);
    // Every cell of a goal's row stands at the top, so that the row reads across.
    expect(m1.every((c) => c.wrap)).toBe(true);
  });
});
