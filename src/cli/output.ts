/**
 * How the CLI leaves files on disk: never over an existing file, never half-written, and nothing of a run that is
 * stopped. Every file is written by writeFileExclusive (src/hosts/xlsx/write.ts), which keeps what the run has begun
 * and not finished in a set, `unfinished`; on SIGINT, SIGTERM or SIGHUP that is removed, one line says what went, and
 * the run exits with 128 + the signal's number, as shells report it (130 for Ctrl-C).
 *
 * A set of files (generate --split) is announced by a marker in its folder, written before the first file and removed
 * after the last: a run killed outright (SIGKILL, a power cut) leaves the marker, and the next run into the folder
 * names what to remove instead of finding files in its way. Two runs into one folder at once: the second finds the
 * first's marker and stops.
 */
import { existsSync, promises as fs, rmSync } from "node:fs";
import { constants, hostname } from "node:os";
import * as path from "node:path";
import { UnwritableOutputError, temporaryOf, writeFileExclusive } from "../hosts/xlsx/write";
import { interruptedMessage, leftoverTemporariesMessage } from "../i18n/errors";
import type { Language } from "../i18n/findings";
import type { Output } from "./common";

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** Runs `run`; if a signal stops it, removes what it left `unfinished`, says so, and exits. */
export async function removingOnInterrupt<T>(
  lang: Language,
  io: Output,
  run: (unfinished: Set<string>) => Promise<T>,
): Promise<T> {
  const unfinished = new Set<string>();
  const handlers = SIGNALS.map((signal) => {
    const handler = () => {
      const removed = removeSync(unfinished);
      io.err(`maltavlan: ${interruptedMessage(signal, removed, [...unfinished], lang)}`);
      process.exit(128 + constants.signals[signal]);
    };
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  try {
    return await run(unfinished);
  } finally {
    for (const off of handlers) off();
  }
}

/**
 * Removes `paths`, the last begun first (a set's marker goes last), and returns those removed, in the order begun;
 * what could not be removed stays in the set.
 */
function removeSync(paths: Set<string>): string[] {
  const removed: string[] = [];
  for (const file of [...paths].reverse()) {
    try {
      if (existsSync(file)) {
        rmSync(file);
        removed.push(file);
      }
      paths.delete(file);
    } catch {
      // Left in the set (e.g. still open on Windows), and named.
    }
  }
  return removed.reverse();
}

/** The marker of a set being written: hidden, one per folder, so two sets are never written into one folder at once. */
export const SET_MARKER = ".maltavlan-skrivs.json";

interface SetMarker {
  pid: number;
  host: string;
  /** The set's file names, in the folder. */
  files: string[];
}

/** Before any work: stops when another run is writing a set into `dir`, or a stopped one left its set incomplete. */
export async function checkSetFolder(dir: string): Promise<void> {
  const marker = await readMarker(dir);
  if (marker) throw await markerProblem(dir, marker);
}

/**
 * Writes the files `names` into `dir` as one set, all or none: `write` writes one (to the path given, through
 * writeFileExclusive with `unfinished`). A failure removes what the set had written, and is thrown.
 */
export async function writeSet(
  dir: string,
  names: string[],
  unfinished: Set<string>,
  write: (file: string, index: number) => Promise<void>,
): Promise<void> {
  const markerPath = path.join(dir, SET_MARKER);
  const marker: SetMarker = { pid: process.pid, host: hostname(), files: names };
  try {
    await writeFileExclusive(Buffer.from(JSON.stringify(marker)), markerPath, unfinished);
  } catch (error) {
    const found = error instanceof UnwritableOutputError && error.problem.code === "exists" && (await readMarker(dir));
    throw found ? await markerProblem(dir, found) : error;
  }
  const files = names.map((name) => path.join(dir, name));
  const ours = new Set([markerPath, ...files]);
  try {
    for (const [i, file] of files.entries()) await write(file, i);
  } catch (error) {
    removeSync(new Set([...unfinished].filter((file) => ours.has(file))));
    for (const file of ours) unfinished.delete(file);
    throw error;
  }
  // Complete: the marker goes, and the files are to stay; synchronously, so that no signal comes between the two.
  rmSync(markerPath);
  for (const file of ours) unfinished.delete(file);
}

async function readMarker(dir: string): Promise<SetMarker | null> {
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, SET_MARKER), "utf8");
  } catch {
    return null;
  }
  try {
    const marker = JSON.parse(text) as Partial<SetMarker>;
    return {
      pid: typeof marker.pid === "number" ? marker.pid : 0,
      host: typeof marker.host === "string" ? marker.host : hostname(),
      files: Array.isArray(marker.files) ? marker.files.filter((f): f is string => typeof f === "string") : [],
    };
  } catch {
    return { pid: 0, host: hostname(), files: [] }; // a marker edited by hand: still in the way, and named
  }
}

/** What a marker found in `dir` means: a run going on now (or on another computer), or one that stopped. */
async function markerProblem(dir: string, marker: SetMarker): Promise<UnwritableOutputError> {
  const names = await fs.readdir(dir);
  const setNames = new Set([...marker.files, SET_MARKER]);
  const left = names.filter((name) => {
    const temporary = temporaryOf(name);
    return temporary ? temporary.pid === marker.pid && setNames.has(temporary.target) : marker.files.includes(name);
  });
  const remove = [...left, SET_MARKER].map((name) => path.join(dir, name));
  const elsewhere = marker.host !== hostname();
  return new UnwritableOutputError(
    elsewhere || isRunning(marker.pid)
      ? { code: "setInProgress", file: dir, pid: marker.pid, host: marker.host, remove }
      : { code: "setIncomplete", file: dir, pid: marker.pid, remove },
  );
}

function isRunning(pid: number): boolean {
  if (!(pid > 0)) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM"; // running, as another user
  }
}

/** Says which half-written temporary files of `target` a stopped run left beside it (they are in no one's way). */
export async function warnLeftoverTemporaries(target: string, lang: Language, io: Output): Promise<void> {
  const dir = path.dirname(target);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const left = names.filter((name) => {
    const temporary = temporaryOf(name);
    return temporary?.target === path.basename(target) && !isRunning(temporary.pid);
  });
  const paths = left.map((name) => path.join(dir, name));
  if (paths.length) io.err(`maltavlan: ${leftoverTemporariesMessage(paths, lang)}`);
}
