"use strict";
/**
 * Helpers shared by bench/run.js and bench/followup.js: running node children with wall time (and peak RSS), medians,
 * failing with one line.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "bin", "maltavlan.js");
const GNU_TIME = "/usr/bin/time";

function fail(message) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const round = (n, digits) => Number(n.toFixed(digits));

/**
 * Runs node with `args` (cwd: the repo); returns { ms (wall), status, stdout, stderr, rssMb }.
 * stdout: "pipe" (returned as text), "ignore" (/dev/null) or a file descriptor.
 * rss: also measure peak resident memory (MB): with GNU time's "Maximum resident set size" when installed (its own
 * start-up adds about a millisecond to the wall time), else through a wrapper that runs the script in-process and
 * reports process.resourceUsage().maxRSS on exit.
 */
function runNode(args, { stdout = "ignore", rss = false } = {}) {
  let command = process.execPath;
  let commandArgs = args;
  const gnuTime = rss && fs.existsSync(GNU_TIME);
  if (gnuTime) {
    command = GNU_TIME;
    commandArgs = ["-v", process.execPath, ...args];
  } else if (rss) {
    const [script, ...rest] = args;
    commandArgs = [
      "-e",
      "process.on('exit', () => process.stderr.write('maxRSS=' + process.resourceUsage().maxRSS + '\\n'));" +
        `process.argv = [process.argv[0], ${JSON.stringify(script)}, ...${JSON.stringify(rest)}];` +
        `require(${JSON.stringify(path.resolve(ROOT, script))});`,
    ];
  }
  const start = process.hrtime.bigint();
  const child = spawnSync(command, commandArgs, {
    cwd: ROOT,
    stdio: ["ignore", stdout, "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (child.error) fail(`${command} ${commandArgs.join(" ")}: ${child.error.message}`);
  const stderr = child.stderr.toString();
  let rssMb = null;
  if (rss) {
    const match = gnuTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr) : /maxRSS=(\d+)/.exec(stderr);
    if (child.status === 0 && !match) fail(`node ${args.join(" ")} gave no peak RSS:\n${stderr}`);
    if (match) rssMb = Number(match[1]) / 1024;
  }
  return { ms, status: child.status, stdout: child.stdout ? child.stdout.toString() : "", stderr, rssMb };
}

module.exports = { ROOT, CLI, GNU_TIME, fail, median, round, runNode };
