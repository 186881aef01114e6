import { cellName } from "../../sheet/grid";
import { rowHeight } from "../../sheet/layout";
import { ConditionalFill, SheetSpec, SpecCell } from "../../sheet/spec";
import { ScaleValue, Settings } from "../settings";
import { CommitteeResult, Consolidation } from "./consolidate";
import { NOT_RECEIVED } from "./economyReport";
import type { CommitteeFigures } from "./report";
import { HEADER_ROW, reportSheet } from "./reportSheet";

/**
 * The report's sheets with a row per nämnd, each narrow enough to print on A4 with text of full size: Översikt (who
 * answered, from which file, and how much is missing), Måluppfyllelse per nämnd and Uppdrag per nämnd (how many of its
 * mål and uppdrag are answered, and how many have each value of the scale), and Ramjusteringar per nämnd (the
 * ramjusteringar, their prognos or utfall, and the avvikelse). The nämnd's drift (budget, utfall, prognos) is on the
 * Driftredovisning and is not repeated here: the ramjusteringar are what only the answers hold.
 *
 * Counts and sums are formulas over the Svar sheet, so that a spreadsheet recalculates them, and each carries the
 * value it gives (as reportFigures computes it) for viewers that do not recalculate. A nämnd that has not answered
 * says Ej inkommet and has no figure of its own: blank, never 0; the Summa row adds up what was given, and the note
 * under it says so.
 */

export const OVERVIEW_SHEET = "Översikt";
export const GOALS_SHEET = "Måluppfyllelse per nämnd";
export const ASSIGNMENTS_SHEET = "Uppdrag per nämnd";
export const ADJUSTMENTS_SHEET = "Ramjusteringar per nämnd";

const FIRST_ROW = HEADER_ROW + 1;
const notReceived: SpecCell = { value: NOT_RECEIVED, italic: true };

/** What the sheets are made of: the consolidation, its figures, and the Svar sheet's columns. */
export interface CommitteeSheetsInput {
  consolidation: Consolidation;
  settings: Settings;
  figures: CommitteeFigures[];
  /** "T1 2024" */
  what: string;
  /** "Prognos (tkr)" or "Utfall (tkr)" */
  amountHeader: string;
  tkrFormat: string;
  /** A column of the Svar sheet over its answer rows, e.g. `Svar!$E$4:$E$64`. */
  answers: (letter: string) => string;
}

/** A column after Nämnd and Namn: its header, width, cell per nämnd, and whether the Summa row adds it up. */
interface Column {
  header: string;
  width: number;
  cell: (committee: CommitteeResult, figures: CommitteeFigures, row: number) => SpecCell;
  sum?: boolean;
  numberFormat?: string;
}

