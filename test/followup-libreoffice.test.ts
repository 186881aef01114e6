/**
 * The follow-up sheets and the consolidation report as an independent spreadsheet engine sees them: every example
 * plan and a hostile plan built here (long and colliding nämnd codes, texts that look like formulas, dates and
 * numbers) go through `generate` (--split and --out), a few sheets are answered the way a nämnd would, the answers
 * are consolidated, and LibreOffice Calc opens everything, recalculates every formula (cached results are never
 * trusted) and reports what it sees. No skipping: without LibreOffice the tests fail and say how to install it.
 */
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import type { ConsolidateOutput } from "../src/cli/consolidate";
import {
  COL,
  ECONOMY_COL,
  FOLLOW_UP_MARKER,
  FollowUpMeta,
  REMOVED_SECTION,
  TOTAL_LABEL,
  answerColumns,
  parseRowKey,
} from "../src/domain/followup/model";
import { LISTS_SHEET } from "../src/domain/lists";
import { Plan } from "../src/domain/model";
import { readPlan } from "../src/domain/readPlan";
import { readSettings } from "../src/domain/state";
import { GOAL_ATTAINMENT_SHEET } from "../src/domain/followup/goalAttainmentSheet";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import {
  LibreOffice,
  LoCell,
  LoSheet,
  LoWorkbook,
  loCell,
  loSheet,
  requireLibreOffice,
  startLibreOffice,
} from "./support/libreoffice";
import { committeeColumns } from "./support/reportSheets";
import { EXAMPLES, cli, editWorkbook, rowByKey, tempDir, typeAnswer } from "./support/workbooks";

const LO_TIMEOUT = 180_000;
const SCREENSHOTS = path.join(__dirname, "..", "test-output", "screenshots");
const PERIOD = ["--period", "T1", "--year", "2024"];

const GOAL_SCALE = ["Uppfyllt", "Delvis uppfyllt", "Ej uppfyllt", "Kan inte bedömas"];
const ASSIGNMENT_SCALE = ["Genomfört", "Påbörjat", "Ej påbörjat", "Försenat", "Avfört"];

// ---------------------------------------------------------------------------------------------------------------
// The hostile plan: the template's layout, built cell by cell with ExcelJS (strings stay strings).

/** Register codes as long as real names, and codes that collide once Excel's sheet-name rules are applied. */
const GVN = "Gymnasie- och vuxenutbildningsnämnden"; // 37 characters
const OFN = "Överförmyndarnämnden i Västra Gästrikland"; // 41
const SAN = "Social- och arbetsmarknadsnämnden"; // 33
const SQN = "S?N"; // "?" is no sheet-name character, and a wildcard in COUNTIFS
const SDN = "S-N"; // "S?N" cleaned for a sheet name is "S-N"
const KFA = "Kultur- och fritidsnämndens utskott A"; // shares its first 23 characters with KFB
const KFB = "Kultur- och fritidsnämndens utskott B";

const COMMITTEES: [code: string, name: string][] = [
  [GVN, "Gymnasie- och vuxenutbildningsnämnden i Norra Hälsingland"],
  [OFN, "Överförmyndarnämnden i Västra Gästrikland, gemensam för Gävle, Ockelbo och Hofors"],
  [SAN, "Social- och arbetsmarknadsnämnden"],
  [SQN, "Samhällsbyggnadsnämnden norra"],
  [SDN, "Samhällsbyggnadsnämnden södra"],
  [KFA, "Kultur- och fritidsnämndens utskott för allmänkultur"],
  [KFB, "Kultur- och fritidsnämndens utskott för bibliotek"],
];
const NAME = new Map(COMMITTEES);

/** Texts a spreadsheet would happily turn into a formula, a number, a percentage, a date, a time or a boolean. */
const T = {
  sum: "=SUMMA(A1:A3)",
  phone: "+46 70 123",
  minus: "-5 %",
  at: "@kommunen",
  date: "2024-12-31",
  zero: "001",
  percent: "50%",
  link: '=HYPERLINK("http://x")',
  time: "12:30",
  fraction: "1/2",
  bool: "SANT",
};
const LONG_CLARIFICATION =
  "Utredningen ska visa behov, lämpliga lägen och kostnader i tätort och på landsbygd, och redovisas till " +
  "fullmäktige senast 2024-12-31. Uppdraget följs upp vid delåret och i årsredovisningen; se även =SUMMA(A1:A3).";

interface GoalRow {
  id: string;
  level: string;
  name: string;
  parent: string | null;
  committee: string | null;
  target: string | null;
}
const GOALS: GoalRow[] = [
  { id: "V1", level: "Vision", name: "Vision 2030", parent: null, committee: null, target: null },
  { id: "M1", level: "Kommunövergripande mål", name: T.sum, parent: "V1", committee: null, target: T.percent },
  { id: "M2", level: "Kommunövergripande mål", name: T.date, parent: "V1", committee: null, target: T.zero },
  { id: "NM1", level: "Nämndmål", name: T.phone, parent: "M1", committee: GVN, target: T.minus },
  { id: "NM2", level: "Nämndmål", name: T.at, parent: "M2", committee: OFN, target: T.link },
  { id: "NM3", level: "Nämndmål", name: T.zero, parent: "M1", committee: SQN, target: T.date },
  { id: "NM4", level: "Nämndmål", name: T.percent, parent: "M2", committee: SDN, target: T.phone },
  { id: "NM5", level: "Nämndmål", name: T.minus, parent: "M2", committee: SAN, target: T.time },
  { id: "NM6", level: "Nämndmål", name: T.bool, parent: "M1", committee: KFA, target: T.fraction },
];

