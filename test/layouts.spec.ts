/**
 * One plan, written the ways real workbooks write it, read from real .xlsx files: every layout must give the same
 * plan, written here by hand in planToJson's shape (derived keys where a sheet has no ids, the sheet's ids where it
 * has them). Then the keys: reordering or inserting rows leaves every object's id as it was.
 */
import fc from "fast-check";
import { Mapping } from "../src/domain/mapping";
import { PlanJson, planToJson } from "../src/domain/summary";
import { findingMessage } from "../src/i18n/findings";
import { FixtureSheet, FixtureValue, WorkbookSpec, writeAndRead } from "./fixtures/build-fixtures";

const NBSP = "\u00a0";
const MINUS = "\u2212";

// --- The plan's content ------------------------------------------------------------------------------------------

const VISION = "Kommunen växer hållbart";
const AREA = "Hållbar tillväxt";
const GROWTH = "Näringsliv och tillväxt";
const YOUTH = "Barn och unga";
const WOMEN = "Fler kvinnor driver företag";
/** Holds another goal's name ("barn och unga"), so a list naming both must not be cut inside it. */
const SAFE = "Trygg uppväxt för barn och unga";
const SCHOOL = "Fler elever är behöriga till gymnasieskolan";

const A1 = "Förbättra kvinnors förutsättningar för företagande.";
const A1_CLARIFICATION = "Identifiera hinder och möjligheter tillsammans med näringslivet.";
const A2 = "Inför ett gemensamt mottagande för nyanlända.";
const A3 = "Samordna lovaktiviteter för barn och unga.";
const A4 = "Ta fram en plan för fossilfria fordon.";
const A5 = "Utred behovet av fler förskoleplatser.";

const K1 = "Invånare totalt, antal";
const K2 = "Andel behöriga elever";

const KS = "Kommunstyrelsen";
const SN = "Socialnämnden";
const BUN = "Barn- och utbildningsnämnden";
const TN = "Tekniska nämnden";

/** Derived keys, as the reader makes them for sheets without ids. */
const G = {
  vision: "mal:vision:kommunen-vaxer-hallbart",
  area: "mal:omrade:hallbar-tillvaxt",
  growth: "mal:kommunmal:naringsliv-och-tillvaxt",
  youth: "mal:kommunmal:barn-och-unga",
  women: "mal:namndmal:fler-kvinnor-driver-foretag",
  safe: "mal:namndmal:trygg-uppvaxt-for-barn-och-unga",
  school: "mal:namndmal:fler-elever-ar-behoriga-till-gymnasieskolan",
};
const U = {
  a1: "uppdrag:forbattra-kvinnors-forutsattningar-for-foretagande:KS:2024",
  a2: "uppdrag:infor-ett-gemensamt-mottagande-for-nyanlanda:BUN+KS:2024",
  a3: "uppdrag:samordna-lovaktiviteter-for-barn-och-unga:BUN+SN:2024",
  a4: "uppdrag:ta-fram-en-plan-for-fossilfria-fordon:TN:2025",
  a5: "uppdrag:utred-behovet-av-fler-forskoleplatser:BUN:2025",
};
/** A ramjustering's key: nämnd, year, uppdrag; one tied to no uppdrag is told apart by its amount. */
const R = {
  d1: `ram:KS:2024:${U.a1}`,
  d2: `ram:BUN:2025:${U.a5}`,
  d3: "ram:BUN:2024::1200",
  d4: "ram:SN:2025::-2500",
  d5: "ram:KS:2024::-300",
  d6: "ram:KS:2024::200",
};
const N = { k1: "nyckeltal:N01951", k2: "nyckeltal:andel-behoriga-elever" };

const goal = (id: string, level: string, name: string, parentIds: string[], committee = null as string | null) => ({
  id,
  level,
  name,
  parentIds,
  committee,
  target: null as string | null,
});

