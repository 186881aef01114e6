import { goalTree } from "../src/domain/followup/goalTree";
import { DEFAULT_SETTINGS, DEFAULT_SCALES } from "../src/domain/settings";
import { PLAN, consolidation } from "./support/goalPlan";

/** Måluppfyllelse as the pane's tree gets it from the core's worker: only what the tree shows. */

const colour = (label: string) => DEFAULT_SCALES.goal.find((v) => v.label === label)!.color;

test("each goal above the nämnder with its depth, overall status and each nämnd's, answered or not", () => {
  const tree = goalTree(
    PLAN,
    consolidation({
      A: { M1: ["Uppfyllt", null] },
      B: { B1: ["Uppfyllt", null], B2: ["Ej uppfyllt", "Brist på personal."] },
      C: { C1: ["Kan inte bedömas", null] },
    }),
    { ...DEFAULT_SETTINGS, overallRule: "weakest" },
  );
  expect(tree.rule).toBe("weakest");
  expect(tree.strongest).toBe("Uppfyllt");
  // The vision is not assessed: its level is not among those the tree names.
  expect(tree.levels.map((l) => l.id)).toEqual(["omrade", "kommunmal"]);
  expect(tree.goals.map((g) => [g.id, g.depth, g.overall?.label ?? null])).toEqual([
    ["O", 0, "Ej uppfyllt"],
    ["M1", 1, "Ej uppfyllt"],
    ["M2", 1, null],
  ]);
  const m1 = tree.goals[1];
  expect(m1.overall).toEqual({ label: "Ej uppfyllt", color: colour("Ej uppfyllt") });
  expect(m1.committees.map((c) => [c.code, c.answered, c.status?.label ?? null])).toEqual([
    ["A", true, "Uppfyllt"],
    ["B", true, "Ej uppfyllt"],
    ["C", true, "Kan inte bedömas"],
  ]);
  // D never answered: shown as such, not as a nämnd that answered without an assessment.
  expect(tree.goals[2].committees).toEqual([{ code: "D", name: expect.anything(), answered: false, status: null }]);
  // Nothing but what the tree shows: no comments, no uppdrag, no plan objects.
  expect(JSON.stringify(tree)).not.toContain("Brist på personal");
  expect(Object.keys(m1).sort()).toEqual(["committees", "depth", "id", "level", "name", "overall"]);
});
