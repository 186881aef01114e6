// Types for scripts/demo.js, whose follow-up steps test/demo.spec.ts and test/demo-year.spec.ts run.

/** The files one period of the demo wrote. */
export interface PeriodFiles {
  master: string;
  /** The folder of one workbook per nämnd. */
  split: string;
  report: string;
  chapter: string | null;
  /** The nämnder's answered workbooks. */
  returned: string[];
}

/** Generates, answers and consolidates the T1 follow-up of Östersund 2024 in `dir`, with the måluppfyllelse chapter. */
export declare function followUp(dir: string, log: (text: string) => void): Promise<PeriodFiles & { chapter: string }>;

/** Delår and Helår 2024 after `t1`, and 2025's T1, in `dir`. */
export declare function restOfYear(
  dir: string,
  log: (text: string) => void,
  t1: PeriodFiles,
): Promise<{ delar: PeriodFiles; helar: PeriodFiles; next: PeriodFiles }>;
