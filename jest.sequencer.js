/**
 * Jest's own order (files that failed last time first, then the longest by the last run's times), with a fallback
 * for a first run, when Jest knows no times and would go by file size: the rough times below (ms on a 2-core
 * machine), so that the long files start first and no worker is left alone with one at the end.
 */
const Sequencer = require("@jest/test-sequencer").default;

const ROUGH_MS = {
  "hostile-fuzz.test.ts": 70000,
  "taskpane/excel.test.tsx": 45000,
  "taskpane/Koppla.test.tsx": 35000,
  "followup-libreoffice.test.ts": 25000,
  "taskpane/axe.test.tsx": 24000,
  "libreoffice.test.ts": 22000,
  "followup-print.test.ts": 20000,
  "xlsx-reader.test.ts": 19000,
  "taskpane/oneLanguage.test.tsx": 19000,
  "hostile-password.test.ts": 15000,
  "excel/host.test.ts": 15000,
  "hostile-bounded.test.ts": 14000,
  "hostile-files.test.ts": 13000,
  "cli.test.ts": 13000,
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
