import { promises as fs } from "fs";
import * as path from "path";
import { readPlanWithSettings } from "../src/domain/planRead";
import { planToJson, reconciliationToJson } from "../src/domain/summary";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { Expected, KINDS, Score, crashScore, scorePlan } from "./corpus/score";

// The real-world corpus (test/corpus/README.md): each workbook is read exactly as `maltavlan validate --json` reads it
// (the xlsx host's grids, then the core with the settings saved in the workbook) and scored against the reading written
// by hand from the published document. The scores may only get better: a workbook scoring below its baseline (fewer
// items right, more false errors, more extras) fails. Write improvements to the baseline deliberately:
//
//   UPDATE_CORPUS_BASELINE=1 npx jest test/corpus.spec.ts

const CORPUS = path.join(__dirname, "corpus");
const BASELINE = path.join(CORPUS, "baseline.json");
const UPDATE = process.env.UPDATE_CORPUS_BASELINE === "1";
// CORPUS_DUMP=<name>[,<name>…] prints what the reader makes of those workbooks (plan and findings), for diagnosis.
const DUMP = new Set((process.env.CORPUS_DUMP ?? "").split(",").filter(Boolean));

interface BaselineEntry {
  expected: number;
  right: number;
  falseErrors: number;
  extras: number;
}
interface Baseline {
  total: { expected: number; right: number; falseErrors: number; extras: number };
  workbooks: Record<string, BaselineEntry>;
}

async function corpusNames(): Promise<string[]> {
  return (await fs.readdir(CORPUS))
    .filter((file) => file.endsWith(".expected.json"))
    .map((file) => file.replace(/\.expected\.json$/, ""))
    .sort();
}

/** The held-out workbooks, listed in the README under "## Held out" as "- `name`". */
async function heldOut(): Promise<Set<string>> {
  const readme = await fs.readFile(path.join(CORPUS, "README.md"), "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Held out")) ?? "";
  return new Set([...section.matchAll(/^- `([^`]+)`/gm)].map((m) => m[1]));
}

async function score(name: string): Promise<Score> {
  const expected: Expected = JSON.parse(await fs.readFile(path.join(CORPUS, `${name}.expected.json`), "utf8"));
  try {
    const { grids } = await readWorkbookFile(path.join(CORPUS, `${name}.xlsx`));
    const { plan, findings, reconciliation } = readPlanWithSettings(grids);
    const reconciled = reconciliationToJson(reconciliation);
    if (DUMP.has(name)) console.log(JSON.stringify({ name, plan: planToJson(plan), findings, reconciled }, null, 1));
    return scorePlan(expected, planToJson(plan), findings, reconciled);
  } catch (error) {
    return crashScore(expected, error);
  }
}

function table(scores: Map<string, Score>, held: Set<string>): string {
  const header = ["workbook", "right", "expected", "false errors", "extras", ...KINDS.map((k) => `${k} r/e/x`)];
  const rows = [...scores].map(([name, s]) => [
    held.has(name) ? `${name} (held out)` : name,
    String(s.right),
    String(s.expected),
    String(s.falseErrors),
    String(s.extras),
    ...KINDS.map((k) => `${s.byKind[k].right}/${s.byKind[k].expected}/${s.byKind[k].extras}`),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  return [line(header), ...rows.map(line)].join("\n");
}

test("every corpus workbook scores at least its baseline", async () => {
  const names = await corpusNames();
  expect(names.length).toBeGreaterThanOrEqual(12);
  const built = (await fs.readdir(path.join(CORPUS, "data"))).map((file) => file.replace(/\.json$/, "")).sort();
  expect(built).toEqual(names);
  const held = await heldOut();
  for (const name of held) expect(names).toContain(name);
  expect(held.size).toBeGreaterThanOrEqual(3);

  const scores = new Map<string, Score>();
  for (const name of names) scores.set(name, await score(name));
  const sum = (key: keyof BaselineEntry) => [...scores.values()].reduce((n, s) => n + s[key], 0);
  const total = {
    expected: sum("expected"),
    right: sum("right"),
    falseErrors: sum("falseErrors"),
    extras: sum("extras"),
  };
  const details = [...scores]
    .filter(([, s]) => s.falseErrors || s.crashed)
    .map(([name, s]) => `${name}: ${s.crashed ? `crashed (${s.crashed})` : JSON.stringify(s.errorRules)}`);
  console.log(
    [
      table(scores, held),
      "",
      `${total.right} of ${total.expected} items right; ${total.falseErrors} false errors; ${total.extras} extras.`,
      ...(details.length ? ["", "False errors by rule:", ...details] : []),
    ].join("\n"),
  );

  if (UPDATE) {
    const baseline: Baseline = {
      total,
      workbooks: Object.fromEntries(
        [...scores].map(([name, s]) => [
          name,
          { expected: s.expected, right: s.right, falseErrors: s.falseErrors, extras: s.extras },
        ]),
      ),
    };
    await fs.writeFile(BASELINE, `${JSON.stringify(baseline, null, 2)}\n`);
    return;
  }

  const baseline: Baseline = JSON.parse(await fs.readFile(BASELINE, "utf8"));
  const regressions: string[] = [];
  for (const [name, s] of scores) {
    const base = baseline.workbooks[name];
    if (!base) {
      regressions.push(`${name}: no baseline (run with UPDATE_CORPUS_BASELINE=1 to add it)`);
      continue;
    }
    if (s.expected !== base.expected)
      regressions.push(`${name}: ${s.expected} items expected, baseline ${base.expected}`);
    if (s.right < base.right) regressions.push(`${name}: ${s.right} right, baseline ${base.right}`);
    if (s.falseErrors > base.falseErrors)
      regressions.push(`${name}: ${s.falseErrors} false errors, baseline ${base.falseErrors}`);
    if (s.extras > base.extras) regressions.push(`${name}: ${s.extras} extras, baseline ${base.extras}`);
  }
  expect(regressions).toEqual([]);
});