export function committeeSheets(input: CommitteeSheetsInput): SheetSpec[] {
  const { consolidation, settings, figures, answers, tkrFormat } = input;
  const { goal, assignment } = settings.scales;
  // Counts and sums match text exactly (EXACT) against the nämnd's code and the status in this sheet's own cells:
  // no code or status is ever part of a formula, where COUNTIFS would read "<>KS", ">A" or "K*" as a comparison.
  const where = (r: number, ...conditions: string[]) =>
    `SUMPRODUCT(--EXACT(${answers("A")},$A$${r + 1})${conditions.map((c) => `,${c}`).join("")})`;
  const kindIs = (kind: string) => `--EXACT(${answers("B")},"${kind}")`;
  const count = (value: number, r: number, ...conditions: string[]): SpecCell => ({
    value,
    formula: where(r, ...conditions),
  });
  const own = (c: CommitteeResult, cell: SpecCell): SpecCell => (c.answered ? cell : { value: null });

  /** Besvarade, totalt and a column per value of the scale, for mål or uppdrag. */
  const tally = (kind: "Mål" | "Uppdrag", pick: (f: CommitteeFigures) => { answered: number }, scale: ScaleValue[]) => {
    const first = 2 + 2; // after Nämnd, Namn, besvarade and totalt
    const columns: Column[] = [
      {
        header: `${kind} besvarade`,
        width: 11,
        sum: true,
        cell: (c, f, r) =>
          c.answered ? count(pick(f).answered, r, kindIs(kind), `--(${answers("E")}<>"")`) : notReceived,
      },
      {
        header: `${kind} totalt`,
        width: 10,
        sum: true,
        cell: (_, f, r) => count(kind === "Mål" ? f.goals.total : f.assignments.total, r, kindIs(kind)),
      },
      // A status counts on its own kind: a nyckeltal's utfall may be any text, and the two scales may share a value.
      ...scale.map((v, i): Column => ({
        header: v.label,
        width: 11,
        sum: true,
        cell: (c, _, r) =>
          own(
            c,
            count(
              statusCount(c, kind, v.label),
              r,
              kindIs(kind),
              `--EXACT(${answers("E")},${absolute(HEADER_ROW, first + i)})`,
            ),
          ),
      })),
    ];
    // A status column lights up in its colour where any answer has it.
    const fills = (last: number): ConditionalFill[] =>
      scale.map((v, i) => ({
        range: `${cellName(FIRST_ROW, first + i)}:${cellName(last, first + i)}`,
        when: { greaterThan: 0 },
        fill: v.color,
      }));
    return { columns, fills };
  };

  const sheet = (
    name: string,
    heading: string,
    columns: Column[],
    note: string,
    fills?: (last: number) => ConditionalFill[],
  ) => committeeSheet(input, name, `${heading} ${input.what}`, columns, note, fills);
  const answered = consolidation.committees.filter((c) => c.answered).length;
  const of = `${answered} av ${consolidation.committees.length} nämnder`;
  const notZero = `En nämnd som inte svarat (${NOT_RECEIVED}) räknas aldrig som 0.`;

  const overview = sheet(
    OVERVIEW_SHEET,
    "Uppföljning",
    [
      {
        header: "Svar från",
        width: 30,
        cell: (c) =>
          c.answered && c.source ? { value: `${c.source.file} (${c.source.sheet})`, wrap: true } : notReceived,
      },
      // Unanswered: no status and no prognos.
      {
        header: "Saknas",
        width: 9,
        sum: true,
        cell: (_, f, r) => count(f.missing.length, r, `--(${answers("E")}="")`, `--(${answers("H")}="")`),
      },
    ],
    `Svar från ${of}. Saknas: de mål, uppdrag, ramjusteringar och nyckeltal som ännu inte fått något svar; de står ` +
      "på bladet Saknas. Bedömningarna per nämnd står på bladen Måluppfyllelse per nämnd och Uppdrag per nämnd.",
  );
  const goals = tally("Mål", (f) => f.goals, goal);
  const assignments = tally("Uppdrag", (f) => f.assignments, assignment);
  const given = `--(${answers("H")}<>"")`;
  // Prognos and avvikelse only where a prognos was given: a sum of none is blank, not 0.
  const amount =
    (tkr: (f: CommitteeFigures) => number, letter: string) =>
    (c: CommitteeResult, f: CommitteeFigures, r: number): SpecCell => {
      if (!c.answered) return notReceived;
      if (f.adjustments.answered === 0) return { value: null };
      return {
        value: tkr(f),
        formula: `IF(${where(r, given)}=0,"",${where(r, answers(letter))})`,
        numberFormat: tkrFormat,
      };
    };
  const hasAdjustments = figures.some((f) => f.adjustments.total > 0);
  return [
    overview,
    sheet(
      GOALS_SHEET,
      "Måluppfyllelse per nämnd",
      goals.columns,
      `Antal mål per bedömning. Summorna gäller det som kommit in: svar från ${of}. ${notZero}`,
      goals.fills,
    ),
    sheet(
      ASSIGNMENTS_SHEET,
      "Uppdrag per nämnd",
      assignments.columns,
      `Antal uppdrag per status. Summorna gäller det som kommit in: svar från ${of}. ${notZero}`,
      assignments.fills,
    ),
    ...(hasAdjustments
      ? [
          sheet(
            ADJUSTMENTS_SHEET,
            "Ramjusteringar per nämnd",
            [
              // SUMPRODUCT takes the empty cells and the "" of an avvikelse without a prognos as 0.
              {
                header: "Ramjusteringar (tkr)",
                width: 15,
                sum: true,
                numberFormat: tkrFormat,
                cell: (_, f, r) => ({ ...count(f.adjustmentsTkr, r, answers("G")), numberFormat: tkrFormat }),
              },
              {
                header: input.amountHeader,
                width: 15,
                sum: true,
                numberFormat: tkrFormat,
                cell: amount((f) => f.forecastTkr, "H"),
              },
              {
                header: "Avvikelse (tkr)",
                width: 15,
                sum: true,
                numberFormat: tkrFormat,
                cell: amount((f) => f.deviationTkr, "I"),
              },
            ],
            `Summorna gäller det som kommit in: svar från ${of}. ${notZero} ${input.amountHeader.replace(" (tkr)", "")} ` +
              "och avvikelse summeras över de ramjusteringar som fått en siffra; avvikelse = belopp − " +
              `${input.amountHeader.replace(" (tkr)", "").toLowerCase()}, positiv är ett överskott. Nämndernas drift står ` +
              "på bladet Driftredovisning.",
          ),
        ]
      : []),
  ];
}

