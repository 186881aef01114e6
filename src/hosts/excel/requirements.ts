/** Which ExcelApi requirement sets this Excel has: the host degrades below those it needs (design.md). */
export type Supports = (version: string) => boolean;

/** The default requirement-set check, through Office.js. */
export function officeSupports(version: string): boolean {
  // Outside Office (office.js loaded in a plain page) Office.context has no requirements: nothing is supported.
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported("ExcelApi", version) === true;
}
