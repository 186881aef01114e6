import { OverallRule, ScaleValue, valueVotes } from "../settings";

/**
 * The overall assessment of a goal from the assessments that vote, by the kommun's rule. An assessment is its rank
 * among the scale's voting values, strongest first (0 is "Uppfyllt" on the built-in scale), so that "weaker" is
 * the scale's own order.
 */
export function overallRank(ranks: readonly number[], rule: OverallRule): number | null {
  if (ranks.length === 0) return null;
  if (rule === "weakest") return Math.max(...ranks);
  const common = mostCommon(ranks);
  if (rule === "mostCommon") return common;
  // allFulfilled: the strongest value only when every vote is it; otherwise the most common, never the strongest.
  return ranks.every((r) => r === 0) ? 0 : Math.max(common, 1);
}

/** The rank given most often; of ranks given equally often, the weakest. */
function mostCommon(ranks: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const rank of ranks) counts.set(rank, (counts.get(rank) ?? 0) + 1);
  let best = ranks[0];
  for (const [rank, count] of counts) {
    const bestCount = counts.get(best)!;
    if (count > bestCount || (count === bestCount && rank > best)) best = rank;
  }
  return best;
}

/**
 * The overall assessment of the values given, in the scale's words: the rule over those that vote; when none votes
 * but some were given ("Kan inte bedömas"), the first of those given; null when none was given.
 */
export function overallValue(
  given: readonly ScaleValue[],
  scale: readonly ScaleValue[],
  rule: OverallRule,
): ScaleValue | null {
  const voting = scale.filter(valueVotes);
  const ranks = given.filter(valueVotes).map((v) => voting.findIndex((w) => w.label === v.label));
  const rank = overallRank(
    ranks.filter((r) => r >= 0),
    rule,
  );
  return rank === null ? (given[0] ?? null) : voting[rank];
}