interface AssignmentRow {
  id: string;
  title: string;
  clarification: string | null;
  goals: string[];
  committees: string[];
  origin: "Fullmäktige" | "Nämnd";
}
const ASSIGNMENTS: AssignmentRow[] = [
  { id: "U1", title: T.sum, clarification: T.link, goals: ["M1"], committees: [GVN], origin: "Fullmäktige" },
  { id: "U2", title: T.phone, clarification: T.minus, goals: ["M2"], committees: [SQN], origin: "Fullmäktige" },
  { id: "U3", title: T.at, clarification: T.date, goals: ["M1"], committees: [SDN], origin: "Nämnd" },
  { id: "U4", title: T.zero, clarification: T.percent, goals: [], committees: [OFN], origin: "Fullmäktige" },
  {
    id: "U5",
    title: T.date,
    clarification: LONG_CLARIFICATION,
    goals: ["M2"],
    committees: [SAN],
    origin: "Fullmäktige",
  },
  { id: "U6", title: T.percent, clarification: T.at, goals: ["M1"], committees: [KFA, KFB], origin: "Fullmäktige" },
  {
    id: "U7",
    title: T.minus,
    clarification: T.zero,
    goals: ["M1", "M2"],
    committees: [SQN, SDN],
    origin: "Fullmäktige",
  },
  { id: "U8", title: T.bool, clarification: T.time, goals: ["NM1"], committees: [GVN], origin: "Nämnd" },
  { id: "U9", title: T.fraction, clarification: T.bool, goals: ["NM2"], committees: [OFN], origin: "Fullmäktige" },
];

interface AdjustmentRow {
  id: string;
  committee: string;
  tkr: number;
  duration: "Varaktig" | "Tillfällig";
  assignment: string | null;
}
/** Amounts with binary-exact fractions (.25, .5, .75), so that Calc's sums are exact and can be compared with toBe. */
const ADJUSTMENTS: AdjustmentRow[] = [
  { id: "R1", committee: GVN, tkr: 1200, duration: "Varaktig", assignment: "U1" },
  { id: "R2", committee: GVN, tkr: -350.5, duration: "Tillfällig", assignment: null },
  { id: "R3", committee: SQN, tkr: 250, duration: "Tillfällig", assignment: "U2" },
  { id: "R4", committee: SDN, tkr: 12400, duration: "Varaktig", assignment: null },
  { id: "R5", committee: SAN, tkr: 0.75, duration: "Tillfällig", assignment: "U5" },
  { id: "R6", committee: SAN, tkr: -1861.5, duration: "Varaktig", assignment: null },
  { id: "R7", committee: OFN, tkr: 100, duration: "Tillfällig", assignment: "U4" },
];

const KEY_FIGURES = [
  { id: "N1", name: T.link, kolada: "N00945", goal: "NM1", target: T.zero, unit: "%" },
  { id: "N2", name: T.date, kolada: "U07455", goal: "M2", target: T.percent, unit: T.fraction },
];

/**
 * The rows each nämnd's sheet must have, in order: its nämndmål with every goal above them and the goals its uppdrag
 * serve (top-down), its uppdrag (KF's shared ones too), its ramjusteringar, and the nyckeltal on any of its goals.
 */
const EXPECTED_KEYS: Record<string, string[]> = {
  [GVN]: [
    "goal|V1",
    "goal|M1",
    "goal|NM1",
    "assignment|U1",
    "assignment|U8",
    "adjustment|R1",
    "adjustment|R2",
    "keyFigure|N1",
  ],
  [OFN]: ["goal|V1", "goal|M2", "goal|NM2", "assignment|U4", "assignment|U9", "adjustment|R7", "keyFigure|N2"],
  [SAN]: ["goal|V1", "goal|M2", "goal|NM5", "assignment|U5", "adjustment|R5", "adjustment|R6", "keyFigure|N2"],
  [SQN]: [
    "goal|V1",
    "goal|M1",
    "goal|NM3",
    "goal|M2",
    "assignment|U2",
    "assignment|U7",
    "adjustment|R3",
    "keyFigure|N2",
  ],
  [SDN]: [
    "goal|V1",
    "goal|M1",
    "goal|M2",
    "goal|NM4",
    "assignment|U3",
    "assignment|U7",
    "adjustment|R4",
    "keyFigure|N2",
  ],
  [KFA]: ["goal|V1", "goal|M1", "goal|NM6", "assignment|U6"],
  [KFB]: ["goal|V1", "goal|M1", "assignment|U6"],
};

async function buildHostilePlan(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    for (const row of rows) ws.addRow(row);
  };
  sheet("Nämnder", [["Förkortning", "Namn", "Typ"], ...COMMITTEES.map(([code, name]) => [code, name, "Nämnd"])]);
  sheet("Mål", [
    ["ID", "Nivå", "Namn", "Överordnat", "Nämnd", "Målvärde"],
    ...GOALS.map((g) => [g.id, g.level, g.name, g.parent, g.committee, g.target]),
  ]);
  sheet("Uppdrag", [
    ["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"],
    ...ASSIGNMENTS.map((a) => [
      a.id,
      a.title,
      a.clarification,
      a.goals.join("; ") || null,
      a.committees.join("; "),
      a.origin,
      2024,
    ]),
  ]);
  sheet("Ramjusteringar", [
    ["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet", "Uppdrag", "Kommentar"],
    ...ADJUSTMENTS.map((a) => [
      a.id,
      a.committee,
      2024,
      a.tkr,
      a.tkr < 0 ? "Ramminskning" : "Ramökning",
      a.duration,
      a.assignment,
      null,
    ]),
  ]);
  sheet("Nyckeltal", [
    ["ID", "Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Enhet"],
    ...KEY_FIGURES.map((k) => [k.id, k.name, k.kolada, k.goal, k.target, k.unit]),
  ]);
  sheet("Inställningar", [
    ["Budgetår", 2024],
    ["Planår", "2025, 2026"],
  ]);
  await workbook.xlsx.writeFile(file);
}

