// Types for scripts/demo.js, whose follow-up steps test/demo.test.ts runs.
/** Generates, answers and consolidates the T1 follow-up of Östersund 2024 in `dir`; gives the report's and the chapter's paths. */
export declare function followUp(
  dir: string,
  log: (text: string) => void,
): Promise<{ report: string; chapter: string }>;
