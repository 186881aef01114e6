/**
 * `node scripts/parallel.js typecheck lint`: runs npm scripts side by side (on two cores, each of these uses one) and
 * prints each one's output whole when it ends; exits with the first failure's code, after all have ended.
 */
const { spawn } = require("child_process");

const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function run(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ["run", "--silent", script], { stdio: ["ignore", "pipe", "pipe"], shell: false });
    const output = [];
    child.stdout.on("data", (chunk) => output.push(chunk));
    child.stderr.on("data", (chunk) => output.push(chunk));
    child.on("error", (error) => resolve({ script, code: 1, text: String(error) }));
    child.on("close", (code) => resolve({ script, code: code ?? 1, text: Buffer.concat(output).toString() }));
  });
}

Promise.all(process.argv.slice(2).map(run)).then((results) => {
  for (const { script, code, text } of results) {
    process.stdout.write(`> ${script}: ${code === 0 ? "ok" : `failed (${code})`}\n${text}`);
  }
  process.exitCode = results.find((r) => r.code !== 0)?.code ?? 0;
});
