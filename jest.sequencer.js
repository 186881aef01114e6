/**
 * Jest's own order (files that failed last time first, then the longest by the last run's times), with a fallback
 * for a first run, when Jest knows no times and would go by file size: the rough times below (ms on a 2-core
 * machine), so that the long files start first and no worker is left alone with one at the end.
 */
const Sequencer = require("@jest/test-sequencer").default;

const ROUGH_MS = {
  "followup-libreoffice.test.ts": 33000,
  "libreoffice.test.ts": 21000,
  "taskpane/excel.test.tsx": 20500,
  "hostile-files.test.ts": 19000,
  "excel/host.test.ts": 16000,
  "output-processes.test.ts": 13000,
  "hostile-fuzz.test.ts": 11000,
  "taskpane/oneLanguage.test.tsx": 9700,
  "report-print.test.ts": 9200,
  "excel/jobs.test.ts": 8800,
  "report-charts.test.ts": 8600,
  "xlsx-reader.test.ts": 8400,
  "recognise.test.ts": 8100,
  "taskpane/Koppla.test.tsx": 7900,
  "limits.test.ts": 7500,
  "hostile-bounded.test.ts": 7400,
  "text-is-data.test.ts": 7200,
  "taskpane/Skapa.test.tsx": 7200,
  "taskpane/axe.test.tsx": 7000,
  "consolidate-cli.test.ts": 7000,
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
