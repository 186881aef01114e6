import { isDeepStrictEqual } from "util";

/**
 * expect(actual).toEqual(expected), with Node's strict comparison first: what it finds equal, toEqual does too (it is
 * the looser of the two), and it is many times faster on the large plans and grids the tests compare, often cell by
 * cell. Anything else goes to toEqual, which decides and says where they differ.
 */
export function expectEqual<T>(actual: T, expected: T): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual).toEqual(expected);
}
