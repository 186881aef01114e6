/**
 * Every file the CLI writes: never over an existing file, never half-written, and nothing left of an interrupted run
 * (src/hosts/xlsx/write.ts, src/cli/output.ts), in-process. test/output-processes.test.ts runs the same with real
 * processes, signals and kills.
 */
import { spawnSync } from "node:child_process";
import fsSync from "node:fs";
import fsPromises, { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { SET_MARKER, removingOnInterrupt } from "../src/cli/output";
import { writeFileExclusive } from "../src/hosts/xlsx/write";
import { fileProblemMessage } from "../src/i18n/errors";
import { cli, tempDir } from "./support/workbooks";

let dir: string;
beforeEach(async () => {
  dir = await tempDir("output");
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dir, { recursive: true, force: true });
});

const bytes = (text: string) => Buffer.from(text);
const hidden = async (folder: string) => (await readdir(folder)).filter((name) => name.startsWith("."));

/** The id of a process that has ended: no process of that id runs now. */
function endedPid(): number {
  return spawnSync(process.execPath, ["-e", ""]).pid;
}

/** The codes the run exits with, the exit itself held back (it would end the test run). */
function exitCodes(): (string | number | null | undefined)[] {
  const codes: (string | number | null | undefined)[] = [];
  jest.spyOn(process, "exit").mockImplementation((code) => {
    codes.push(code);
    return undefined as never;
  });
  return codes;
}

describe("writeFileExclusive", () => {
  test("of two writers to one path exactly one succeeds; the other is told, and nothing is replaced", async () => {
    const target = join(dir, "rapport.xlsx");
    const results = await Promise.allSettled([
      writeFileExclusive(bytes("först"), target),
      writeFileExclusive(bytes("andra"), target),
    ]);
    const won = results.findIndex((r) => r.status === "fulfilled");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results[1 - won] as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ problem: { code: "exists", file: target, meanwhile: true } });
    expect(await readFile(target, "utf8")).toBe(won === 0 ? "först" : "andra");
    expect(await hidden(dir)).toEqual([]);
  });

  test("the temporary file is in `unfinished` while it exists, the target from the instant it is placed", async () => {
    const target = join(dir, "mall.xlsx");
    const unfinished = new Set<string>();
    const realOpen = fsPromises.open;
    let duringWrite: string[] = [];
    jest.spyOn(fsPromises, "open").mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle = await realOpen(...args);
      duringWrite = [...unfinished];
      return handle;
    });
    await writeFileExclusive(bytes("mall"), target, unfinished);
    expect(duringWrite).toEqual([expect.stringMatching(/[/\\]\.mall\.xlsx\.maltavlan-\d+-[0-9a-f]{8}\.tmp$/)]);
    expect([...unfinished]).toEqual([target]);
    expect(await hidden(dir)).toEqual([]);
  });

  test("on a file system without hard links the name is claimed exclusively all the same", async () => {
    const link = jest.spyOn(fsSync, "linkSync").mockImplementation(() => {
      throw Object.assign(new Error("operation not permitted"), { code: "EPERM" });
    });
    const target = join(dir, "usb.xlsx");
    await writeFileExclusive(bytes("ett"), target);
    await expect(writeFileExclusive(bytes("två"), target)).rejects.toMatchObject({ problem: { code: "exists" } });
    expect(link).toHaveBeenCalledTimes(2);
    expect(await readFile(target, "utf8")).toBe("ett");
    expect(await hidden(dir)).toEqual([]);
  });
});

