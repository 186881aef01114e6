/**
 * Goals written as a tree in a table, a column per level (Vision | Strategiskt område | Kommunmål | Nämndmål): which
 * columns make the tree, each row's chain of goals, and the goals the tree holds. table.ts reads such a sheet on its
 * own, or beside the uppdrag or nyckeltal written next to it.
 */
import { Grid, cellText } from "../../sheet/grid";
import { GoalLevel, isRelativeLevelWord, levelBelow, levelByName } from "../model";
import { CellRow, FieldName, RawCell, filledCell } from "../raw";
import { normalizeName } from "../text";

/** A column of a goal tree: the level it holds, and whether its word names the level below its parent ("Delmål"). */
export interface LevelColumn {
  col: number;
  level: GoalLevel;
  relative: boolean;
}

/**
 * The header cells that name goal levels ("Strategiskt område", "Kommunmål", "Nämndmål"), left to right, when they
 * stand in the levels' order: a goal tree written as a table, a column per level.
 */
export function levelColumns(grid: Grid, headerRow: number, levels: GoalLevel[]): LevelColumn[] {
  const columns = (grid.values[headerRow - grid.top] ?? []).flatMap((value, i) => {
    const level = typeof value === "string" ? levelByName(levels, value) : null;
    return level ? [{ col: grid.left + i, level, relative: isRelativeLevelWord(value as string) }] : [];
  });
  // "Delmål" right of a column stands one level below it (under "Målområde" a kommunmål, under "Inriktningsmål" a
  // nämndmål); with nothing to its left, or below the lowest level, it keeps the level its word has.
  for (let i = 1; i < columns.length; i++) {
    if (columns[i].relative) columns[i].level = levelBelow(levels, columns[i - 1].level.id) ?? columns[i].level;
  }
  const ranks = columns.map(({ level }) => levels.indexOf(level));
  if (ranks.every((rank, i) => i === 0 || rank > ranks[i - 1])) return columns;
  // The same word names different levels in different plans ("strategiskt mål" is KF's in one, a nämnd's in another):
  // where two columns name one level, the structure decides. The lowest column keeps its level and each column to its
  // left stands one level above the next, when the levels leave room for it.
  const placed = [...ranks];
  for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i], placed[i + 1] - 1);
  if (placed[0] < 0) return [];
  return columns.map((column, i) => ({ ...column, level: levels[placed[i]] }));
}

/** A row of a goal tree: its goals from the highest level to the lowest (null: a level the row skips). */
export interface TreeChain {
  row: number;
  chain: (RawCell | null)[];
}

/**
 * Each row of a goal tree that names a goal, with its chain: cells left empty before the row's first goal repeat the
 * row above.
 */
export function treeChains(grid: Grid, headerRow: number, tree: { col: number }[]): TreeChain[] {
  const chains: TreeChain[] = [];
  let above: (RawCell | null)[] = tree.map(() => null);
  for (let row = headerRow + 1; row < grid.top + grid.values.length; row++) {
    const written = tree.map(({ col }) => filledCell(grid, row, col));
    const first = written.findIndex((cell) => cell !== null);
    if (first < 0) continue;
    above = written.map((cell, i) => (i < first ? above[i] : cell));
    chains.push({ row, chain: above });
  }
  return chains;
}

/**
 * The goals of a tree, one row each, from the top level down; `extra` columns belong to a row's lowest goal. A goal in
 * a relative column ("Delmål") whose row skips the level to its left stands one level below the goal it hangs under.
 */
export function goalTreeRows(
  grid: Grid,
  headerRow: number,
  tree: LevelColumn[],
  extra: { col: number; field: FieldName }[],
  levels: GoalLevel[],
): CellRow[] {
  interface TreeGoal {
    row: CellRow;
    parents: RawCell[];
    rank: number;
  }
  const nameKey = (cell: RawCell) => normalizeName(cellText(cell.value));
  const goals = new Map<string, TreeGoal>();
  for (const { row, chain } of treeChains(grid, headerRow, tree)) {
    let parent: { cell: RawCell; level: GoalLevel } | null = null;
    let lowest: TreeGoal | null = null;
    for (const [i, cell] of chain.entries()) {
      if (!cell) continue;
      const level: GoalLevel = (tree[i].relative && parent && levelBelow(levels, parent.level.id)) || tree[i].level;
      const key = `${level.id}|${nameKey(cell)}`;
      let goal = goals.get(key);
      if (!goal) {
        const row: CellRow = { kind: "goal", ref: cell.ref, fields: { name: cell }, levelHint: level.id };
        goal = { row, parents: [], rank: levels.indexOf(level) };
        goals.set(key, goal);
      }
      const above = parent?.cell;
      if (above && !goal.parents.some((p) => nameKey(p) === nameKey(above))) goal.parents.push(above);
      parent = { cell, level };
      lowest = goal;
    }
    for (const { col, field } of extra) {
      const cell = filledCell(grid, row, col);
      if (cell && lowest && !lowest.row.fields[field]) lowest.row.fields[field] = cell;
    }
  }
  // From the top of the tree down: level by level, each in the order met.
  return [...goals.values()]
    .sort((a, b) => a.rank - b.rank)
    .map(({ row, parents }) => {
      if (parents.length === 0) return row;
      const value = parents.map((p) => cellText(p.value)).join("; ");
      return { ...row, fields: { ...row.fields, parent: { value, ref: parents[0].ref } } };
    });
}
