import { isDerivedId } from "../derivedIds";
import { Assignment, Plan } from "../model";
import { appendTo } from "../collections";

/**
 * Uppdrag the plan split or merged between two rounds, recognised by the plan's own IDs, the way an economist numbers
 * them: "U3" split in two becomes "U3a" and "U3b" (or "U3.1", "U3-2", "3.a"); "U3" and "U4" merged become "U3+U4"
 * (or "U3/U4", "U3, U4", "U3 & U4", "U3 och U4"). Only an ID no longer in the plan is followed, and only to IDs built
 * on it like this: a title that merely reads alike is never taken for the same uppdrag, and an uppdrag without an ID
 * of its own (a key derived from its title) has no successor. The caller says, in a finding, what it carried where.
 */

/** "U3.1", "U3-b", "U3 a": a part after a separator. */
const SEPARATED_PART = /^(.+?)[.\-_ ](?:\d{1,3}|\p{L})$/u;
/** "U3a": a letter straight after a number. */
const LETTER_PART = /^(.*\d)\p{L}$/u;
/** Between the IDs of uppdrag merged into one (kept by split, so that a run of parts reads as it was written). */
const MERGE_SEPARATOR = /(\s*(?:[+/,;&]|\soch\s)\s*)/;
/** Runs of merged IDs are looked at up to this many parts; beyond it only the single IDs. */
const MERGE_RUNS_MAX = 12;

/**
 * The IDs an uppdrag's ID may build on: the one it was split from ("U3a": "U3"), or those it merged ("U3+U4": "U3"
 * and "U4"), also an uppdrag merged before ("U3+U4+U5": "U3+U4" and "U4+U5") or split after ("U3+U4a": "U3+U4").
 */
function predecessorIds(id: string): string[] {
  // A derived key changes with the title and tells nothing about a split or merge.
  if (isDerivedId("assignment", id)) return [];
  const pieces = id.split(MERGE_SEPARATOR); // parts at even places, separators between
  const parts = Math.ceil(pieces.length / 2);
  const merged: string[] = [];
  for (let first = 0; parts > 1 && first < parts; first++) {
    const longest = parts <= MERGE_RUNS_MAX ? parts - (first === 0 ? 1 : 0) : first + 1;
    for (let last = first; last < longest; last++) merged.push(pieces.slice(2 * first, 2 * last + 1).join(""));
  }
  const bases = [SEPARATED_PART.exec(id)?.[1], LETTER_PART.exec(id)?.[1]];
  return [...merged.filter((part) => part.trim() !== ""), ...bases.filter((base): base is string => Boolean(base))];
}

/**
 * For an uppdrag ID that is not in `plan`: the plan's uppdrag built on it, in plan order. Built once per plan, as a
 * map from each ID the plan's uppdrag build on, so that a plan whose every ID changed is read in linear time.
 */
export function successorIndex(plan: Plan): (goneId: string) => Assignment[] {
  const present = new Set(plan.assignments.map((a) => a.id));
  const byPredecessor = new Map<string, Assignment[]>();
  for (const assignment of plan.assignments) {
    for (const id of new Set(predecessorIds(assignment.id))) {
      if (present.has(id)) continue;
      appendTo(byPredecessor, id, assignment);
    }
  }
  return (goneId) => (present.has(goneId) ? [] : (byPredecessor.get(goneId) ?? []));
}
