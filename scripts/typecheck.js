/**
 * `npm run typecheck`: the whole project (tsconfig.check.json) and the core on its own, with only ES2022 and no
 * ambient types (tsconfig.core.json), in TypeScript's build mode, which skips a project unchanged since it last
 * passed. Build mode looks at the project's own files only: after an install (npm rewrites
 * node_modules/.package-lock.json) both are checked again whole, since new type packages may change the answer.
 */
const { spawnSync } = require("child_process");
const { statSync } = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const BUILD_INFO = [".cache/tsc/main.tsbuildinfo", ".cache/tsc/core.tsbuildinfo"];

const modified = (file) => {
  try {
    return statSync(path.join(ROOT, file)).mtimeMs;
  } catch {
    return null;
  }
};

const installed = modified("node_modules/.package-lock.json") ?? Infinity;
const checked = BUILD_INFO.map(modified);
const force = checked.some((time) => time === null || time < installed) ? ["--force"] : [];
const tsc = require.resolve("typescript/bin/tsc");
const run = spawnSync(process.execPath, [tsc, "-b", "tsconfig.check.json", "tsconfig.core.json", ...force], {
  cwd: ROOT,
  stdio: "inherit",
});
process.exitCode = run.status ?? 1;