/** The one expected plan, by hand. */
const EXPECTED: PlanJson = {
  years: [2024, 2025, 2026],
  committees: [
    { code: "KS", name: KS, kind: "namnd" },
    { code: "SN", name: SN, kind: "namnd" },
    { code: "BUN", name: BUN, kind: "namnd" },
    { code: "TN", name: TN, kind: "namnd" },
  ],
  goals: [
    goal(G.vision, "vision", VISION, []),
    goal(G.area, "omrade", AREA, [G.vision]),
    goal(G.growth, "kommunmal", GROWTH, [G.area]),
    goal(G.youth, "kommunmal", YOUTH, [G.vision]),
    { ...goal(G.women, "namndmal", WOMEN, [G.growth], "KS"), target: "60 %" },
    goal(G.safe, "namndmal", SAFE, [G.youth], "SN"),
    { ...goal(G.school, "namndmal", SCHOOL, [G.youth, G.growth], "BUN"), target: "90 %" },
  ],
  assignments: [
    {
      id: U.a1,
      title: A1,
      clarification: A1_CLARIFICATION,
      goalIds: [G.growth],
      committees: ["KS"],
      origin: "fullmaktige",
      year: 2024,
    },
    {
      id: U.a2,
      title: A2,
      clarification: null,
      goalIds: [G.youth],
      committees: ["BUN", "KS"],
      origin: "fullmaktige",
      year: 2024,
    },
    {
      id: U.a3,
      title: A3,
      clarification: null,
      goalIds: [G.safe, G.growth],
      committees: ["SN", "BUN"],
      origin: "fullmaktige",
      year: 2024,
    },
    { id: U.a4, title: A4, clarification: null, goalIds: [], committees: ["TN"], origin: "namnd", year: 2025 },
    { id: U.a5, title: A5, clarification: null, goalIds: [G.school], committees: ["BUN"], origin: "namnd", year: 2025 },
  ],
  adjustments: [
    {
      id: R.d1,
      committee: "KS",
      year: 2024,
      amountTkr: 250,
      direction: "increase",
      duration: "tillfallig",
      assignmentId: U.a1,
      description: null,
      isIndex: false,
    },
    {
      id: R.d2,
      committee: "BUN",
      year: 2025,
      amountTkr: 750,
      direction: "increase",
      duration: "tillfallig",
      assignmentId: U.a5,
      description: null,
      isIndex: false,
    },
    {
      id: R.d3,
      committee: "BUN",
      year: 2024,
      amountTkr: 1200,
      direction: "increase",
      duration: "varaktig",
      assignmentId: null,
      description: "Pris- och löneuppräkning",
      isIndex: true,
    },
    {
      id: R.d4,
      committee: "SN",
      year: 2025,
      amountTkr: -2500,
      direction: "decrease",
      duration: "varaktig",
      assignmentId: null,
      description: "Effektiviseringskrav",
      isIndex: false,
    },
    {
      id: R.d5,
      committee: "KS",
      year: 2024,
      amountTkr: -300,
      direction: "decrease",
      duration: "varaktig",
      assignmentId: null,
      description: null,
      isIndex: false,
    },
    {
      id: R.d6,
      committee: "KS",
      year: 2024,
      amountTkr: 200,
      direction: "increase",
      duration: "tillfallig",
      assignmentId: null,
      description: null,
      isIndex: false,
    },
  ],
  keyFigures: [
    { id: N.k1, name: K1, koladaId: "N01951", goalId: G.growth, target: "75 000", unit: "antal" },
    { id: N.k2, name: K2, koladaId: null, goalId: G.school, target: "90 %", unit: "%" },
  ],
  budgets: [],
  investments: [],
};

/** The ids a layout with id columns gives each object (the template's and the English layout's). */
const SHEET_IDS: Record<string, string> = {
  [G.vision]: "V1",
  [G.area]: "O1",
  [G.growth]: "M1",
  [G.youth]: "M2",
  [G.women]: "NM1",
  [G.safe]: "NM2",
  [G.school]: "NM3",
  [U.a1]: "U1",
  [U.a2]: "U2",
  [U.a3]: "U3",
  [U.a4]: "U4",
  [U.a5]: "U5",
  [R.d1]: "R1",
  [R.d2]: "R2",
  [R.d3]: "R3",
  [R.d4]: "R4",
  [R.d5]: "R5",
  [R.d6]: "R6",
  [N.k1]: "N1",
  [N.k2]: "N2",
};

/** The expected plan with every derived key that the sheet gives as an id replaced by that id. */
function withSheetIds(plan: PlanJson): PlanJson {
  const swap = (value: unknown): unknown => {
    if (typeof value === "string") return SHEET_IDS[value] ?? value;
    if (Array.isArray(value)) return value.map(swap);
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, swap(v)]));
    }
    return value;
  };
  return swap(plan) as PlanJson;
}

// --- The layouts ---------------------------------------------------------------------------------------------------

interface LayoutCase {
  name: string;
  spec: WorkbookSpec;
  mapping?: Mapping;
  /** True when the sheets carry ids (V1, U1 …). */
  ids?: boolean;
  /** True when the ramjusteringar carry a comment saying what R3 and R4 are for (the template does). */
  descriptions?: boolean;
}

/** The expected plan as read from a layout whose ramjusteringar say nothing about what they are for. */
function withoutDescriptions(plan: PlanJson): PlanJson {
  return { ...plan, adjustments: plan.adjustments.map((a) => ({ ...a, description: null, isIndex: false })) };
}

const sheet = (name: string, rows: FixtureValue[][], extra: Partial<FixtureSheet> = {}): FixtureSheet => ({
  name,
  rows,
  ...extra,
});

