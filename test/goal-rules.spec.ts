import { overallValue } from "../src/domain/followup/goalRules";
import { DEFAULT_SCALES, OVERALL_RULES, OverallRule, ScaleValue } from "../src/domain/settings";

/**
 * The overall assessment of a goal, on every combination of the built-in scale's values and a missing answer for one
 * to four nämnder, checked against what each rule promises rather than against a second copy of it.
 */

const SCALE = DEFAULT_SCALES.goal;
const [UPPFYLLT, DELVIS, EJ, KAN_INTE] = SCALE;
/** Strong → weak: the scale's own order, "Kan inte bedömas" apart. */
const VOTING = [UPPFYLLT, DELVIS, EJ];
const strength = (v: ScaleValue) => VOTING.indexOf(v);

/** null: the nämnd did not answer (the gathering leaves it out of what is given). */
const OPTIONS: (ScaleValue | null)[] = [...SCALE, null];

function combinations(size: number): (ScaleValue | null)[][] {
  if (size === 0) return [[]];
  return combinations(size - 1).flatMap((rest) => OPTIONS.map((option) => [...rest, option]));
}

const ALL = [1, 2, 3, 4].flatMap(combinations);

function permutations<T>(items: T[]): T[][] {
  if (items.length <= 1) return [items];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const given = (statuses: (ScaleValue | null)[]) => statuses.filter((s): s is ScaleValue => s !== null);
const overall = (statuses: (ScaleValue | null)[], rule: OverallRule) => overallValue(given(statuses), SCALE, rule);
const count = (votes: ScaleValue[], value: ScaleValue) => votes.filter((v) => v === value).length;

test("every combination for up to four nämnder is checked", () => {
  expect(ALL).toHaveLength(5 + 25 + 125 + 625);
});

describe.each(OVERALL_RULES)("rule %s, on every combination", (rule) => {
  test.each(ALL.map((statuses) => [statuses.map((s) => s?.label ?? "saknas").join(", "), statuses]))(
    "%s",
    (_, statuses) => {
      const votes = given(statuses).filter((s) => s !== KAN_INTE);
      const result = overall(statuses, rule);
      if (votes.length === 0) {
        // Nothing votes: "Kan inte bedömas" when a nämnd said so, otherwise no assessment at all.
        expect(result).toBe(given(statuses).length > 0 ? KAN_INTE : null);
        return;
      }
      expect(VOTING).toContain(result);
      // Neither "Kan inte bedömas" nor a missing answer changes the outcome, nor does the nämnder's order: no order
      // of them gives another value (one expect for all orders: Jest's expect costs more than the rule).
      expect(overallValue(votes, SCALE, rule)).toBe(result);
      expect(permutations(statuses).filter((order) => overall(order, rule) !== result)).toEqual([]);
      const r = result!;
      if (rule === "weakest") {
        expect(votes).toContain(r);
        expect(votes.every((v) => strength(v) <= strength(r))).toBe(true);
      }
      if (rule === "mostCommon") {
        expect(votes).toContain(r);
        for (const v of VOTING) {
          // Nothing was given more often; what was given as often is stronger (a tie goes to the weaker).
          expect(count(votes, v)).toBeLessThanOrEqual(count(votes, r));
          if (v !== r && count(votes, v) === count(votes, r)) expect(strength(v)).toBeLessThan(strength(r));
        }
      }
      if (rule === "allFulfilled") {
        expect(r === UPPFYLLT).toBe(votes.every((v) => v === UPPFYLLT));
        // Otherwise the most common of what was given, and never stronger than Delvis uppfyllt.
        if (r !== UPPFYLLT) expect(votes.includes(r) || (r === DELVIS && count(votes, UPPFYLLT) > 0)).toBe(true);
      }
    },
  );
});

test("the weakest rule never gets stronger when one nämnd's assessment gets weaker", () => {
  for (const statuses of ALL) {
    statuses.forEach((status, i) => {
      if (status === null || status === KAN_INTE || status === EJ) return;
      const weaker = [...statuses];
      weaker[i] = VOTING[strength(status) + 1];
      expect(strength(overall(weaker, "weakest")!)).toBeGreaterThanOrEqual(strength(overall(statuses, "weakest")!));
    });
  }
});

test.each<[OverallRule, (ScaleValue | null)[], ScaleValue | null]>([
  ["mostCommon", [UPPFYLLT, UPPFYLLT, DELVIS], UPPFYLLT],
  ["mostCommon", [UPPFYLLT, DELVIS, EJ], EJ],
  ["mostCommon", [DELVIS, DELVIS, EJ, EJ], EJ],
  ["mostCommon", [UPPFYLLT, UPPFYLLT, KAN_INTE, KAN_INTE], UPPFYLLT],
  ["mostCommon", [UPPFYLLT, null, null, null], UPPFYLLT],
  ["weakest", [UPPFYLLT, UPPFYLLT, UPPFYLLT, DELVIS], DELVIS],
  ["weakest", [UPPFYLLT, KAN_INTE, null], UPPFYLLT],
  ["allFulfilled", [UPPFYLLT, UPPFYLLT, UPPFYLLT, KAN_INTE], UPPFYLLT],
  ["allFulfilled", [UPPFYLLT, UPPFYLLT, UPPFYLLT, DELVIS], DELVIS],
  ["allFulfilled", [UPPFYLLT, UPPFYLLT, UPPFYLLT, EJ], DELVIS],
  ["allFulfilled", [UPPFYLLT, EJ, EJ], EJ],
  ["allFulfilled", [KAN_INTE, null], KAN_INTE],
  ["weakest", [null, null], null],
])("%s of %p is %p", (rule, statuses, expected) => {
  expect(overall(statuses, rule)).toBe(expected);
});

test("a kommun's own scale: its order decides what is weaker, and a value it marks as not voting does not vote", () => {
  const scale: ScaleValue[] = [
    { label: "Grön", done: true, color: "00FF00" },
    { label: "Gul", done: false, color: "FFFF00" },
    { label: "Ej bedömd", done: false, color: "CCCCCC", votes: false },
    { label: "Röd", done: false, color: "FF0000" },
  ];
  const [gron, gul, ejBedomd, rod] = scale;
  expect(overallValue([gron, rod], scale, "mostCommon")).toBe(rod);
  expect(overallValue([gul, ejBedomd, ejBedomd, ejBedomd], scale, "mostCommon")).toBe(gul);
  expect(overallValue([ejBedomd], scale, "weakest")).toBe(ejBedomd);
  expect(overallValue([gron, gul], scale, "allFulfilled")).toBe(gul);
});
