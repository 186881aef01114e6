/**
 * What the hosts report, in words: Excel's errors and warnings (src/hosts/excel) and why a file cannot be read or
 * written (src/hosts/xlsx). The hosts give a code and its parameters; the CLI and the pane say it here, in their
 * language. Swedish first; the English table is typed by the Swedish one, so a key missing in either fails the type
 * check. Only the codes' types come in (src/sheet/hostProblems.ts), never a host.
 */
import type {
  ExcelProblem,
  ExcelStep,
  FileProblem,
  NotWorkbookHint,
  PackageLimit,
  SyncPart,
  TIMEOUT,
  WriteWarning,
} from "../sheet/hostProblems";
import type { Language } from "./findings";
import { formatNumber } from "./numberFormats";

/** The Office.js error codes with a sentence of their own; any other code gets a general one that names it. */
type KnownOfficeCode =
  | typeof TIMEOUT
  | "AccessDenied"
  | "InvalidArgument"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "RangeExceedsLimit"
  | "InvalidOperationInCellEditMode"
  | "GeneralException";

/** `what` is the step that failed, in words, so the user knows where it stopped. */
type OfficeSentence = (what: string) => string;

/** Sentences for the file problems whose parameters are the file (and a detail) alone. */
type PlainFileCode = Exclude<FileProblem["code"], "unreadable" | "notWorkbook" | "unwritable" | "overLimit">;

/** What passed a package limit: `max` the limit (formatted), `where` the part or sheet. */
type LimitReasons = Record<PackageLimit, (max: string, where: string) => string>;
type FileSentences = { [C in PlainFileCode]: (p: Extract<FileProblem, { code: C }>) => string };

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(", ");
const listed = (paths: string[]) => paths.join(", ");