describe("an interrupted run", () => {
  test("a signal in the middle of a write removes the temporary file, says so and exits 128 + the signal", async () => {
    const exits = exitCodes();
    const realOpen = fsPromises.open;
    // The signal arrives once the temporary file exists, before its bytes are written.
    jest.spyOn(fsPromises, "open").mockImplementation(async (...args: Parameters<typeof realOpen>) => {
      const handle = await realOpen(...args);
      process.emit("SIGTERM");
      return handle;
    });
    const err: string[] = [];
    const target = join(dir, "rapport.xlsx");
    const run = removingOnInterrupt("en", { out: () => undefined, err: (t) => err.push(t) }, (unfinished) =>
      writeFileExclusive(bytes("rapport"), target, unfinished),
    );
    await run.catch(() => undefined); // in a real process the exit has ended it
    expect(exits).toEqual([143]);
    expect(err).toEqual([
      expect.stringMatching(
        /^maltavlan: Interrupted \(SIGTERM\)\. What this run had written was removed: .*[/\\]\.rapport\.xlsx\.maltavlan-\d+-[0-9a-f]{8}\.tmp\. None of it is left\.$/,
      ),
    ]);
    expect(await readdir(dir)).toEqual([]);
    expect(process.listenerCount("SIGTERM")).toBe(0);
  });

  test("what cannot be removed (a file still open on Windows) is named, not claimed gone", async () => {
    const exits = exitCodes();
    jest.spyOn(fsSync, "rmSync").mockImplementation(() => {
      throw Object.assign(new Error("resource busy or locked"), { code: "EBUSY" });
    });
    const file = join(dir, "KS-T1-2025.xlsx");
    await writeFile(file, "skrivs");
    const err: string[] = [];
    await removingOnInterrupt("sv", { out: () => undefined, err: (t) => err.push(t) }, async (unfinished) => {
      unfinished.add(file);
      process.emit("SIGINT");
    });
    expect(exits).toEqual([130]);
    expect(err).toEqual([
      `maltavlan: Avbrutet (SIGINT). Det den här körningen hann skriva kunde inte tas bort helt; ta bort ${file}.`,
    ]);
  });

  test("a signal before anything was written says that nothing had been written", async () => {
    const exits = exitCodes();
    const err: string[] = [];
    await removingOnInterrupt("sv", { out: () => undefined, err: (t) => err.push(t) }, async () => {
      process.emit("SIGINT");
    });
    expect(exits).toEqual([130]);
    expect(err).toEqual(["maltavlan: Avbrutet (SIGINT). Inget hade skrivits."]);
  });
});

describe("what a stopped run left", () => {
  test("a half-written temporary file of the output is named, and the run writes all the same", async () => {
    const target = join(dir, "mall.xlsx");
    const left = join(dir, `.mall.xlsx.maltavlan-${endedPid()}-0badc0de.tmp`);
    await writeFile(left, "halv");
    const { code, err } = await cli("template", target, "--lang", "en");
    expect(code).toBe(0);
    expect(err).toBe(
      `maltavlan: An earlier run was stopped in the middle of a write and left half-written files; remove them: ${left}.`,
    );
  });

  test("a temporary file of a run going on now is left alone and not named", async () => {
    const target = join(dir, "mall.xlsx");
    await writeFile(join(dir, `.mall.xlsx.maltavlan-${process.pid}-0badc0de.tmp`), "pågår");
    const { code, err } = await cli("template", target);
    expect(code).toBe(0);
    expect(err).toBe("");
  });

  test("a set another run is writing into the folder now stops the run before it writes, and says what it has", async () => {
    const folder = join(dir, "ut");
    await mkdir(folder);
    const marker = { pid: process.pid, host: hostname(), files: ["KS-T1-2024.xlsx", "SAN-T1-2024.xlsx"] };
    await writeFile(join(folder, SET_MARKER), JSON.stringify(marker));
    await writeFile(join(folder, "KS-T1-2024.xlsx"), "skrivs");
    const plan = join(__dirname, "..", "examples", "ostersund-2024-mall.xlsx");
    const { code, err } = await cli("generate", plan, "--period", "T1", "--year", "2024", "--split", folder);
    expect(code).toBe(2);
    expect(err).toBe(
      "maltavlan: " +
        fileProblemMessage(
          {
            code: "setInProgress",
            file: folder,
            pid: process.pid,
            host: hostname(),
            remove: [join(folder, "KS-T1-2024.xlsx"), join(folder, SET_MARKER)],
          },
          "sv",
        ),
    );
    expect(err).toMatch(/^maltavlan: En annan körning \(process \d+ på .*\) skriver filer i mappen just nu/);
    expect((await readdir(folder)).sort()).toEqual([SET_MARKER, "KS-T1-2024.xlsx"].sort());
  });
});
