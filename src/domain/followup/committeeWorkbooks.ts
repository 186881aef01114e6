/** The follow-up as one workbook per nämnd, as the CLI's --split and the pane's export write them. */
import type { WorkbookSpec } from "../../sheet/spec";
import type { FollowUpWrite } from "../jobs";
import { uniqueSheetName } from "./sheetNames";

export interface CommitteeWorkbook {
  committee: string;
  /** "KS-T1-2025.xlsx": unique ignoring case (as on Windows and macOS), even when two codes clean to the same stem. */
  fileName: string;
  workbook: WorkbookSpec;
}

/** One workbook per nämnd (its follow-up sheet with the lists and state), to send out and have filled in. */
export function committeeWorkbooks(followUp: FollowUpWrite, period: string, year: number): CommitteeWorkbook[] {
  const taken: string[] = [];
  return followUp.sheets.map((sheet) => {
    const stem = sheet.committee.code.replace(/[\\/:*?"<>|\s]+/g, "_");
    const name = uniqueSheetName(stem, `-${period}-${year}`, taken);
    taken.push(name);
    return {
      committee: sheet.committee.code,
      fileName: `${name}.xlsx`,
      workbook: { sheets: [sheet.spec, ...followUp.support] },
    };
  });
}
