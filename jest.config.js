/**
 * `npm test` runs every project; `npm run test:core` only "core": the core's tests on in-memory grids (no file, no
 * CLI, no LibreOffice, no DOM), for the inner loop. Most tests are spec files that run in suites, one Jest test file
 * per subject (test/suites/suites.ts says which and why); a few are test files of their own. The browser walk runs
 * on its own (npm run test:e2e, jest.e2e.config.js): it needs the preview build.
 */
const CORE_SUITE = "<rootDir>/test/suites/core.test.ts";

/** @type {import('jest').Config} */
const project = {
  testEnvironment: "node",
  transform: {
    // tsconfig.json sets isolatedModules: ts-jest transpiles each file alone; `npm run typecheck` checks the types.
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  // Fluent's barrels require all of Fluent and every icon: the tests load only what the pane uses (test/support/).
  moduleNameMapper: {
    "^@fluentui/react-components$": "<rootDir>/test/support/fluent.ts",
    "^@fluentui/react-icons$": "<rootDir>/test/support/fluentIcons.js",
  },
};

/** @type {import('jest').Config} */
module.exports = {
  // Jest's default on a 2-core machine is one worker; the suite is CPU-bound and LibreOffice runs beside it.
  maxWorkers: "100%",
  // A global option: in a project's config Jest ignores it.
  testTimeout: 60000,
  // One LibreOffice per worker for the whole run, started by the first test that needs it (test/support/).
  globalSetup: "<rootDir>/test/support/libreofficeRunSetup.js",
  globalTeardown: "<rootDir>/test/support/libreofficeRunTeardown.js",
  // The slowest files first, so that no worker is left with a long file at the end (jest.sequencer.js).
  testSequencer: "<rootDir>/jest.sequencer.js",
  projects: [
    {
      ...project,
      displayName: "core",
      roots: ["<rootDir>/test"],
      testMatch: [CORE_SUITE],
    },
    {
      ...project,
      displayName: "hosts",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts", "**/*.test.tsx"],
      testPathIgnorePatterns: ["/node_modules/", "<rootDir>/test/e2e/", CORE_SUITE],
    },
  ],
};
