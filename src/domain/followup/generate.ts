import { cellName } from "../../sheet/grid";
import { estimateRowHeights } from "../../sheet/layout";
import { ConditionalFill, ListValidation, SheetSpec, SpecCell, TEXT_FORMAT } from "../../sheet/spec";
import { oreToTkr } from "../amounts";
import { ListName, listSource, listsSheet } from "../lists";
import { Committee, Plan } from "../model";
import { planIndex } from "../planIndex";
import { Period, ScaleValue, Settings } from "../settings";
import { stateSheet } from "../state";
import { CommitteeContent, committeeContent, isEmpty } from "./content";
import {
  Answer,
  COL,
  FOLLOW_UP_MARKER,
  FORMAT_VERSION,
  FollowUpKind,
  FollowUpMeta,
  HEADING_ROWS,
  LAST_COL,
  REMOVED_SECTION,
  TOTAL_LABEL,
  hasContent,
  rowKey,
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
  password?: string;
  /** Sheet names already in the workbook that the new sheets must not take. */
  takenNames?: string[];
}

export interface FollowUpSheet {
  committee: Committee;
  spec: SheetSpec;
  /** Rows per section, for previews and the CLI's report. */
  counts: Record<FollowUpKind | "removed", number>;
}

const INPUT_FILL = "FFF2CC";
const SECTION_FILL = "D9E1F2";
const HEADER_FILL = "EDEDED";
const REMOVED_FILL = "F2F2F2";
export const AMOUNT_FORMAT = '#,##0 "tkr"';
const AMOUNT_FORMAT_DECIMALS = '#,##0.0## "tkr"';

/**
 * Whole tkr show as "1 200 tkr". When any amount has decimals ("1 861,5 tkr"), every amount shown with it gets them,
 * so that no figure is rounded and a column adds up on screen.
 */
export function amountFormat(tkr: number[]): string {
  return tkr.every(Number.isInteger) ? AMOUNT_FORMAT : AMOUNT_FORMAT_DECIMALS;
}
/** Characters per column, A (the hidden key) to H. */
const COLUMN_WIDTHS = [12, 42, 42, 28, 13, 19, 13, 42];
/** Sheet names for the follow-up: the nämnd's code, then period and year ("VoN Delår 2025"). */
export function followUpSheetName(code: string, period: Period, year: number, taken: string[]): string {
  return uniqueSheetName(code, ` ${period.name} ${year}`, taken);
}

export function followUpSheets(plan: Plan, options: FollowUpOptions): FollowUpSheet[] {
  const taken = [...(options.takenNames ?? [])];
  const sheets: FollowUpSheet[] = [];
  for (const committee of plan.committees) {
    const content = committeeContent(plan, committee.code);
    const answers = options.answers?.get(committee.code) ?? new Map<string, Answer>();
    if (isEmpty(content) && ![...answers.values()].some(hasContent)) continue;
    const name = followUpSheetName(committee.code, options.period, options.year, taken);
    taken.push(name);
    sheets.push(new SheetBuilder(plan, committee, content, answers, options).build(name));
  }
  return sheets;
}

/** The sheets a follow-up adds besides the nämnd sheets: the dropdown lists and the state. */
export function supportSheets(settings: Settings): SheetSpec[] {
  return [listsSheet(settings), stateSheet(settings)];
}

type InputKind = "goalScale" | "assignmentScale" | "amount" | "number" | "none";

interface Row {
  key: string;
  /** Locked cells B..H (index 0 = column B); the input and comment columns are filled from the answer. */
  cells: (string | number | null)[];
  input: InputKind;
  answer?: Answer;
}

interface Section {
  title: string;
  headers: string[];
  rows: Row[];
  /** Sum the amount columns below the rows (ramjusteringar). */
  total?: boolean;
}

const text = (value: string | null | undefined): string | null => (value === undefined || value === "" ? null : value);

class SheetBuilder {
  private readonly out: SpecCell[][] = [];
  private readonly validations: ListValidation[] = [];
  private readonly fills: ConditionalFill[] = [];
  private readonly merges: string[] = [];
  private readonly used = new Set<string>();