/** Måltavlan's template: ids, links by id, codes, a register, a settings sheet. */
const TEMPLATE: LayoutCase = {
  name: "the template (ids, codes, register, settings)",
  ids: true,
  descriptions: true,
  spec: {
    sheets: [
      sheet("Nämnder", [
        ["Förkortning", "Namn", "Typ"],
        ["KS", KS, "Nämnd"],
        ["SN", SN, "Nämnd"],
        ["BUN", BUN, "Nämnd"],
        ["TN", TN, "Nämnd"],
      ]),
      sheet("Mål", [
        ["ID", "Nivå", "Namn", "Överordnat", "Nämnd", "Målvärde"],
        ["V1", "Vision", VISION, null, null, null],
        ["O1", "Strategiskt område", AREA, "V1", null, null],
        ["M1", "Kommunövergripande mål", GROWTH, "O1", null, null],
        ["M2", "Kommunövergripande mål", YOUTH, "V1", null, null],
        ["NM1", "Nämndmål", WOMEN, "M1", "KS", "60 %"],
        ["NM2", "Nämndmål", SAFE, "M2", "SN", null],
        ["NM3", "Nämndmål", SCHOOL, "M2; M1", "BUN", "90 %"],
      ]),
      sheet("Uppdrag", [
        ["ID", "Uppdrag", "Förtydligande", "Mål", "Ansvarig nämnd", "Typ", "År"],
        ["U1", A1, A1_CLARIFICATION, "M1", "KS", "Fullmäktige", 2024],
        ["U2", A2, null, "M2", "BUN, KS", "Fullmäktige", 2024],
        ["U3", A3, null, "NM2; M1", "SN, BUN", "Fullmäktige", 2024],
        ["U4", A4, null, null, "TN", "Nämnd", 2025],
        ["U5", A5, null, "NM3", "BUN", "Nämnd", 2025],
      ]),
      sheet("Ramjusteringar", [
        ["ID", "Nämnd", "År", "Belopp (tkr)", "Typ", "Varaktighet", "Uppdrag", "Kommentar"],
        ["R1", "KS", 2024, 250, "Ramökning", "Tillfällig", "U1", null],
        ["R2", "BUN", 2025, 750, "Ramökning", "Tillfällig", "U5", null],
        ["R3", "BUN", 2024, 1200, "Ramökning", "Varaktig", null, "Pris- och löneuppräkning"],
        ["R4", "SN", 2025, -2500, "Ramminskning", "Varaktig", null, "Effektiviseringskrav"],
        ["R5", "KS", 2024, -300, "Ramminskning", "Varaktig", null, null],
        ["R6", "KS", 2024, 200, "Ramökning", "Tillfällig", null, null],
      ]),
      sheet("Nyckeltal", [
        ["ID", "Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Enhet"],
        ["N1", K1, "N01951", "M1", "75 000", "antal"],
        ["N2", K2, null, "NM3", "90 %", "%"],
      ]),
      sheet("Inställningar", [
        ["Budgetår", 2024],
        ["Planår", "2025, 2026"],
      ]),
    ],
  },
};

/** English headers, sheet names and values; ids as in the template. */
const ENGLISH: LayoutCase = {
  name: "English headers, sheet names and values",
  ids: true,
  spec: {
    sheets: [
      sheet("Committees", [
        ["Code", "Name", "Type"],
        ["KS", KS, "Committee"],
        ["SN", SN, "Committee"],
        ["BUN", BUN, "Committee"],
        ["TN", TN, "Committee"],
      ]),
      sheet("Goals", [
        ["ID", "Level", "Name", "Parent", "Committee", "Target"],
        ["V1", "Vision", VISION, null, null, null],
        ["O1", "Strategic area", AREA, "V1", null, null],
        ["M1", "Municipal goal", GROWTH, "O1", null, null],
        ["M2", "Municipal goal", YOUTH, "V1", null, null],
        ["NM1", "Committee goal", WOMEN, "M1", "KS", "60 %"],
        ["NM2", "Committee goal", SAFE, "M2", "SN", null],
        ["NM3", "Committee goal", SCHOOL, "M2, M1", "BUN", "90 %"],
      ]),
      sheet("Assignments", [
        ["ID", "Assignment", "Clarification", "Goal", "Committee", "Type", "Year"],
        ["U1", A1, A1_CLARIFICATION, "M1", "KS", "Council", 2024],
        ["U2", A2, null, "M2", "BUN, KS", "Council", 2024],
        ["U3", A3, null, "NM2, M1", "SN, BUN", "Council", 2024],
        ["U4", A4, null, null, "TN", "Committee", 2025],
        ["U5", A5, null, "NM3", "BUN", "Committee", 2025],
      ]),
      sheet("Adjustments", [
        ["ID", "Committee", "Year", "Amount (tkr)", "Type", "Duration", "Assignment", "Comment"],
        ["R1", "KS", 2024, 250, "Increase", "Temporary", "U1", null],
        ["R2", "BUN", 2025, 750, "Increase", "One-off", "U5", null],
        ["R3", "BUN", 2024, 1200, "Increase", "Permanent", null, null],
        ["R4", "SN", 2025, -2500, "Decrease", "Permanent", null, null],
        ["R5", "KS", 2024, -300, "Decrease", "Lasting", null, null],
        ["R6", "KS", 2024, 200, "Increase", "Temporary", null, null],
      ]),
      sheet("Key figures", [
        ["ID", "Key figure", "Kolada ID", "Goal", "Target", "Unit"],
        ["N1", K1, "N01951", "M1", "75 000", "antal"],
        ["N2", K2, null, "NM3", "90 %", "%"],
      ]),
      sheet("Settings", [
        ["Budget year", 2024],
        ["Plan years", "2025–2026"],
      ]),
    ],
  },
};

/**
 * A kommun's own layout (Kiruna style): a merged title above each table, header rows below row 1, the goal table
 * starting at column B, one goal sheet with a level column, no ids, links by name, full nämnd names with
 * "och", "&" and line breaks between them, amounts on the uppdrag rows, text amounts with units, no register.
 * The same uppdrag stands under two goals, on two rows.
 */
