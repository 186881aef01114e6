import { cellName } from "../../sheet/grid";
import { colorDistance } from "../../sheet/colors";
import { DEFAULT_ROW_HEIGHT, rowHeight } from "../../sheet/layout";
import { PRINT_MARGINS, PageFlow, pageHeight, printScale } from "../../sheet/print";
import {
  ConditionalFill,
  InputMessage,
  InputPrompt,
  ListValidation,
  CELL_TEXT_MAX,
  PROMPT_TEXT_MAX,
  SheetSpec,
  fitCells,
  SpecCell,
  TEXT_FORMAT,
} from "../../sheet/spec";
import { ORE_PER_UNIT, oreToTkr } from "../amounts";
import { ListName, listSource, listsSheet } from "../lists";
import { Committee, Plan } from "../model";
import { Period, ScaleValue, Settings } from "../settings";
import { OwnSheetNames, stateSheet } from "../state";
import { earlierHeader, earlierText } from "./earlierAnswers";
import { ExpectedRow, InputKind, expectedRows } from "./expected";
import {
  Answer,
  COL,
  FOLLOW_UP_MARKER,
  FORMAT_VERSION,
  FollowUpKind,
  FollowUpMeta,
  HEADING_ROWS,
  INFO_KEY,
  LAST_COL,
  REMOVED_SECTION,
  SECTION_KEY,
  SectionId,
  TOTAL_KEY,
  TOTAL_LABEL,
  EarlierAnswer,
  hasContent,
  parseRowKey,
} from "./model";
import { uniqueSheetName } from "./sheetNames";

/**
 * Plan + period → one follow-up sheet per nämnd, as SheetSpecs any host can write. Answers given before (a
 * regeneration) are carried over by row key; those whose row left the plan are kept under "Utgår ur planen".
 */

export interface FollowUpOptions {
  period: Period;
  year: number;
  due: string | null;
  /** ISO time stamp written into each sheet's marker. */
  generatedAt: string;
  /** The plan workbook's file name, for the marker. */
  planName: string;
  settings: Settings;
  /** Earlier answers by committee code, then by row key. */
  answers?: Map<string, Map<string, Answer>>;
  /** Answers given on rows the plan has moved, split or merged: by the committee that has the row now, then row key. */
  earlier?: Map<string, Map<string, EarlierAnswer[]>>;
  password?: string;
  /** Sheet names already in the workbook that the new sheets must not take. */
  takenNames?: string[];
  /** The name of the lists sheet the dropdowns point at, when not LISTS_SHEET (ownSheetNames.ts). */
  listsSheet?: string;
}

export interface FollowUpSheet {
  committee: Committee;
  spec: SheetSpec;
  /** Rows per section, for previews and the CLI's report. */
  counts: Record<FollowUpKind | "removed", number>;
}

/**
 * The one colour that means "fill in": a light blue no status colour comes near (the default statuses are green,
 * yellow, red and grey). A kommun whose own scale takes a colour near it gets the next candidate: see inputFill.
 */
export const INPUT_FILLS = ["D6E9FF", "E8DDF7", "FFFFFF"];
/** ΔE (CIE76) below which two fills could be taken for one another at a glance. */
export const DISTINCT_COLORS = 12;
/** Section bands: dark, with white text, so a section's start reads at a glance and never looks like a cell to fill. */
const SECTION_FILL = "1F4E78";
const SECTION_FONT = "FFFFFF";
const HEADER_FILL = "EDEDED";
const REMOVED_FILL = "F2F2F2";
export const AMOUNT_FORMAT = '#,##0 "tkr"';
const AMOUNT_FORMAT_DECIMALS = '#,##0.0## "tkr"';

/**
 * The number format of amounts (in öre) shown in tkr. Whole tkr show as "1 200 tkr". When any amount has decimals
 * ("1 861,5 tkr"), every amount shown with it gets them, so that no figure is rounded and a column adds up on screen.
 */
