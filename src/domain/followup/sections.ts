import { cellName } from "../../sheet/grid";
import { DEFAULT_ROW_HEIGHT, rowHeight } from "../../sheet/layout";
import { SpecCell, TEXT_FORMAT, fitCell } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { listSource } from "../lists";
import { Period } from "../settings";
import { answerText, earlierHeader, earlierText } from "./earlierAnswers";
import { economyCells, economyPrompts, isEconomyInput } from "./economySection";
import { ExpectedRow, InputKind } from "./expected";
import { FollowUpOccasion, promptOf, scaleOf } from "./instructions";
import {
  Answer,
  COL,
  EarlierAnswer,
  FollowUpKind,
  INFO_KEY,
  KIND_LABEL,
  LAST_COL,
  REMOVED_SECTION,
  SECTION_KEY,
  SectionId,
  TOTAL_KEY,
  TOTAL_LABEL,
  hasContent,
  answerColumns,
  hasFigures,
  parseRowKey,
} from "./model";
import { SheetLayout } from "./sheetLayout";
import { COLUMN_WIDTHS, HEADER_FILL, PREVIOUS_FONT, REMOVED_FILL, SECTION_FILL, SECTION_FONT } from "./sheetLook";

/**
 * The sections of a follow-up sheet — goals, uppdrag, ramjusteringar, nyckeltal, and the answers whose row left the
 * plan — and how each is written: its band, its column headers, its rows with their answers, the Summa row, and the
 * dropdowns and input messages over the answer cells.
 */

export interface Row {
  key: string;
  /** Locked cells B..H (index 0 = column B); the input and comment columns are filled from the answer. */
  cells: (string | number | null)[];
  input: InputKind;
  answer?: Answer;
  /** Column G shows the previous period's answer: greyed, as something to read, not to fill in. */
  previous?: boolean;
  /** The previous period's answer, where column G is taken: a locked line under the row (previousLines.ts). */
  previousLine?: string;
}

/** The previous period's answers a sheet shows beside the new input, and the period's name ("T1 2025"). */
export interface ShownPrevious {
  label: string;
  answers: Map<string, Answer>;
}

export interface Section {
  id: SectionId;
  title: string;
  headers: string[];
  rows: Row[];
  /** A line under the band that says how to read the section (the Ekonomi's units and sign rule). */
  note?: string;
  /** Sum the amount columns below the rows (ramjusteringar). */
  total?: boolean;
}

/** Where a section's data row was written, for the dropdowns and input messages over runs of rows. */
interface Placed {
  row: Row;
  at: number;
}

/**
 * The plan's sections of one nämnd's sheet, each row with the answer given on it before (`answers`, by key). Column G
 * of goals and uppdrag shows, locked, what was answered before the plan moved, split or merged the row (`earlier`).
 */
export function planSections(
  expected: ExpectedRow[],
  answers: Map<string, Answer>,
  earlier: Map<string, EarlierAnswer[]>,
  period: Period,
  previous?: ShownPrevious,
  /** Plan uppdrag that go on with an earlier year's (carried.ts): what each year's end said, by row key. */
  history?: Map<string, string>,
): Section[] {
  const prognos = period.kind === "forecast";
  const ofKind = (kind: FollowUpKind) => (key: string) => parseRowKey(key)?.kind === kind;
  const header = (kind: FollowUpKind) => {
    const moved = earlierHeader([...earlier].filter(([key]) => ofKind(kind)(key)).map(([, given]) => given));
    const shown = previous && [...previous.answers.keys()].some(ofKind(kind)) ? `Svar ${previous.label}` : "";
    const years = history && [...history.keys()].some(ofKind(kind)) ? "Tidigare år" : "";
    return [shown, moved, years].filter((h) => h !== "").join("\n");
  };
  const rows = (kind: FollowUpKind): Row[] =>
    expected
      .filter((row) => row.kind === kind)
      .map(({ key, title, detail, link, value, amountOre, extra, input }) => {
        const before = kind === "goal" || kind === "assignment" ? earlier.get(key) : undefined;
        const last = kind === "goal" || kind === "assignment" ? previous?.answers.get(key) : undefined;
        const years = kind === "assignment" ? history?.get(key) : undefined;
        const texts = [last ? answerText(last) : "", before?.length ? earlierText(before) : "", years ?? ""].filter(
          (t) => t,
        );
        const shown = texts.length ? fitCell(texts.join("\n")) : extra;
        const locked = amountOre === null ? value : oreToTkr(amountOre);
        const row: Row = {
          key,
          cells: [title, detail, link, locked, null, shown, null],
          input,
          answer: answers.get(key),
        };
        return last || years ? { ...row, previous: true } : row;
      });
  return [
    {
      id: "goal",
      title: "Mål",
      headers: [
        "Mål",
        "Nivå",
        "Bidrar till",
        "Målvärde",
        prognos ? "Bedömning (prognos)" : "Bedömning",
        header("goal"),
        "Kommentar / analys",
      ],
      rows: rows("goal"),
    },
    {
      id: "assignment",
      title: "Uppdrag",
      headers: ["Uppdrag", "Förtydligande", "Mål", "Från", "Status", header("assignment"), "Kommentar / analys"],
      rows: rows("assignment"),
    },
    {
      id: "adjustment",
      title: "Ramjusteringar",
      headers: [
        "Ramjustering",
        "Varaktighet",
        "Uppdrag",
        "Belopp (tkr)",
        `${prognos ? "Prognos (tkr)" : "Utfall (tkr)"}\nsamma tecken som beloppet`,
        "Avvikelse (tkr)",
        "Kommentar",
      ],
      total: true,
      rows: rows("adjustment"),
    },
    {
      id: "keyFigure",
      title: "Nyckeltal",
      headers: ["Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Utfall", "Enhet", "Kommentar"],
      rows: rows("keyFigure"),
    },
  ];
}

