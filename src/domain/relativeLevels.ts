import { GoalLevel, levelBelow, levelRank } from "./model";
import { normalizeName } from "./text";

/** A goal row as far as its level goes: its name and id, the level its word or sheet gives, its parent cell. */
export interface LevelRow {
  name: string;
  id: string;
  /** The level its level cell or its sheet gives; null when neither does. */
  level: string | null;
  /** Whether its level cell holds a word that names the level below its parent ("Delmål"). */
  relative: boolean;
  parent: string;
}

/**
 * The levels of goals written with a relative level word ("Delmål", "Effektmål" in a Nivå column), by row index: one
 * level below the lowest goal their parent cell names (by name or id), so a delmål under a målområde is a kommunmål
 * and one under an inriktningsmål a nämndmål. A row whose parent is not found, or stands at the lowest level, keeps
 * the level its word has.
 */
export function relativeLevels(rows: LevelRow[], levels: GoalLevel[]): Map<number, string> {
  const result = new Map<number, string>();
  if (!rows.some((row) => row.relative)) return result;
  const byKey = new Map<string, number>();
  rows.forEach((row, i) => {
    for (const key of [row.name, row.id]) if (key && !byKey.has(normalizeName(key))) byKey.set(normalizeName(key), i);
  });
  const resolving = new Set<number>();
  const levelOf = (i: number): string | null => {
    const row = rows[i];
    if (!row.relative) return row.level;
    if (result.has(i)) return result.get(i) ?? null;
    if (resolving.has(i)) return row.level;
    resolving.add(i);
    const whole = byKey.get(normalizeName(row.parent));
    const parents =
      whole !== undefined ? [whole] : row.parent.split(/[;\n]/).flatMap((part) => byKey.get(normalizeName(part)) ?? []);
    const ranks = parents.flatMap((p) => {
      const level = p === i ? null : levelOf(p);
      return level ? [levelRank(levels, level)] : [];
    });
    const below = ranks.length ? levelBelow(levels, levels[Math.max(...ranks)].id) : null;
    const level = below?.id ?? row.level;
    if (level) result.set(i, level);
    return level;
  };
  rows.forEach((row, i) => {
    if (row.relative && row.parent) levelOf(i);
  });
  return result;
}