/** What the hostile plan's rows must show, cell by cell (B..H), as text exactly as the plan has it (null: empty). */
function hostileRowTexts(key: string): Partial<Record<"B" | "C" | "D" | "E" | "G", string | null>> {
  const [kind, id] = key.split("|");
  const goalName = (goalId: string) => GOALS.find((g) => g.id === goalId)!.name;
  if (kind === "goal") {
    const g = GOALS.find((x) => x.id === id)!;
    return { B: g.name, C: g.level, D: g.parent ? goalName(g.parent) : null, E: g.target };
  }
  if (kind === "assignment") {
    const a = ASSIGNMENTS.find((x) => x.id === id)!;
    return { B: a.title, C: a.clarification, D: a.goals.map(goalName).join("\n") || null };
  }
  if (kind === "adjustment") {
    const a = ADJUSTMENTS.find((x) => x.id === id)!;
    return { C: a.duration, D: a.assignment ? ASSIGNMENTS.find((x) => x.id === a.assignment)!.title : null };
  }
  const k = KEY_FIGURES.find((x) => x.id === id)!;
  return { B: k.name, C: k.kolada, D: goalName(k.goal), E: k.target, G: k.unit };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading what LibreOffice reports.

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const letter = (col: number) => LETTERS[col];

/** Cells by "row,col" (0-based), for quick lookups. */
class Cells {
  private readonly byPos = new Map<string, LoCell>();
  constructor(readonly sheet: LoSheet) {
    for (const cell of sheet.cells) this.byPos.set(`${cell.row},${cell.col}`, cell);
  }
  at(row: number, col: number): LoCell | undefined {
    return this.byPos.get(`${row},${col}`);
  }
  /** Row (0-based) by the hidden key in column A. */
  keyRows(): Map<string, number> {
    const rows = new Map<string, number>();
    for (const cell of this.sheet.cells) {
      if (
        cell.col === COL.key &&
        typeof cell.value === "string" &&
        /^(goal|assignment|adjustment|keyFigure)\|/.test(cell.value)
      ) {
        rows.set(cell.value, cell.row);
      }
    }
    return rows;
  }
  /** Row (0-based) whose column B reads `text`; -1 if none. */
  rowWithTitle(text: string): number {
    return this.sheet.cells.find((c) => c.col === COL.title && c.value === text)?.row ?? -1;
  }
}

function isValidSheetName(name: string): boolean {
  return name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !/^'|'$/.test(name);
}

interface FollowUp {
  sheet: LoSheet;
  cells: Cells;
  meta: FollowUpMeta;
}

/** The follow-up sheets of a workbook: those with Måltavlan's marker in A1 (and their metadata from A2). */
function followUps(workbook: LoWorkbook): FollowUp[] {
  return workbook.sheets
    .map((sheet) => ({ sheet, cells: new Cells(sheet) }))
    .filter(({ cells }) => cells.at(0, 0)?.value === FOLLOW_UP_MARKER)
    .map(({ sheet, cells }) => ({ sheet, cells, meta: JSON.parse(String(cells.at(1, 0)!.value)) as FollowUpMeta }));
}

/** `$'Måltavlan listor'.$F$3:$F$6` → the values of that range, read from the workbook as LibreOffice sees it. */
function listValues(workbook: LoWorkbook, source: string): { sheet: string; range: string; values: unknown[] } | null {
  const match = /^\$?(?:'((?:[^']|'')+)'|([^.']+))\.\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/.exec(source);
  if (!match) return null;
  const name = (match[1] ?? match[2]).replace(/''/g, "'");
  const [c1, r1, c2, r2] = [
    LETTERS.indexOf(match[3]),
    Number(match[4]) - 1,
    LETTERS.indexOf(match[5]),
    Number(match[6]) - 1,
  ];
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet || c1 !== c2) return { sheet: name, range: `${match[3]}${r1 + 1}:${match[5]}${r2 + 1}`, values: [] };
  const cells = new Cells(sheet);
  const values: unknown[] = [];
  for (let r = r1; r <= r2; r++) values.push(cells.at(r, c1)?.value ?? null);
  return { sheet: name, range: `${match[3]}${r1 + 1}:${match[5]}${r2 + 1}`, values };
}

// ---------------------------------------------------------------------------------------------------------------
// Everything is generated, answered and consolidated once, then inspected by one LibreOffice, which also draws the
// pictures at the end.

interface Source {
  label: string;
  planFile: string;
  plan: Plan;
  /** Follow-up sheets the CLI said it created. */
  created: number;
  split: string[];
  master: string;
}

let dir: string;
let office: LibreOffice | undefined;
const sources: Source[] = [];
let hostile: Source;
/** Inspected workbooks by file path. */
const inspected = new Map<string, LoWorkbook>();
let report: string;
let delar: string;
let reportJson: ConsolidateOutput;
let consolidateCode: number;
/** The typed split files: nämnd code → file, and what was typed into F by row key. */
const typed = new Map<string, { file: string; prognos: Record<string, number>; stale: string[] }>();

function createdCount(out: string): number {
  const match = /Skapade (\d+) uppföljningsblad\./.exec(out);
  if (!match) throw new Error(`generate said nothing about sheets created:\n${out}`);
  return Number(match[1]);
}

async function generate(label: string, planFile: string): Promise<Source> {
  const base = path.join(dir, label);
  const master = `${base}-master.xlsx`;
  const splitDir = `${base}-split`;
  const out = await cli("generate", planFile, ...PERIOD, "--out", master);
  if (out.code !== 0) throw new Error(`generate --out ${label} failed (${out.code}):\n${out.out}\n${out.err}`);
  // The split from the master, as the finance office does it: the master is what consolidation reads.
  const split = await cli("generate", master, ...PERIOD, "--split", splitDir);
  if (split.code !== 0)
    throw new Error(`generate --split ${label} failed (${split.code}):\n${split.out}\n${split.err}`);
  const created = createdCount(split.out);
  expect(createdCount(out.out)).toBe(created);
  const files = (await fs.readdir(splitDir)).sort().map((f) => path.join(splitDir, f));
  const grids = (await readWorkbookFile(planFile)).grids;
  const { plan } = readPlan(grids, {}, readSettings(grids).levels);
  return { label, planFile, plan, created, split: files, master };
}