function statusCount(c: CommitteeResult, kind: "Mål" | "Uppdrag", label: string): number {
  const rowKind = kind === "Mål" ? "goal" : "assignment";
  return c.rows.filter((r) => r.kind === rowKind && r.input === label).length;
}

/** "$H$3" */
function absolute(row: number, col: number): string {
  return cellName(row, col).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
}

/** A sheet with a row per nämnd (its code and name, then `columns`), the Summa row and a note across the table. */
function committeeSheet(
  { consolidation, figures }: CommitteeSheetsInput,
  name: string,
  heading: string,
  columns: Column[],
  note: string,
  fills?: (last: number) => ConditionalFill[],
): SheetSpec {
  const committees = consolidation.committees;
  // Wide enough for the longest code, so that two long codes never look alike.
  const codeWidth = Math.min(40, Math.max(8, ...committees.map((c) => c.committee.code.length + 2)));
  // The name on one line: "Social- och arbetsmarknadsnämnden" is 33 characters.
  const widths = [codeWidth, 36, ...columns.map((c) => c.width)];
  const rows: SpecCell[][] = committees.map((c, i) => [
    { value: c.committee.code, bold: true },
    { value: c.committee.name, wrap: true },
    ...columns.map((column) => column.cell(c, figures[i], FIRST_ROW + i)),
  ]);
  const totalRow = FIRST_ROW + committees.length;
  const answered = committees.filter((c) => c.answered).length;
  const totals: SpecCell[] = [
    { value: "Summa", bold: true },
    { value: `${answered} av ${committees.length} har svarat`, italic: true },
    ...columns.map((column, i): SpecCell => {
      if (!column.sum) return { value: null };
      const col = 2 + i;
      const values = rows.map((row) => row[col].value).filter((v): v is number => typeof v === "number");
      return {
        value: values.reduce((sum, v) => sum + v, 0),
        bold: true,
        formula: `SUM(${cellName(FIRST_ROW, col)}:${cellName(Math.max(totalRow - 1, FIRST_ROW), col)})`,
        ...(column.numberFormat ? { numberFormat: column.numberFormat } : {}),
      };
    }),
  ];
  const noteCell: SpecCell = { value: note, italic: true, wrap: true };
  const spec = reportSheet(
    name,
    heading,
    ["Nämnd", "Namn", ...columns.map((c) => c.header)],
    [...rows, totals, [], [noteCell]],
    widths,
  );
  // The note across the table, wrapped, so that it prints within the page.
  const noteRow = totalRow + 2;
  const width = widths.reduce((a, b) => a + b, 0);
  const last = widths.length - 1;
  return {
    ...spec,
    merges: [`${cellName(noteRow, 0)}:${cellName(noteRow, last)}`],
    rowHeights: [
      ...(spec.rowHeights ?? []).filter((h) => h.row !== noteRow),
      { row: noteRow, height: rowHeight([noteCell], [width]) },
    ],
    ...(fills ? { conditionalFills: fills(totalRow) } : {}),
  };
}
