import { parseAmount } from "../amounts";
import { AssignmentProgress, ScaleValue, Settings, progressOf, valueVotes } from "../settings";
import { Consolidation } from "./consolidate";
import { DRIFT_KEY } from "./ledger";
import { rowKey } from "./model";
import { PreviousPeriod, previousLabel } from "./previousPeriod";

/**
 * What moved since the previous period, for the report: per nämnd the change in the drift's prognos (at Helår its
 * utfall), per goal and uppdrag whether the bedömning or status rose or fell, and what got worse.
 */

/** "changed": a move between values that have no order (Kan inte bedömas, Avfört, a label not on the scale). */
export type Direction = "rose" | "fell" | "same" | "changed";

export interface RowMovement {
  committee: string;
  kind: "goal" | "assignment";
  id: string;
  title: string;
  before: string;
  now: string;
  direction: Direction;
}

export interface ForecastMovement {
  committee: string;
  /** The drift's prognos helår (at Helår: the year's utfall), in öre, then and now. */
  beforeOre: number;
  nowOre: number;
  /** now − before: positive is a higher net cost, a deeper deficit. */
  changeOre: number;
}

export interface Movement {
  /** "T1 2025": the period compared with. */
  since: string;
  forecasts: ForecastMovement[];
  rows: RowMovement[];
  /** What got worse: a higher prognos of net cost, a bedömning or status that fell. */
  worse: { forecasts: ForecastMovement[]; rows: RowMovement[] };
}

/**
 * How far an uppdrag has come, best first: done, under way, not started, late (behind, which not started need not
 * be). Avfört has no place: it was dropped by a decision, neither better nor worse.
 */
const PROGRESS_RANK: Partial<Record<AssignmentProgress, number>> = { done: 0, underWay: 1, notStarted: 2, late: 3 };

/** A value's place on its scale, best first; null where it has none (no vote, dropped, not on the scale). */
function rankOf(scale: ScaleValue[], kind: "goal" | "assignment", label: string): number | null {
  const value = scale.find((v) => v.label === label);
  if (!value) return null;
  if (kind === "assignment") return PROGRESS_RANK[progressOf(value)] ?? null;
  // A goal's scale is written best first; a value without a vote says nothing of how it went.
  return valueVotes(value) ? scale.filter(valueVotes).indexOf(value) : null;
}

/** How a bedömning or status moved from `before` to `now` on the kommun's scale. */
export function statusDirection(
  settings: Settings,
  kind: "goal" | "assignment",
  before: string,
  now: string,
): Direction {
  if (before === now) return "same";
  const scale = settings.scales[kind];
  const [then, later] = [rankOf(scale, kind, before), rankOf(scale, kind, now)];
  if (then === null || later === null || then === later) return "changed";
  return later < then ? "rose" : "fell";
}

/** A figure as typed on a sheet (tkr), in öre; null when none or unreadable. */
function oreOf(value: string | number | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const read = parseAmount(value, "tkr");
  return read?.ok ? read.ore : null;
}

export function movementSince(consolidation: Consolidation, previous: PreviousPeriod, settings: Settings): Movement {
  const forecasts: ForecastMovement[] = [];
  const rows: RowMovement[] = [];
  for (const { committee, economy, rows: answered } of consolidation.committees) {
    const before = previous.byCommittee.get(committee.code);
    if (!before) continue;
    const drift = economy.find((e) => e.kind === "economy");
    const given = before.get(DRIFT_KEY);
    const nowOre = consolidation.period.kind === "forecast" ? drift?.forecastOre : drift?.outcomeOre;
    const beforeOre = oreOf(previous.kind === "forecast" ? given?.input : given?.outcome);
    if (nowOre !== null && nowOre !== undefined && beforeOre !== null)
      forecasts.push({ committee: committee.code, beforeOre, nowOre, changeOre: nowOre - beforeOre });
    for (const row of answered) {
      if (row.kind !== "goal" && row.kind !== "assignment") continue;
      const then = before.get(rowKey(row.kind, row.id))?.input;
      if (typeof then !== "string" || typeof row.input !== "string") continue;
      const direction = statusDirection(settings, row.kind, then, row.input);
      rows.push({
        committee: committee.code,
        kind: row.kind,
        id: row.id,
        title: row.title,
        before: then,
        now: row.input,
        direction,
      });
    }
  }
  return {
    since: previousLabel(previous),
    forecasts,
    rows,
    worse: { forecasts: forecasts.filter((f) => f.changeOre > 0), rows: rows.filter((r) => r.direction === "fell") },
  };
}