  constructor(
    private readonly plan: Plan,
    private readonly committee: Committee,
    private readonly content: CommitteeContent,
    private readonly answers: Map<string, Answer>,
    private readonly options: FollowUpOptions,
  ) {
    this.amountFormat = amountFormat(content.adjustments.map((a) => oreToTkr(a.amountOre)));
  }

  /** One format for every amount on the sheet, so that a column and its sum read alike. */
  private readonly amountFormat: string;

  build(name: string): FollowUpSheet {
    const sections = this.sections();
    this.heading();
    for (const section of sections) if (section.rows.length) this.section(section);
    const removed = this.removedSection();
    if (removed.rows.length) this.section(removed);
    const spec: SheetSpec = {
      name,
      blocks: [{ top: 0, left: 0, rows: this.out }],
      columnWidths: COLUMN_WIDTHS.map((width, col) => ({ col, width, ...(col === COL.key ? { hidden: true } : {}) })),
      rowHeights: estimateRowHeights(this.out, COLUMN_WIDTHS),
      frozenRows: HEADING_ROWS,
      validations: this.validations,
      conditionalFills: this.fills,
      merges: this.merges,
      print: { orientation: "landscape", paper: "A4", titleRows: `1:${HEADING_ROWS}`, fitToWidth: true },
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

  private meta(): FollowUpMeta {
    const { period, year, due, generatedAt, planName } = this.options;
    return {
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
  }

  private heading(): void {
    const { period, year, due } = this.options;
    const who = this.committee.name ? `${this.committee.name} (${this.committee.code})` : this.committee.code;
    const what = period.kind === "prognos" ? "Prognos för helåret" : "Utfall för året";
    const answerBy = due ? ` · Svara senast ${due}` : "";
    this.row(FOLLOW_UP_MARKER, [{ value: `Uppföljning ${period.name} ${year} – ${who}`, bold: true, fontSize: 14 }]);
    this.row(JSON.stringify(this.meta()), [
      {
        value: `${what}${answerBy}. Fyll i de gula cellerna; en kommentar behövs när målet inte är uppfyllt eller uppdraget inte genomfört.`,
        italic: true,
      },
    ]);
    this.merges.push(`B1:${cellName(0, LAST_COL)}`, `B2:${cellName(1, LAST_COL)}`);
    this.row("", []);
  }

  /** Appends one sheet row: the key in column A, then cells from column B. */
  private row(key: string, cells: SpecCell[]): number {
    this.out.push([{ value: key }, ...cells]);
    return this.out.length - 1;
  }

  private sections(): Section[] {
    const { period } = this.options;
    const prognos = period.kind === "prognos";
    const levelLabel = (id: string) => this.plan.levels.find((l) => l.id === id)?.label ?? id;
    const index = planIndex(this.plan);
    const goalName = (id: string) => index.goals.get(id)?.name ?? id;
    const assignmentTitle = (id: string | null) => (id ? (index.assignments.get(id)?.title ?? id) : null);
    const topLevel = this.plan.levels[0]?.id;
    const row = (kind: FollowUpKind, id: string, cells: Row["cells"], input: InputKind): Row => {
      const key = rowKey(kind, id);
      this.used.add(key);
      return { key, cells, input, answer: this.answers.get(key) };
    };
    return [
      {
        title: "Mål",
        headers: [
          "Mål",
          "Nivå",
          "Bidrar till",
          "Målvärde",
          prognos ? "Bedömning (prognos)" : "Bedömning",
          "",
          "Kommentar / analys",
        ],
        rows: this.content.goals.map((g) =>
          row(
            "goal",
            g.id,
            [g.name, levelLabel(g.level), text(g.parentIds.map(goalName).join("\n")), g.target, null, null, null],
            // The vision is the direction, not something a nämnd assesses.
            g.level === topLevel ? "none" : "goalScale",
          ),
        ),
      },
      {
        title: "Uppdrag",
        headers: ["Uppdrag", "Förtydligande", "Mål", "Från", "Status", "", "Kommentar / analys"],
        rows: this.content.assignments.map((a) =>
          row(
            "assignment",
            a.id,
            [
              a.title,
              a.clarification,
              text(a.goalIds.map(goalName).join("\n")),
              a.origin === "fullmaktige" ? "Fullmäktige" : "Nämnden",
              null,
              null,
              null,
            ],
            "assignmentScale",
          ),
        ),
      },
      {
        title: "Ramjusteringar",
        headers: [
          "Ramjustering",
          "Varaktighet",
          "Uppdrag",
          "Belopp (tkr)",
          prognos ? "Prognos (tkr)" : "Utfall (tkr)",
          "Avvikelse (tkr)",
          "Kommentar",
        ],
        total: true,
        rows: this.content.adjustments.map((a) =>
          row(
            "adjustment",
            a.id,
            [
              `${a.direction === "increase" ? "Ramökning" : "Ramminskning"}${a.year ? ` ${a.year}` : ""}`,
              a.duration === "varaktig" ? "Varaktig" : a.duration === "tillfallig" ? "Tillfällig" : "Ej angiven",
              assignmentTitle(a.assignmentId),
              oreToTkr(a.amountOre),
              null,
              null,
              null,
            ],
            "amount",
          ),
        ),
      },
      {
        title: "Nyckeltal",
        headers: ["Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Utfall", "Enhet", "Kommentar"],
        rows: this.content.keyFigures.map((k) =>
          row(
            "keyFigure",
            k.id,
            [k.name, k.koladaId, k.goalId ? goalName(k.goalId) : null, k.target, null, k.unit, null],
            "number",
          ),
        ),
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
      title: REMOVED_SECTION,
      headers: ["Rubrik", "Typ", "", "", "Svar", "", "Kommentar"],
      rows,
    };
  }

  private section(section: Section): void {
    // A band of colour rather than a merge: merges do not move with rows a nämnd inserts.
    this.row("", [
      { value: section.title, bold: true, fill: SECTION_FILL },
      ...Array.from({ length: LAST_COL - 1 }, (): SpecCell => ({ value: null, fill: SECTION_FILL })),
    ]);
    this.row(
      "",
      section.headers.map((h) => ({ value: h, bold: true, fill: HEADER_FILL, wrap: true })),
    );
    const first = this.out.length;
    for (const row of section.rows) this.dataRow(row, section.title === REMOVED_SECTION);
    const last = this.out.length - 1;
    if (section.total) this.totalRow(first, last);
    this.dropdowns(section.rows, first);
  }

  private dataRow(row: Row, removed: boolean): void {
    const r = this.out.length;
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
          fill: INPUT_FILL,
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
            fill: editable ? INPUT_FILL : REMOVED_FILL,
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
    this.row(row.key, cells);
  }

  private totalRow(first: number, last: number): void {
    const sum = (col: number): SpecCell => ({
      value: null,
      formula: `SUM(${cellName(first, col)}:${cellName(last, col)})`,
      numberFormat: this.amountFormat,
      bold: true,
    });
    this.row("", [
      { value: TOTAL_LABEL, bold: true },
      { value: null },
      { value: null },
      sum(COL.value),
      sum(COL.input),
      sum(COL.extra),
    ]);
  }

  private dropdowns(rows: Row[], first: number): void {
    const scales: Partial<Record<InputKind, [ListName, ScaleValue[]]>> = {
      goalScale: ["goalScale", this.options.settings.scales.goal],
      assignmentScale: ["assignmentScale", this.options.settings.scales.assignment],
    };
    const kind = rows.find((r) => scales[r.input])?.input;
    const scale = kind ? scales[kind] : undefined;
    if (!scale) return;
    // One range per run of editable rows: the vision's row in the goal section takes no assessment.
    let start = -1;
    const flush = (end: number) => {
      if (start < 0) return;
      const range = `${cellName(first + start, COL.input)}:${cellName(first + end, COL.input)}`;
      this.validations.push({ range, source: listSource(this.options.settings, scale[0]) });
      for (const value of scale[1]) this.fills.push({ range, when: { equals: value.label }, fill: value.color });
      start = -1;
    };
    rows.forEach((row, i) => {
      if (row.input === kind && start < 0) start = i;
      if (row.input !== kind) flush(i - 1);
    });
    flush(rows.length - 1);
  }
}
