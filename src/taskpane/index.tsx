import { createRoot } from "react-dom/client";
import { paneLanguage } from "../i18n/pane";
import { App } from "./App";
import { lazyWorkbook } from "./lazyWorkbook";
import { stepFromUrl } from "./launch";
import { paneTheme } from "./theme";
import { workerCore } from "./workerCore";
import { workerFiles } from "./workerFiles";

/* global Office, document, window */

/** The Excel host's jobs, with the core in its Web Worker and the file reader in another (both started on use). */
const loadWorkbook = () =>
  import(/* webpackChunkName: "excel-jobs" */ "./excelWorkbook").then(({ excelWorkbook }) =>
    excelWorkbook({ core: workerCore(), files: workerFiles() }),
  );

// Office.onReady also resolves outside Office (host null), so the pane can say where it runs instead of failing.
Office.onReady((info) => {
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
  createRoot(root).render(
    <App
      inExcel={inExcel}
      workbook={inExcel ? lazyWorkbook(loadWorkbook) : null}
      language={paneLanguage(read(() => Office.context?.displayLanguage))}
      theme={paneTheme(read(() => Office.context?.officeTheme))}
      initialStep={stepFromUrl(window.location.search)}
    />,
  );
});