/** Answers whose row is no longer in the plan: kept, visibly, never dropped. */
export function removedSection(answers: Map<string, Answer>, expected: Pick<ExpectedRow, "key">[]): Section {
  const planned = new Set(expected.map((row) => row.key));
  const rows = [...answers.values()]
    .filter((answer) => !planned.has(answer.key) && hasContent(answer))
    .map((answer): Row => ({
      key: answer.key,
      cells: [answer.title, KIND_LABEL[answer.kind], null, null, null, null, null],
      input: "none",
      answer,
    }));
  // A drift's or investment's figures stand in its own columns (answerColumns), headed as in the Ekonomi section.
  const figures = rows.some((row) => hasFigures(row.answer!.kind));
  return {
    id: "removed",
    title: REMOVED_SECTION,
    headers: ["Rubrik", "Typ", figures ? "Utfall (tkr)" : "", figures ? "Prognos (tkr)" : "", "Svar", "", "Kommentar"],
    rows,
  };
}

/** Writes sections onto one sheet's layout, in the input colour and the amount format of that sheet. */
export class SectionWriter {
  constructor(
    private readonly layout: SheetLayout,
    private readonly occasion: FollowUpOccasion,
    private readonly inputFill: string,
    /** One format for every amount on the sheet, so that a column and its sum read alike. */
    private readonly amountFormat: string,
  ) {}

  write(section: Section): void {
    const { layout } = this;
    const flow = layout.flow;
    const removed = section.title === REMOVED_SECTION;
    // A band of colour rather than a merge: merges do not move with rows a nämnd inserts.
    const band: SpecCell[] = [
      { value: section.title, bold: true, fill: SECTION_FILL, fontColor: SECTION_FONT },
      ...Array.from({ length: LAST_COL - 1 }, (): SpecCell => ({ value: null, fill: SECTION_FILL })),
    ];
    const headers = (first: string): SpecCell[] =>
      section.headers.map((h, i) => ({ value: i === 0 ? first : h, bold: true, fill: HEADER_FILL, wrap: true }));
    const rows = section.rows.map((row) => this.dataCells(row, removed, 0));
    const width = COLUMN_WIDTHS.slice(COL.title).reduce((sum, w) => sum + w, 0);
    const note = section.note ? rowHeight([{ value: section.note, wrap: true }], [width]) : 0;
    // A section starts on a new page where it would otherwise break across two; one longer than a page starts on a
    // page of its own, and its column headers are repeated where a page breaks inside it.
    const whole = [band, headers(section.headers[0]), ...rows].reduce((sum, cells) => sum + layout.heightOf(cells), 0);
    const total = section.total ? DEFAULT_ROW_HEIGHT : 0;
    if (whole + note + total > flow.left) flow.breakBefore(layout.next);
    layout.row(`${SECTION_KEY} ${section.id}`, band);
    if (section.note) layout.infoText(section.note, COL.title, width);
    layout.row(INFO_KEY, headers(section.headers[0]));
    const placed: Placed[] = [];
    const makeRoom = (height: number) => {
      if (height <= flow.left || flow.fresh) return;
      flow.breakBefore(layout.next);
      layout.row(INFO_KEY, headers(`${section.headers[0]} (forts.)`));
    };
    for (const row of section.rows) {
      const line = row.previousLine ? this.previousCells(row.previousLine, width) : null;
      makeRoom(layout.heightOf(this.dataCells(row, removed, 0)) + (line?.height ?? 0));
      placed.push({ row, at: layout.row(row.key, this.dataCells(row, removed, layout.next)) });
      if (line) {
        const r = layout.infoRow(line.cells, line.height);
        layout.merges.push(`${cellName(r, COL.title)}:${cellName(r, LAST_COL)}`);
      }
    }
    if (section.total && placed.length) {
      makeRoom(DEFAULT_ROW_HEIGHT);
      this.totalRow(placed[0].at, placed[placed.length - 1].at);
    }
    this.dropdowns(placed);
  }

  /** The previous period's answer under a row, across B..H, greyed: read, never typed in. */
  private previousCells(text: string, width: number): { cells: SpecCell[]; height: number } {
    const cell: SpecCell = { value: text, wrap: true, fill: REMOVED_FILL, fontColor: PREVIOUS_FONT };
    return { cells: [cell], height: rowHeight([cell], [width]) };
  }

