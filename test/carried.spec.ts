/**
 * Which uppdrag live on, from a year's end given as data (the shape any reader feeds, the follow-up sheets or a kept
 * history): by the kommun's own scale's `done` and progress, never a fixed label; matched to the new plan by title
 * alone; a near title said, not matched.
 */
import { YearEnd, carriedKey, carryOver, isCarriedOn, isNearTitle } from "../src/domain/followup/carried";
import { editDistance } from "../src/domain/text";
import { Answer, rowKey } from "../src/domain/followup/model";
import { Plan } from "../src/domain/model";
import { modelAssignment, modelPlan } from "./support/modelPlan";
import { DEFAULT_SETTINGS, ScaleValue, Settings } from "../src/domain/settings";

function planWith(assignments: [string, string][]): Plan {
  return modelPlan({
    years: [2025],
    committees: [{ code: "KS", name: "Kommunstyrelsen", kind: "committee" }],
    assignments: assignments.map(([id, title]) => modelAssignment({ id, title, committees: ["KS"], year: 2025 })),
  });
}

/** KS's uppdrag at Helår 2024: [key, title, status]. */
function yearEnd(rows: [string, string, string | null][], since: [string, number][] = []): YearEnd {
  const answers = new Map<string, Answer>(
    rows.map(([key, title, input]) => [key, { key, kind: "assignment", title, input, comment: null }]),
  );
  return {
    period: "Helår",
    year: 2024,
    byCommittee: new Map([["KS", answers]]),
    since: new Map([["KS", new Map(since)]]),
    history: new Map(),
  };
}

/** A kommun's own uppdrag scale: "Klar" is done, "Stoppad" dropped but not marked done, "Pågår" under way. */
const OWN_SCALE: ScaleValue[] = [
  { label: "Klar", done: true, color: "C6EFCE" },
  { label: "Pågår", done: false, color: "FFEB9C" },
  { label: "Stoppad", done: false, color: "D9D9D9", progress: "dropped" },
];
const OWN: Settings = { ...DEFAULT_SETTINGS, scales: { ...DEFAULT_SETTINGS.scales, assignment: OWN_SCALE } };

test.each<[string, string | null, ScaleValue[], boolean]>([
  ["the default scale's Genomfört is done", "Genomfört", DEFAULT_SETTINGS.scales.assignment, false],
  ["Avfört is dropped", "Avfört", DEFAULT_SETTINGS.scales.assignment, false],
  ["Påbörjat goes on", "Påbörjat", DEFAULT_SETTINGS.scales.assignment, true],
  ["Försenat goes on, whatever its case", "försenat", DEFAULT_SETTINGS.scales.assignment, true],
  ["no answer goes on", null, DEFAULT_SETTINGS.scales.assignment, true],
  ["a kommun's own done value", "Klar", OWN_SCALE, false],
  ["a kommun's dropped value not marked done", "Stoppad", OWN_SCALE, false],
  ["Genomfört is no value of a scale without it: not known done", "Genomfört", OWN_SCALE, true],
])("%s", (_, input, scale, carried) => {
  expect(isCarriedOn(input, scale)).toBe(carried);
});

test("near titles: a typo or a word changed is near (at most a fifth of the characters), other uppdrag are not", () => {
  const near = (a: string, b: string) => isNearTitle(a.toLowerCase(), b.toLowerCase());
  expect(near("Inför digital ansökan om bistånd", "Inför digital ansökan om biståndet")).toBe(true);
  expect(near("Förbättra kvinnors förutsättningar", "Förbättra kvinnors förutsätningar")).toBe(true);
  // A fifth of a short title is one word: a warning to confirm, never a match.
  expect(near("Inför digital ansökan om bistånd", "Inför digital ansökan om bygglov")).toBe(true);
  expect(near("Inför digital ansökan om bistånd", "Inför en ny e-tjänst för bygglov")).toBe(false);
  expect(near("Utred fler trygghetsboenden", "Ta fram en evenemangsstrategi")).toBe(false);
});

test("by the kommun's scale, matched by title alone, the ID counting only with the title", () => {
  const plan = planWith([
    ["U1", "Ta fram en evenemangsstrategi."],
    ["U2", "Inför digital ansökan om bistånd"],
    ["U7", "Utred fler trygghetsboenden"],
  ]);
  const end = yearEnd(
    [
      [rowKey("assignment", "U2"), "Klart uppdrag", "Klar"],
      [rowKey("assignment", "U3"), "Stoppat uppdrag", "Stoppad"],
      // Under way, and the plan lists it again under U1, in other case and spacing.
      [rowKey("assignment", "U4"), "TA FRAM en  evenemangsstrategi", "Pågår"],
      // The same ID as the plan's U7, another title: not a match, carried.
      [rowKey("assignment", "U7"), "Rusta upp badhuset", "Pågår"],
      // Near the plan's U2: carried, and said.
      [rowKey("assignment", "U9"), "Inför digital ansökan om biståndet", null],
      // Carried since 2023 already, under its 2023 key: carried again under the same key.
      [carriedKey(2023, "U5"), "Se över skolskjutsarna", "Pågår"],
      // Carried, and done this year: it stops.
      [carriedKey(2023, "U6"), "Inventera lekplatserna", "Klar"],
    ],
    [[carriedKey(2023, "U5"), 2022]],
  );
  const carry = carryOver(end, plan, OWN);
  expect(carry.rows.get("KS")!.map((r) => [r.key, r.title, r.since, r.history])).toEqual([
    [carriedKey(2024, "U7"), "Rusta upp badhuset", 2024, "Helår 2024: Pågår"],
    [carriedKey(2024, "U9"), "Inför digital ansökan om biståndet", 2024, "Helår 2024: ej besvarat"],
    [carriedKey(2023, "U5"), "Se över skolskjutsarna", 2022, "Helår 2024: Pågår"],
  ]);
  expect([...carry.continued.get("KS")!]).toEqual([
    [rowKey("assignment", "U1"), { since: 2024, history: "Helår 2024: Pågår" }],
  ]);
  expect(carry.near.get("KS")).toEqual([
    { key: rowKey("assignment", "U2"), earlier: "Inför digital ansökan om biståndet", year: 2024 },
  ]);
});

test("the near rule's quick filters never turn away a pair the edit distance takes", () => {
  // Titles and copies of them with 0..30 random edits: the filters (length, letters, bigrams) must agree with the
  // edit distance itself on every pair.
  let seed = 11;
  const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
  const letters = "abcdeåäö -";
  const word = () => Array.from({ length: 2 + random(8) }, () => letters[random(letters.length)]).join("");
  const edited = (text: string, edits: number) => {
    let out = text;
    for (let i = 0; i < edits; i++) {
      const at = random(out.length + 1);
      const char = letters[random(letters.length)];
      const kind = random(3);
      out =
        kind === 0
          ? out.slice(0, at) + char + out.slice(at)
          : out.slice(0, at) + (kind === 1 ? char : "") + out.slice(at + 1);
    }
    return out;
  };
  let near = 0;
  for (let i = 0; i < 3000; i++) {
    const a = Array.from({ length: 1 + random(12) }, word).join(" ");
    const b = edited(a, random(31));
    const max = Math.max(2, Math.floor(Math.max(a.length, b.length) / 5));
    const expected = editDistance(a, b) <= max;
    if (expected) near++;
    expect([a, b, isNearTitle(a, b)]).toEqual([a, b, expected]);
  }
  // Both answers were met many times.
  expect(near).toBeGreaterThan(500);
  expect(near).toBeLessThan(2500);
});
