import { SheetSpec, SpecCell, WorkbookSpec } from "../sheet/spec";
import { ListName, listSource, listsSheet } from "./lists";
import { DEFAULT_SETTINGS, Settings } from "./settings";

/**
 * The empty plan template: one sheet per kind with the headers the reader knows, dropdowns from a hidden lists sheet
 * (a typed list is capped at 255 characters, design.md), and the level list for Nivå.
 */

/** Rows the dropdowns cover: generous, since a plan grows during the year. */
const TEMPLATE_ROWS = 1000;

interface TemplateSheet {
  name: string;
  headers: { text: string; width: number; list?: ListName }[];
}

const SHEETS: TemplateSheet[] = [
  {
    name: "Nämnder",
    headers: [
      { text: "Förkortning", width: 14 },
      { text: "Namn", width: 40 },
      { text: "Typ", width: 12, list: "committeeKinds" },
    ],
  },
  {
    name: "Mål",
    headers: [
      { text: "ID", width: 10 },
      { text: "Nivå", width: 26, list: "levels" },
      { text: "Namn", width: 60 },
      { text: "Överordnat", width: 20 },
      { text: "Nämnd", width: 14 },
      { text: "Målvärde", width: 20 },
    ],
  },
  {
    name: "Uppdrag",
    headers: [
      { text: "ID", width: 10 },
      { text: "Uppdrag", width: 60 },
      { text: "Förtydligande", width: 60 },
      { text: "Mål", width: 20 },
      { text: "Ansvarig nämnd", width: 20 },
      { text: "Typ", width: 14, list: "origins" },
      { text: "År", width: 8 },
    ],
  },
  {
    name: "Ramjusteringar",
    headers: [
      { text: "ID", width: 10 },
      { text: "Nämnd", width: 12 },
      { text: "År", width: 8 },
      { text: "Belopp (tkr)", width: 14 },
      { text: "Typ", width: 16, list: "directions" },
      { text: "Varaktighet", width: 14, list: "durations" },
      { text: "Uppdrag", width: 14 },
      { text: "Kommentar", width: 50 },
    ],
  },
  {
    name: "Nyckeltal",
    headers: [
      { text: "ID", width: 10 },
      { text: "Nyckeltal", width: 50 },
      { text: "Kolada-ID", width: 12 },
      { text: "Mål", width: 14 },
      { text: "Målvärde", width: 14 },
      { text: "Enhet", width: 12 },
    ],
  },
];

const header = (text: string): SpecCell => ({ value: text, bold: true, fill: "DDEBF7" });

export function templateWorkbook(settings: Settings = DEFAULT_SETTINGS): WorkbookSpec {
  const sheets: SheetSpec[] = SHEETS.map((sheet) => ({
    name: sheet.name,
    blocks: [{ top: 0, left: 0, rows: [sheet.headers.map((h) => header(h.text))] }],
    columnWidths: sheet.headers.map((h, col) => ({ col, width: h.width })),
    frozenRows: 1,
    validations: sheet.headers.flatMap((h, col) => {
      if (!h.list) return [];
      const letter = String.fromCharCode(65 + col);
      return [{ range: `${letter}2:${letter}${TEMPLATE_ROWS + 1}`, source: listSource(settings, h.list) }];
    }),
  }));
  const settingsSheet: SheetSpec = {
    name: "Inställningar",
    blocks: [
      {
        top: 0,
        left: 0,
        rows: [
          [header("Inställning"), header("Värde")],
          [{ value: "Budgetår" }, { value: null }],
          [{ value: "Planår" }, { value: null }],
          [{ value: "Titel" }, { value: null }],
          [],
          // The ledger's tables (src/domain/ledger/settings.ts): which ansvar codes are which nämnd, and which
          // accounts the net cost leaves out. Side by side, so that each can grow downwards.
          [header("Ansvar"), header("Nämnd"), { value: null }, header("Konto som inte räknas"), header("Benämning")],
        ],
      },
    ],
    columnWidths: [
      { col: 0, width: 16 },
      { col: 1, width: 40 },
      { col: 2, width: 4 },
      { col: 3, width: 24 },
      { col: 4, width: 30 },
    ],
  };
  return { sheets: [...sheets, settingsSheet, listsSheet(settings)] };
}