export function amountFormat(ore: number[]): string {
  return ore.every((amount) => amount % ORE_PER_UNIT.tkr === 0) ? AMOUNT_FORMAT : AMOUNT_FORMAT_DECIMALS;
}
/** Characters per column, A (the hidden key) to H. */
const COLUMN_WIDTHS = [12, 42, 42, 28, 13, 19, 13, 42];
const ORIENTATION = "landscape";
/** One scale for the whole sheet, so that every page's columns line up; the hidden key column takes no paper. */
const PRINT_SCALE = printScale(COLUMN_WIDTHS.slice(1), ORIENTATION, PRINT_MARGINS);

/** The input colour for these scales: the first candidate clearly apart from every status colour. */
export function inputFill(settings: Settings): string {
  const statuses = [...settings.scales.goal, ...settings.scales.assignment].map((v) => v.color);
  return (
    INPUT_FILLS.find((fill) => statuses.every((status) => colorDistance(fill, status) >= DISTINCT_COLORS)) ??
    INPUT_FILLS[INPUT_FILLS.length - 1]
  );
}

/** The sign rule for amounts, where they are typed and in the instructions. */
export const SIGN_RULE = "Skriv med samma tecken som beloppet: en minskning skrivs negativ, t.ex. −3 150.";
/** Sheet names for the follow-up: the nämnd's code, then period and year ("VoN Delår 2025"). */
export function followUpSheetName(code: string, period: Period, year: number, taken: string[]): string {
  return uniqueSheetName(code, ` ${period.name} ${year}`, taken);
}

export function followUpSheets(plan: Plan, options: FollowUpOptions): FollowUpSheet[] {
  const taken = [...(options.takenNames ?? [])];
  const sheets: FollowUpSheet[] = [];
  for (const committee of plan.committees) {
    const expected = expectedRows(plan, committee.code);
    const answers = options.answers?.get(committee.code) ?? new Map<string, Answer>();
    if (!expected.length && ![...answers.values()].some(hasContent)) continue;
    const name = followUpSheetName(committee.code, options.period, options.year, taken);
    taken.push(name);
    sheets.push(new SheetBuilder(committee, expected, answers, options).build(name));
  }
  return sheets;
}

/** The sheets a follow-up adds besides the nämnd sheets: the dropdown lists and the state, under `names`. */
export function supportSheets(settings: Settings, names?: OwnSheetNames): SheetSpec[] {
  return [listsSheet(settings, names?.lists), stateSheet(settings, names)];
}

interface Row {
  key: string;
  /** Locked cells B..H (index 0 = column B); the input and comment columns are filled from the answer. */
  cells: (string | number | null)[];
  input: InputKind;
  answer?: Answer;
}

interface Section {
  id: SectionId;
  title: string;
  headers: string[];
  rows: Row[];
  /** Sum the amount columns below the rows (ramjusteringar). */
  total?: boolean;
}

/** Where a section's data row was written, for the dropdowns and input messages over runs of rows. */
interface Placed {
  row: Row;
  at: number;
}

class SheetBuilder {
  private readonly out: SpecCell[][] = [];
  /** Each row's height in points as the spec sets it, or as Excel's default gives it. */
  private readonly heights: number[] = [];
  /** Rows whose height is set though no wrapped cell needs it (merged texts, the title). */
  private readonly fixedHeights = new Map<number, number>();
  private readonly validations: ListValidation[] = [];
  private readonly messages: InputMessage[] = [];
  private readonly fills: ConditionalFill[] = [];
  private readonly merges: string[] = [];
  private readonly used = new Set<string>();

  constructor(
    private readonly committee: Committee,
    private readonly expected: ExpectedRow[],
    private readonly answers: Map<string, Answer>,
    private readonly options: FollowUpOptions,
  ) {
    this.amountFormat = amountFormat(expected.flatMap((row) => (row.amountOre === null ? [] : [row.amountOre])));
    this.inputFill = inputFill(options.settings);
  }

