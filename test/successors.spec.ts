/**
 * How a split or merged uppdrag is recognised (issue #16): by the plan's own IDs only ("U3" → "U3a", "U3b"; "U3" and
 * "U4" → "U3+U4"), never by a title that reads alike, and never to an ID that is still in the plan.
 */
import { successorIndex } from "../src/domain/followup/successors";
import { Plan } from "../src/domain/model";
import { modelAssignment, modelPlan } from "./support/modelPlan";

function planWith(ids: string[]): Plan {
  return modelPlan({
    years: [2025],
    committees: [{ code: "KS", name: null, kind: "committee" }],
    assignments: ids.map((id) => modelAssignment({ id, title: `Uppdrag ${id}`, committees: ["KS"], year: 2025 })),
  });
}

const successorsOf = (ids: string[], gone: string) => successorIndex(planWith(ids))(gone).map((a) => a.id);

test.each([
  ["split by letters", ["U3a", "U3b", "U4"], "U3", ["U3a", "U3b"]],
  ["split by numbers after a point", ["3.1", "3.2", "4"], "3", ["3.1", "3.2"]],
  ["split by a dash or a space", ["U3-1", "U3 b"], "U3", ["U3-1", "U3 b"]],
  ["a part split again", ["U3a.1", "U3a.2", "U3b"], "U3a", ["U3a.1", "U3a.2"]],
  ["merged with +", ["U3+U4", "U5"], "U4", ["U3+U4"]],
  ["merged with / , & och", ["U1/U2", "U3, U4", "U5 & U6", "U7 och U8"], "U7", ["U7 och U8"]],
  ["a merged uppdrag split", ["U3+U4a", "U3+U4b"], "U3+U4", ["U3+U4a", "U3+U4b"]],
  ["a merged uppdrag merged again", ["U1+U9+U0", "U5, U6 och U7"], "U1+U9", ["U1+U9+U0"]],
  ["merged again, written with other separators", ["U1+U9+U0", "U5, U6 och U7"], "U6 och U7", ["U5, U6 och U7"]],
])("%s", (_, ids, gone, expected) => {
  expect(successorsOf(ids, gone)).toEqual(expected);
});

test.each([
  ["U10 is another uppdrag than U1", ["U10", "U11"], "U1"],
  ["a letter after a letter needs a separator", ["KSa"], "KS"],
  ["an ID still in the plan has no successor, whatever builds on it", ["U3", "U3a", "U3+U4"], "U3"],
  ["a key derived from a title tells nothing", ["uppdrag:ny-titel:KS:2025a"], "uppdrag:ny-titel:KS:2025"],
  ["nothing builds on it", ["U1", "U2"], "U9"],
])("no successor: %s", (_, ids, gone) => {
  expect(successorsOf(ids, gone)).toEqual([]);
});
