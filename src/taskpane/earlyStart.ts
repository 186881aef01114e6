import { stepFromUrl } from "./launch";
import { STEP_CHUNKS } from "./stepChunks";
import { startedCore } from "./coreWorkerStart";
import { workerFiles } from "./workerFiles";
import { workerChapter } from "./workerChapter";
import type { PaneWorkbook } from "./workbook";

/* global window */

/**
 * The Excel host's jobs, with the core in its Web Worker (started even earlier, by coreWorkerStart.ts) and the file
 * reader in another. index.tsx imports this module first, so it runs before React and Fluent are evaluated and before
 * Office is ready: the jobs' chunk and the opening step's chunk load meanwhile instead of after. (Outside Excel the
 * pane only says where it runs; the worker is then never asked anything.) The file reader (ExcelJS) starts on use.
 */
function startLoadingWorkbook(): () => Promise<PaneWorkbook> {
  const importJobs = () => import(/* webpackChunkName: "excel-jobs" */ "./excelWorkbook");
  let started: ReturnType<typeof importJobs> | null = importJobs();
  return () => {
    const jobs = started ?? importJobs(); // lazyWorkbook asks again after a failed download: fetch anew
    started = null;
    return jobs.then(({ excelWorkbook }) =>
      excelWorkbook({ core: startedCore, files: workerFiles(), chapter: workerChapter() }),
    );
  };
}

export const loadWorkbook = startLoadingWorkbook();

// Only a head start: App loads the step itself (the same chunk, fetched once) and reports a failed download there.
STEP_CHUNKS[stepFromUrl(window.location.search)]().catch(() => undefined);
