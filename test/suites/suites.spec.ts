import { existsSync, readFileSync, readdirSync } from "fs";
import * as path from "path";
import { SUITES } from "./suites";

/** A spec that no suite names would never run, and Jest would not say so: this says it. */
const TEST_DIR = path.join(__dirname, "..");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : filesUnder(full);
    return [full];
  });
}

const specFiles = filesUnder(TEST_DIR)
  .filter((file) => /\.spec\.tsx?$/.test(file))
  .map((file) => path.relative(TEST_DIR, file).split(path.sep).join("/"));
const named = Object.values(SUITES).flat() as string[];

test("every spec file runs in exactly one suite", () => {
  const specs = specFiles.map((file) => file.replace(/\.spec\.tsx?$/, ""));
  expect(specs.filter((spec) => !named.includes(spec))).toEqual([]);
  expect(named.filter((spec, i) => named.indexOf(spec) !== i)).toEqual([]);
  expect(named.filter((spec) => !specs.includes(spec))).toEqual([]);
});

test("every suite has its Jest test file, which runs it", () => {
  for (const suite of Object.keys(SUITES)) {
    const file = path.join(__dirname, `${suite}.test.ts`);
    expect(existsSync(file) ? readFileSync(file, "utf8") : `no ${suite}.test.ts`).toContain(`runSuite("${suite}")`);
  }
});

test("no spec names a Jest environment: Jest reads only the suite's", () => {
  // Jest reads the docblock: the comment a file starts with.
  const docblock = /^\s*\/\*\*(?:(?!\*\/)[^])*@jest-environment/;
  const naming = specFiles.filter((file) => docblock.test(readFileSync(path.join(TEST_DIR, file), "utf8")));
  expect(naming).toEqual([]);
});
