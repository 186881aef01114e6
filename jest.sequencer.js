/**
 * Jest's own order (files that failed last time first, then the longest by the last run's times), with a fallback
 * for a first run, when Jest knows no times and would go by file size: the rough times below (ms on a 2-core
 * machine), so that the long files start first and no worker is left alone with one at the end.
 */
const Sequencer = require("@jest/test-sequencer").default;

const ROUGH_MS = {
  "followup-libreoffice.test.ts": 30000,
  "hostile-files.test.ts": 24000,
  "excel/host.test.ts": 17000,
  "taskpane/excel.test.tsx": 15500,
  "hostile-fuzz.test.ts": 14000,
  "text-is-data.test.ts": 11500,
  "output-processes.test.ts": 11000,
  "xlsx-reader.test.ts": 10000,
  "taskpane/oneLanguage.test.tsx": 9500,
  "taskpane/Skapa.test.tsx": 9000,
  "taskpane/Koppla.test.tsx": 9000,
  "hostile-text-files.test.ts": 9000,
  "excel/jobs.test.ts": 8800,
  "libreoffice.test.ts": 8000,
  "taskpane/axe.test.tsx": 8000,
  "hostile-password.test.ts": 7200,
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
