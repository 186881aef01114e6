import fc from "fast-check";
import { cellsJsonBytes, jsonBytes } from "../../src/hosts/excel/units";

/** The bytes Excel on the web counts against its 5 MB: the JSON in UTF-8, as Node itself encodes it. */
const utf8JsonBytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value), "utf8");

/** What a range's values hold: text of every kind (lone surrogates, quotes, control characters), numbers, booleans. */
const cell = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
  fc.constantFrom("Ramökning 2024 KS: 250 tkr", 'Säg "ja"', "a\\b", "rad 1\nrad 2", "\u2013", "😀", ""),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
);

describe("the bytes of a response's cells", () => {
  test("are the UTF-8 bytes of their JSON, counted without making it", () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (rows) => {
        expect(cellsJsonBytes(rows)).toBe(utf8JsonBytes(rows));
        expect(jsonBytes(rows)).toBe(utf8JsonBytes(rows));
      }),
      { seed: 5, numRuns: 3000 },
    );
  });

  test("count an empty cell Office.js leaves undefined as the null its JSON holds", () => {
    const rows = [["Uppdrag", undefined, 250]];
    expect(cellsJsonBytes(rows)).toBe(utf8JsonBytes(rows));
  });
});