const FREE_SHEETS: FixtureSheet[] = [
  sheet(
    "Styrmodell",
    [
      ["Mål- och resursplan 2024–2026"],
      [null, "Antagen av kommunfullmäktige"],
      [],
      [null, "Målnivå", "Benämning", "Tillhör", "Ansvarig", "Målvärde"],
      [null, "Vision", VISION, null, null],
      [null, "Strategiskt område", AREA, VISION, null],
      [null, "Övergripande mål", GROWTH, AREA, null],
      [null, "Övergripande mål", YOUTH, VISION, null],
      [null, "Nämndmål", WOMEN, GROWTH, KS, "60 %"],
      [null, "Nämndmål", SAFE, YOUTH, SN],
      [null, "Nämndmål", SCHOOL, `${YOUTH} och ${GROWTH}`, BUN, "90 %"],
    ],
    { merges: ["A1:F1"] },
  ),
  sheet(
    "Uppdrag",
    [
      ["Kommunfullmäktiges uppdrag till nämnderna"],
      [],
      ["Uppdrag", "Förtydligande", "Kopplat mål", "Ansvarig nämnd", "Belopp (tkr)", "År", "Beslutad av"],
      [A1, A1_CLARIFICATION, GROWTH, KS, 250, 2024, "Kommunfullmäktige"],
      [A2, null, YOUTH, `${BUN} och ${KS}`, null, 2024, "Kommunfullmäktige"],
      [A3, null, SAFE, `${SN} & ${BUN}`, null, 2024, "Kommunfullmäktige"],
      [A4, null, null, TN, null, 2025, "Nämnden"],
      [A5, null, SCHOOL, BUN, 750, 2025, "Nämnden"],
      [A3, null, GROWTH, `${SN}\n${BUN}`, null, 2024, "Kommunfullmäktige"],
    ],
    { merges: ["A1:G1"] },
  ),
  sheet("Ramjusteringar", [
    ["Nämnd", "År", "Ramjustering", "Varaktighet"],
    [BUN, 2024, "1,2 mnkr", "Varaktig"],
    [SN, 2025, `${MINUS}2${NBSP}500 tkr`, "Varaktig"],
    [KS, 2024, "-300 tkr", "Varaktig"],
    [KS, 2024, "200 tkr", "Tillfällig"],
  ]),
  sheet("Nyckeltal", [
    ["Nyckeltal", "KPI", "Kopplat mål", "Målvärde", "Enhet"],
    [K1, "N01951", GROWTH, "75 000", "antal"],
    [K2, null, SCHOOL, "90 %", "%"],
  ]),
];

const FREE: LayoutCase = { name: "a free layout (titles, names, full nämnd names)", spec: { sheets: FREE_SHEETS } };

/**
 * Sandviken style: a sheet per level, named for the level, with a register of codes, links by name with ";" and
 * line breaks, a table at C3, and amounts as numbers in an "mnkr" column.
 */
const PER_LEVEL: LayoutCase = {
  name: "a sheet per level, codes with a register, amounts in mnkr",
  spec: {
    sheets: [
      sheet("Vision", [["Benämning"], [VISION]]),
      sheet("Strategiska områden", [
        ["Benämning", "Bidrar till"],
        [AREA, VISION],
      ]),
      sheet("Kommunövergripande mål", [
        ["Mål", "Bidrar till"],
        [GROWTH, AREA],
        [YOUTH, VISION],
      ]),
      sheet(
        "Nämndmål",
        [
          ["Mål", "Bidrar till", "Nämnd", "Målvärde"],
          [WOMEN, GROWTH, "KS", "60 %"],
          [SAFE, YOUTH, "SN", null],
          [SCHOOL, `${YOUTH}\n${GROWTH}`, "BUN", "90 %"],
        ],
        { at: "C3" },
      ),
      sheet("Uppdrag", [
        ["Rubrik", "Förtydligande", "Koppling", "Utförare", "Avser år", "Uppdragsgivare"],
        [A1, A1_CLARIFICATION, GROWTH, "KS", 2024, "KF"],
        [A2, null, YOUTH, "BUN; KS", 2024, "KF"],
        [A3, null, `${SAFE}; ${GROWTH}`, "SN/BUN", 2024, "KF"],
        [A4, null, null, "TN", 2025, "Nämnd"],
        [A5, null, SCHOOL, "BUN", 2025, "Nämnd"],
      ]),
      sheet("Ramjusteringar", [
        ["Nämnd", "År", "Budget (mnkr)", "Varaktighet", "Uppdrag"],
        ["KS", 2024, 0.25, "Tillfällig", A1],
        ["BUN", 2025, 0.75, "Tillfällig", A5],
        ["BUN", 2024, 1.2, "Varaktig", null],
        ["SN", 2025, -2.5, "Varaktig", null],
        ["KS", 2024, -0.3, "Varaktig", null],
        ["KS", 2024, 0.2, "Tillfällig", null],
      ]),
      sheet("Nyckeltal", [
        ["Nyckeltal", "Kolada-ID", "Mål", "Målvärde", "Enhet"],
        [K1, "N01951", GROWTH, "75 000", "antal"],
        [K2, null, SCHOOL, "90 %", "%"],
      ]),
      sheet("Nämnder och bolag", [
        ["Förkortning", "Namn", "Typ"],
        ["KS", KS, "Nämnd"],
        ["SN", SN, "Nämnd"],
        ["BUN", BUN, "Nämnd"],
        ["TN", TN, "Nämnd"],
      ]),
      sheet("Inställningar", [
        ["Budgetår", 2024],
        ["Planår", "2025–2026"],
      ]),
    ],
  },
};