  /** A data row's cells (column B on), as written at sheet row `r`. */
  private dataCells(row: Row, removed: boolean, r: number): SpecCell[] {
    const { period } = this.occasion;
    if (isEconomyInput(row.input)) return economyCells(row, r, period, this.amountFormat, this.inputFill);
    const input = row.answer?.input ?? null;
    const comment = row.answer?.comment ?? null;
    const locked = (value: string | number | null, col: number): SpecCell => ({
      value,
      wrap: true, // wrapped cells also align to the top, so every cell of a tall row reads from its first line
      ...(col === COL.value && typeof value === "number" ? { numberFormat: this.amountFormat } : {}),
      ...(removed ? { fill: REMOVED_FILL } : {}),
    });
    const cells: SpecCell[] = row.cells.map((value, i) => locked(value, i + 1));
    if (row.previous) cells[COL.extra - 1] = { ...cells[COL.extra - 1], fill: REMOVED_FILL, fontColor: PREVIOUS_FONT };
    const editable = row.input !== "none";
    cells[COL.input - 1] = editable
      ? {
          value: input,
          locked: false,
          fill: this.inputFill,
          wrap: true,
          // What a nämnd types stays as typed ("=…", "001", "2024-12-31"); amounts and numbers stay numbers.
          ...(row.input === "amount"
            ? { numberFormat: this.amountFormat }
            : row.input === "number"
              ? {}
              : { numberFormat: TEXT_FORMAT }),
        }
      : { value: input, wrap: true, ...(removed ? { fill: REMOVED_FILL } : {}) };
    cells[COL.comment - 1] =
      editable || removed
        ? {
            value: comment,
            locked: !editable,
            fill: editable ? this.inputFill : REMOVED_FILL,
            wrap: true,
            numberFormat: TEXT_FORMAT,
          }
        : { value: comment, wrap: true };
    if (removed && row.answer && hasFigures(row.answer.kind)) {
      // Kept in the columns its kind is read from, so that a regeneration reads it back as it was typed.
      const columns = answerColumns(row.answer.kind);
      cells[COL.input - 1] = { value: null, fill: REMOVED_FILL };
      cells[columns.input - 1] = { value: input, fill: REMOVED_FILL, numberFormat: this.amountFormat };
      cells[columns.outcome! - 1] = {
        value: row.answer.outcome ?? null,
        fill: REMOVED_FILL,
        numberFormat: this.amountFormat,
      };
    }
    if (row.input === "amount") {
      // Avvikelse = belopp − prognos (positive: överskott); empty until a prognos is given.
      const [value, given] = [cellName(r, COL.value), cellName(r, COL.input)];
      cells[COL.extra - 1] = {
        value: null,
        formula: `IF(${given}="","",${value}-${given})`,
        numberFormat: this.amountFormat,
        wrap: true,
      };
    }
    return cells;
  }

  private totalRow(first: number, last: number): void {
    const sum = (col: number): SpecCell => ({
      value: null,
      formula: `SUM(${cellName(first, col)}:${cellName(last, col)})`,
      numberFormat: this.amountFormat,
      bold: true,
    });
    this.layout.row(TOTAL_KEY, [
      { value: TOTAL_LABEL, bold: true },
      { value: null },
      { value: null },
      sum(COL.value),
      sum(COL.input),
      sum(COL.extra),
    ]);
  }

  /**
   * Per run of consecutive rows with one input kind: the dropdown and its colours for a scale, and an input message
   * saying what to choose or how to type an amount. Runs end where a row takes no input (the vision takes no
   * assessment) and where column headers are repeated for a printed page; the sheet's spec makes the runs of one list,
   * prompt or colour one rule over several areas (SheetLayout.spec).
   */
  private dropdowns(placed: Placed[]): void {
    const { layout, occasion } = this;
    const runs: { input: InputKind; first: number; last: number }[] = [];
    for (const { row, at } of placed) {
      const run = runs[runs.length - 1];
      if (run && run.input === row.input && run.last === at - 1) run.last = at;
      else runs.push({ input: row.input, first: at, last: at });
    }
    for (const { input, first, last } of runs) {
      if (isEconomyInput(input)) {
        const threshold = occasion.settings.measuresThresholdPercent ?? 0;
        layout.messages.push(...economyPrompts(input, first, last, occasion.period, threshold));
        continue;
      }
      const range = `${cellName(first, COL.input)}:${cellName(last, COL.input)}`;
      const scale = scaleOf(input, occasion);
      if (scale) {
        const [list, values, prompt] = scale;
        layout.validations.push({ range, source: listSource(occasion.settings, list, occasion.listsSheet), prompt });
        for (const value of values) layout.fills.push({ range, when: { equals: value.label }, fill: value.color });
      } else {
        const prompt = promptOf(input, occasion);
        if (prompt) layout.messages.push({ range, prompt });
      }
    }
  }
}