const sv = {
  notWorkbookHints: {
    empty: "filen är tom",
    text: "det är en textfil, till exempel CSV",
    xlsb: "det är en binär arbetsbok, .xlsb; spara den som .xlsx i Excel",
    word: "det är ett Word-dokument",
    powerpoint: "det är en PowerPoint-presentation",
    openDocument: "det är ett OpenDocument-dokument; spara det som .xlsx",
  } satisfies Record<NotWorkbookHint, string>,
  /** Why a file cannot be written, by the system's error code. */
  writeReasons: {
    ENOENT: "mappen finns inte",
    ENOTDIR: "mappen finns inte",
    EISDIR: "det är en mapp",
    EACCES: "behörighet saknas",
    EPERM: "behörighet saknas",
    EROFS: "platsen är skrivskyddad",
    ENOSPC: "disken är full",
    EDQUOT: "diskkvoten är slut",
    EBUSY: "filen är låst av ett annat program",
  } as Record<string, string>,
  unknownError: "okänt fel",
  steps: {
    listSheets: "läsa listan över blad",
    readSheets: "läsa bladen",
    measureSheets: "mäta bladen",
    readSheetsInParts: "läsa bladen i delar",
    markCells: "markera cellerna",
    readProtection: "läsa bladskyddet",
    findMarks: "leta efter markeringar",
    readMarks: "läsa markeringarna",
    removeMarks: "ta bort markeringarna",
    writeSheets: "skriva bladen",
    checkWritten: "se efter vad som hann skrivas",
    removeNewSheets: "ta bort de nya bladen",
    findSheet: "hitta bladet",
    showCell: "visa cellen",
  } satisfies Record<ExcelStep, string>,
  inPart: (step: string, { index, count }: SyncPart) => `${step}, del ${index} av ${count}`,
  office: {
    Timeout: (what) => `Excel svarar inte (${what}). Försök igen; om det upprepas, ladda om tillägget.`,
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
  } satisfies Record<KnownOfficeCode, OfficeSentence> as Record<KnownOfficeCode, OfficeSentence>,
  otherOffice: (what: string, code: string) =>
    `Excel rapporterade ett fel (${what}; ${code}). Försök igen; om det upprepas, ladda om tillägget.`,
  sheetNamesTaken: (names: string[]) =>
    `Det finns redan blad som heter ${quoted(names)}. Inget skrevs. Byt namn på dem eller läs in arbetsboken igen.`,
  invalidSheetName: (name: string) => `Ogiltigt eller upprepat bladnamn: "${name}". Inget skrevs.`,
  sheetGone: (sheet: string) => `Bladet "${sheet}" finns inte längre. Validera igen.`,
  sheetHidden: (sheet: string) =>
    `Bladet "${sheet}" är dolt. Högerklicka på en bladflik och välj Ta fram för att visa det.`,
  writeUndone: (cause: string) =>
    `${cause} Inget sparades: de blad som hann skapas togs bort och arbetsboken är som förut.`,
  writeLeftOver: (cause: string, sheets: string[]) =>
    `${cause} Det som hann skrivas kunde inte tas bort: kontrollera bladen ${quoted(sheets)} och blad vars ` +
    `namn börjar med "~mt-ersatts" (de blad som skulle ersättas) innan du fortsätter.`,
  warnings: {
    noDropdowns:
      "Den här Excel-versionen kan inte skapa listrutor (kräver ExcelApi 1.8, Office 2021 eller senare): " +
      "svaren skrevs utan listrutor och utan hjälptexterna i cellerna, så skriv dem exakt som i listan.",
    noInputMessages:
      "Den här Excel-versionen kan inte visa hjälptexter i cellerna (kräver ExcelApi 1.8): " +
      "instruktionerna överst på bladet gäller.",
    noConditionalFills: "Den här Excel-versionen kan inte färga celler efter innehåll (kräver ExcelApi 1.6).",
    noPrintSetup:
      "Den här Excel-versionen kan inte ställa in utskriften (kräver ExcelApi 1.9): " +
      "ställ in orientering, A4, rubrikrader, sidbrytningar och sidfot själv under Sidlayout.",
    noAutoFilter:
      "Den här Excel-versionen kan inte lägga filter på kolumnrubrikerna (kräver ExcelApi 1.9): " +
      "markera rubrikraden och välj Data > Filtrera om du vill filtrera.",
  } satisfies Record<WriteWarning, string>,
  files: {
    missing: (p) => `Filen finns inte: ${p.file}`,
    isFolder: (p) => `Sökvägen är en mapp, inte en fil: ${p.file}`,
    noPermission: (p) => `Filen kan inte öppnas (behörighet saknas): ${p.file}`,
    locked: (p) => `Filen är låst av ett annat program: ${p.file}`,
    corrupt: (p) => `Filen är skadad eller ofullständig och kan inte läsas: ${p.file}`,
    encrypted: (p) => `Arbetsboken är lösenordsskyddad (krypterad) och kan inte läsas: ${p.file}`,
    legacyFormat: (p) =>
      `Arbetsboken är i det gamla .xls-formatet och kan inte läsas; spara den som .xlsx i Excel: ${p.file}`,
    encryptedOrLegacy: (p) =>
      `Arbetsboken är lösenordsskyddad (krypterad) eller i det gamla .xls-formatet och kan inte läsas: ${p.file}`,
    exists: (p) =>
      p.meanwhile
        ? `Filen skapades av något annat (en annan körning?) medan den här körningen pågick, och skrivs inte över: ` +
          `${p.file}. Inget skrevs; kör igen och spara under ett nytt namn.`
        : `Filen finns redan och skrivs inte över: ${p.file}. Ta med den som indata om den har svar, och spara ` +
          `under ett nytt namn.`,
    setInProgress: (p) =>
      `En annan körning (process ${p.pid} på ${p.host}) skriver filer i mappen just nu: ${p.file}. Inget skrevs. ` +
      `Vänta tills den är klar och kör igen. Om den har stoppats: ta bort ${listed(p.remove)} och kör igen.`,
    setIncomplete: (p) =>
      `En tidigare körning (process ${p.pid}) stoppades innan den hade skrivit klart i mappen ${p.file}, och det den ` +
      `hann skriva är ofullständigt. Inget skrevs. Ta bort ${listed(p.remove)} och kör igen.`,
  } satisfies FileSentences as FileSentences,
  unreadable: (file: string, detail: string) => `Filen kan inte läsas (${detail}): ${file}`,
  /** `hint`: what the file is instead, when that can be told. */
  notWorkbook: (file: string, hint: string | null) =>
    `Filen är inte en Excel-arbetsbok (.xlsx): ${file}${hint ? ` (${hint})` : ""}`,
  unwritable: (file: string, reason: string) => `Filen kan inte skrivas (${reason}): ${file}`,
  /** The run was stopped by `signal` (SIGINT …): it removed `removed`, and could not remove `left`. */
  interrupted: (signal: string, removed: string[], left: string[]) =>
    left.length
      ? `Avbrutet (${signal}). Det den här körningen hann skriva kunde inte tas bort helt; ta bort ${listed(left)}.`
      : removed.length
        ? `Avbrutet (${signal}). Det den här körningen hann skriva togs bort: ${listed(removed)}. Inget av det finns ` +
          `kvar.`
        : `Avbrutet (${signal}). Inget hade skrivits.`,
  /** Half-written temporary files an earlier, stopped run left beside the output. */
  leftoverTemporaries: (paths: string[]) =>
    `En tidigare körning stoppades mitt i en skrivning och lämnade halvskrivna filer; ta bort dem: ${listed(paths)}.`,
  limits: {
    partBytes: (max, where) => `delen ${where} är större än ${max} MB uppackad`,
    totalBytes: (max) => `innehållet är större än ${max} MB uppackat`,
    ratio: (max, where) => `delen ${where} packas upp till mer än ${max} gånger sin storlek i filen`,
    entries: (max) => `den har fler än ${max} delar`,
    depth: (max, where) => `delen ${where} har element inuti varandra i mer än ${max} nivåer`,
    mergedCells: (max, where) => `sammanfogade celler på bladet ${where} täcker mer än ${max} celler`,
  } satisfies LimitReasons as LimitReasons,
  overLimit: (file: string, reason: string) =>
    `Filen läses inte eftersom ${reason} (en gräns mot skadliga filer, långt över vad en plan behöver): ${file}`,
};

