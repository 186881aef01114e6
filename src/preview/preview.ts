/**
 * The preview: the real task pane in a plain browser, without Excel. Runs before src/taskpane/index.tsx (the two are
 * one webpack entry, in that order; see webpack.config.js) and gives the pane what Excel would:
 *
 * - `Excel.run`: the strict in-memory stand-in of the Excel API from the Excel host's tests (src/hosts/standin/),
 *   holding the Östersund example (plans/ostersund.json, read from examples/ostersund-2024-mall.xlsx at build time)
 *   or, with ?plan=large, the benchmark's plan of 20 000 uppdrag and 20 000 ramjusteringar (plans/large.json).
 * - `Office`: onReady resolving with host Excel once the plan is in the stand-in; context.displayLanguage from
 *   ?lang= (default sv-SE); context.officeTheme from ?theme=light|dark; context.requirements from the stand-in.
 *
 * `window.__standIn` is the stand-in, for the end-to-end test (test/e2e) to look at what the pane wrote;
 * `window.__standInBusy` when it was working, for bench/pane.js.
 * This code is never part of the add-in's own build (entry `taskpane`).
 */
import type { CellValue, Grid } from "../sheet/grid";
import { StandIn, type Visibility } from "../hosts/standin";

/* global document, fetch, performance, setTimeout, window */

/** A Grid as plans/*.json carries it: dates already Excel serial numbers (scripts/preview-plans.js). */
type PreviewGrid = Omit<Grid, "values"> & { values: Exclude<CellValue, Date>[][] };

interface PreviewPlan {
  title: string;
  grids: PreviewGrid[];
}

const VISIBILITY: Record<string, Visibility> = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };

/** Office's colours for its White and Black themes (what Office.context.officeTheme reports there). */
const THEMES = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#000000",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#000000",
    isDarkTheme: false,
    themeId: "White",
  },
  dark: {
    bodyBackgroundColor: "#262626",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#333333",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
    themeId: "Black",
  },
} as const;

const BANNER = {
  sv: {
    ostersund: "exempeldata från Östersund 2024",
    large: "syntetisk plan med 20 000 uppdrag",
    lead: "Förhandsvisning utan Excel",
  },
  en: {
    ostersund: "sample data from Östersund 2024",
    large: "synthetic plan with 20,000 assignments",
    lead: "Preview without Excel",
  },
};

/** The plan's grids put into the stand-in sheet by sheet, as test/excel/support.ts's standInFromGrids does. */
function loadPlan(standIn: StandIn, plan: PreviewPlan): void {
  for (const grid of plan.grids) {
    const sheet = standIn.workbook.addSheet(grid.sheet, VISIBILITY[grid.visibility ?? "visible"]);
    grid.values.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = sheet.at(grid.top + r, grid.left + c);
        cell.value = typeof value === "object" ? { error: value.error } : value;
        const format = grid.formats?.[r]?.[c];
        if (format) cell.numberFormat = format;
      }),
    );
  }
}

async function fetchPlan(name: "ostersund" | "large"): Promise<PreviewPlan> {
  const response = await fetch(`plans/${name}.json`);
  if (!response.ok) throw new Error(`plans/${name}.json: ${response.status}`);
  return (await response.json()) as PreviewPlan;
}

const params = new URLSearchParams(window.location.search);
const displayLanguage = params.get("lang")?.trim() || "sv-SE";
const theme = params.get("theme") === "dark" ? "dark" : "light";
const planName = params.get("plan") === "large" ? "large" : "ostersund";

const banner = document.getElementById("preview-banner");
const words = BANNER[displayLanguage.toLowerCase().startsWith("en") ? "en" : "sv"];
if (banner) banner.textContent = `${words.lead} – ${words[planName]}`;
document.documentElement.dataset.theme = theme;
document.documentElement.lang = displayLanguage;

const standIn = new StandIn({ sheets: [] });
const loaded = fetchPlan(planName).then((plan) => loadPlan(standIn, plan));

/**
 * When the stand-in was busy (performance.now() intervals), for bench/pane.js: that is Excel's work, not the pane's.
 * In Excel a sync is a round trip to another process and the page's thread is free meanwhile; the stand-in works in
 * the page's thread, so each sync here starts and ends in a task of its own, apart from the pane's code around it.
 */
const standInBusy: [number, number][] = [];
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return standIn.run((context) => {
    const sync = context.sync.bind(context);
    Object.defineProperty(context, "sync", {
      value: async (...args: unknown[]) => {
        await nextTask();
        const start = performance.now();
        try {
          return await (sync as (...a: unknown[]) => Promise<unknown>)(...args);
        } finally {
          standInBusy.push([start, performance.now()]);
          await nextTask();
        }
      },
    });
    return batch(context);
  });
}

const host = { host: "Excel", platform: "OfficeOnline" } as const;
const globals = globalThis as Record<string, unknown>;
globals.Excel = { run };
globals.Office = {
  HostType: { Excel: "Excel" },
  PlatformType: { OfficeOnline: "OfficeOnline" },
  ThemeId: { Black: "Black", Colorful: "Colorful", DarkGray: "DarkGray", White: "White" },
  /** Resolves (and calls back) once the plan is in the stand-in, as Office.onReady does once Office is ready. */
  onReady(callback?: (info: typeof host) => void): Promise<typeof host> {
    return loaded.then(() => {
      callback?.(host);
      return host;
    });
  },
  context: {
    displayLanguage,
    contentLanguage: displayLanguage,
    officeTheme: THEMES[theme],
    requirements: {
      isSetSupported: (name: string, version?: string) =>
        name === "ExcelApi" && standIn.supports(version === undefined ? "1.1" : String(version)),
    },
  },
};
Object.assign(window, { __standIn: standIn, __standInBusy: standInBusy });

loaded.catch((error: unknown) => {
  if (banner) banner.textContent = `${words.lead}: ${error instanceof Error ? error.message : String(error)}`;
});
