import { createRoot } from "react-dom/client";
import { loadPaneStrings, paneLanguage } from "../i18n/paneLanguage";
import { App } from "./App";
import { lazyWorkbook } from "./lazyWorkbook";
import { stepFromUrl } from "./launch";
import type { PaneWorkbook } from "./workbook";
import { paneTheme } from "./theme";
import { workerCore } from "./workerCore";
import { workerFiles } from "./workerFiles";

/* global Office, document, window */

/**
 * The Excel host's jobs, with the core in its Web Worker and the file reader in another. The pane reads the plan as
 * soon as it opens, so the jobs' chunk and the core's worker start loading now, while React renders the first step;
 * the file reader (ExcelJS) starts on use.
 */
function loadWorkbook(): () => Promise<PaneWorkbook> {
  const importJobs = () => import(/* webpackChunkName: "excel-jobs" */ "./excelWorkbook");
  let started: ReturnType<typeof importJobs> | null = importJobs();
  const core = workerCore({ startNow: true });
  return () => {
    const jobs = started ?? importJobs(); // lazyWorkbook asks again after a failed download: fetch anew
    started = null;
    return jobs.then(({ excelWorkbook }) => excelWorkbook({ core, files: workerFiles() }));
  };
}

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
  const workbook = inExcel ? lazyWorkbook(loadWorkbook()) : null;
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