  private readonly inputFill: string;
  private flow: PageFlow | null = null;

  /** One format for every amount on the sheet, so that a column and its sum read alike. */
  private readonly amountFormat: string;

  build(name: string): FollowUpSheet {
    const sections = this.sections();
    this.heading();
    // Printed pages repeat the two heading rows; the rest of a page is what PageFlow lays out.
    const titles = this.heights.reduce((sum, h) => sum + h, 0);
    this.flow = new PageFlow(pageHeight(ORIENTATION, PRINT_MARGINS, PRINT_SCALE) - titles);
    this.instructions(sections);
    for (const section of sections) if (section.rows.length) this.section(section);
    const removed = this.removedSection();
    if (removed.rows.length) this.section(removed);
    const spec: SheetSpec = {
      name,
      blocks: [{ top: 0, left: 0, rows: this.out }],
      columnWidths: COLUMN_WIDTHS.map((width, col) => ({ col, width, ...(col === COL.key ? { hidden: true } : {}) })),
      rowHeights: this.heights.flatMap((height, row) =>
        this.fixedHeights.has(row) || height !== DEFAULT_ROW_HEIGHT ? [{ row, height }] : [],
      ),
      frozenRows: HEADING_ROWS,
      validations: this.validations,
      inputMessages: this.messages,
      conditionalFills: this.fills,
      merges: this.merges,
      print: {
        orientation: ORIENTATION,
        paper: "A4",
        titleRows: `1:${HEADING_ROWS}`,
        scale: PRINT_SCALE,
        margins: PRINT_MARGINS,
        rowBreaks: this.flow.breaks,
        footer: this.footer(),
      },
      protect: this.options.password ? { password: this.options.password } : {},
    };
    const count = (i: number) => sections[i].rows.length;
    return {
      committee: this.committee,
      spec,
      counts: {
        goal: count(0),
        assignment: count(1),
        adjustment: count(2),
        keyFigure: count(3),
        removed: removed.rows.length,
      },
    };
  }

  /** The metadata as written in A2. The names in it only inform: a text too long for the cell goes without them. */
  private metaText(): string {
    const { period, year, due, generatedAt, planName } = this.options;
    const meta: FollowUpMeta = {
      format: FORMAT_VERSION,
      plan: planName,
      committee: this.committee.code,
      committeeName: this.committee.name,
      period: period.name,
      periodKind: period.kind,
      year,
      due,
      generatedAt,
    };
    const text = JSON.stringify(meta);
    return text.length <= CELL_TEXT_MAX ? text : JSON.stringify({ ...meta, plan: "", committeeName: null });
  }

  private who(): string {
    return this.committee.name ? `${this.committee.name} (${this.committee.code})` : this.committee.code;
  }

  private heading(): void {
    const { period, year, due } = this.options;
    const what = period.kind === "prognos" ? "Prognos för helåret" : "Utfall för året";
    const answerBy = due ? ` · Svara senast ${due}` : "";
    this.row(
      FOLLOW_UP_MARKER,
      [{ value: `Uppföljning ${period.name} ${year} – ${this.who()}`, bold: true, fontSize: 14 }],
      22,
    );
    this.row(
      this.metaText(),
      [{ value: `${what}${answerBy} · Fyll i de ljusblå cellerna (se Så fyller du i nedan).`, italic: true }],
      DEFAULT_ROW_HEIGHT,
    );
    this.merges.push(`B1:${cellName(0, LAST_COL)}`, `B2:${cellName(1, LAST_COL)}`);
  }

  /** Page footer: the nämnd, "Sida x av y", the period and the day the sheet was made. */
  private footer(): { left: string; center: string; right: string } {
    const { period, year, generatedAt } = this.options;
    const day = /^\d{4}-\d{2}-\d{2}/.exec(generatedAt)?.[0];
    return {
      left: this.who(),
      center: "Sida {page} av {pages}",
      right: `Uppföljning ${period.name} ${year}${day ? ` · skapad ${day}` : ""}`,
    };
  }

