import { groupAreas } from "../../sheet/areas";
import { cellName } from "../../sheet/grid";
import { DEFAULT_ROW_HEIGHT, rowHeight } from "../../sheet/layout";
import { PRINT_MARGINS, PageFlow, pageHeight } from "../../sheet/print";
import { ConditionalFill, InputMessage, ListValidation, SheetSpec, SpecCell, fitCells } from "../../sheet/spec";
import { COL, HEADING_ROWS, INFO_KEY, LAST_COL } from "./model";
import { COLUMN_WIDTHS, ORIENTATION, PRINT_SCALE } from "./sheetLook";

/**
 * One follow-up sheet as it is laid out, row by row: each row's key in column A and its cells, its height, the merges,
 * dropdowns, input messages and fills over it, and where printed pages break. What the rows say is the writer's.
 */
export class SheetLayout {
  private readonly rows: SpecCell[][] = [];
  /** Each row's height in points as the spec sets it, or as Excel's default gives it. */
  private readonly heights: number[] = [];
  /** Rows whose height is set though no wrapped cell needs it (merged texts, the title). */
  private readonly fixedHeights = new Map<number, number>();
  readonly validations: ListValidation[] = [];
  readonly messages: InputMessage[] = [];
  readonly fills: ConditionalFill[] = [];
  readonly merges: string[] = [];
  private pages: PageFlow | null = null;

  /** The sheet row the next row is written at. */
  get next(): number {
    return this.rows.length;
  }

  /** The printed pages, once the heading is written (startPages). */
  get flow(): PageFlow {
    if (!this.pages) throw new Error("The heading is not written yet");
    return this.pages;
  }

  /** Printed pages repeat the rows written so far (the heading); the rest of a page is what PageFlow lays out. */
  startPages(): void {
    const titles = this.heights.reduce((sum, h) => sum + h, 0);
    this.pages = new PageFlow(pageHeight(ORIENTATION, PRINT_MARGINS, PRINT_SCALE) - titles);
  }

  /**
   * Appends one sheet row: the key in column A, then cells from column B. `height` sets it (merged cells, whose
   * height no host fits); otherwise wrapped text gets the height its longest cell needs.
   */
  row(key: string, cells: SpecCell[], height?: number): number {
    const r = this.rows.length;
    // A text longer than a cell holds is cut (the plan's reading or the answers' says so where it stands).
    this.rows.push([{ value: key }, ...fitCells(cells)]);
    const needed = height ?? rowHeight(this.rows[r], COLUMN_WIDTHS);
    this.heights.push(needed);
    if (height !== undefined) this.fixedHeights.set(r, height);
    this.pages?.add(needed);
    return r;
  }

  /** The sheet row written with `key`, or null. */
  rowOf(key: string): number | null {
    const r = this.rows.findIndex((cells) => cells[0].value === key);
    return r < 0 ? null : r;
  }

  infoRow(cells: SpecCell[], height?: number): number {
    return this.row(INFO_KEY, cells, height);
  }

  /** A text across columns from `col` to H, merged, as tall as its lines need. */
  infoText(value: string, col: number, width: number): void {
    const lines = rowHeight([{ value, wrap: true }], [width]);
    const cells: SpecCell[] = Array.from({ length: col - COL.title }, (): SpecCell => ({ value: null }));
    const r = this.infoRow([...cells, { value, wrap: true }], lines);
    if (col < LAST_COL) this.merges.push(`${cellName(r, col)}:${cellName(r, LAST_COL)}`);
  }

  /** A sample of a colour or value in column B, and what it means across the columns after it. */
  legendRow(sample: SpecCell, definition: string): void {
    const width = COLUMN_WIDTHS.slice(COL.detail).reduce((sum, w) => sum + w, 0);
    const needed = rowHeight([{ value: definition, wrap: true }], [width]);
    const r = this.infoRow(
      [
        { ...sample, wrap: true },
        { value: definition || null, wrap: true },
      ],
      needed,
    );
    this.merges.push(`${cellName(r, COL.detail)}:${cellName(r, LAST_COL)}`);
  }

  /** The height a row of these cells (column B on) will take, before it is written. */
  heightOf(cells: SpecCell[]): number {
    return rowHeight([{ value: null }, ...cells], COLUMN_WIDTHS);
  }

  spec(name: string, footer: { left: string; center: string; right: string }, password?: string): SheetSpec {
    return {
      name,
      blocks: [{ top: 0, left: 0, rows: this.rows }],
      columnWidths: COLUMN_WIDTHS.map((width, col) => ({ col, width, ...(col === COL.key ? { hidden: true } : {}) })),
      rowHeights: this.heights.flatMap((height, row) =>
        this.fixedHeights.has(row) || height !== DEFAULT_ROW_HEIGHT ? [{ row, height }] : [],
      ),
      frozenRows: HEADING_ROWS,
      // One rule per list, prompt or colour over all the runs it is on (runs break at repeated column headers).
      validations: groupAreas(this.validations, (v) => JSON.stringify([v.source, v.prompt])),
      inputMessages: groupAreas(this.messages, (m) => JSON.stringify(m.prompt)),
      conditionalFills: groupAreas(this.fills, (f) => JSON.stringify([f.when, f.fill, f.fontColor])),
      merges: this.merges,
      print: {
        orientation: ORIENTATION,
        paper: "A4",
        titleRows: `1:${HEADING_ROWS}`,
        scale: PRINT_SCALE,
        margins: PRINT_MARGINS,
        rowBreaks: this.flow.breaks,
        footer,
      },
      protect: password ? { password } : {},
    };
  }
}
