import { Grid } from "../../sheet/grid";

/**
 * A cell merged down over several rows (a nämnd beside its verksamheter, a goal beside its nämndmål) belongs to every
 * row it spans, but only its top cell holds the value. The grid as a table reader needs it: the merge's value in each
 * row of its left column, below the table's header. A grid without such merges is returned as it is; otherwise only the rows that change are
 * copied (the host's grid is never written to).
 */
export function fillMergesDown(grid: Grid, headerRow: number): Grid {
  // A merge that starts in or above the header row is a header over two rows, not a value of the rows below.
  const down = (grid.merges ?? []).filter((m) => m.bottom > m.top && m.top > headerRow);
  if (down.length === 0) return grid;
  const values = grid.values.slice();
  const copied = new Set<number>();
  for (const merge of down) {
    const value = values[merge.top - grid.top]?.[merge.left - grid.left];
    if (value === undefined || value === null) continue;
    for (let row = merge.top + 1; row <= merge.bottom; row++) {
      const i = row - grid.top;
      if (!values[i]) continue;
      if (!copied.has(i)) {
        values[i] = values[i].slice();
        copied.add(i);
      }
      values[i][merge.left - grid.left] = value;
    }
  }
  return { ...grid, values };
}
