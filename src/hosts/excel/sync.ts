/**
 * The one slow, fallible call of the Excel host: `context.sync()`. Every sync goes through `syncWithWatchdog`, so a
 * sync that hangs (Excel on the web can leave one pending for ever) or fails becomes an ExcelHostError whose message
 * is one line of Swedish saying what happened and what to do.
 */

/** What went wrong, as the host reports it; `code` is Office.js's error code where there was one. */
export class ExcelHostError extends Error {
  constructor(
    message: string,
    readonly code: string,
    /** The Office.js error behind this one, for logs; never shown to the user as is. */
    readonly officeError?: unknown,
  ) {
    super(message);
    this.name = "ExcelHostError";
  }
}

/** Code of an ExcelHostError raised by the watchdog (not an Office.js code). */
export const TIMEOUT = "Timeout";

/**
 * Every message the Excel host shows, by Office.js error code (see "Error codes and messages" in the Office Add-ins
 * docs). `what` is the step that failed ("läsa arbetsboken"), so the user knows where it stopped.
 */
const MESSAGES: Record<string, (what: string) => string> = {
  [TIMEOUT]: (what) => `Excel svarar inte (${what}). Försök igen; om det upprepas, ladda om tillägget.`,
  AccessDenied: (what) =>
    `Excel nekade ändringen (${what}): bladet eller arbetsboken är skyddad, eller så saknas behörighet. ` +
    `Ta bort skyddet eller be den som äger arbetsboken om behörighet, och försök igen.`,
  InvalidArgument: (what) =>
    `Excel godtog inte uppgifterna (${what}), till exempel ett ogiltigt bladnamn eller område. ` +
    `Kontrollera bladnamnen och försök igen; om det upprepas, rapportera felet.`,
  ItemNotFound: (what) =>
    `Ett blad eller område som behövs finns inte längre (${what}). Läs in arbetsboken igen och försök på nytt.`,
  ItemAlreadyExists: (what) =>
    `Ett blad med samma namn finns redan (${what}). Läs in arbetsboken igen så att nya namn kan väljas.`,
  RequestPayloadSizeLimitExceeded: (what) =>
    `Det som skulle skickas till Excel är för stort (${what}; Excel på webben tar högst 5 MB åt gången). ` +
    `Dela upp arbetet på färre nämnder åt gången, eller använd Excel för skrivbordet.`,
  ResponsePayloadSizeLimitExceeded: (what) =>
    `Det Excel skulle skicka tillbaka är för stort (${what}; Excel på webben tar högst 5 MB åt gången). ` +
    `Ta bort blad som inte behövs, eller använd Excel för skrivbordet.`,
  RangeExceedsLimit: (what) =>
    `Ett blad är för stort för att läsas på en gång (${what}; högst 5 miljoner celler). ` +
    `Ta bort tomma rader och kolumner längst ned och till höger, och försök igen.`,
  InvalidOperationInCellEditMode: (what) =>
    `Excel redigerar en cell just nu (${what}). Tryck Enter eller Esc i cellen och försök igen.`,
  GeneralException: (what) =>
    `Excel rapporterade ett internt fel (${what}). Försök igen; om det upprepas, spara arbetsboken och ladda om tillägget.`,
};

const UNKNOWN = (what: string, code: string) =>
  `Excel rapporterade ett fel (${what}; ${code}). Försök igen; om det upprepas, ladda om tillägget.`;

/** The Swedish message for an Office.js error code. */
export function messageFor(code: string, what: string): string {
  return (MESSAGES[code] ?? ((w: string) => UNKNOWN(w, code)))(what);
}

/** Office.js's error code of anything thrown (OfficeExtension.Error has `code`); "" when there is none. */
export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : "";
}

/** Any error as an ExcelHostError; one that already is one passes through unchanged. */
export function toHostError(error: unknown, what: string): ExcelHostError {
  if (error instanceof ExcelHostError) return error;
  const code = errorCode(error) || "GeneralException";
  return new ExcelHostError(messageFor(code, what), code, error);
}

export const DEFAULT_SYNC_TIMEOUT_MS = 30_000;

/**
 * `context.sync()` with a watchdog: after `timeoutMs` without an answer it rejects with an ExcelHostError (code
 * "Timeout"); an Office.js error becomes an ExcelHostError with the message from the table above. `what` names the
 * step in the message, in Swedish ("skriva uppföljningsbladen").
 *
 * A sync that timed out may still complete in Excel later: the caller must treat what it queued as unknown.
 */
export async function syncWithWatchdog(
  context: { sync(): Promise<unknown> },
  what: string,
  timeoutMs: number = DEFAULT_SYNC_TIMEOUT_MS,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const watchdog = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ExcelHostError(messageFor(TIMEOUT, what), TIMEOUT)), timeoutMs);
  });
  try {
    await Promise.race([context.sync(), watchdog]);
  } catch (error) {
    throw toHostError(error, what);
  } finally {
    clearTimeout(timer);
  }
}
