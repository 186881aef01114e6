/**
 * The spec files (`*.spec.ts`, `*.spec.tsx`) and the suite each runs in. Jest gives every test file a module registry
 * of its own, and loading ExcelJS, React, Fluent and the product into it again was about a third of what a small
 * test file cost: so the specs of one subject run together, each in a `describe` named after its file, as one Jest
 * test file (`test/suites/<suite>.test.ts`). A spec keeps its own hooks and state (they are inside its `describe`),
 * but shares the loaded modules, and in the pane suite the document, with the specs before it: it leaves both as
 * it found them. suites.spec.ts checks that every spec file is in exactly one suite.
 *
 * Files that stay test files of their own: the long ones that wait on LibreOffice or on processes (a registry is little
 * beside them, and as separate files they spread over Jest's workers), and jsdomEnvironment.test.ts, which checks
 * what its environment loads first.
 *
 * `core` is the core's tests on in-memory grids (no file, no CLI, no LibreOffice, no DOM): `npm run test:core`.
 */
export const SUITES = {
  core: [
    "amounts",
    "answered",
    "export-layout",
    "hostile-nothing-lost",
    "ledger",
    "followup-expected",
    "history-sheet",
    "i18n-errors",
    "mapping",
    "movement",
    "names",
    "number-formats",
    "own-sheet-names",
    "pasted",
    "pastedPdf",
    "reader-classes",
    "reader-levels",
    "recognise-model",
    "rows",
    "successors",
    "unread",
    "year-chain-model",
  ],
  // Reading plans and files: the readers, the layouts, the rules, and the CLI's commands over them.
  reading: [
    "budgets",
    "certainty",
    "filter-names",
    "goal-rules",
    "goal-tree",
    "kolada",
    "layouts",
    "previous-periods",
    "reader-lists",
    "rules",
    "table-reconcile",
    "xlsx-host",
    "xlsx-reader",
  ],
  // The CLI's commands; goal-chapter writes the chapter through src/, apart from the report's specs, which run lib/: two
  // copies of the rasteriser in one registry would initialise its WebAssembly twice, which it refuses.
  cli: [
    "cli",
    "consolidate",
    "consolidate-cli",
    "corpus",
    "examples",
    "goal-chapter",
    "kolada-cli",
    "ledger-files",
    "output",
    "recognise",
    "recognise-economy",
  ],
  followup: [
    "carried",
    "followup",
    "followup-areas",
    "followup-carried",
    "followup-economy",
    "followup-economy-consolidate",
    "followup-economy-roundtrip",
    "followup-previous",
    "followup-print",
    "followup-sheet",
    "history",
  ],
  // The report and the demo: these run the built CLI (lib/) through scripts/demo.js.
  report: [
    "chart-parts",
    "demo",
    "demo-year",
    "goal-attainment",
    "goal-attainment-print",
    "goal-chapter-pdf",
    "goal-charts",
    "report-charts",
    "report-print",
    "report-sheets",
  ],
  hostile: [
    "hostile-bounded",
    "hostile-fuzz",
    "hostile-password",
    "hostile-returns",
    "hostile-source",
    "hostile-text-files",
    "limits",
    "text-is-data",
  ],
  // The Excel host on the strict stand-in.
  excel: [
    "excel/areas",
    "excel/carried",
    "excel/charts",
    "excel/history",
    "excel/host",
    "excel/hostile-text",
    "excel/jobs",
    "excel/kolada",
    "excel/marks",
    "excel/merges",
    "excel/previous",
    "excel/units",
    "excel/windows",
    "taskpane/office",
    "taskpane/workers",
  ],
  // The pane in jsdom (test/support/jsdomEnvironment.js).
  pane: [
    "taskpane/App",
    "taskpane/GoalStatus",
    "taskpane/KoladaPick",
    "taskpane/Koppla",
    "taskpane/PreviousPick",
    "taskpane/Sammanstall",
    "taskpane/Skapa",
    "taskpane/Validera",
    "taskpane/axe",
    "taskpane/excel",
    "taskpane/oneLanguage",
    "taskpane/previous",
  ],
  // The project itself: the walls between its floors, the manifest, the pane's page and its launch.
  project: ["csp", "launch", "manifest", "suites/suites", "walls"],
} as const;

export type SuiteName = keyof typeof SUITES;