export type HostStrings = typeof sv;

const en: HostStrings = {
  notWorkbookHints: {
    empty: "the file is empty",
    text: "it is a text file, such as CSV",
    xlsb: "it is a binary workbook, .xlsb; save it as .xlsx in Excel",
    word: "it is a Word document",
    powerpoint: "it is a PowerPoint presentation",
    openDocument: "it is an OpenDocument file; save it as .xlsx",
  },
  writeReasons: {
    ENOENT: "the folder does not exist",
    ENOTDIR: "the folder does not exist",
    EISDIR: "it is a folder",
    EACCES: "no permission",
    EPERM: "no permission",
    EROFS: "the location is read-only",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EBUSY: "the file is locked by another program",
  },
  unknownError: "unknown error",
  steps: {
    listSheets: "reading the list of sheets",
    readSheets: "reading the sheets",
    measureSheets: "measuring the sheets",
    readSheetsInParts: "reading the sheets in parts",
    markCells: "marking the cells",
    readProtection: "reading the sheet protection",
    findMarks: "looking for marks",
    readMarks: "reading the marks",
    removeMarks: "removing the marks",
    writeSheets: "writing the sheets",
    checkWritten: "checking what was written",
    removeNewSheets: "removing the new sheets",
    findSheet: "finding the sheet",
    showCell: "showing the cell",
  },
  inPart: (step, { index, count }) => `${step}, part ${index} of ${count}`,
  office: {
    Timeout: (what) => `Excel is not answering (${what}). Try again; if it happens again, reload the add-in.`,
    AccessDenied: (what) =>
      `Excel refused the change (${what}): the sheet or workbook is protected, or permission is missing. ` +
      `Remove the protection or ask the workbook's owner for permission, and try again.`,
    InvalidArgument: (what) =>
      `Excel did not accept the data (${what}), for example an invalid sheet name or range. ` +
      `Check the sheet names and try again; if it happens again, report the error.`,
    ItemNotFound: (what) =>
      `A sheet or range that is needed no longer exists (${what}). Read the workbook again and try once more.`,
    ItemAlreadyExists: (what) =>
      `A sheet with the same name already exists (${what}). Read the workbook again so that new names can be chosen.`,
    RequestPayloadSizeLimitExceeded: (what) =>
      `What was to be sent to Excel is too large (${what}; Excel on the web takes at most 5 MB at a time). ` +
      `Do the work for fewer committees at a time, or use Excel for the desktop.`,
    ResponsePayloadSizeLimitExceeded: (what) =>
      `What Excel would send back is too large (${what}; Excel on the web takes at most 5 MB at a time). ` +
      `Remove sheets that are not needed, or use Excel for the desktop.`,
    RangeExceedsLimit: (what) =>
      `A sheet is too large to read at once (${what}; at most 5 million cells). ` +
      `Delete empty rows and columns at the bottom and on the right, and try again.`,
    InvalidOperationInCellEditMode: (what) =>
      `Excel is editing a cell right now (${what}). Press Enter or Esc in the cell and try again.`,
    GeneralException: (what) =>
      `Excel reported an internal error (${what}). Try again; if it happens again, save the workbook and reload the add-in.`,
  },
  otherOffice: (what, code) =>
    `Excel reported an error (${what}; ${code}). Try again; if it happens again, reload the add-in.`,
  sheetNamesTaken: (names) =>
    `There are already sheets named ${quoted(names)}. Nothing was written. Rename them or read the workbook again.`,
  invalidSheetName: (name) => `Invalid or repeated sheet name: "${name}". Nothing was written.`,
  sheetGone: (sheet) => `The sheet "${sheet}" no longer exists. Validate again.`,
  sheetHidden: (sheet) => `The sheet "${sheet}" is hidden. Right-click a sheet tab and choose Unhide to show it.`,
  writeUndone: (cause) =>
    `${cause} Nothing was saved: the sheets already created were removed and the workbook is as it was.`,
  writeLeftOver: (cause, sheets) =>
    `${cause} What was written could not be removed: check the sheets ${quoted(sheets)} and sheets whose ` +
    `names begin with "~mt-ersatts" (the sheets being replaced) before you continue.`,
  warnings: {
    noDropdowns:
      "This version of Excel cannot create dropdowns (it needs ExcelApi 1.8, Office 2021 or later): " +
      "the answers were written without dropdowns and without the help texts in the cells, so type them exactly " +
      "as in the list.",
    noInputMessages:
      "This version of Excel cannot show help texts in the cells (it needs ExcelApi 1.8): " +
      "the instructions at the top of the sheet apply.",
    noConditionalFills: "This version of Excel cannot colour cells by their content (it needs ExcelApi 1.6).",
    noPrintSetup:
      "This version of Excel cannot set up printing (it needs ExcelApi 1.9): " +
      "set the orientation, A4, the title rows, page breaks and the footer yourself under Page Layout.",
    noAutoFilter:
      "This version of Excel cannot put filters on the column headers (it needs ExcelApi 1.9): " +
      "select the header row and Data > Filter to filter.",
  },
  files: {
    missing: (p) => `The file does not exist: ${p.file}`,
    isFolder: (p) => `The path is a folder, not a file: ${p.file}`,
    noPermission: (p) => `The file cannot be opened (permission is missing): ${p.file}`,
    locked: (p) => `The file is locked by another program: ${p.file}`,
    corrupt: (p) => `The file is damaged or incomplete and cannot be read: ${p.file}`,
    encrypted: (p) => `The workbook is password-protected (encrypted) and cannot be read: ${p.file}`,
    legacyFormat: (p) =>
      `The workbook is in the old .xls format and cannot be read; save it as .xlsx in Excel: ${p.file}`,
    encryptedOrLegacy: (p) =>
      `The workbook is password-protected (encrypted) or in the old .xls format and cannot be read: ${p.file}`,
    exists: (p) =>
      p.meanwhile
        ? `The file was created by something else (another run?) while this run was working, and is not written ` +
          `over: ${p.file}. Nothing was written; run again and save under a new name.`
        : `The file already exists and is not written over: ${p.file}. Include it as input if it holds answers, ` +
          `and save under a new name.`,
    setInProgress: (p) =>
      `Another run (process ${p.pid} on ${p.host}) is writing files into the folder right now: ${p.file}. Nothing ` +
      `was written. Wait until it has finished and run again. If it was stopped: remove ${listed(p.remove)} and run ` +
      `again.`,
    setIncomplete: (p) =>
      `An earlier run (process ${p.pid}) was stopped before it had finished writing into the folder ${p.file}, and ` +
      `what it wrote is incomplete. Nothing was written. Remove ${listed(p.remove)} and run again.`,
  },
  unreadable: (file, detail) => `The file cannot be read (${detail}): ${file}`,
  notWorkbook: (file, hint) => `The file is not an Excel workbook (.xlsx): ${file}${hint ? ` (${hint})` : ""}`,
  unwritable: (file, reason) => `The file cannot be written (${reason}): ${file}`,
  interrupted: (signal, removed, left) =>
    left.length
      ? `Interrupted (${signal}). What this run had written could not all be removed; remove ${listed(left)}.`
      : removed.length
        ? `Interrupted (${signal}). What this run had written was removed: ${listed(removed)}. None of it is left.`
        : `Interrupted (${signal}). Nothing had been written.`,
  leftoverTemporaries: (paths) =>
    `An earlier run was stopped in the middle of a write and left half-written files; remove them: ${listed(paths)}.`,
  limits: {
    partBytes: (max, where) => `the part ${where} is larger than ${max} MB unpacked`,
    totalBytes: (max) => `its content is larger than ${max} MB unpacked`,
    ratio: (max, where) => `the part ${where} unpacks to more than ${max} times its size in the file`,
    entries: (max) => `it has more than ${max} parts`,
    depth: (max, where) => `the part ${where} nests elements more than ${max} levels deep`,
    mergedCells: (max, where) => `merged cells on the sheet ${where} cover more than ${max} cells`,
  },
  overLimit: (file, reason) =>
    `The file is not read because ${reason} (a limit against harmful files, far above what a plan needs): ${file}`,
};

