/**
 * A PaneWorkbook whose implementation loads on first use: the Excel host's jobs bring parts of the core with them
 * (templates, state sheet, the in-thread fallback), which the pane's first paint does not need. The pane's initial
 * JavaScript stays React, Fluent and the steps; the jobs arrive as a chunk of their own while the pane shows.
 */
import type { PaneWorkbook } from "./workbook";

export function lazyWorkbook(load: () => Promise<PaneWorkbook>): PaneWorkbook {
  let loaded: Promise<PaneWorkbook> | null = null;
  const get = () => {
    loaded ??= load().catch((error: unknown) => {
      loaded = null; // a failed download may succeed on the next try
      throw error;
    });
    return loaded;
  };
  return {
    validate: async (...args) => (await get()).validate(...args),
    outlineFollowUp: async (...args) => (await get()).outlineFollowUp(...args),
    generate: async (...args) => (await get()).generate(...args),
    exportFollowUp: async (...args) => (await get()).exportFollowUp(...args),
    outlineConsolidation: async (...args) => (await get()).outlineConsolidation(...args),
    consolidate: async (...args) => (await get()).consolidate(...args),
    chapterDocx: async () => (await get()).chapterDocx(),
    saveSettings: async (...args) => (await get()).saveSettings(...args),
    createTemplate: async (...args) => (await get()).createTemplate(...args),
    goToCell: async (...args) => (await get()).goToCell(...args),
    markCells: async (...args) => (await get()).markCells(...args),
    clearMarks: async (...args) => (await get()).clearMarks(...args),
    readFiles: async (...args) => (await get()).readFiles(...args),
    importLedger: async (...args) => (await get()).importLedger(...args),
    readKolada: async (...args) => (await get()).readKolada(...args),
  };
}
