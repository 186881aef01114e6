/**
 * What excelWorkbook.ts does besides reading the workbook, gathered into one chunk loaded on first use: writing
 * sheets, follow-ups and reports, marks, going to a cell. The pane's first step needs none of it.
 */
export { OVERVIEW_SHEET } from "../domain/followup/report";
export { committeeWorkbooks } from "../domain/followup/committeeWorkbooks";
export { consolidateInWorkbook, createTemplate, generateFollowUp, goToCell, saveSettings } from "../hosts/excel/jobs";
export { clearMarks, markCells } from "../hosts/excel/marks";
export { followUpPreviewRows } from "./followUpPreview";
