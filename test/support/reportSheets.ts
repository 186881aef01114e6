/**
 * The report's sheets with a row per nämnd (Översikt, Måluppfyllelse per nämnd, Uppdrag per nämnd, Ramjusteringar per
 * nämnd) as LibreOffice reads them: a column found by its header, whichever of the sheets it is on.
 */
import {
  ADJUSTMENTS_SHEET,
  ASSIGNMENTS_SHEET,
  GOALS_SHEET,
  OVERVIEW_SHEET,
} from "../../src/domain/followup/reportCommittees";
import { HEADER_ROW } from "../../src/domain/followup/reportSheet";
import { LoCell, LoWorkbook } from "./libreoffice";

export const COMMITTEE_SHEETS = [OVERVIEW_SHEET, GOALS_SHEET, ASSIGNMENTS_SHEET, ADJUSTMENTS_SHEET];

export interface CommitteeColumns {
  /** The cell under `header` in 0-based `row`; throws when no sheet has the header (or two have it). */
  at(header: string, row: number): LoCell | undefined;
  /** Every formula of the four sheets. */
  formulas: string[];
}

export function committeeColumns(workbook: LoWorkbook): CommitteeColumns {
  const sheets = workbook.sheets.filter((s) => COMMITTEE_SHEETS.includes(s.name));
  if (sheets.length !== COMMITTEE_SHEETS.length) throw new Error(`Sheets: ${sheets.map((s) => s.name).join(", ")}`);
  return {
    at(header, row) {
      // Nämnd, Namn and the Summa row's label stand on every sheet: the first column of Översikt.
      const places = sheets.flatMap((sheet) =>
        sheet.cells.filter((c) => c.row === HEADER_ROW && c.value === header).map((c) => ({ sheet, col: c.col })),
      );
      if (places.length !== 1) throw new Error(`"${header}" heads ${places.length} columns of the sheets per nämnd`);
      const [{ sheet, col }] = places;
      return sheet.cells.find((c) => c.row === row && c.col === col);
    },
    formulas: sheets.flatMap((s) => s.cells.filter((c) => c.formula !== null).map((c) => c.formula!)),
  };
}
