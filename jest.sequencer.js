/**
 * Jest's own order (files that failed last time first, then the longest by the last run's times), with a fallback
 * for a first run, when Jest knows no times and would go by file size: the rough times below (ms on a 2-core
 * machine), so that the long files start first and no worker is left alone with one at the end.
 */
const Sequencer = require("@jest/test-sequencer").default;

const ROUGH_MS = {
  "suites/pane.test.ts": 64000,
  "followup-libreoffice.test.ts": 38000,
  "suites/hostile.test.ts": 38000,
  "suites/excel.test.ts": 38000,
  "hostile-files.test.ts": 28000,
  "suites/report.test.ts": 28000,
  "suites/followup.test.ts": 25000,
  "suites/cli.test.ts": 24000,
  "suites/core.test.ts": 21000,
  "suites/reading.test.ts": 19000,
  "libreoffice.test.ts": 15000,
  "output-processes.test.ts": 15000,
  "suites/project.test.ts": 5000,
};

/** Below every rough time: a file Jest has no time for runs after those above (Jest runs a file without a time first). */
const OTHER_MS = 1000;

class SlowFirst extends Sequencer {
  time(test) {
    const known = super.time(test);
    if (known !== undefined) return known;
    const name = Object.keys(ROUGH_MS).find((file) => test.path.endsWith(`/test/${file}`));
    return name === undefined ? OTHER_MS : ROUGH_MS[name];
  }
}

module.exports = SlowFirst;
