import { Grid, cellText, valueAt } from "../../sheet/grid";
import { AmountUnit, unitFromHeader } from "../amounts";
import { RawCell, RawInvestment, filledCell } from "../raw";
import { COMMITTEE_CODE } from "../adjustmentLine";
import { isCommitteeName } from "./tableCommittees";
import { isTotals, titlesAbove } from "./tableRows";

/**
 * An investment budget ("Investeringsbudget", "Investeringsplan"): a project per row and its amount per year, a column
 * each ("Projekt | Budget 2025 | Plan 2026 | Plan 2027", "Område | Investeringsram 2015 (mnkr)"). Each project's nämnd is its row's in a nämnd column, or the
 * nämnd heading the projects under it (a row naming only the nämnd), or the nämnd the sheet's title or name names.
 * A project whose nämnd the sheet does not give is no investment of the plan (the budget is per nämnd).
 */

const INVESTMENT = /investering/iu;
// Under an investment title a nämnd's budget may be split by område (lokalförsörjning, gata, VA) instead of projects.
const PROJECT_HEADER =
  /^(?:projekt|projektnamn|investeringsprojekt|investeringsobjekt|objekt|investering|investeringar|(?:investerings)?område)$/u;
const COMMITTEE_HEADER = /^(?:nämnd|ansvarig nämnd|nämnd\/styrelse|styrelse\/nämnd)$/u;
/** A column of project numbers beside the names ("Projektnr | Projekt"): part of what names the project. */
const NUMBER_HEADER = /^(?:projektnr|projektnummer|proj\.? ?nr|objektnr|objektnummer|nr)\.?$/u;
/**
 * A year column: 2025, "Budget 2025", "Plan 2026", "Investeringsbudget 2025 (mnkr)", "Investeringsram 2015"; never an
 * outcome, a total or a period ("Period 2019-2022").
 */
const YEAR_COLUMN =
  /^(?:(?:investeringsbudget|investeringsram|investeringsplan|investeringar|budget|plan|ram)\s+)?((?:19|20)\d\d)$/u;
const HEADER_SCAN_ROWS = 30;

function bare(text: string): string {
  return text
    .toLowerCase()
    .replace(/\([^)]*\)/g, " ")
    .replace(/\s+(?:tkr|mnkr|mkr|kr)$/u, "")
    .replace(/\s+/g, " ")
    .trim();
}

interface Header {
  row: number;
  project: number;
  number?: number;
  committee?: number;
  years: { col: number; year: number; unit: AmountUnit | null }[];
}

function headerAt(grid: Grid, row: number): Header | null {
  const values = grid.values[row - grid.top] ?? [];
  let project: number | undefined;
  let committee: number | undefined;
  let number: number | undefined;
  const years: Header["years"] = [];
  values.forEach((value, i) => {
    const text = bare(cellText(value));
    const col = grid.left + i;
    if (project === undefined && PROJECT_HEADER.test(text)) project = col;
    else if (committee === undefined && COMMITTEE_HEADER.test(text)) committee = col;
    else if (number === undefined && NUMBER_HEADER.test(text)) number = col;
    else {
      const year = YEAR_COLUMN.exec(text);
      if (year) years.push({ col, year: Number(year[1]), unit: unitFromHeader(cellText(value)) });
    }
  });
  return project !== undefined ? { row, project, number, committee, years } : null;
}

/**
 * A row naming only a nämnd, heading the projects under it. Written out ("Tekniska nämnden"): a bare abbreviation is as
 * often a project or område of its own ("VA", "IT") as a nämnd's code, and its amounts are then its own.
 */
function isCommitteeHeading(text: string): boolean {
  return isCommitteeName(text) && !COMMITTEE_CODE.test(text.trim());
}

/** The first nämnd a text names in full ("Tekniska nämndens investeringar" names none; "Tekniska nämnden" does). */
function committeeIn(texts: RawCell[]): RawCell | undefined {
  return texts.find((cell) => isCommitteeName(cellText(cell.value)));
}

/**
 * The header of the sheet's investment table (a project column under an investment title) with the titles above it:
 * the first such row with year columns, else the first without; null when the sheet has none.
 */
function investmentHeader(grid: Grid): { header: Header; titles: RawCell[] } | null {
  const end = Math.min(grid.top + grid.values.length, grid.top + HEADER_SCAN_ROWS);
  let found: { header: Header; titles: RawCell[] } | null = null;
  for (let row = grid.top; row < end; row++) {
    const header = headerAt(grid, row);
    if (!header) continue;
    const titles = titlesAbove(grid, header.row);
    const projectHeader = cellText(valueAt(grid, header.row, header.project));
    if (![grid.sheet, projectHeader, ...titles.map((cell) => cellText(cell.value))].some((t) => INVESTMENT.test(t)))
      continue;
    if (header.years.length) return { header, titles };
    found ??= { header, titles };
  }
  return found;
}

/**
 * Why a sheet laid out as an investment budget gave no investment: it has no column per year ("Budget 2025"), or
 * gives no nämnd for its projects; null when it is no investment budget.
 */
export function investmentGap(grid: Grid): "investmentNoYear" | "investmentNoCommittee" | null {
  const found = investmentHeader(grid);
  if (!found) return null;
  return found.header.years.length ? "investmentNoCommittee" : "investmentNoYear";
}

/** The investments of a sheet's investment budget; none when the sheet holds none. */
export function investmentTable(grid: Grid): RawInvestment[] {
  const found = investmentHeader(grid);
  if (!found || !found.header.years.length) return [];
  const { header, titles } = found;
  const tableUnit = [...titles.map((cell) => cellText(cell.value)), grid.sheet]
    .map(unitFromHeader)
    .find((unit) => unit !== null);
  const sheetCommittee = committeeIn([
    ...titles,
    { value: grid.sheet, ref: { sheet: grid.sheet, row: grid.top, col: grid.left } },
  ]);
  const { project: projectCol, number: numberCol, committee: committeeCol, years } = header;
  let heading: RawCell | undefined;
  const investments: RawInvestment[] = [];
  for (let row = header.row + 1; row < grid.top + grid.values.length; row++) {
    const project = filledCell(grid, row, projectCol);
    if (!project || isTotals(project.value)) continue;
    // A nämnd heading its projects (an amount beside it is the nämnd's subtotal, not a project).
    if (committeeCol === undefined && isCommitteeHeading(cellText(project.value))) {
      heading = project;
      continue;
    }
    const committee =
      (committeeCol !== undefined ? filledCell(grid, row, committeeCol) : null) ?? heading ?? sheetCommittee;
    if (!committee) continue;
    for (const { col, year, unit } of years) {
      const amount = filledCell(grid, row, col);
      const projectNumber = numberCol !== undefined ? (filledCell(grid, row, numberCol) ?? undefined) : undefined;
      if (amount)
        investments.push({ committee, project, projectNumber, year, amount, unit: unit ?? tableUnit ?? undefined });
    }
  }
  return investments;
}