  /**
   * The block under the heading: how to fill in the sheet, then the legend — the input colour, and each status
   * and bedömning with its colour and what it means (the kommun's definitions from the settings).
   */
  private instructions(sections: Section[]): void {
    const { period, due } = this.options;
    const prognos = period.kind === "prognos";
    const has = (input: InputKind) => sections.some((section) => section.rows.some((row) => row.input === input));
    const width = COLUMN_WIDTHS.slice(COL.title).reduce((sum, w) => sum + w, 0);
    this.infoRow([{ value: "Så fyller du i", bold: true, fontSize: 12 }], 18);
    const steps = [
      "Fyll i de ljusblå cellerna; alla andra celler är låsta. I kolumnerna Bedömning och Status väljer du i en " +
        "lista: markera cellen och klicka på pilen bredvid den.",
      "Skriv en kommentar när ett mål inte är uppfyllt eller ett uppdrag inte är genomfört: vad som har hänt och vad " +
        "nämnden gör.",
    ];
    if (has("amount")) {
      steps.push(
        `Ramjusteringar: skriv ${prognos ? "prognosen för helåret" : "utfallet"} i tkr. ${SIGN_RULE} ` +
          "Avvikelsen räknas ut av sig själv.",
      );
    }
    steps.push(
      "Lägg inte till, ta inte bort och flytta inte rader: svaren läses tillbaka rad för rad." +
        (due ? ` Skicka tillbaka filen senast ${due}.` : ""),
    );
    for (const step of steps) this.infoText(`• ${step}`, COL.title, width);

    this.infoRow([]);
    this.infoRow([{ value: "Färger och värden", bold: true, fontSize: 12 }], 18);
    this.legendRow(
      { value: "Fyll i", fill: this.inputFill },
      "Celler i den här färgen fyller du i. Övriga celler är låsta.",
    );
    const scales: [InputKind, string, ScaleValue[]][] = [
      [
        "goalScale",
        prognos ? "Bedömning av mål (prognos för året)" : "Bedömning av mål",
        this.options.settings.scales.goal,
      ],
      ["assignmentScale", "Status för uppdrag", this.options.settings.scales.assignment],
    ];
    for (const [input, title, scale] of scales) {
      if (!has(input)) continue;
      this.infoRow([{ value: title, bold: true }]);
      for (const value of scale) this.legendRow({ value: value.label, fill: value.color }, value.definition ?? "");
    }
    this.infoRow([]);
  }

  /** A text across columns from `col` to H, merged, as tall as its lines need. */
  private infoText(value: string, col: number, width: number): void {
    const lines = rowHeight([{ value, wrap: true }], [width]);
    const cells: SpecCell[] = Array.from({ length: col - COL.title }, (): SpecCell => ({ value: null }));
    const r = this.infoRow([...cells, { value, wrap: true }], lines);
    if (col < LAST_COL) this.merges.push(`${cellName(r, col)}:${cellName(r, LAST_COL)}`);
  }