/**
 * The free layout with its uppdrag on a sheet whose headers nobody could guess, read through a saved mapping (and,
 * for one more separator, "&" between the two goals a nämndmål belongs to).
 */
const MAPPED: LayoutCase = {
  name: "a saved mapping for a sheet with unrecognisable headers",
  mapping: {
    sheets: {
      Blad1: {
        kind: "assignment",
        headerRow: 2,
        columns: { A: "name", B: "clarification", C: "parent", D: "committee", E: "amount", F: "year", G: "origin" },
        amountUnit: "tkr",
      },
    },
  },
  spec: {
    sheets: FREE_SHEETS.map((s) =>
      s.name === "Uppdrag"
        ? sheet("Blad1", [["Att göra"], ["Vad", "Hur", "Varför", "Vem", "Pengar", "När", "Från"], ...s.rows.slice(3)])
        : s.name === "Styrmodell"
          ? {
              ...s,
              rows: s.rows.map((row) =>
                row[2] === SCHOOL ? row.map((value, i) => (i === 3 ? `${YOUTH} & ${GROWTH}` : value)) : row,
              ),
            }
          : s,
    ),
  },
};

/**
 * The goals as a tree written in a table, a column per level (a "målträd"): each row a chain from the vision down, a
 * nämndmål under two goals on two rows, a level skipped (the empty area cell), and a row that leaves its first cells
 * to the row above. Uppdrag, ramjusteringar and nyckeltal as in the free layout.
 */
const TREE: LayoutCase = {
  name: "a goal tree, a column per level",
  spec: {
    sheets: [
      sheet("Målträd", [
        ["Mål- och resursplan 2024–2026"],
        [],
        ["Vision", "Strategiskt område", "Kommunmål", "Nämndmål", "Ansvarig nämnd", "Målvärde"],
        [VISION, AREA, GROWTH, WOMEN, KS, "60 %"],
        [VISION, null, YOUTH, SAFE, SN, null],
        [null, null, null, SCHOOL, BUN, "90 %"],
        [VISION, AREA, GROWTH, SCHOOL, BUN, "90 %"],
      ]),
      ...FREE_SHEETS.slice(1),
    ],
  },
};

/** Ramjusteringar as a budget table shows them: a column per year, under a title that gives the unit. */
const BY_YEAR_SHEET = sheet("Ramförändringar", [
  ["Ramförändringar (mnkr)"],
  ["Nämnd", "Varaktighet", "Budget 2024", "Plan 2025"],
  [BUN, "Varaktig", 1.2, null],
  [SN, "Varaktig", null, `${MINUS}2,5`],
  [KS, "Varaktig", -0.3, null],
  [KS, "Tillfällig", 0.2, null],
]);

const BY_YEAR: LayoutCase = {
  name: "ramjusteringar in a column per year",
  spec: { sheets: FREE_SHEETS.map((s) => (s.name === "Ramjusteringar" ? BY_YEAR_SHEET : s)) },
};

/** Uppdrag in a responsibility matrix: a column per nämnd, marked "x" (or anything but "nej") on the uppdrag's rows. */
const MATRIX_SHEET = sheet("Uppdrag", [
  ["Uppdrag", "Förtydligande", "Kopplat mål", SN, BUN, KS, TN, "Belopp (tkr)", "År", "Beslutad av"],
  [A1, A1_CLARIFICATION, GROWTH, null, null, "x", null, 250, 2024, "Kommunfullmäktige"],
  [A2, null, YOUTH, null, "x", "X", "nej", null, 2024, "Kommunfullmäktige"],
  [A3, null, SAFE, "✓", "✓", null, null, null, 2024, "Kommunfullmäktige"],
  [A4, null, null, null, null, null, "Ansvarig", null, 2025, "Nämnden"],
  [A5, null, SCHOOL, null, "x", null, null, 750, 2025, "Nämnden"],
  [A3, null, GROWTH, "x", "x", null, null, null, 2024, "Kommunfullmäktige"],
]);

const MATRIX: LayoutCase = {
  name: "uppdrag in a responsibility matrix, a column per nämnd",
  spec: { sheets: FREE_SHEETS.map((s) => (s.name === "Uppdrag" ? MATRIX_SHEET : s)) },
};

const LAYOUTS: LayoutCase[] = [TEMPLATE, ENGLISH, FREE, PER_LEVEL, MAPPED, TREE, BY_YEAR, MATRIX];

describe.each(LAYOUTS)("$name", (layout) => {
  test("reads into the one expected plan with no findings", async () => {
    const file = `layout-${LAYOUTS.indexOf(layout)}`;
    const { plan, findings } = await writeAndRead(file, layout.spec, layout.mapping);
    expect(findings).toEqual([]);
    const expected = layout.descriptions ? EXPECTED : withoutDescriptions(EXPECTED);
    expect(planToJson(plan)).toEqual(layout.ids ? withSheetIds(expected) : expected);
  });
});

