/**
 * Payload size: Excel on the web caps a request and a response at 5 MB of JSON on the wire, where a character
 * outside ASCII (å, ä, ö) takes two or three bytes. The JSON of a value in UTF-8 bytes, for the host's estimates.
 */
export function jsonBytes(value: unknown): number {
  const text = JSON.stringify(value) ?? "";
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) bytes += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Text whose JSON is itself in quotes, a byte a character: printable ASCII without `"` and `\`. */
const PLAIN_JSON_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * jsonBytes of rows of cells (text, numbers, booleans, empty), without making their JSON: the host measures every
 * response that reads cells, up to 5 MB each, in the task pane's thread, where stringifying it alone took longer than
 * the pane may be busy. Most cells are plain text, counted by their length; the others by their own JSON.
 */
export function cellsJsonBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2 + Math.max(0, rows.length - 1); // the brackets and the commas between rows
  for (const row of rows) {
    bytes += 2 + Math.max(0, row.length - 1);
    for (const cell of row) {
      if (typeof cell === "string" && PLAIN_JSON_TEXT.test(cell)) bytes += cell.length + 2;
      else bytes += jsonBytes(cell === undefined ? null : cell); // in an array, undefined is null
    }
  }
  return bytes;
}
