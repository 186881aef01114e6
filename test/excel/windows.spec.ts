import { type Dims, type Rect, coverage, windowBoxes, windowRows } from "../../src/hosts/excel/windows";

/** How often each cell of `used` is covered by `rects` (relative to it). */
function coverCounts(used: Dims, rects: Rect[]): number[] {
  const counts = new Array<number>(used.rows * used.columns).fill(0);
  for (const rect of rects) {
    expect(rect.top).toBeGreaterThanOrEqual(0);
    expect(rect.left).toBeGreaterThanOrEqual(0);
    expect(rect.top + rect.rows).toBeLessThanOrEqual(used.rows);
    expect(rect.left + rect.columns).toBeLessThanOrEqual(used.columns);
    for (let r = rect.top; r < rect.top + rect.rows; r++)
      for (let c = rect.left; c < rect.left + rect.columns; c++) counts[r * used.columns + c]++;
  }
  return counts;
}

describe("the first read's windows", () => {
  const boxes = windowBoxes(100);

  test("two boxes from row 1: columns A–H, then as many cells in I–BL", () => {
    expect(boxes).toEqual([
      { rows: 100, left: 0, columns: 8 },
      { rows: 14, left: 8, columns: 56 },
    ]);
    // Three full narrow windows at 16 bytes a cell fill the budget.
    expect(Math.floor(windowRows(4_000_000, 16))).toBe(10_416);
  });

  test("a short, narrow sheet is read whole by the windows", () => {
    const used = { top: 0, left: 0, rows: 40, columns: 6 };
    expect(coverage(used, boxes)).toEqual({ read: [{ top: 0, left: 0, rows: 40, columns: 6 }, null], rest: [] });
  });

  test("a long sheet: its first rows, then the rest below", () => {
    const used = { top: 2, left: 1, rows: 5_000, columns: 7 };
    expect(coverage(used, boxes)).toEqual({
      read: [{ top: 0, left: 0, rows: 98, columns: 7 }, null],
      rest: [{ top: 98, left: 0, rows: 4_902, columns: 7 }],
    });
  });

  test("a wide sheet: fewer rows right of column H, and all of what lies right of BL", () => {
    const used = { top: 0, left: 3, rows: 50, columns: 70 };
    expect(coverage(used, boxes)).toEqual({
      read: [
        { top: 0, left: 0, rows: 50, columns: 5 },
        { top: 0, left: 5, rows: 14, columns: 56 },
      ],
      rest: [
        { top: 14, left: 5, rows: 36, columns: 56 },
        { top: 0, left: 61, rows: 50, columns: 9 },
      ],
    });
  });

  test("a used range below or right of the windows is left whole to the blocks", () => {
    expect(coverage({ top: 200, left: 0, rows: 10, columns: 4 }, boxes)).toEqual({
      read: [null, null],
      rest: [{ top: 0, left: 0, rows: 10, columns: 4 }],
    });
    expect(coverage({ top: 0, left: 100, rows: 10, columns: 4 }, boxes)).toEqual({
      read: [null, null],
      rest: [{ top: 0, left: 0, rows: 10, columns: 4 }],
    });
  });

  test("what the windows read and what is left cover every cell of the used range exactly once", () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let i = 0; i < 300; i++) {
      const used = { top: next(150), left: next(80), rows: 1 + next(300), columns: 1 + next(90) };
      const { read, rest } = coverage(used, windowBoxes(1 + next(200)));
      const rects = [...read.filter((rect): rect is Rect => rect !== null), ...rest];
      expect(coverCounts(used, rects).every((count) => count === 1)).toBe(true);
    }
  });
});
