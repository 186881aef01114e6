import { CellValue, Grid, cellName, cellText } from "../../sheet/grid";
import { CommitteeDirectory } from "../committees";
import { Finding, finding } from "../findings";
import { Committee } from "../model";
import { isSettingsSheet } from "../settings";
import { normalizeName } from "../text";
import { CodeRule, parseCodeRule, ruleText, rulesCollide } from "./codes";

/**
 * The ledger's settings, two small tables a kommun keeps on its settings sheet (Inställningar), anywhere on it, each
 * under a header row and ending at the first empty row:
 *
 *   Ansvar      | Nämnd                  Konto som inte räknas | Benämning
 *   1000-1999   | KS                     3811                  | Kommunbidrag
 *   2*          | Barn- och utbildningsnämnden                  39*  | Interna intäkter
 *
 * Ansvar takes a code, a range or a prefix (codes.ts); Nämnd the plan's abbreviation or full name. The second
 * table names the accounts left out of the net cost: the kommunbidrag itself and internal items.
 */

export interface LedgerRule {
  rule: CodeRule;
  /** Committee code. */
  committee: string;
  /** Where the rule stands: sheet and A1 cell of its code. */
  sheet: string;
  cell: string;
}

export interface ExcludedAccount {
  rule: CodeRule;
  /** What the settings call it ("Kommunbidrag"), or null. */
  label: string | null;
}

export interface LedgerSettings {
  rules: LedgerRule[];
  excluded: ExcludedAccount[];
  findings: Finding[];
}

/** Where a settings table stands, so the plan's reader counts its cells as read. */
export interface TableArea {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

type TableKind = "committees" | "accounts";

const CODE_HEADERS = new Set(["ansvar", "ansvarskod", "ansvarskoder", "ansvar (kod, intervall eller prefix)"]);
const COMMITTEE_HEADERS = new Set(["nämnd", "nämnd/styrelse", "nämnd (förkortning)", "ansvarig nämnd"]);
const ACCOUNT_HEADERS = new Set([
  "konto som inte räknas",
  "konton som inte räknas",
  "konto som räknas bort",
  "konton som räknas bort",
  "undantagna konton",
  "konton som inte ingår",
]);

function headerKind(cells: CellValue[], col: number): TableKind | null {
  const key = normalizeName(cellText(cells[col] ?? null));
  if (ACCOUNT_HEADERS.has(key)) return "accounts";
  const next = normalizeName(cellText(cells[col + 1] ?? null));
  return CODE_HEADERS.has(key) && COMMITTEE_HEADERS.has(next) ? "committees" : null;
}

interface Table {
  kind: TableKind;
  grid: Grid;
  area: TableArea;
}

/** The ledger tables of one settings sheet. */
function tables(grid: Grid): Table[] {
  const found: Table[] = [];
  grid.values.forEach((cells, r) => {
    cells.forEach((_, c) => {
      const kind = headerKind(cells, c);
      if (!kind) return;
      let last = r;
      while (last + 1 < grid.values.length) {
        const next = grid.values[last + 1];
        if (!cellText(next[c] ?? null) && !cellText(next[c + 1] ?? null)) break;
        if (headerKind(next, c)) break;
        last++;
      }
      const area = { top: grid.top + r, bottom: grid.top + last, left: grid.left + c, right: grid.left + c + 1 };
      found.push({ kind, grid, area });
    });
  });
  return found;
}

/** The areas the ledger's tables take on a settings sheet (none on any other sheet). */
export function ledgerTableAreas(grid: Grid): TableArea[] {
  return isSettingsSheet(grid.sheet) ? tables(grid).map((t) => t.area) : [];
}

/** The ledger's settings as the workbook writes them, checked against the plan's nämnder. */
export function readLedgerSettings(grids: Grid[], committees: Committee[]): LedgerSettings {
  const directory = new CommitteeDirectory(committees);
  const known = new Set(committees.map((c) => c.code));
  const settings: LedgerSettings = { rules: [], excluded: [], findings: [] };
  for (const table of grids.filter((g) => isSettingsSheet(g.sheet)).flatMap(tables)) {
    const { grid, area } = table;
    for (let row = area.top + 1; row <= area.bottom; row++) {
      const cells = grid.values[row - grid.top];
      const codeText = cellText(cells[area.left - grid.left] ?? null);
      const secondText = cellText(cells[area.right - grid.left] ?? null);
      const at = { sheet: grid.sheet, row, col: area.left };
      const rule = parseCodeRule(codeText);
      if (!rule) {
        settings.findings.push(finding("error", "ledger-rule-invalid", at, { value: codeText }));
        continue;
      }
      if (table.kind === "accounts") {
        settings.excluded.push({ rule, label: secondText || null });
        continue;
      }
      const committee = secondText ? directory.lookup(secondText) : null;
      if (!committee || !known.has(committee.code)) {
        const where = { ...at, col: area.right };
        settings.findings.push(
          finding("error", "ledger-committee-unknown", where, { name: secondText, code: codeText }),
        );
        continue;
      }
      const placed = { rule, committee: committee.code, sheet: grid.sheet, cell: cellName(row, area.left) };
      const earlier = settings.rules.find((r) => r.committee !== placed.committee && rulesCollide(r.rule, rule));
      if (earlier) {
        settings.findings.push(
          finding("warning", "ledger-rule-collision", at, {
            rule: ruleText(rule),
            earlier: ruleText(earlier.rule),
            committee: earlier.committee,
            cell: earlier.cell,
          }),
        );
      }
      settings.rules.push(placed);
    }
  }
  return settings;
}
