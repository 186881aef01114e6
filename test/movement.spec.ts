/**
 * How a bedömning or status moved between two periods: by the goal scale's order, and by an uppdrag's progress
 * (done, under way, not started, late); values that say nothing of how it went only "changed".
 */
import { statusDirection } from "../src/domain/followup/movement";
import { DEFAULT_SETTINGS, Settings } from "../src/domain/settings";

test.each([
  ["goal", "Delvis uppfyllt", "Uppfyllt", "rose"],
  ["goal", "Uppfyllt", "Ej uppfyllt", "fell"],
  ["goal", "Ej uppfyllt", "Ej uppfyllt", "same"],
  ["goal", "Delvis uppfyllt", "Kan inte bedömas", "changed"],
  ["goal", "Kan inte bedömas", "Uppfyllt", "changed"],
  ["assignment", "Påbörjat", "Genomfört", "rose"],
  ["assignment", "Ej påbörjat", "Försenat", "fell"],
  ["assignment", "Försenat", "Påbörjat", "rose"],
  ["assignment", "Påbörjat", "Avfört", "changed"],
  ["assignment", "Påbörjat", "Något annat", "changed"],
] as const)("%s: %s → %s is %s", (kind, before, now, direction) => {
  expect(statusDirection(DEFAULT_SETTINGS, kind, before, now)).toBe(direction);
});

test("a kommun's own goal scale is read in its own order, best first", () => {
  const goal = [
    { label: "Grönt", done: true, color: "00B050" },
    { label: "Gult", done: false, color: "FFC000" },
    { label: "Rött", done: false, color: "FF0000" },
  ];
  const settings: Settings = { ...DEFAULT_SETTINGS, scales: { ...DEFAULT_SETTINGS.scales, goal } };
  expect(statusDirection(settings, "goal", "Rött", "Gult")).toBe("rose");
  expect(statusDirection(settings, "goal", "Grönt", "Gult")).toBe("fell");
});
