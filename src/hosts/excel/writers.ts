/**
 * What the open workbook's steps need beyond reading, gathered into one chunk that openWorkbook.ts loads on first
 * use: writing sheets, follow-ups, reports, settings and templates, and marking cells. Reading the plan, the pane's
 * first step, needs none of it.
 */
export { committeeWorkbooks } from "../../domain/followup/committeeWorkbooks";
export { OVERVIEW_SHEET } from "../../domain/followup/report";
export { placeOwnSheets } from "../../domain/ownSheetNames";
export { stateSheet } from "../../domain/state";
export { templateWorkbook } from "../../domain/template";
export { followUpOutlineRows } from "../followUpOutline";
export { clearMarks, markCells } from "./marks";
export { listSheets, writeSheets } from "./write";
