import { spawnSync } from "node:child_process";
import * as path from "node:path";

/** A module of the CLI build (lib/), as a path for `require`. */
export const libModule = (...parts: string[]) => path.join(__dirname, "..", "..", "lib", ...parts);

/**
 * Runs `expression` in a fresh Node (with `args` as its arguments) and says how many modules of the packages named by
 * `packages` (an alternation, "docx|@resvg") it had loaded once the expression's value, or its promise, had settled;
 * `answer` is that value when it is a number (an exit code), else null. For checking that a heavy package is loaded
 * only by what needs it.
 */
export function packageModulesAfter(
  packages: string,
  expression: string,
  args: string[] = [],
): { answer: number | null; modules: number } {
  const script =
    `Promise.resolve(${expression}).then((answer) => console.log(JSON.stringify({` +
    `answer: typeof answer === "number" ? answer : null, modules: Object.keys(require.cache).filter((m) => ` +
    `/node_modules[\\\\/](${packages})[\\\\/]/.test(m)).length })))`;
  const result = spawnSync(process.execPath, ["-e", script, ...args], { encoding: "utf8" });
  if (result.status !== 0 || result.stderr !== "")
    throw new Error(`node -e failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as { answer: number | null; modules: number };
}