/** The split file whose follow-up sheet is `code`'s, by the metadata in A2 (not by guessing the file name). */
async function splitFileOf(source: Source, code: string): Promise<string> {
  for (const file of source.split) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const meta = JSON.parse(String(workbook.worksheets[0].getCell("A2").value)) as FollowUpMeta;
    if (meta.committee === code) return file;
  }
  throw new Error(`No split file for ${code} among ${source.split.map((f) => path.basename(f)).join(", ")}`);
}

/** What a nämnd does in Excel: types statuses, bedömningar, comments and prognoses (ExcelJS here). */
async function answer(
  source: Source,
  code: string,
  answers: [key: string, input: string | number, comment: string | null][],
  wrongCache = false,
): Promise<void> {
  const file = await splitFileOf(source, code);
  const prognos: Record<string, number> = {};
  const stale: string[] = [];
  await editWorkbook(file, (workbook) => {
    const sheet = workbook.worksheets[0];
    for (const [key, input, comment] of answers) {
      typeAnswer(sheet, key, input, comment);
      if (key.startsWith("adjustment|")) prognos[key] = input as number;
    }
    if (wrongCache) {
      // A stale cached result in the avvikelse of the first answered ramjustering and in the Summa row: Calc must
      // recalculate them, not show 999.
      const adjustmentRow = rowByKey(sheet, Object.keys(prognos)[0])!;
      let totalRow: ExcelJS.Row | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(COL.title + 1).value === TOTAL_LABEL) totalRow = row;
      });
      for (const cell of [
        adjustmentRow.getCell(COL.extra + 1),
        totalRow!.getCell(COL.value + 1),
        totalRow!.getCell(COL.input + 1),
        totalRow!.getCell(COL.extra + 1),
      ]) {
        cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: 999 };
        stale.push(cell.address);
      }
    }
  });
  typed.set(code, { file, prognos, stale });
}

beforeAll(async () => {
  requireLibreOffice(); // fails every test with the install instructions instead of skipping
  dir = await tempDir("followup-lo");
  const planFile = path.join(dir, "plan.xlsx");
  await buildHostilePlan(planFile);
  hostile = await generate("hostile", planFile);
  sources.push(hostile);
  const examples = (await fs.readdir(EXAMPLES)).filter((f) => f.endsWith(".xlsx")).sort();
  expect(examples.length).toBeGreaterThanOrEqual(4);
  for (const example of examples)
    sources.push(await generate(path.basename(example, ".xlsx"), path.join(EXAMPLES, example)));

  await answer(
    hostile,
    GVN,
    [
      ["goal|M1", "Uppfyllt", null],
      ["goal|NM1", "Delvis uppfyllt", "Fler elever behöver studievägledning."],
      ["assignment|U1", "Påbörjat", "Kartläggningen pågår."],
      ["assignment|U8", "Genomfört", null],
      ["adjustment|R1", 1000.25, null],
      ["adjustment|R2", -400, "Lägre kostnader än beräknat."],
      ["keyFigure|N1", 42, null],
    ],
    true,
  );
  await answer(hostile, SAN, [
    ["goal|NM5", "Ej uppfyllt", "Målet nås inte i år."],
    ["assignment|U5", "Försenat", "Väntar på beslut i fullmäktige."],
    ["adjustment|R5", 0.5, null],
  ]);
  await answer(hostile, SQN, [
    ["assignment|U7", "Avfört", "Ersatt av ett nytt uppdrag."],
    ["adjustment|R3", 300, "Högre kostnader."],
  ]);

  report = path.join(dir, "rapport.xlsx");
  const returned = [...typed.values()].map((t) => t.file);
  const result = await cli("consolidate", hostile.master, ...returned, "--out", report, "--json");
  consolidateCode = result.code;
  reportJson = JSON.parse(result.out) as ConsolidateOutput;

  // Delår with GVN's answered T1 beside it (--previous): the shown cells must be locked for Calc too.
  delar = path.join(dir, "hostile-delar.xlsx");
  const delarRun = await cli(
    "generate",
    hostile.master,
    "--period",
    "Delår",
    "--year",
    "2024",
    "--out",
    delar,
    ...["--previous", typed.get(GVN)!.file],
  );
  if (delarRun.code !== 0) throw new Error(`generate --previous failed (${delarRun.code}):\n${delarRun.out}`);

  const files = [...sources.flatMap((s) => [...s.split, s.master]), report, delar];
  office = await startLibreOffice();
  const workbooks = await office.inspect(files);
  files.forEach((file, i) => inspected.set(file, workbooks[i]));
}, LO_TIMEOUT);

