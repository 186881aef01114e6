// First: starts the core's worker and the jobs' chunk before anything else is evaluated (see earlyStart.ts).
import { loadWorkbook } from "./earlyStart";
import { createRoot } from "react-dom/client";
import { loadPaneStrings, paneLanguage } from "../i18n/paneLanguage";
import { App } from "./App";
import { lazyWorkbook } from "./lazyWorkbook";
import { stepFromUrl } from "./launch";
import { paneTheme } from "./theme";

/* global Office, document, window */

// Office.onReady also resolves outside Office (host null), so the pane can say where it runs instead of failing.
Office.onReady(async (info) => {
  const root = document.getElementById("root");
  if (!root) return;
  const inExcel = info.host === Office.HostType.Excel;
  // Outside Office (a plain browser) the context may lack these, or throw on reading them.
  const read = <T,>(get: () => T): T | undefined => {
    try {
      return get();
    } catch {
      return undefined;
    }
  };
  const workbook = inExcel ? lazyWorkbook(loadWorkbook) : null;
  const strings = await loadPaneStrings(paneLanguage(read(() => Office.context?.displayLanguage)));
  createRoot(root).render(
    <App
      inExcel={inExcel}
      workbook={workbook}
      strings={strings}
      theme={paneTheme(read(() => Office.context?.officeTheme))}
      initialStep={stepFromUrl(window.location.search)}
    />,
  );
});
