/**
 * Which language the pane speaks, and its words. The Swedish table is in the pane's first bundle; the English one
 * loads only when Office speaks English, so a pane opens without the language it does not show.
 */
import type { Language } from "./findings";
import { type PaneStrings, sv } from "./paneSv";

/** Office's display language ("sv-SE", "en-US", …): English for en-*, Swedish otherwise. */
export function paneLanguage(displayLanguage: string | undefined | null): Language {
  return /^en(-|$)/i.test(displayLanguage ?? "") ? "en" : "sv";
}

/** The table for `language`; Swedish if the English one cannot be loaded, so that the pane speaks rather than not at all. */
export async function loadPaneStrings(language: Language): Promise<PaneStrings> {
  if (language === "sv") return sv;
  return import(/* webpackChunkName: "pane-en" */ "./paneEn").then(
    (table) => table.en,
    () => sv,
  );
}