test("on an uppdrag sheet, a column named for a goal level holds the goal each uppdrag hangs on", async () => {
  const { plan, findings } = await writeAndRead("layout-level-link", {
    sheets: [
      TREE.spec.sheets[0],
      sheet("Uppdrag", [
        ["Uppdrag", "Nämndmål", "Ansvarig nämnd", "År"],
        [A1, WOMEN, KS, 2024],
        [A5, SCHOOL, BUN, 2025],
      ]),
    ],
  });
  expect(findings).toEqual([]);
  expect(plan.assignments.map((a) => [a.title, a.goalIds])).toEqual([
    [A1, [G.women]],
    [A5, [G.school]],
  ]);
});

describe("goals numbered as an outline (1, 1.1, 1.1.1) with no parent column", () => {
  const numbered = (rows: FixtureValue[][]) => sheet("Mål", [["Nr", "Nivå", "Mål", "Nämnd"], ...rows]);
  const assignments = sheet("Uppdrag", [
    ["Uppdrag", "Mål", "Ansvarig nämnd", "År"],
    [A1, "1.1.1", KS, 2024],
    [A3, "2.1", BUN, 2024],
  ]);

  test("each number hangs under the number it extends, as a parent column would say", async () => {
    const goals: FixtureValue[][] = [
      ["1", "Strategiskt område", AREA, null],
      ["1.1", "Kommunövergripande mål", GROWTH, null],
      ["1.1.1", "Nämndmål", WOMEN, KS],
      ["2.", "Strategiskt område", "Trygg uppväxt", null],
      ["2.1", "Kommunövergripande mål", YOUTH, null],
    ];
    const { plan, findings } = await writeAndRead("layout-outline", { sheets: [numbered(goals), assignments] });
    expect(findings).toEqual([]);
    expect(planToJson(plan).goals.map((g) => [g.id, g.parentIds])).toEqual([
      ["1", []],
      ["1.1", ["1"]],
      ["1.1.1", ["1.1"]],
      ["2.", []],
      ["2.1", ["2."]],
    ]);
    // The same plan as with the parents written out.
    const withParents = sheet("Mål", [
      ["Nr", "Nivå", "Mål", "Nämnd", "Överordnat"],
      ...goals.map((row, i) => [...row, [null, "1", "1.1", null, "2."][i]]),
    ]);
    const written = await writeAndRead("layout-outline-parents", { sheets: [withParents, assignments] });
    expect(planToJson(plan)).toEqual(planToJson(written.plan));
  });

  test("a number under a goal of the same level is a finding at the number, and no link", async () => {
    const goals: FixtureValue[][] = [
      ["1", "Kommunövergripande mål", GROWTH, null],
      ["1.1", "Kommunövergripande mål", YOUTH, null],
    ];
    const { plan, findings } = await writeAndRead("layout-outline-level", { sheets: [numbered(goals)] });
    expect(findings.map((f) => [f.rule, f.cell])).toEqual([["parent-level", "A3"]]);
    expect(plan.goals.map((g) => g.parentIds)).toEqual([[], []]);
  });

  test("without a level column, the finding says the sheet has none to fill in", async () => {
    const noLevels = sheet("Mål", [
      ["Nr", "Mål"],
      ["1", GROWTH],
    ]);
    const { findings } = await writeAndRead("layout-outline-no-level", { sheets: [noLevels] });
    expect(findings.map((f) => [f.rule, f.cell, findingMessage(f)])).toEqual([
      [
        "required-field",
        "A2",
        "Nivå saknas, och bladet har ingen kolumn för det. Lägg till kolumnen Nivå eller välj en under Koppla.",
      ],
    ]);
  });
});

describe("uppdrag written beside their goal tree (Kommunmål | Nämndmål | Uppdrag …)", () => {
  const besideTree = sheet("Uppdrag", [
    ["Kommunmål", "Nämndmål", "Uppdrag", "Ansvarig nämnd", "År"],
    [GROWTH, WOMEN, A1, KS, 2024],
    [null, null, A2, `${BUN}, ${KS}`, 2024],
    [YOUTH, SAFE, null, null, null],
    [YOUTH, null, A3, `${BUN} och ${SN}`, 2024],
  ]);

  test("with no goals elsewhere, the tree's goals are the plan's, each uppdrag on the lowest goal of its chain", async () => {
    const { plan, findings, sheets } = await writeAndRead("layout-beside-tree", { sheets: [besideTree] });
    expect(findings).toEqual([]);
    expect(planToJson(plan).goals).toEqual([
      goal(G.growth, "kommunmal", GROWTH, []),
      goal(G.youth, "kommunmal", YOUTH, []),
      goal(G.women, "namndmal", WOMEN, [G.growth]),
      goal(G.safe, "namndmal", SAFE, [G.youth]),
    ]);
    // The row left empty continues the chain above it; the row that skips Nämndmål hangs on its Kommunmål; the row
    // with only goals is no uppdrag.
    expect(plan.assignments.map((a) => [a.title, a.goalIds, a.committees])).toEqual([
      [A1, [G.women], ["KS"]],
      [A2, [G.women], ["BUN", "KS"]],
      [A3, [G.youth], ["BUN", "SN"]],
    ]);
    expect(sheets.find((s) => s.sheet === "Uppdrag")?.columns?.slice(0, 3)).toEqual([
      { column: "A", header: "Kommunmål", field: "parent" },
      { column: "B", header: "Nämndmål", field: "parent" },
      { column: "C", header: "Uppdrag", field: "name" },
    ]);
  });

  test("nyckeltal beside their goal tree hang on the lowest goal of their chain the same way", async () => {
    const keyFigures = sheet("Nyckeltal", [
      ["Kommunmål", "Nämndmål", "Nyckeltal", "Kolada-ID", "Målvärde"],
      [GROWTH, null, K1, "N01951", "75 000"],
      [YOUTH, SCHOOL, K2, null, "90 %"],
    ]);
    const { plan, findings } = await writeAndRead("layout-key-figures-beside-tree", { sheets: [keyFigures] });
    expect(findings).toEqual([]);
    expect(planToJson(plan).goals.map((g) => [g.id, g.parentIds])).toEqual([
      [G.growth, []],
      [G.youth, []],
      [G.school, [G.youth]],
    ]);
    expect(plan.keyFigures.map((k) => [k.name, k.goalId])).toEqual([
      [K1, G.growth],
      [K2, G.school],
    ]);
  });

  test("beside a goal sheet of their own, the goals are that sheet's, once", async () => {
    const { plan, findings } = await writeAndRead("layout-beside-tree-and-goals", {
      sheets: [TREE.spec.sheets[0], besideTree],
    });
    expect(findings).toEqual([]);
    expect(planToJson(plan).goals).toEqual(EXPECTED.goals);
    expect(plan.assignments.map((a) => [a.title, a.goalIds])).toEqual([
      [A1, [G.women]],
      [A2, [G.women]],
      [A3, [G.youth]],
    ]);
  });
});

