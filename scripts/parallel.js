/**
 * `node scripts/parallel.js typecheck lint -- jest [args]`: runs the npm scripts named before `--` side by side, their
 * output kept until each ends, and the command after `--` (if any) beside them with its output live; then prints each
 * script's output whole and exits with the first failure's code, after all have ended. `npm test` runs the type check
 * and lint beside Jest: on two cores they fill the time Jest's workers wait (for LibreOffice, for child processes), so
 * the whole takes less than one after the other.
 */
const { spawn } = require("child_process");

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

/** Ends with { name, code, text }: `text` is the output when it was kept, else empty. */
function run(name, command, args, keepOutput) {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      stdio: ["ignore", keepOutput ? "pipe" : "inherit", keepOutput ? "pipe" : "inherit"],
      shell: process.platform === "win32",
    });
    const output = [];
    if (keepOutput) {
      child.stdout.on("data", (chunk) => output.push(chunk));
      child.stderr.on("data", (chunk) => output.push(chunk));
    }
    child.on("error", (error) => resolve({ name, code: 1, text: String(error) }));
    child.on("close", (code) => resolve({ name, code: code ?? 1, text: Buffer.concat(output).toString() }));
  });
}

const args = process.argv.slice(2);
const split = args.indexOf("--");
const scripts = split < 0 ? args : args.slice(0, split);
const live = split < 0 ? [] : args.slice(split + 1);

const runs = scripts.map((script) => run(script, npm, ["run", "--silent", script], true));
if (live.length > 0) runs.push(run(live[0], "npx", ["--no-install", ...live], false));

Promise.all(runs).then((results) => {
  for (const { name, code, text } of results) {
    process.stdout.write(`> ${name}: ${code === 0 ? "ok" : `failed (${code})`}\n${text}`);
  }
  process.exitCode = results.find((r) => r.code !== 0)?.code ?? 0;
});
