/**
 * One LibreOffice per Jest worker for the whole run instead of one per test file: a soffice takes 5-7 s to start and
 * a request well under one. The setup only names a folder (nothing starts until a test needs LibreOffice, so a run
 * without such tests pays nothing); the first test file a worker runs that needs it starts that worker's soffice
 * (test/support/libreoffice.ts, inspect.py --shared), and the teardown ends them all. A watchdog per soffice ends it
 * as well when the run's process is gone without its teardown.
 *
 * The setup also makes the run's folder (RUN_DIR_VARIABLE), for what tests make once and share within a worker
 * (test/support/workbooks.ts); the teardown removes it.
 */
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const SHARED_DIR_VARIABLE = "MALTAVLAN_LO_SHARED_DIR";
const SHARED_OWNER_VARIABLE = "MALTAVLAN_LO_OWNER";
const RUN_DIR_VARIABLE = "MALTAVLAN_TEST_RUN_DIR";

async function setup() {
  // Set before Jest starts its workers, which inherit the environment.
  process.env[SHARED_DIR_VARIABLE] = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-lo-run-"));
  process.env[SHARED_OWNER_VARIABLE] = String(process.pid);
  process.env[RUN_DIR_VARIABLE] = fs.mkdtempSync(path.join(os.tmpdir(), "maltavlan-run-"));
}

async function teardown() {
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (runDir) fs.rmSync(runDir, { recursive: true, force: true });
  const dir = process.env[SHARED_DIR_VARIABLE];
  if (!dir) return;
  const groups = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".pid"))
    .map((name) => Number(fs.readFileSync(path.join(dir, name), "utf8")));
  // SIGTERM: soffice.bin quits and oosplash, its parent, exits. Not waited for: one that hangs gets SIGKILL from its
  // watchdog once this run has exited.
  for (const group of groups) {
    try {
      process.kill(-group, "SIGTERM");
    } catch {
      // nobody left in the group
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

module.exports = { setup, teardown, SHARED_DIR_VARIABLE, SHARED_OWNER_VARIABLE, RUN_DIR_VARIABLE };