test("a ramjustering in a year column outside the plan years is reported at the year's header", async () => {
  const late = sheet("Ramförändringar", [
    ["Nämnd", "2024", "2030"],
    [KS, 100, 200],
  ]);
  const { findings, sheets } = await writeAndRead("layout-late-year", { sheets: [FREE_SHEETS[0], late] });
  expect(findings.filter((f) => f.rule === "year-outside-plan").map((f) => [f.sheet, f.cell])).toEqual([
    ["Ramförändringar", "C1"],
  ]);
  // What Koppla shows: the year columns are read as amounts.
  expect(sheets.find((s) => s.sheet === "Ramförändringar")).toMatchObject({
    kind: "adjustment",
    recognisedColumns: 3,
    columns: [
      { column: "A", header: "Nämnd", field: "committee" },
      { column: "B", header: "2024", field: "amount" },
      { column: "C", header: "2030", field: "amount" },
    ],
  });
});

test("a register written 'Nämnd | Förkortning' and a bolag's ägardirektiv as its nämndmål", async () => {
  const { plan, findings } = await writeAndRead("layout-register", {
    sheets: [
      sheet("Organisation", [
        ["Nämnd", "Förkortning", "Typ"],
        [KS, "KS", "Nämnd"],
        ["Exempelby Energi AB", "EEAB", "Bolag"],
      ]),
      sheet("Mål", [
        ["Målnivå", "Mål", "Bidrar till", "Nämnd"],
        ["Kommunmål", GROWTH, null, null],
        ["Ägardirektiv", "Förnybar energi", GROWTH, "EEAB"],
      ]),
    ],
  });
  expect(findings).toEqual([]);
  expect(plan.committees).toEqual([
    { code: "KS", name: KS, kind: "committee" },
    { code: "EEAB", name: "Exempelby Energi AB", kind: "company" },
  ]);
  expect(plan.goals.map((g) => [g.level, g.name, g.committee])).toEqual([
    ["kommunmal", GROWTH, null],
    ["namndmal", "Förnybar energi", "EEAB"],
  ]);
});

test("headings inside an uppdrag table give the rows below their goal, origin and year", async () => {
  const { plan, findings } = await writeAndRead("layout-sections", {
    sheets: [
      FREE_SHEETS[0],
      sheet("Uppdrag", [
        ["Uppdrag", "Ansvarig nämnd"],
        ["Uppdrag från fullmäktige 2024"],
        [`Mål: ${GROWTH}`],
        [A1, KS],
        [`Mål: ${YOUTH}`],
        [A2, `${BUN}, ${KS}`],
        ["Nämndernas egna uppdrag 2025"],
        [`Mål: ${SCHOOL}`],
        [A5, BUN],
        ["Mål: Ett mål som inte finns"],
        [A4, TN],
      ]),
    ],
  });
  expect(plan.assignments.map((a) => [a.title, a.goalIds, a.origin, a.year])).toEqual([
    [A1, [G.growth], "council", 2024],
    [A2, [G.youth], "council", 2024],
    [A5, [G.school], "committee", 2025],
    [A4, [], "committee", 2025],
  ]);
  // A heading naming no goal is reported where it stands.
  expect(findings.map((f) => [f.rule, f.sheet, f.cell])).toEqual([["unknown-goal", "Uppdrag", "A10"]]);
});