  private legendRow(sample: SpecCell, definition: string): void {
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

  private infoRow(cells: SpecCell[], height?: number): number {
    return this.row(INFO_KEY, cells, height);
  }

  /**
   * Appends one sheet row: the key in column A, then cells from column B. `height` sets it (merged cells, whose
   * height no host fits); otherwise wrapped text gets the height its longest cell needs.
   */
  private row(key: string, cells: SpecCell[], height?: number): number {
    const r = this.out.length;
    // A text longer than a cell holds is cut (the plan's reading or the answers' says so where it stands).
    this.out.push([{ value: key }, ...fitCells(cells)]);
    const needed = height ?? rowHeight(this.out[r], COLUMN_WIDTHS);
    this.heights.push(needed);
    if (height !== undefined) this.fixedHeights.set(r, height);
    this.flow?.add(needed);
    return r;
  }

  /** The height a row of these cells (column B on) will take, before it is written. */
  private heightOf(cells: SpecCell[]): number {
    return rowHeight([{ value: null }, ...cells], COLUMN_WIDTHS);
  }

  private sections(): Section[] {
    const { period } = this.options;
    const prognos = period.kind === "prognos";
    const earlier = this.options.earlier?.get(this.committee.code) ?? new Map<string, EarlierAnswer[]>();
    // Column G of goals and uppdrag shows, locked, what was answered before the plan moved, split or merged the row.
    const header = (kind: FollowUpKind) =>
      earlierHeader([...earlier].filter(([key]) => parseRowKey(key)?.kind === kind).map(([, answers]) => answers));
    const rows = (kind: FollowUpKind): Row[] =>
      this.expected
        .filter((expected) => expected.kind === kind)
        .map(({ key, title, detail, link, value, amountOre, extra, input }) => {
          this.used.add(key);
          const before = kind === "goal" || kind === "assignment" ? earlier.get(key) : undefined;
          const shown = before?.length ? earlierText(before) : extra;
          const locked = amountOre === null ? value : oreToTkr(amountOre);
          return { key, cells: [title, detail, link, locked, null, shown, null], input, answer: this.answers.get(key) };
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
  private removedSection(): Section {
    const kindLabel: Record<FollowUpKind, string> = {
      goal: "Mål",
      assignment: "Uppdrag",
      adjustment: "Ramjustering",
      keyFigure: "Nyckeltal",
    };
    const rows = [...this.answers.values()]
      .filter((answer) => !this.used.has(answer.key) && hasContent(answer))
      .map((answer): Row => ({
        key: answer.key,
        cells: [answer.title, kindLabel[answer.kind], null, null, null, null, null],
        input: "none",
        answer,
      }));
    return {
      id: "removed",
      title: REMOVED_SECTION,
      headers: ["Rubrik", "Typ", "", "", "Svar", "", "Kommentar"],
      rows,
    };
  }

  private section(section: Section): void {
    const flow = this.flow!;
    // A band of colour rather than a merge: merges do not move with rows a nämnd inserts.
    const band: SpecCell[] = [
      { value: section.title, bold: true, fill: SECTION_FILL, fontColor: SECTION_FONT },
      ...Array.from({ length: LAST_COL - 1 }, (): SpecCell => ({ value: null, fill: SECTION_FILL })),
    ];
    const headers = (first: string): SpecCell[] =>
      section.headers.map((h, i) => ({ value: i === 0 ? first : h, bold: true, fill: HEADER_FILL, wrap: true }));
    const rows = section.rows.map((row) => this.dataCells(row, section.title === REMOVED_SECTION, 0));
    // A section starts on a new page where it would otherwise break across two; one longer than a page starts on a
    // page of its own, and its column headers are repeated where a page breaks inside it.
    const whole = [band, headers(section.headers[0]), ...rows].reduce((sum, cells) => sum + this.heightOf(cells), 0);
    const total = section.total ? DEFAULT_ROW_HEIGHT : 0;
    if (whole + total > flow.left) flow.breakBefore(this.out.length);
    this.row(`${SECTION_KEY} ${section.id}`, band);
    this.row(INFO_KEY, headers(section.headers[0]));
    const placed: Placed[] = [];
    const makeRoom = (height: number) => {
      if (height <= flow.left || flow.fresh) return;
      flow.breakBefore(this.out.length);
      this.row(INFO_KEY, headers(`${section.headers[0]} (forts.)`));
    };
    for (const row of section.rows) {
      makeRoom(this.heightOf(this.dataCells(row, section.title === REMOVED_SECTION, 0)));
      placed.push({ row, at: this.dataRow(row, section.title === REMOVED_SECTION) });
    }
    if (section.total && placed.length) {
      makeRoom(DEFAULT_ROW_HEIGHT);
      this.totalRow(placed[0].at, placed[placed.length - 1].at);
    }
    this.dropdowns(placed);
  }

  private dataRow(row: Row, removed: boolean): number {
    const r = this.out.length;
    return this.row(row.key, this.dataCells(row, removed, r));
  }

  /** A data row's cells (column B on), as written at sheet row `r`. */
  private dataCells(row: Row, removed: boolean, r: number): SpecCell[] {
    const input = row.answer?.input ?? null;
    const comment = row.answer?.comment ?? null;
    const locked = (value: string | number | null, col: number): SpecCell => ({
      value,
      wrap: true, // wrapped cells also align to the top, so every cell of a tall row reads from its first line
      ...(col === COL.value && typeof value === "number" ? { numberFormat: this.amountFormat } : {}),
      ...(removed ? { fill: REMOVED_FILL } : {}),
    });
    const cells: SpecCell[] = row.cells.map((value, i) => locked(value, i + 1));
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
    this.row(TOTAL_KEY, [
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
   * assessment) and where column headers are repeated for a printed page.
   */
  private dropdowns(placed: Placed[]): void {
    const runs: { input: InputKind; first: number; last: number }[] = [];
    for (const { row, at } of placed) {
      const run = runs[runs.length - 1];
      if (run && run.input === row.input && run.last === at - 1) run.last = at;
      else runs.push({ input: row.input, first: at, last: at });
    }
    for (const { input, first, last } of runs) {
      const range = `${cellName(first, COL.input)}:${cellName(last, COL.input)}`;
      const scale = this.scaleOf(input);
      if (scale) {
        const [list, values, prompt] = scale;
        this.validations.push({
          range,
          source: listSource(this.options.settings, list, this.options.listsSheet),
          prompt,
        });
        for (const value of values) this.fills.push({ range, when: { equals: value.label }, fill: value.color });
      } else {
        const prompt = this.promptOf(input);
        if (prompt) this.messages.push({ range, prompt });
      }
    }
  }

  private scaleOf(input: InputKind): [ListName, ScaleValue[], InputPrompt] | null {
    const { scales } = this.options.settings;
    const prognos = this.options.period.kind === "prognos";
    if (input === "goalScale") {
      const title = prognos ? "Bedömning (prognos)" : "Bedömning";
      return ["goalScale", scales.goal, listPrompt(title, "Välj hur målet bedöms", scales.goal)];
    }
    if (input === "assignmentScale") {
      return ["assignmentScale", scales.assignment, listPrompt("Status", "Välj uppdragets status", scales.assignment)];
    }
    return null;
  }

  private promptOf(input: InputKind): InputPrompt | null {
    const prognos = this.options.period.kind === "prognos";
    if (input === "amount") {
      return {
        title: prognos ? "Prognos för helåret, tkr" : "Utfall för året, tkr",
        text: `${SIGN_RULE} Avvikelsen räknas ut av sig själv.`,
      };
    }
    if (input === "number") {
      return {
        title: "Utfall",
        text: "Skriv utfallet som ett tal i nyckeltalets enhet. Lämna tomt om det inte finns än.",
      };
    }
    return null;
  }
}

/**
 * A dropdown's input message: what to choose, the values in the list, and that anything but the done values needs a
 * comment. Cut to Excel's 255 characters when a kommun's scale is long (the legend above has every definition).
 */
function listPrompt(title: string, lead: string, scale: ScaleValue[]): InputPrompt {
  const values = scale.map((v) => v.label).join(", ");
  const needsComment = scale.some((v) => v.done)
    ? " Skriv en kommentar om du inte väljer " +
      scale
        .filter((v) => v.done)
        .map((v) => v.label)
        .join(" eller ") +
      "."
    : "";
  const full = `${lead} i listan: ${values}.${needsComment} Färgerna och vad värdena betyder står överst på bladet.`;
  const short = `${lead} i listan. Vad värdena betyder står överst på bladet.`;
  return { title, text: full.length <= PROMPT_TEXT_MAX ? full : short.slice(0, PROMPT_TEXT_MAX) };
}
