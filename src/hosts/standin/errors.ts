/**
 * Office.js's error, as the stand-in throws it: a code and a message, as in `RichApi.Error.debugInfo`.
 */
export class StandInError extends Error {
  readonly debugInfo: { code: string; message: string };
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

export function fail(code: string, message: string): never {
  throw new StandInError(code, message);
}
