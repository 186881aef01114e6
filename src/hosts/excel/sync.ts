/**
 * The one slow, fallible call of the Excel host: `context.sync()`. Every sync goes through `syncWithWatchdog`, so a
 * sync that hangs (Excel on the web can leave one pending for ever) or fails becomes an ExcelHostError carrying an
 * ExcelProblem (problems.ts).
 */
import { type ExcelProblem, type ExcelStep, type SyncPart, TIMEOUT } from "../../sheet/hostProblems";
import { ExcelHostError } from "./problems";

/** Office.js's error code of anything thrown (OfficeExtension.Error has `code`); "" when there is none. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : "";
}

/** A failed sync of `step` as an ExcelHostError. */
function syncFailure(officeCode: string, step: ExcelStep, part?: SyncPart, officeError?: unknown): ExcelHostError {
  const problem: ExcelProblem = part
    ? { code: "syncFailed", officeCode, step, part }
    : { code: "syncFailed", officeCode, step };
  return new ExcelHostError(problem, officeCode, officeError);
}

/** Any error as an ExcelHostError; one that already is one passes through unchanged. */
export function toHostError(error: unknown, step: ExcelStep, part?: SyncPart): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  return syncFailure(errorCode(error) || "GeneralException", step, part, error);
}

export const DEFAULT_SYNC_TIMEOUT_MS = 30_000;

/**
 * `context.sync()` with a watchdog: after `timeoutMs` without an answer it rejects with an ExcelHostError (code
 * "Timeout"); an Office.js error becomes an ExcelHostError with its code. `step` (and `part`, for a write in several
 * syncs) is named in the user's message.
 *
 * A sync that timed out may still complete in Excel later: the caller must treat what it queued as unknown.
 */
export async function syncWithWatchdog(
  context: { sync(): Promise<unknown> },
  step: ExcelStep,
  timeoutMs: number = DEFAULT_SYNC_TIMEOUT_MS,
  part?: SyncPart,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(syncFailure(TIMEOUT, step, part)), timeoutMs);
  });
  try {
    await Promise.race([context.sync(), watchdog]);
  } catch (error) {
    throw toHostError(error, step, part);
  } finally {
    clearTimeout(timer);
  }
}
