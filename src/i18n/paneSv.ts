/**
 * Everything the task pane says, in Swedish (the users' language). Its shape is the pane's string table
 * (`PaneStrings`); the English table (paneEn.ts) is typed by it, so a key missing in either fails the type check.
 */
import { formatAmount } from "../domain/amounts";
import type { RuleId } from "../domain/findings";
import type { PlanRowKind } from "../domain/followup/model";
import type { SheetKind } from "../domain/mapping";
import type { FieldName } from "../domain/raw";
import type { Language } from "./findings";
import type { WorkerFailureKind } from "./pane";
import { formatNumber } from "./numberFormats";
import { UNREAD_REASON_LABELS } from "./unreadReasons";

const plural = (n: number, one: string, many: string) => `${formatNumber(n, "sv")} ${n === 1 ? one : many}`;

export const sv = {
  /** The language this table speaks; what Excel and files report is said in it too (i18n/errors.ts). */
  language: "sv" as Language,
  appTitle: "Måltavlan",
  steps: "Steg",
  moreSteps: (hidden: number) => (hidden === 1 ? "Ett steg till" : `${hidden} steg till`),
  loadingStep: "Öppnar steget …",
  tabs: { koppla: "Koppla", validera: "Validera", skapa: "Skapa uppföljning", sammanstall: "Sammanställ" },
  outsideExcel:
    "Måltavlan måste öppnas i Excel. Öppna arbetsboken med planen i Excel och välj Öppna Måltavlan på fliken Start.",
  outsideExcelTitle: "Öppna Måltavlan i Excel",
  unexpected: (message: string) =>
    `Något gick fel: ${message} Försök igen; om det upprepas, stäng fönstret och öppna Måltavlan på nytt.`,
  workerFailures: {
    coreNotRunning: (detail: string) => `Måltavlans beräkningsdel kunde inte köras (${detail}).`,
    filesNotLoaded: (detail: string) => `Filbiblioteket gick inte att ladda (${detail}).`,
    filesUnexpectedAnswer: (detail: string) => `Filbiblioteket svarade inte som väntat (${detail}).`,
    workbooksNotBuilt: (detail: string) => `Arbetsböckerna kunde inte skapas (${detail}).`,
  } satisfies Record<WorkerFailureKind, (detail: string) => string>,
  unknownError: "okänt fel",
  /** An amount in öre, in tkr. */
  amount: (ore: number) => formatAmount(ore, "tkr"),

  // Koppla
  kopplaIntro:
    "Så här läser Måltavlan arbetsbokens blad. Säker: bladets namn och rubriker stämmer; trolig: kontrollera. " +
    "Stämmer något inte, välj vad bladet är och spara kopplingen.",
  reading: "Läser arbetsboken …",
  sheetsCaption: "Bladen i arbetsboken",
  unreadHeading: (cells: number) => `Ej läst (${plural(cells, "cell", "celler")})`,
  unreadIntro:
    "Det här står i arbetsboken men blir inte en del av planen. Hör något till planen, välj vad bladet eller " +
    "kolumnen är ovan och spara kopplingen.",
  unreadSheet: (sheet: string, cells: number) => `${sheet}: ${plural(cells, "cell", "celler")}`,
  unreadReasons: UNREAD_REASON_LABELS.sv,
  unreadMore: (n: number) => `… och ${formatNumber(n, "sv")} till (hela listan: maltavlan validate --json).`,
  colSheet: "Blad",
  colReadAs: "Läses som",
  colHeaderRow: "Rubrikrad",
  certainty: {
    mapped: "enligt din koppling",
    sure: "säker",
    likely: "trolig, kontrollera",
  },
  recognisedColumns: (count: number) => `${count} ${count === 1 ? "kolumn" : "kolumner"} igenkända`,
  kinds: {
    committee: "Nämnder",
    goal: "Mål",
    assignment: "Uppdrag",
    adjustment: "Ramjusteringar",
    keyFigure: "Nyckeltal",
    pasted: "Inklistrat budgetdokument",
    export: "Export från målsystem",
    ignore: "Läses inte",
  } satisfies Record<SheetKind, string>,
  columnsCaption: "Rubrikrad och kolumner per blad",
  columnsFor: (sheet: string) => `Rubrikrad och kolumner: ${sheet}`,
  headerRowLabel: (sheet: string) => `Rubrikrad på bladet ${sheet}`,
  headerRowHint: "Raden med kolumnrubrikerna, som Excel numrerar den.",
  headerRowInvalid: "Ange ett radnummer, 1 eller större.",
  colColumn: "Kolumn",
  colHeader: "Rubrik",
  columnReadAsLabel: (sheet: string, column: string) => `Läs kolumn ${column} på bladet ${sheet} som`,
  fieldNotRead: "Läses inte",
  doNotRead: "Läs inte",
  fields: {
    id: "ID",
    level: "Nivå",
    name: "Namn eller rubrik",
    parent: "Överordnat mål",
    clarification: "Förtydligande",
    committee: "Nämnd",
    kind: "Typ",
    amount: "Belopp",
    year: "År",
    direction: "Ökning eller minskning",
    duration: "Varaktighet",
    origin: "Fullmäktige eller nämnd",
    target: "Målvärde",
    unit: "Enhet",
    kolada: "Kolada-ID",
    assignment: "Kopplat uppdrag",
    comment: "Kommentar",
  } satisfies Record<FieldName, string>,
  factsSheet: "Inställningar",
  readAsLabel: (sheet: string) => `Läs bladet ${sheet} som`,
  saveMapping: "Spara kopplingen",
  previousRamLabel: "Innehåller ”Ram föregående år” förra årets tillfälliga ramjusteringar?",
  previousRamHint:
    "Planens ramblock visar det inte. Valet sparas med kopplingen och används när ramarna stäms av mot ändringarna.",
  previousRamChoices: { yes: "Ja (antas om inget väljs)", no: "Nej, de har redan tagits bort" },
  savingMapping: "Sparar kopplingen …",
  mappingSaved: "Kopplingen är sparad i arbetsboken och planen är inläst på nytt.",
  mergesNotRead:
    "Excel gav inte tillägget de sammanfogade cellerna (Excel före 2021, eller fler än 512 sammanfogade områden på ett blad): en nämnd eller ett mål i sammanfogade celler gäller då bara den första raden. Fyll i cellerna eller koppla bladet.",
  noPlanSheets:
    "Arbetsboken har inga blad med en plan ännu. Skapa mallbladen och fyll i planen, eller klistra in budgetdokumentet på ett eget blad.",
  createTemplate: "Skapa mallbladen",
  creatingTemplate: "Skapar mallbladen …",
  templateCreated: "Mallbladen är skapade: Nämnder, Mål, Uppdrag, Ramjusteringar och Nyckeltal. Fyll i planen där.",
  planAsReadHeading: "Så läses planen",
  planRowsShown: (shown: number, total: number) =>
    shown < total ? `De första ${shown} av ${formatNumber(total, "sv")}.` : `Alla ${total}.`,
  planPartEmpty: "Inget hittat.",
  goalTreeCaption: "Mål och nyckeltal",
  goalTreeCounts: (goals: number, keyFigures: number) =>
    `${plural(goals, "mål", "mål")}, ${plural(keyFigures, "nyckeltal", "nyckeltal")}. Öppna ett mål för att se vad som hör till det.`,
  keyFigureLevel: "Nyckeltal",
  planParts: { committees: "Nämnder", goals: "Mål", assignments: "Uppdrag", adjustments: "Ramjusteringar" },
  colCode: "Förkortning",
  colName: "Namn",
  colTitle: "Uppdrag",
  colCommittees: "Nämnder",
  colYear: "År",
  colAmount: "Belopp (tkr)",
  colDuration: "Varaktighet",
  durations: { permanent: "Varaktig", temporary: "Tillfällig", none: "Ej angiven" },
  levelName: (level: { label: string; labelEn: string }) => level.label,

  // Validera
  validate: "Validera",
  validating: "Validerar planen …",
  notValidated: "Välj Validera för att kontrollera planen.",
  summary: (errors: number, warnings: number) =>
    `${plural(errors, "fel", "fel")}, ${plural(warnings, "varning", "varningar")}`,
  noFindings: "Inga fel och inga varningar. Planen kan användas för uppföljning.",
  noErrors: "Inga fel; varningarna nedan hindrar inte uppföljningen.",
  severity: { error: "Fel", warning: "Varning", info: "Info" },
  markCells: "Markera cellerna i bladen",
  clearMarks: "Ta bort markeringarna",
  marking: "Markerar …",
  marked: (count: number) =>
    `${count} ${count === 1 ? "cell är markerad" : "celler är markerade"} i rött. Cellerna själva är oförändrade.`,
  markSkipped: (sheets: string[]) => `Skyddade blad markerades inte: ${sheets.join(", ")}.`,
  cleared: (count: number) => `${count} ${count === 1 ? "markering togs bort" : "markeringar togs bort"}.`,
  goToHint: "Välj ett fynd för att gå till cellen.",
  goToFailed: "Kunde inte visa cellen.",
  moreFindings: (n: number) => `… och ${formatNumber(n, "sv")} till av samma slag. Rätta dessa och validera igen.`,

  // Skapa uppföljning
  period: "Period",
  year: "År",
  due: "Svara senast",
  yearInvalid: "Skriv året med fyra siffror, t.ex. 2025.",
  periodKinds: { forecast: "prognos", outcome: "utfall" },
  outlining: "Räknar fram bladen …",
  followUpCaption: "Uppföljningsbladen per nämnd",
  colCommittee: "Nämnd",
  colAction: "Blir",
  created: "skapas",
  updated: "uppdateras",
  colRows: "Rader",
  rowCounts: (c: Record<PlanRowKind, number>) =>
    `${c.goal} mål, ${c.assignment} uppdrag, ${c.adjustment} ramjust., ${c.keyFigure} nyckeltal`,
  answersKept: "svar behålls",
  noAnswers: "inga svar än",
  noCommittees: "Planen har inga nämnder med mål, uppdrag eller ramjusteringar att följa upp.",
  planHasErrors: (errors: number) =>
    `Planen har ${plural(errors, "fel", "fel")}. Rätta ${errors === 1 ? "det" : "dem"} under Validera innan uppföljningen skapas.`,
  showErrors: "Visa felen",
  generate: "Skapa uppföljningsblad",
  generating: "Skapar uppföljningsbladen …",
  generated: (count: number) => `Skapade ${count} uppföljningsblad`,
  answersCarried: (answers: number, sheets: { sheet: string; answers: number }[]) =>
    `${plural(answers, "ifyllt svar", "ifyllda svar")} följde med: ${sheets.map((s) => `${s.answers} till ${s.sheet}`).join(", ")}.`,
  noAnswersCarried: "Inga ifyllda svar fanns att föra över.",
  regenerationFindings: (count: number) => `Fynd i de tidigare bladen (${count})`,
  regenerationFindingsMore: (count: number) => `… och ${count} till.`,
  generatedNext: "Skicka bladen till nämnderna eller låt dem fylla i direkt i arbetsboken.",
  dateFormat: "åååå-mm-dd",
  dueInvalid: "Skriv datumet som åååå-mm-dd, t.ex. 2025-05-15.",
  password: "Lösenord för bladskyddet (valfritt)",
  passwordHint: "Används bara nu och sparas aldrig. Utan lösenord kan vem som helst ta bort skyddet.",
  exportPerCommittee: "Exportera en arbetsbok per nämnd",
  exportHint: "Bygger en .xlsx per nämnd med dess uppföljningsblad, här i fönstret; arbetsboken ändras inte.",
  exporting: "Skapar arbetsböckerna …",
  exported: (count: number) => `${count} arbetsböcker klara`,
  exportedDetail: "Spara dem och skicka var och en till sin nämnd. Det de fyller i läses in under Sammanställ.",
  downloadAll: (file: string) => `Ladda ner alla (${file})`,

  // Skapa: nyckeltal from Kolada
  koladaFile: "Välj nyckeltal ur Kolada",
  koladaHint:
    "Valfritt: Koladas svar sparat i webbläsaren (JSON från api.kolada.se, t.ex. …/v2/data/kpi/N01951/municipality/2380/year/2023,2024) eller en CSV kpi;municipality;year;gender;value. Inget hämtas: filen läses här. Varje nyckeltal med Kolada-ID får senaste årets värde som Utfall.",
  koladaMunicipality: "Kommunens Kolada-ID",
  koladaMunicipalityHint: "Fyra siffror, t.ex. 2380. Tomt: filens enda kommun.",
  koladaMunicipalityInvalid: "Skriv fyra siffror, t.ex. 2380.",
  readingKolada: "Läser Kolada-filen …",
  koladaRead: (files: string) => `Nyckeltal ur ${files} fylls i som Utfall när bladen skapas.`,
  koladaCaption: "Nyckeltal ur Kolada",

  // Skapa: the ledger export (utfall)
  ledgerFile: "Välj utfall ur ekonomisystemet",
  ledgerHint:
    "Valfritt: en export ur huvudboken (.csv, .txt eller .xlsx) med ansvar och belopp. Summan per nämnd blir bladens Utfall hittills; ansvaren kopplas till nämnder i tabellen Ansvar | Nämnd på bladet Inställningar.",
  readingLedger: "Läser utfallet …",
  ledgerRead: (file: string) => `Utfall ur ${file} används när bladen skapas.`,
  ledgerCaption: "Utfall per nämnd",
  ledgerColCommittee: "Nämnd",
  ledgerColOutcome: "Utfall hittills",
  ledgerIncomplete: (rows: number) => `${plural(rows, "belopp", "belopp")} går inte att läsa; inget utfall skrivs`,
  ledgerNoRows: "inga rader; inget utfall skrivs",
  ledgerNoRules: "Inga ansvar är kopplade till nämnder: lägg tabellen Ansvar | Nämnd på bladet Inställningar.",
  ledgerUnmapped: (count: number, amount: string, shown: string[]) =>
    `${plural(count, "ansvar", "ansvar")} hör inte till någon nämnd, sammanlagt ${amount} (${shown.join(", ")}${count > shown.length ? " …" : ""}). Lägg ${count === 1 ? "det" : "dem"} i tabellen Ansvar | Nämnd på bladet Inställningar.`,
  ledgerTotal: (rows: number, total: string, mapped: string, unmapped: string, excluded: string) =>
    `Hela filen: ${plural(rows, "rad", "rader")}, ${total} = nämnderna ${mapped} + utan nämnd ${unmapped} + konton som inte räknas ${excluded}.`,
  ledgerUnread: (rows: number) => `${plural(rows, "rad", "rader")} vars belopp inte går att läsa ingår inte.`,
  ledgerNoHeader: (file: string, missing: string[]) =>
    `${file} går inte att använda som utfall: ingen rubrikrad med ${missing.join(" och ")} hittades. Inget utfall används.`,
  ledgerFindings: (count: number) => `Fynd i utfallet (${count})`,
  ledgerFindingsMore: (count: number) => `… och ${count} till.`,

  // Sammanställ
  files: "Välj returnerade arbetsböcker",
  filesHint: "Nämndernas ifyllda arbetsböcker (.xlsx). Uppföljningsbladen i den här arbetsboken tas alltid med.",
  readingFiles: "Läser filerna …",
  filesRead: (count: number) => `${plural(count, "fil", "filer")} inlästa:`,
  removeFile: (name: string) => `Ta bort ${name}`,
  remove: "Ta bort",
  andMore: (n: number) => `… och ${n} till`,
  checking: "Kontrollerar svaren …",
  missingHeading: "Det här saknas per nämnd",
  noFollowUp: "Hittade inga uppföljningsblad. Skapa uppföljningen först, eller välj de returnerade arbetsböckerna.",
  allAnswered: "Alla nämnder har svarat på allt.",
  answeredOf: (answered: number, total: number) =>
    `${answered} av ${total} ${total === 1 ? "nämnd" : "nämnder"} har svarat.`,
  notAnsweredHeading: "Har inte svarat",
  goToOverview: (sheet: string) => `Gå till rapportens ${sheet}`,
  missingRows: (missing: number, total: number) => `${missing} av ${total} rader saknar svar`,
  sourceFrom: (file: string) => `svar från ${file}`,
  consolidate: "Sammanställ",
  consolidating: "Sammanställer svaren …",
  consolidated: (sheets: string[]) => `Rapporten är skriven på bladen ${sheets.join(", ")}.`,
  answerFindings: (count: number) => `Fynd i svaren (${count})`,
  answerFindingsMore: (count: number) => `… och ${count} till på bladet Fynd när rapporten är skriven.`,
  inFile: (file: string) => `i ${file}`,
  consolidatedFindings: (count: number) =>
    count === 0 ? "Inga fynd i svaren." : `${plural(count, "fynd", "fynd")} i svaren; se bladet Fynd.`,

  kindLabels: {
    goal: "Mål",
    assignment: "Uppdrag",
    adjustment: "Ramjustering",
    keyFigure: "Nyckeltal",
  } satisfies Record<PlanRowKind, string>,

  rules: {
    "required-field": "Uppgift saknas",
    "error-value": "Felvärde i cellen",
    "unknown-goal": "Okänt mål",
    "parent-level": "Överordnat mål på fel nivå",
    "goal-cycle": "Mål som hör till sig självt",
    "duplicate-id": "ID används två gånger",
    "duplicate-assignment": "Dubblerat uppdrag",
    "unknown-committee": "Okänd nämnd",
    "unknown-level": "Okänd nivå",
    "amount-unparseable": "Belopp som inte går att läsa",
    "amount-ambiguous": "Tvetydigt belopp",
    "amount-sign": "Riktning och tecken går isär",
    "direction-invalid": "Okänd typ av ramjustering",
    "adjustment-unknown-assignment": "Okänt uppdrag",
    "adjustment-committee-ambiguous": "Oklart vilken nämnd",
    "year-outside-plan": "År utanför planen",
    "year-invalid": "Ogiltigt år",
    "assignment-no-committee": "Uppdrag utan nämnd",
    "kolada-id": "Ogiltigt Kolada-ID",
    "duration-unspecified": "Varaktighet saknas",
    "duration-invalid": "Ogiltig varaktighet",
    "origin-invalid": "Okänd uppdragsgivare",
    "committee-kind-invalid": "Okänd typ av nämnd",
    "ram-mismatch": "Ramen stämmer inte",
    "ram-previous-unclear": "Oklart om ram föregående år innehåller tillfälliga",
    "followup-marker-missing": "Märkningen saknas",
    "followup-unknown-row": "Okänd rad",
    "followup-missing-row": "Rad saknas",
    "followup-duplicate-row": "Dubblerad rad",
    "followup-locked-changed": "Låst innehåll ändrat",
    "followup-row-inserted": "Tillagd rad",
    "followup-not-in-list": "Värde utanför listan",
    "followup-comment-missing": "Kommentar saknas",
    "followup-amount-invalid": "Ogiltigt belopp",
    "followup-amount-sign": "Prognos med fel tecken",
    "followup-duplicate-return": "Flera svar från samma nämnd",
    "followup-sheet-renamed": "Bladet har bytt namn",
    "followup-no-sheet": "Inget uppföljningsblad i filen",
    "followup-text-too-long": "Svaret är för långt för en cell",
    "followup-formula-uncomputed": "Formel utan uträknat värde",
    "followup-committee-recoded": "Nämnden har ny förkortning",
    "followup-committee-unknown": "Bladets nämnd finns inte i planen",
    "followup-answer-moved": "Uppdraget har flyttats till en annan nämnd",
    "followup-answer-replaced": "Uppdraget har delats upp eller slagits ihop",
    "followup-ledger-differs": "Utfallet skiljer sig från huvudboken",
    "followup-kolada-differs": "Utfallet skiljer sig från Kolada",
    "followup-economy-implausible": "Orimlig prognos eller utfall",
    "followup-economy-explanation-missing": "Kommentar eller åtgärder saknas",
    "hidden-content": "Dolt innehåll läses in",
    "sheet-not-read": "Blad som inte läses",
    "pasted-committee-unknown": "Okänd nämnd i inklistrad text",
    "pasted-mostly-unread": "Inklistrad text som inte förstods",
    "all-committees-no-register": "Samtliga nämnder utan nämndregister",
    "text-too-long": "Texten är för lång för en cell",
    "ledger-amount-unparseable": "Belopp i utfallet går inte att läsa",
    "ledger-amount-ambiguous": "Belopp i utfallet kan läsas på två sätt",
    "ledger-rule-invalid": "Ogiltig kod i inställningarna",
    "ledger-committee-unknown": "Okänd nämnd i inställningarna",
    "ledger-rule-collision": "Koder som hör till två nämnder",
  } satisfies Record<RuleId, string>,
};

export type PaneStrings = typeof sv;
