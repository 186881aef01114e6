import { SUITES, SuiteName } from "./suites";

/** Runs the specs of one suite (suites.ts) in this Jest test file, each inside a `describe` named after its file. */
export function runSuite(name: SuiteName): void {
  for (const spec of SUITES[name]) {
    describe(spec, () => {
      // A spec registers its tests and hooks as it loads: loaded here, they belong to this describe.
      require(`../${spec}.spec`);
    });
  }
}
