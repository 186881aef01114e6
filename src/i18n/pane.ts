/**
 * Everything the task pane says, Swedish first (the users' language) and English second, under the same keys: the
 * English table is typed by the Swedish one, so a key missing in either fails the type check.
 */
import type { RuleId } from "../domain/findings";
import type { FollowUpKind } from "../domain/followup/model";
import type { Language } from "./findings";

export type { Language };

/** The kinds a sheet can be read as, as the Koppla step offers them. */
export type SheetKind = "committee" | "goal" | "assignment" | "adjustment" | "keyFigure" | "pasted" | "ignore";

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("sv-SE")} ${n === 1 ? one : many}`;
const pluralEn = (n: number, one: string, many: string) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

const sv = {
  appTitle: "Måltavlan",
  steps: "Steg",
  tabs: { koppla: "Koppla", validera: "Validera", skapa: "Skapa uppföljning", sammanstall: "Sammanställ" },
  outsideExcel:
    "Måltavlan måste öppnas i Excel. Öppna arbetsboken med planen i Excel och välj Öppna Måltavlan på fliken Start.",
  outsideExcelTitle: "Öppna Måltavlan i Excel",
  unexpected: (message: string) =>
    `Något gick fel: ${message} Försök igen; om det upprepas, stäng fönstret och öppna Måltavlan på nytt.`,
  close: "Stäng",

  // Koppla
  kopplaIntro: "Så här läser Måltavlan arbetsbokens blad. Stämmer något inte, välj vad bladet är och spara kopplingen.",
  reading: "Läser arbetsboken …",
  readAgain: "Läs in arbetsboken igen",
  sheetsCaption: "Bladen i arbetsboken",
  colSheet: "Blad",
  colReadAs: "Läses som",
  colHeaderRow: "Rubrikrad",
  kinds: {
    committee: "Nämnder",
    goal: "Mål",
    assignment: "Uppdrag",
    adjustment: "Ramjusteringar",
    keyFigure: "Nyckeltal",
    pasted: "Inklistrat budgetdokument",
    ignore: "Läses inte",
  } satisfies Record<SheetKind, string>,
  settingsSheet: "Inställningar",
  readAsLabel: (sheet: string) => `Läs bladet ${sheet} som`,
  changed: "ändrad",
  saveMapping: "Spara kopplingen",
  savingMapping: "Sparar kopplingen …",
  mappingSaved: "Kopplingen är sparad i arbetsboken och planen är inläst på nytt.",
  noPlanSheets:
    "Arbetsboken har inga blad med en plan ännu. Skapa mallbladen och fyll i planen, eller klistra in budgetdokumentet på ett eget blad.",
  createTemplate: "Skapa mallbladen",
  creatingTemplate: "Skapar mallbladen …",
  templateCreated: "Mallbladen är skapade: Nämnder, Mål, Uppdrag, Ramjusteringar och Nyckeltal. Fyll i planen där.",
  previewHeading: "Så läses planen",
  previewShown: (shown: number, total: number) =>
    shown < total ? `De första ${shown} av ${total.toLocaleString("sv-SE")}.` : `Alla ${total}.`,
  previewEmpty: "Inget hittat.",
  previewSections: { committees: "Nämnder", goals: "Mål", assignments: "Uppdrag", adjustments: "Ramjusteringar" },
  colCode: "Förkortning",
  colName: "Namn",
  colLevel: "Nivå",
  colParent: "Överordnat",
  colTitle: "Uppdrag",
  colCommittees: "Nämnder",
  colYear: "År",
  colAmount: "Belopp (tkr)",
  colDuration: "Varaktighet",
  durations: { varaktig: "Varaktig", tillfallig: "Tillfällig", none: "Ej angiven" },
  levelName: (level: { label: string; labelEn: string }) => level.label,

  // Validera
  validate: "Validera",
  validating: "Validerar planen …",
  notValidated: "Välj Validera för att kontrollera planen.",
  summary: (errors: number, warnings: number) =>
    `${plural(errors, "fel", "fel")}, ${plural(warnings, "varning", "varningar")}`,
  noFindings: "Inga fel och inga varningar. Planen kan användas för uppföljning.",
  noErrors: "Inga fel; varningarna nedan hindrar inte uppföljningen.",
  severity: { error: "Fel", warning: "Varning" },
  findingsHeading: "Fynd",
  goToHint: "Välj ett fynd för att gå till cellen.",
  goToFailed: "Kunde inte visa cellen.",
  moreFindings: (n: number) => `… och ${n.toLocaleString("sv-SE")} till av samma slag. Rätta dessa och validera igen.`,

  // Skapa uppföljning
  period: "Period",
  year: "År",
  due: "Svara senast",
  yearInvalid: "Skriv året med fyra siffror, t.ex. 2025.",
  periodKinds: { prognos: "prognos", utfall: "utfall" },
  previewing: "Räknar fram bladen …",
  followUpCaption: "Uppföljningsbladen per nämnd",
  colCommittee: "Nämnd",
  colAction: "Blir",
  created: "skapas",
  updated: "uppdateras",
  colRows: "Rader",
  rowCounts: (c: Record<FollowUpKind, number>) =>
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
  generatedDetail: "Ifyllda svar följde med. Skicka bladen till nämnderna eller låt dem fylla i direkt i arbetsboken.",
  exportPerCommittee: "Exportera en arbetsbok per nämnd",
  exportUnavailable:
    "Export av en arbetsbok per nämnd finns ännu inte i fönstret. Använd kommandoraden: maltavlan generate plan.xlsx --split mapp/.",

  // Sammanställ
  files: "Välj returnerade arbetsböcker",
  filesHint: "Nämndernas ifyllda arbetsböcker (.xlsx). Uppföljningsbladen i den här arbetsboken tas alltid med.",
  readingFiles: "Läser filerna …",
  filesRead: (count: number) => `${plural(count, "fil", "filer")} inlästa:`,
  removeFile: (name: string) => `Ta bort ${name}`,
  remove: "Ta bort",
  andMore: (n: number) => `… och ${n} till`,
  fileUnusable: (name: string, reason: string) => `${name}: ${reason}`,
  checking: "Kontrollerar svaren …",
  missingHeading: "Det här saknas per nämnd",
  noFollowUp: "Hittade inga uppföljningsblad. Skapa uppföljningen först, eller välj de returnerade arbetsböckerna.",
  allAnswered: "Alla nämnder har svarat på allt.",
  notReturned: "har inte svarat",
  missingRows: (missing: number, total: number) => `${missing} av ${total} rader saknar svar`,
  complete: "allt besvarat",
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
  } satisfies Record<FollowUpKind, string>,

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
    "followup-marker-missing": "Märkningen saknas",
    "followup-unknown-row": "Okänd rad",
    "followup-missing-row": "Rad saknas",
    "followup-duplicate-row": "Dubblerad rad",
    "followup-locked-changed": "Låst innehåll ändrat",
    "followup-row-inserted": "Tillagd rad",
    "followup-not-in-list": "Värde utanför listan",
    "followup-comment-missing": "Kommentar saknas",
    "followup-amount-invalid": "Ogiltigt belopp",
    "followup-duplicate-return": "Flera svar från samma nämnd",
    "followup-sheet-renamed": "Bladet har bytt namn",
    "followup-no-sheet": "Inget uppföljningsblad i filen",
    "hidden-content": "Dolt innehåll läses in",
  } satisfies Record<RuleId, string>,
};

export type PaneStrings = typeof sv;

const en: PaneStrings = {
  appTitle: "Måltavlan",
  steps: "Steps",
  tabs: { koppla: "Map", validera: "Validate", skapa: "Create follow-up", sammanstall: "Consolidate" },
  outsideExcel:
    "Måltavlan must be opened in Excel. Open the plan workbook in Excel and choose Open Måltavlan on the Home tab.",
  outsideExcelTitle: "Open Måltavlan in Excel",
  unexpected: (message: string) =>
    `Something went wrong: ${message} Try again; if it happens again, close the pane and open Måltavlan anew.`,
  close: "Close",

  kopplaIntro:
    "This is how Måltavlan reads the workbook's sheets. If something is wrong, choose what the sheet is and save the mapping.",
  reading: "Reading the workbook …",
  readAgain: "Read the workbook again",
  sheetsCaption: "Sheets in the workbook",
  colSheet: "Sheet",
  colReadAs: "Read as",
  colHeaderRow: "Header row",
  kinds: {
    committee: "Committees",
    goal: "Goals",
    assignment: "Assignments",
    adjustment: "Frame adjustments",
    keyFigure: "Key figures",
    pasted: "Pasted budget document",
    ignore: "Not read",
  },
  settingsSheet: "Settings",
  readAsLabel: (sheet: string) => `Read sheet ${sheet} as`,
  changed: "changed",
  saveMapping: "Save the mapping",
  savingMapping: "Saving the mapping …",
  mappingSaved: "The mapping is saved in the workbook and the plan was read again.",
  noPlanSheets:
    "The workbook has no sheets with a plan yet. Create the template sheets and fill in the plan, or paste the budget document on a sheet of its own.",
  createTemplate: "Create the template sheets",
  creatingTemplate: "Creating the template sheets …",
  templateCreated:
    "The template sheets are created: Nämnder, Mål, Uppdrag, Ramjusteringar and Nyckeltal. Fill in the plan there.",
  previewHeading: "How the plan is read",
  previewShown: (shown: number, total: number) =>
    shown < total ? `The first ${shown} of ${total.toLocaleString("en-GB")}.` : `All ${total}.`,
  previewEmpty: "Nothing found.",
  previewSections: {
    committees: "Committees",
    goals: "Goals",
    assignments: "Assignments",
    adjustments: "Frame adjustments",
  },
  colCode: "Abbreviation",
  colName: "Name",
  colLevel: "Level",
  colParent: "Parent",
  colTitle: "Assignment",
  colCommittees: "Committees",
  colYear: "Year",
  colAmount: "Amount (tkr)",
  colDuration: "Duration",
  durations: { varaktig: "Lasting", tillfallig: "Temporary", none: "Not given" },
  levelName: (level: { label: string; labelEn: string }) => level.labelEn,

  validate: "Validate",
  validating: "Validating the plan …",
  notValidated: "Choose Validate to check the plan.",
  summary: (errors: number, warnings: number) =>
    `${pluralEn(errors, "error", "errors")}, ${pluralEn(warnings, "warning", "warnings")}`,
  noFindings: "No errors and no warnings. The plan can be used for follow-up.",
  noErrors: "No errors; the warnings below do not stop the follow-up.",
  severity: { error: "Error", warning: "Warning" },
  findingsHeading: "Findings",
  goToHint: "Choose a finding to go to its cell.",
  goToFailed: "Could not show the cell.",
  moreFindings: (n: number) =>
    `… and ${n.toLocaleString("en-GB")} more of the same kind. Correct these and validate again.`,

  period: "Period",
  year: "Year",
  due: "Answer by",
  yearInvalid: "Write the year with four digits, e.g. 2025.",
  periodKinds: { prognos: "forecast", utfall: "outcome" },
  previewing: "Working out the sheets …",
  followUpCaption: "Follow-up sheets per committee",
  colCommittee: "Committee",
  colAction: "Will be",
  created: "created",
  updated: "updated",
  colRows: "Rows",
  rowCounts: (c: Record<FollowUpKind, number>) =>
    `${c.goal} goals, ${c.assignment} assignments, ${c.adjustment} adjustments, ${c.keyFigure} key figures`,
  answersKept: "answers kept",
  noAnswers: "no answers yet",
  noCommittees: "The plan has no committees with goals, assignments or frame adjustments to follow up.",
  planHasErrors: (errors: number) =>
    `The plan has ${pluralEn(errors, "error", "errors")}. Correct ${errors === 1 ? "it" : "them"} under Validate before creating the follow-up.`,
  showErrors: "Show the errors",
  generate: "Create follow-up sheets",
  generating: "Creating the follow-up sheets …",
  generated: (count: number) => `Created ${count} follow-up ${count === 1 ? "sheet" : "sheets"}`,
  generatedDetail:
    "Answers already given were carried over. Send the sheets to the committees or let them fill in the workbook.",
  exportPerCommittee: "Export one workbook per committee",
  exportUnavailable:
    "Exporting one workbook per committee is not in the pane yet. Use the command line: maltavlan generate plan.xlsx --split folder/.",

  files: "Choose returned workbooks",
  filesHint: "The committees' filled-in workbooks (.xlsx). The follow-up sheets in this workbook are always included.",
  readingFiles: "Reading the files …",
  filesRead: (count: number) => `${pluralEn(count, "file", "files")} read:`,
  removeFile: (name: string) => `Remove ${name}`,
  remove: "Remove",
  andMore: (n: number) => `… and ${n} more`,
  fileUnusable: (name: string, reason: string) => `${name}: ${reason}`,
  checking: "Checking the answers …",
  missingHeading: "What is missing per committee",
  noFollowUp: "No follow-up sheets found. Create the follow-up first, or choose the returned workbooks.",
  allAnswered: "Every committee has answered everything.",
  notReturned: "has not answered",
  missingRows: (missing: number, total: number) => `${missing} of ${total} rows unanswered`,
  complete: "all answered",
  sourceFrom: (file: string) => `answers from ${file}`,
  consolidate: "Consolidate",
  consolidating: "Consolidating the answers …",
  consolidated: (sheets: string[]) => `The report is written on the sheets ${sheets.join(", ")}.`,
  answerFindings: (count: number) => `Findings in the answers (${count})`,
  answerFindingsMore: (count: number) => `… and ${count} more on the sheet Fynd once the report is written.`,
  inFile: (file: string) => `in ${file}`,
  consolidatedFindings: (count: number) =>
    count === 0
      ? "No findings in the answers."
      : `${pluralEn(count, "finding", "findings")} in the answers; see the sheet Fynd.`,

  kindLabels: { goal: "Goal", assignment: "Assignment", adjustment: "Frame adjustment", keyFigure: "Key figure" },

  rules: {
    "required-field": "Missing value",
    "error-value": "Error value in the cell",
    "unknown-goal": "Unknown goal",
    "parent-level": "Parent goal on the wrong level",
    "goal-cycle": "Goal belonging to itself",
    "duplicate-id": "ID used twice",
    "duplicate-assignment": "Duplicate assignment",
    "unknown-committee": "Unknown committee",
    "unknown-level": "Unknown level",
    "amount-unparseable": "Unreadable amount",
    "amount-ambiguous": "Ambiguous amount",
    "amount-sign": "Direction and sign disagree",
    "direction-invalid": "Unknown kind of frame adjustment",
    "adjustment-unknown-assignment": "Unknown assignment",
    "adjustment-committee-ambiguous": "Committee unclear",
    "year-outside-plan": "Year outside the plan",
    "year-invalid": "Invalid year",
    "assignment-no-committee": "Assignment without committee",
    "kolada-id": "Invalid Kolada id",
    "duration-unspecified": "Duration missing",
    "duration-invalid": "Invalid duration",
    "origin-invalid": "Unknown origin",
    "committee-kind-invalid": "Unknown committee type",
    "followup-marker-missing": "Marker missing",
    "followup-unknown-row": "Unknown row",
    "followup-missing-row": "Row missing",
    "followup-duplicate-row": "Duplicate row",
    "followup-locked-changed": "Locked content changed",
    "followup-row-inserted": "Row added by hand",
    "followup-not-in-list": "Value not in the list",
    "followup-comment-missing": "Comment missing",
    "followup-amount-invalid": "Invalid amount",
    "followup-duplicate-return": "Several answers from one committee",
    "followup-sheet-renamed": "Sheet renamed",
    "followup-no-sheet": "No follow-up sheet in the file",
    "hidden-content": "Hidden content is read",
  },
};

export const PANE_STRINGS: Record<Language, PaneStrings> = { sv, en };

/** Office's display language ("sv-SE", "en-US", …): English for en-*, Swedish otherwise. */
export function paneLanguage(displayLanguage: string | undefined | null): Language {
  return /^en(-|$)/i.test(displayLanguage ?? "") ? "en" : "sv";
}