/** Both languages' tables, for tests that compare them. */
export const HOST_STRINGS: Record<Language, HostStrings> = { sv, en };

export function excelProblemMessage(problem: ExcelProblem, language: Language): string {
  const t = HOST_STRINGS[language];
  switch (problem.code) {
    case "syncFailed": {
      const step = t.steps[problem.step];
      const what = problem.part ? t.inPart(step, problem.part) : step;
      const sentence = t.office[problem.officeCode as KnownOfficeCode] as OfficeSentence | undefined;
      return sentence ? sentence(what) : t.otherOffice(what, problem.officeCode);
    }
    case "sheetNamesTaken":
      return t.sheetNamesTaken(problem.names);
    case "invalidSheetName":
      return t.invalidSheetName(problem.name);
    case "sheetGone":
      return t.sheetGone(problem.sheet);
    case "sheetHidden":
      return t.sheetHidden(problem.sheet);
    case "writeFailed": {
      const cause = excelProblemMessage(problem.cause, language);
      return problem.undone ? t.writeUndone(cause) : t.writeLeftOver(cause, problem.sheets);
    }
  }
}

export function fileProblemMessage(problem: FileProblem, language: Language): string {
  const t = HOST_STRINGS[language];
  switch (problem.code) {
    case "unreadable":
      return t.unreadable(problem.file, problem.detail ?? t.unknownError);
    case "notWorkbook":
      return t.notWorkbook(problem.file, problem.hint ? t.notWorkbookHints[problem.hint] : null);
    case "overLimit": {
      const max = formatNumber(problem.max, language);
      return t.overLimit(problem.file, t.limits[problem.limit](max, `"${problem.where ?? ""}"`));
    }
    case "unwritable": {
      const errno = problem.errno ?? "";
      return t.unwritable(problem.file, t.writeReasons[errno] ?? (errno || t.unknownError));
    }
    default:
      return (t.files[problem.code] as (p: FileProblem) => string)(problem);
  }
}

export function writeWarningMessage(warning: WriteWarning, language: Language): string {
  return HOST_STRINGS[language].warnings[warning];
}

export function interruptedMessage(signal: string, removed: string[], left: string[], language: Language): string {
  return HOST_STRINGS[language].interrupted(signal, removed, left);
}

export function leftoverTemporariesMessage(paths: string[], language: Language): string {
  return HOST_STRINGS[language].leftoverTemporaries(paths);
}
