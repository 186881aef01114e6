/**
 * Two real CLI processes writing to one target at once, and a writer interrupted mid-way (SIGINT) or killed outright
 * (SIGKILL): exactly one writer wins, no file is replaced, and nothing half-written or partial is left without the
 * next run naming it. Runs the installed command (bin/maltavlan.js: `npm run build:cli` first). No timings are
 * asserted: the tests wait for conditions.
 */
import { ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { SET_MARKER } from "../src/cli/output";
import { readWorkbookFile } from "../src/hosts/xlsx/read";
import { EXAMPLES, editWorkbook, followUpFiles, tempDir, typeAnswer } from "./support/workbooks";

const BIN = join(__dirname, "..", "bin", "maltavlan.js");

interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

function start(args: string[]): { child: ChildProcess; ended: Promise<Ended> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  // Decoded as streams, so that a character split between two chunks stays whole.
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (err += chunk));
  const ended = new Promise<Ended>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal, out, err })),
  );
  return { child, ended };
}

/** Polls until `condition` holds; fails (rather than hangs) if the writer ends first. */
async function until(condition: () => Promise<boolean>, running: ChildProcess): Promise<void> {
  while (!(await condition())) {
    if (running.exitCode !== null || running.signalCode !== null)
      throw new Error("The writer ended before the condition held");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A valid plan with `count` nämnder, three uppdrag each: a --split writes one file per nämnd, one after the other. */
async function planWithCommittees(file: string, count: number): Promise<string[]> {
  const codes = Array.from({ length: count }, (_, i) => `N${String(i + 1).padStart(3, "0")}`);
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Nämnder").addRows([["Förkortning", "Namn", "Typ"], ...codes.map((c) => [c, `Nämnd ${c}`])]);
  workbook.addWorksheet("Mål").addRows([
    ["ID", "Nivå", "Namn", "Överordnat"],
    ["V1", "Vision", "En god kommun att leva i", null],
    ["O1", "Strategiskt område", "Trygghet", "V1"],
    ["K1", "Kommunövergripande mål", "En trygg kommun", "O1"],
  ]);
  workbook
    .addWorksheet("Uppdrag")
    .addRows([
      ["ID", "Uppdrag", "Mål", "Ansvarig nämnd", "År"],
      ...codes.flatMap((code) => [1, 2, 3].map((k) => [`${code}-U${k}`, `Uppdrag ${k} för ${code}`, "K1", code, 2025])),
    ]);
  await workbook.xlsx.writeFile(file);
  return codes.map((code) => `${code}-T1-2025.xlsx`);
}

let dir: string;
beforeEach(async () => {
  dir = await tempDir("processes");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const COMMITTEES = 120;

test("two consolidate runs to one --out at once: one writes its report, the other is refused and says so", async () => {
  const plan = join(EXAMPLES, "ostersund-2024-mall.xlsx");
  const { dir: inputs, master, split } = await followUpFiles("processes-master", plan);
  try {
    // KS answers in its returned file: the report of the run given that file names it, the other's does not.
    const returned = join(split, "KS-T1-2024.xlsx");
    await editWorkbook(returned, (workbook) => {
      const key = workbook.worksheets[0].getColumn(1).values.find((v) => /^goal\|/.test(String(v)));
      typeAnswer(workbook.worksheets[0], String(key), "Uppfyllt", null);
    });
    const out = join(dir, "rapport.xlsx");
    const runs = await Promise.all([
      start(["consolidate", master, "--out", out]).ended,
      start(["consolidate", master, returned, "--out", out]).ended,
    ]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
    const winner = runs.findIndex((r) => r.code === 0);
    expect(runs[1 - winner].err).toMatch(
      /^maltavlan: (Filen skapades av något annat .* medan den här körningen pågick|Filen finns redan).*rapport\.xlsx/,
    );
    expect(runs[winner].out).toContain(`Rapporten är sparad: ${out}`);
    const cells = (await readWorkbookFile(out)).grids.flatMap((g) => g.values.flat());
    expect(cells.some((v) => typeof v === "string" && v.includes("KS-T1-2024.xlsx"))).toBe(winner === 1);
    expect(await readdir(dir)).toEqual(["rapport.xlsx"]);
  } finally {
    await rm(inputs, { recursive: true, force: true });
  }
});

test("two generate --split runs into one folder at once: one complete set, the other refused", async () => {
  const plan = join(dir, "plan.xlsx");
  const files = await planWithCommittees(plan, 20);
  const folder = join(dir, "ut");
  const args = ["generate", plan, "--period", "T1", "--year", "2025", "--split", folder];
  const runs = await Promise.all([start(args).ended, start(args).ended]);
  expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
  const loser = runs.find((r) => r.code === 2)!;
  expect(loser.err).toMatch(/^maltavlan: (En annan körning .* skriver filer i mappen|Filen (finns redan|skapades av))/);
  expect((await readdir(folder)).sort()).toEqual(files);
});

test("Ctrl-C during generate --split removes every file the run wrote, says so and exits 130", async () => {
  const plan = join(dir, "plan.xlsx");
  const files = await planWithCommittees(plan, COMMITTEES);
  const folder = join(dir, "ut");
  const { child, ended } = start(["generate", plan, "--period", "T1", "--year", "2025", "--split", folder]);
  await until(async () => existsSync(join(folder, files[2])), child);
  child.kill("SIGINT");
  const { code, err } = await ended;
  expect(code).toBe(130);
  expect(err).toMatch(
    /^maltavlan: Avbrutet \(SIGINT\)\. Det den här körningen hann skriva togs bort: .*\. Inget av det/,
  );
  for (const name of files.slice(0, 3)) expect(err).toContain(join(folder, name));
  expect(await readdir(folder)).toEqual([]); // no files, no hidden temporary files, no marker
});

test("after a kill that cannot be caught, the next run names exactly what to remove; then it writes the set", async () => {
  const plan = join(dir, "plan.xlsx");
  const files = await planWithCommittees(plan, COMMITTEES);
  const folder = join(dir, "ut");
  const args = ["generate", plan, "--period", "T1", "--year", "2025", "--split", folder];
  const killed = start(args);
  await until(async () => existsSync(join(folder, files[2])), killed.child);
  killed.child.kill("SIGKILL");
  expect((await killed.ended).signal).toBe("SIGKILL");
  const left = await readdir(folder);
  expect(left).toContain(SET_MARKER);
  expect(left.length).toBeLessThan(files.length + 1);

  const next = await start([...args, "--lang", "en"]).ended;
  expect(next.code).toBe(2);
  const named =
    /^maltavlan: An earlier run \(process \d+\) was stopped before it had finished writing into the folder .*\. Remove (.*) and run again\.\n$/.exec(
      next.err,
    );
  expect(named).not.toBeNull();
  // Everything it left, and nothing else: its marker, its files and any temporary file it was writing.
  expect(named![1].split(", ").sort()).toEqual(left.map((name) => join(folder, name)).sort());
  expect((await readdir(folder)).sort()).toEqual(left.sort()); // the refused run touched nothing

  for (const file of named![1].split(", ")) await rm(file);
  const again = await start(args).ended;
  expect(again.code).toBe(0);
  expect((await readdir(folder)).sort()).toEqual(files);
});