test("a sheet per nämnd, named for it, gives its rows that nämnd", async () => {
  const { plan, findings } = await writeAndRead("layout-sheet-per-committee", {
    sheets: [
      sheet(KS, [
        ["Uppdrag", "Förtydligande", "År", "Belopp (tkr)"],
        [A1, A1_CLARIFICATION, 2024, 250],
      ]),
      sheet("BUN", [
        ["Uppdrag", "År"],
        [A5, 2025],
      ]),
    ],
  });
  expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  expect(plan.assignments.map((a) => [a.title, a.committees])).toEqual([
    [A1, ["KS"]],
    [A5, ["BUN"]],
  ]);
  expect(plan.adjustments.map((a) => [a.committee, a.amountOre / 100_000])).toEqual([["KS", 250]]);
});

test("without the mapping, the unrecognisable sheet is not read as uppdrag", async () => {
  const { plan, sheets } = await writeAndRead("layout-unmapped", MAPPED.spec);
  expect(sheets.find((s) => s.sheet === "Blad1")?.layout).toBe("ignored");
  expect(plan.assignments).toEqual([]);
});

// --- Keys ----------------------------------------------------------------------------------------------------------

/** The free layout's sheets with their data rows in another order, and maybe a new row put in among them. */
interface Reordering {
  order: Record<string, number[]>;
  insert: { sheet: string; at: number } | null;
}

/** Rows that are new objects, one per sheet, to put in anywhere. */
const NEW_ROWS: Record<string, FixtureValue[]> = {
  Styrmodell: [null, "Nämndmål", "Fler bygglov avgörs inom fyra veckor", GROWTH, "Samhällsbyggnadsnämnden"],
  Uppdrag: ["Inför digital ansökan om bygglov.", null, GROWTH, "Samhällsbyggnadsnämnden", 100, 2025, "Nämnden"],
  Ramjusteringar: [KS, 2024, "100 tkr", "Tillfällig"],
  Nyckeltal: ["Nyföretagsamhet", "N00999", GROWTH, null, null],
};

/** Where each sheet's data rows start (0-based, in the sheet's rows). */
const FIRST_DATA_ROW: Record<string, number> = { Styrmodell: 4, Uppdrag: 3, Ramjusteringar: 1, Nyckeltal: 1 };

function reordered({ order, insert }: Reordering): WorkbookSpec {
  return {
    sheets: FREE_SHEETS.map((s) => {
      const first = FIRST_DATA_ROW[s.name];
      const data = order[s.name].map((i) => s.rows[first + i]);
      if (insert?.sheet === s.name) data.splice(insert.at % (data.length + 1), 0, NEW_ROWS[s.name]);
      return { ...s, rows: [...s.rows.slice(0, first), ...data] };
    }),
  };
}

/** Every object by id, with what does not depend on row order: list order and the order of a merged row's goals. */
function byId(plan: PlanJson) {
  const sorted = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  return {
    committees: [...plan.committees].sort((a, b) => a.code.localeCompare(b.code)),
    goals: sorted(plan.goals),
    assignments: sorted(plan.assignments.map((a) => ({ ...a, goalIds: [...a.goalIds].sort() }))),
    adjustments: sorted(plan.adjustments),
    keyFigures: sorted(plan.keyFigures),
  };
}

const reorderings: fc.Arbitrary<Reordering> = fc.record({
  order: fc.record(
    Object.fromEntries(
      FREE_SHEETS.map((s) => {
        const indices = Array.from({ length: s.rows.length - FIRST_DATA_ROW[s.name] }, (_, i) => i);
        return [s.name, fc.shuffledSubarray(indices, { minLength: indices.length, maxLength: indices.length })];
      }),
    ),
  ),
  insert: fc.option(fc.record({ sheet: fc.constantFrom(...Object.keys(NEW_ROWS)), at: fc.nat({ max: 20 }) }), {
    nil: null,
  }),
});

describe("keys", () => {
  test("the free layout as written gives the expected keys", async () => {
    const identity = reordered({
      order: Object.fromEntries(
        FREE_SHEETS.map((s) => [s.name, Array.from({ length: s.rows.length - FIRST_DATA_ROW[s.name] }, (_, i) => i)]),
      ),
      insert: null,
    });
    const { plan } = await writeAndRead("keys-identity", identity);
    expect(planToJson(plan)).toEqual(withoutDescriptions(EXPECTED));
  });

  test("reordering rows or inserting a row leaves every object's id unchanged", async () => {
    const expected = byId(withoutDescriptions(EXPECTED));
    let run = 0;
    await fc.assert(
      fc.asyncProperty(reorderings, async (reordering) => {
        const { plan, findings } = await writeAndRead(`keys-${run++ % 4}`, reordered(reordering));
        expect(findings).toEqual([]);
        const actual = byId(planToJson(plan));
        if (!reordering.insert) {
          expect(actual).toEqual(expected);
          return;
        }
        // A new row is one more object; every object that was there keeps its id.
        for (const kind of ["goals", "assignments", "adjustments", "keyFigures"] as const) {
          const list: { id: string }[] = actual[kind];
          for (const object of expected[kind]) expect(list).toContainEqual(object);
        }
        const count = (p: ReturnType<typeof byId>) =>
          p.goals.length + p.assignments.length + p.adjustments.length + p.keyFigures.length;
        const added = reordering.insert.sheet === "Uppdrag" ? 2 : 1; // an uppdrag row with an amount is two objects
        expect(count(actual)).toBe(count(expected) + added);
      }),
      { numRuns: 40 },
    );
  });
});