afterAll(async () => {
  await office?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

/** Every generated workbook with its source: each split file and each master. */
function allWorkbooks(): { source: Source; file: string; workbook: LoWorkbook }[] {
  return sources.flatMap((source) =>
    [...source.split, source.master].map((file) => ({ source, file, workbook: inspected.get(file)! })),
  );
}

function allFollowUps(): { source: Source; file: string; workbook: LoWorkbook; followUp: FollowUp }[] {
  return allWorkbooks().flatMap((w) => followUps(w.workbook).map((followUp) => ({ ...w, followUp })));
}

const where = (file: string, sheet: string, row?: number, col?: number) =>
  `${path.basename(file)} ${sheet}${row === undefined ? "" : `!${letter(col ?? 0)}${row + 1}`}`;

// ---------------------------------------------------------------------------------------------------------------

describe("what generate writes", () => {
  test("one split workbook per follow-up sheet, and the master holds them all", () => {
    for (const source of sources) {
      const splitSheets = source.split.map((file) => followUps(inspected.get(file)!));
      expect({ label: source.label, perFile: splitSheets.map((s) => s.length) }).toEqual({
        label: source.label,
        perFile: source.split.map(() => 1),
      });
      // As many files as sheets created: no nämnd's file may be written over by another's.
      expect({ label: source.label, files: source.split.length }).toEqual({
        label: source.label,
        files: source.created,
      });
      const inMaster = followUps(inspected.get(source.master)!).map((f) => f.meta.committee);
      expect(inMaster.sort()).toEqual(splitSheets.map((s) => s[0].meta.committee).sort());
      expect(new Set(inMaster).size).toBe(inMaster.length);
    }
    expect(followUps(inspected.get(hostile.master)!).map((f) => f.meta.committee)).toEqual(COMMITTEES.map(([c]) => c));
  });

  test("sheet names are valid and distinct ignoring case; each heading names its nämnd in full", () => {
    const problems: string[] = [];
    for (const { file, workbook } of allWorkbooks()) {
      const seen = new Map<string, string>();
      for (const sheet of workbook.sheets) {
        if (!isValidSheetName(sheet.name)) problems.push(`${path.basename(file)}: invalid sheet name "${sheet.name}"`);
        const lower = sheet.name.toLocaleLowerCase("sv");
        if (seen.has(lower)) problems.push(`${path.basename(file)}: "${sheet.name}" and "${seen.get(lower)}" collide`);
        seen.set(lower, sheet.name);
      }
    }
    for (const { source, file, followUp } of allFollowUps()) {
      const committee = source.plan.committees.find((c) => c.code === followUp.meta.committee);
      if (!committee) {
        problems.push(
          `${where(file, followUp.sheet.name)}: metadata names an unknown nämnd ${followUp.meta.committee}`,
        );
        continue;
      }
      const heading = followUp.cells.at(0, COL.title);
      const full = committee.name ?? committee.code;
      if (heading?.type !== "text" || !String(heading.value).includes(full)) {
        problems.push(`${where(file, followUp.sheet.name, 0, 1)}: heading "${heading?.value}" lacks "${full}"`);
      }
    }
    expect(problems).toEqual([]);
    // The hostile plan's headings, exactly.
    for (const { followUp } of allFollowUps().filter((f) => f.source === hostile)) {
      const code = followUp.meta.committee;
      expect(followUp.cells.at(0, COL.title)?.value).toBe(`Uppföljning T1 2024 – ${NAME.get(code)} (${code})`);
    }
  });

  test("the hostile plan's nämnder each get their rows, in order, and every text stays text, exactly", () => {
    const problems: string[] = [];
    const hostileFollowUps = allFollowUps().filter((f) => f.source === hostile);
    expect(hostileFollowUps).toHaveLength(2 * COMMITTEES.length); // split + master
    for (const { file, followUp } of hostileFollowUps) {
      const keys = [...followUp.cells.keyRows().entries()].sort((a, b) => a[1] - b[1]).map(([k]) => k);
      expect({ sheet: followUp.sheet.name, keys }).toEqual({
        sheet: followUp.sheet.name,
        keys: EXPECTED_KEYS[followUp.meta.committee],
      });
      for (const [key, row] of followUp.cells.keyRows()) {
        for (const [col, text] of Object.entries(hostileRowTexts(key))) {
          const cell = followUp.cells.at(row, LETTERS.indexOf(col));
          const got = cell ? { type: cell.type, value: cell.value } : "outside the area";
          const want = text === null ? { type: "empty", value: null } : { type: "text", value: text };
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            problems.push(
              `${where(file, followUp.sheet.name, row, LETTERS.indexOf(col))} ${key}: ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test("in the examples, every text from the plan is a text cell with the plan's text", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { source, file, followUp } of allFollowUps().filter((f) => f.source !== hostile)) {
      const { plan } = source;
      const goalName = (id: string) => plan.goals.find((g) => g.id === id)?.name ?? id;
      const keys = followUp.cells.keyRows();
      const code = followUp.meta.committee;
      // Everything the plan gives this nämnd is on its sheet.
      const wanted = [
        ...plan.goals.filter((g) => g.committee === code).map((g) => `goal|${g.id}`),
        ...plan.assignments.filter((a) => a.committees.includes(code)).map((a) => `assignment|${a.id}`),
        ...plan.adjustments.filter((a) => a.committee === code).map((a) => `adjustment|${a.id}`),
      ];
      for (const key of wanted) if (!keys.has(key)) problems.push(`${where(file, followUp.sheet.name)}: no row ${key}`);
      for (const [key, row] of keys) {
        const [kind, id] = [key.slice(0, key.indexOf("|")), key.slice(key.indexOf("|") + 1)];
        let texts: Record<string, string | null> = {};
        if (kind === "goal") {
          const g = plan.goals.find((x) => x.id === id)!;
          texts = { B: g.name, D: g.parentIds.map(goalName).join("\n") || null, E: g.target };
        } else if (kind === "assignment") {
          const a = plan.assignments.find((x) => x.id === id)!;
          texts = { B: a.title, C: a.clarification, D: a.goalIds.map(goalName).join("\n") || null };
        } else if (kind === "adjustment") {
          const a = plan.adjustments.find((x) => x.id === id)!;
          texts = { D: a.assignmentId ? plan.assignments.find((x) => x.id === a.assignmentId)!.title : null };
        } else {
          const k = plan.keyFigures.find((x) => x.id === id)!;
          texts = { B: k.name, C: k.koladaId, D: k.goalId ? goalName(k.goalId) : null, E: k.target, G: k.unit };
        }
        for (const [col, text] of Object.entries(texts)) {
          if (text !== null) checked++;
          const cell = followUp.cells.at(row, LETTERS.indexOf(col));
          const ok = text === null ? !cell || cell.type === "empty" : cell?.type === "text" && cell.value === text;
          if (!ok) {
            problems.push(
              `${where(file, followUp.sheet.name, row, LETTERS.indexOf(col))} ${key}: ${cell?.type} ${JSON.stringify(cell?.value)}, want ${JSON.stringify(text)}`,
            );
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  test("amounts are numbers equal to the plan's tkr", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const { source, file, followUp } of allFollowUps()) {
      for (const [key, row] of followUp.cells.keyRows()) {
        if (!key.startsWith("adjustment|")) continue;
        const id = key.slice("adjustment|".length);
        const tkr =
          source === hostile
            ? ADJUSTMENTS.find((a) => a.id === id)!.tkr
            : source.plan.adjustments.find((a) => a.id === id)!.amountOre / 100_000;
        const cell = followUp.cells.at(row, COL.value);
        checked++;
        if (cell?.type !== "number" || cell.value !== tkr) {
          problems.push(
            `${where(file, followUp.sheet.name, row, COL.value)} ${key}: ${cell?.type} ${JSON.stringify(cell?.value)}, want ${tkr}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(2 * ADJUSTMENTS.length);
  });
});

describe("the formulas, recalculated by LibreOffice", () => {
  test("the stale cached results (999) written into the typed file are recalculated", async () => {
    const { file, stale } = typed.get(GVN)!;
    expect(stale).toHaveLength(4);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const ref of stale) {
      expect({ ref, value: workbook.worksheets[0].getCell(ref).value }).toEqual({
        ref,
        value: { formula: expect.any(String), result: 999 },
      });
    }
    const sheet = followUps(inspected.get(file)!)[0].sheet;
    for (const ref of stale) {
      const cell = loCell(sheet, ref);
      expect({ ref, type: cell.type, resultType: cell.resultType }).toEqual({
        ref,
        type: "formula",
        resultType: "number",
      });
      expect(cell.value).not.toBe(999);
    }
  });

  test("avvikelse = belopp − prognos on every ramjustering, and the Summa row sums E, F and G", () => {
    const problems: string[] = [];
    const prognosFor = (file: string) => [...typed.values()].find((t) => t.file === file)?.prognos ?? {};
    let withPrognos = 0;
    for (const { file, followUp } of allFollowUps()) {
      const { cells, sheet } = followUp;
      const typedHere = prognosFor(file);
      const rows = [...cells.keyRows()].filter(([key]) => key.startsWith("adjustment|"));
      if (!rows.length) {
        if (cells.rowWithTitle(TOTAL_LABEL) >= 0)
          problems.push(`${where(file, sheet.name)}: a Summa row without ramjusteringar`);
        continue;
      }
      const sums = { E: 0, F: 0, G: 0 };
      for (const [key, row] of rows) {
        const [e, f, g] = [cells.at(row, COL.value), cells.at(row, COL.input), cells.at(row, COL.extra)];
        const prognos = typedHere[key];
        if (prognos !== undefined) {
          withPrognos++;
          if (f?.type !== "number" || f.value !== prognos)
            problems.push(`${where(file, sheet.name, row, COL.input)}: prognos ${f?.value}, typed ${prognos}`);
        } else if (f && f.type !== "empty") {
          problems.push(`${where(file, sheet.name, row, COL.input)}: not empty (${f.type} ${f.value})`);
        }
        const want = prognos === undefined ? "" : (e!.value as number) - prognos;
        if (g?.type !== "formula" || g.value !== want) {
          problems.push(
            `${where(file, sheet.name, row, COL.extra)} ${key}: avvikelse ${g?.type} ${JSON.stringify(g?.value)}, want ${JSON.stringify(want)}`,
          );
        }
        sums.E += e!.value as number;
        sums.F += prognos ?? 0;
        sums.G += typeof want === "number" ? want : 0;
      }
      const total = cells.rowWithTitle(TOTAL_LABEL);
      const last = Math.max(...rows.map(([, r]) => r));
      if (total !== last + 1) problems.push(`${where(file, sheet.name)}: Summa on row ${total + 1}, want ${last + 2}`);
      for (const [col, want] of [
        [COL.value, sums.E],
        [COL.input, sums.F],
        [COL.extra, sums.G],
      ] as const) {
        const cell = cells.at(total, col);
        if (cell?.type !== "formula" || cell.resultType !== "number" || cell.value !== want) {
          problems.push(
            `${where(file, sheet.name, total, col)}: Summa ${cell?.type} ${JSON.stringify(cell?.value)}, want ${want}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    // The typed prognoses were all seen (split files; the master has none).
    expect(withPrognos).toBe([...typed.values()].reduce((n, t) => n + Object.keys(t.prognos).length, 0));
    // The GVN sheet, spelled out: 1200 − 1000.25 and −350.5 − (−400); the stale 999s are gone.
    const gvn = followUps(inspected.get(typed.get(GVN)!.file)!)[0];
    const total = gvn.cells.rowWithTitle(TOTAL_LABEL);
    const r1 = gvn.cells.keyRows().get("adjustment|R1")!;
    expect(gvn.cells.at(r1, COL.extra)).toMatchObject({ type: "formula", value: 199.75 });
    expect([COL.value, COL.input, COL.extra].map((c) => gvn.cells.at(total, c)?.value)).toEqual([
      849.5, 600.25, 249.25,
    ]);
  });
});

describe("protection and dropdowns", () => {
  /** Rows a nämnd answers: every keyed row but the top level's (the vision is not assessed). */
  function editableRows(source: Source, followUp: FollowUp): Map<number, string> {
    const top = source.plan.levels[0]?.id;
    const rows = new Map<number, string>();
    for (const [key, row] of followUp.cells.keyRows()) {
      const id = key.slice(key.indexOf("|") + 1);
      if (key.startsWith("goal|") && source.plan.goals.find((g) => g.id === id)?.level === top) continue;
      rows.set(row, key);
    }
    // And the Ekonomi section's rows (keyRows gives the plan's, whose keys the hostile plan's tests list).
    for (const cell of followUp.sheet.cells) {
      if (cell.col === COL.key && typeof cell.value === "string" && /^(economy|investment|measures)\|/.test(cell.value))
        rows.set(cell.row, cell.value);
    }
    return rows;
  }

  /** The cells a row takes its answer in: F and H, in the Ekonomi section D, E and H (the åtgärder H alone). */
  function answerCells(key: string): number[] {
    const kind = parseRowKey(key)!.kind;
    if (kind === "measures") return [ECONOMY_COL.comment];
    const { input, comment, outcome } = answerColumns(kind);
    return [input, comment, ...(outcome === null ? [] : [outcome])];
  }

  test("the answer cells of answerable rows are the only unlocked cells, and every follow-up sheet is protected", () => {
    const problems: string[] = [];
    for (const { source, file, followUp } of allFollowUps()) {
      const { sheet, cells } = followUp;
      if (!sheet.protected) problems.push(`${where(file, sheet.name)}: not protected`);
      if (!sheet.hiddenColumns.includes(COL.key)) problems.push(`${where(file, sheet.name)}: the key column A shows`);
      if (cells.rowWithTitle(REMOVED_SECTION) >= 0)
        problems.push(`${where(file, sheet.name)}: unexpected ${REMOVED_SECTION}`);
      const editable = editableRows(source, followUp);
      const want = new Set([...editable].flatMap(([row, key]) => answerCells(key).map((col) => `${row},${col}`)));
      for (const cell of sheet.cells) {
        const shouldBeOpen = want.delete(`${cell.row},${cell.col}`);
        if (cell.locked === shouldBeOpen) {
          problems.push(`${where(file, sheet.name, cell.row, cell.col)}: ${cell.locked ? "locked" : "unlocked"}`);
        }
      }
      for (const pos of want) problems.push(`${where(file, sheet.name)}: input cell ${pos} outside the reported area`);
    }
    expect(problems).toEqual([]);
  });

  test("the dropdowns on F point at the goal and assignment scales on the hidden lists sheet", () => {
    const problems: string[] = [];
    let dropdowns = 0;
    for (const { source, file, workbook, followUp } of allFollowUps()) {
      const lists = workbook.sheets.find((s) => s.name === LISTS_SHEET);
      if (lists?.visibility !== "hidden")
        problems.push(`${path.basename(file)}: ${LISTS_SHEET} is ${lists?.visibility ?? "missing"}`);
      const editable = editableRows(source, followUp);
      for (const cell of followUp.sheet.cells) {
        const key = cell.col === COL.input ? editable.get(cell.row) : undefined;
        const scale = key?.startsWith("goal|") ? GOAL_SCALE : key?.startsWith("assignment|") ? ASSIGNMENT_SCALE : null;
        const at = where(file, followUp.sheet.name, cell.row, cell.col);
        if (!scale) {
          if (cell.validation) problems.push(`${at}: unexpected validation ${JSON.stringify(cell.validation)}`);
          continue;
        }
        const v = cell.validation;
        if (!v || v.type !== "list" || !v.source) {
          problems.push(`${at} ${key}: no list validation`);
          continue;
        }
        dropdowns++;
        if (v.showList === 0) problems.push(`${at}: the dropdown arrow is hidden`);
        if (!v.showErrorMessage) problems.push(`${at}: values outside the list are accepted`);
        const list = listValues(workbook, v.source);
        if (list?.sheet !== LISTS_SHEET || JSON.stringify(list.values) !== JSON.stringify(scale)) {
          problems.push(
            `${at} ${key}: ${v.source} holds ${JSON.stringify(list?.values)}, want ${JSON.stringify(scale)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect(dropdowns).toBeGreaterThan(50);
  });
});

describe("the consolidation report", () => {
  test("consolidate read the typed answers without findings", () => {
    expect(consolidateCode).toBe(0);
    expect(reportJson.findings).toEqual([]);
    expect(reportJson.committees.map((c) => c.code)).toEqual(COMMITTEES.map(([c]) => c));
    const gvn = reportJson.committees.find((c) => c.code === GVN)!;
    expect(gvn).toMatchObject({
      goals: { answered: 2, total: 2 },
      assignments: { answered: 2, total: 2 },
      adjustmentsTkr: 849.5,
      forecastTkr: 600.25,
      deviationTkr: 249.25,
      missing: [],
    });
    expect(gvn.statusCounts).toMatchObject({ Uppfyllt: 1, "Delvis uppfyllt": 1, Påbörjat: 1, Genomfört: 1 });
    expect(reportJson.committees.find((c) => c.code === SQN)).toMatchObject({
      adjustmentsTkr: 250,
      forecastTkr: 300,
      deviationTkr: -50,
      statusCounts: expect.objectContaining({ Avfört: 1 }),
    });
  });

  test("the report keeps the plan's texts as text: goal names, uppdrag titles, nyckeltal names", () => {
    const workbook = inspected.get(report)!;
    const texts = (sheet: string, col: number) =>
      loSheet(workbook, sheet)
        .cells.filter((c) => c.row >= 3 && c.col === col && c.type !== "empty")
        .map((c) => ({ type: c.type, value: c.value }));
    const asText = (values: string[]) => values.map((value) => ({ type: "text", value }));
    // Måluppfyllelse: the goals' names (and the comments' and notes' labels) in column A, all of them text.
    const goalColumn = texts(GOAL_ATTAINMENT_SHEET, 0);
    expect(goalColumn.filter((c) => c.type !== "text")).toEqual([]);
    expect(goalColumn).toEqual(expect.arrayContaining(asText([T.sum, T.date])));
    // Svar has a row per answer asked for (every goal but the vision, every uppdrag, ramjustering and nyckeltal);
    // Saknas those not answered. A ramjustering's title there also names its uppdrag ("Ramökning 2024: 001").
    const svar = texts("Svar", 3);
    const saknas = texts("Saknas", 2);
    expect([...svar, ...saknas].filter((c) => c.type !== "text")).toEqual([]);
    const titles = new Set(svar.map((c) => c.value));
    const planTexts = [
      ...GOALS.filter((g) => g.level !== "Vision").map((g) => g.name),
      ...ASSIGNMENTS.map((a) => a.title),
      ...KEY_FIGURES.map((k) => k.name),
      ...ADJUSTMENTS.filter((a) => a.assignment).map(
        (a) => `Ramökning 2024: ${ASSIGNMENTS.find((x) => x.id === a.assignment)!.title}`,
      ),
    ];
    expect(planTexts.filter((t) => !titles.has(t))).toEqual([]);
    expect(saknas.filter((c) => !titles.has(c.value))).toEqual([]);
    expect(saknas.length).toBe(reportJson.totals.missing);
  });

  test("the formulas of the sheets per nämnd give the JSON's figures per nämnd, and their Summa rows the JSON's totals", () => {
    const overview = new Cells(loSheet(inspected.get(report)!, "Översikt"));
    const columns = committeeColumns(inspected.get(report)!);
    const labels = [...GOAL_SCALE, ...ASSIGNMENT_SCALE];
    // A figure nobody gave is blank, never 0: a nämnd's own counts before it has answered, a sum of no prognos.
    const blank = "empty null";
    const figures = (c: ConsolidateOutput["committees"][number]) => {
      const own = (n: number) => (c.answered ? n : blank);
      // A nämnd that has not answered says so where its own figures would stand.
      const received = (n: number | string) => (c.answered ? n : "text Ej inkommet");
      const given = (n: number) => received(c.adjustments.answered > 0 ? n : blank);
      return {
        "Mål besvarade": received(c.goals.answered),
        "Mål totalt": c.goals.total,
        "Uppdrag besvarade": received(c.assignments.answered),
        "Uppdrag totalt": c.assignments.total,
        ...Object.fromEntries(labels.map((l) => [l, own(c.statusCounts[l])])),
        "Ramjusteringar (tkr)": c.adjustmentsTkr,
        "Prognos (tkr)": given(c.forecastTkr),
        "Avvikelse (tkr)": given(c.deviationTkr),
        Saknas: c.missing.length,
      };
    };
    const read = (row: number, headers: string[]) =>
      Object.fromEntries(
        headers.map((h) => {
          const cell = columns.at(h, row);
          return [
            h,
            cell?.type === "formula" && cell.resultType === "number" ? cell.value : `${cell?.type} ${cell?.value}`,
          ];
        }),
      );
    const headers = Object.keys(figures(reportJson.committees[0]));
    reportJson.committees.forEach((c, i) => {
      const row = 3 + i;
      expect(overview.at(row, 0)?.value).toBe(c.code);
      expect({ code: c.code, ...read(row, headers) }).toEqual({ code: c.code, ...figures(c) });
    });
    const totalRow = 3 + reportJson.committees.length;
    expect(overview.at(totalRow, 0)?.value).toBe("Summa");
    const sum = (pick: (c: ConsolidateOutput["committees"][number]) => number) =>
      reportJson.committees.reduce((n, c) => n + pick(c), 0);
    expect(read(totalRow, headers)).toEqual({
      ...Object.fromEntries(
        headers.map((h) => [h, sum((c) => Number(figures(c)[h as keyof ReturnType<typeof figures>]) || 0)]),
      ),
      "Ramjusteringar (tkr)": reportJson.totals.adjustmentsTkr,
      "Prognos (tkr)": reportJson.totals.forecastTkr,
      "Avvikelse (tkr)": reportJson.totals.deviationTkr,
      Saknas: reportJson.totals.missing,
    });
  });
});

test("the previous period's answers are locked cells of a protected sheet, beside empty, open inputs", () => {
  const followUp = followUps(inspected.get(delar)!).find((f) => f.meta.committee === GVN && f.meta.period === "Delår")!;
  const { sheet, cells } = followUp;
  expect(sheet.protected).toBe(true);
  const rows = cells.keyRows();
  const beside = cells.at(rows.get("assignment|U1")!, COL.extra)!;
  expect([beside.value, beside.locked]).toEqual(["Påbörjat – Kartläggningen pågår.", true]);
  const goal = cells.at(rows.get("goal|NM1")!, COL.extra)!;
  expect([goal.value, goal.locked]).toEqual(["Delvis uppfyllt – Fler elever behöver studievägledning.", true]);
  const under = cells.at(rows.get("adjustment|R2")! + 1, COL.title)!;
  expect([under.value, under.locked]).toEqual([
    "Svar T1 2024: prognos −400\u00a0tkr – Lägre kostnader än beräknat.",
    true,
  ]);
  for (const key of ["assignment|U1", "goal|NM1", "adjustment|R2"]) {
    for (const col of [COL.input, COL.comment]) {
      const input = cells.at(rows.get(key)!, col)!;
      expect([key, col, input.type, input.locked]).toEqual([key, col, "empty", false]);
    }
  }
});

describe("pictures, for a person to look at", () => {
  /**
   * test-output/screenshots/ (git-ignored): the first page of each, as PNG (60 dpi; MALTAVLAN_SCREENSHOT_DPI for
   * sharper ones) and the PDFs they come from in pdf/. Nothing here is asserted beyond their existence: look at them.
   */
  test(
    "follow-up sheets and the report's Översikt render to PNG",
    async () => {
      await fs.mkdir(SCREENSHOTS, { recursive: true });
      const ostersund = sources.find((s) => s.label === "ostersund-2024-mall")!;
      const pictures: [file: string, name: string][] = [
        [typed.get(GVN)!.file, "followup-gvn-besvarad"],
        [typed.get(SAN)!.file, "followup-san-besvarad"],
        [hostile.split.find((f) => path.basename(f).startsWith("Överförmyndarnämnden"))!, "followup-ofn-lang-rubrik"],
        [ostersund.split.find((f) => path.basename(f) === "KS-T1-2024.xlsx")!, "followup-ostersund-ks"],
        [report, "rapport-oversikt"],
      ];
      const pdfs = await office!.convert(
        pictures.map(([file]) => file),
        "pdf",
        path.join(SCREENSHOTS, "pdf"),
      );
      for (const [i, [, name]] of pictures.entries()) {
        const [pdf] = pdfs[i];
        const prefix = path.join(SCREENSHOTS, name);
        const dpi = process.env.MALTAVLAN_SCREENSHOT_DPI ?? "60";
        const args = ["-png", "-r", dpi, "-f", "1", "-l", "1", "-singlefile", pdf, prefix];
        const result = spawnSync("pdftoppm", args, { encoding: "utf8" });
        if (result.status !== 0)
          throw new Error(`pdftoppm failed (${result.status}): ${result.stderr || result.error}`);
        expect((await fs.stat(`${prefix}.png`)).size).toBeGreaterThan(5_000);
      }
    },
    LO_TIMEOUT,
  );
});
