/** What the command line says when it is called wrongly, in Swedish and in English (`--lang en`). */
import type { MappingProblem } from "../domain/mapping";
import type { UnsupportedPart } from "../sheet/hostProblems";
import type { Language } from "./findings";
import { mappingProblemMessage } from "./mapping";

const sv = {
  langValue: (value: string) => `--lang tar sv eller en, inte ${value}.`,
  mappingUnreadable: (file: string) => `Kopplingsfilen finns inte eller går inte att läsa: ${file}`,
  mappingNotJson: (file: string, detail: string) => `Kopplingsfilen är inte giltig JSON: ${file} (${detail})`,
  mappingUnusable: (file: string, problems: MappingProblem[]) =>
    `Kopplingsfilen ${file} går inte att använda: ${problems.map((p) => mappingProblemMessage(p, "sv")).join(" ")}`,
  inputOverwritten: (file: string) => `Indatafiler skrivs aldrig över: välj ett annat namn än ${file}.`,
  consolidateMaster: () =>
    "Ange huvudarbetsboken: maltavlan consolidate <master.xlsx> [svar.xlsx …] --out <rapport.xlsx>",
  consolidateOut: () =>
    "Ange var rapporten ska sparas med --out <rapport.xlsx>, eller måluppfyllelsekapitlet med --docx <kapitel.docx>.",
  period: (names: string) => `Ange en period med --period: ${names}.`,
  year: () => "Ange året med --year, t.ex. --year 2025.",
  generatePlan: () => "Ange planens arbetsbok: maltavlan generate <plan.xlsx> --period T1 --year 2025 --split <mapp>",
  generateTarget: () => "Ange antingen --out <fil.xlsx> eller --split <mapp>.",
  due: (value: string) => `--due ska vara ett datum som 2025-05-15, inte ${value}.`,
  passwordFile: (file: string) => `Lösenordsfilen går inte att läsa: ${file}`,
  folder: (dir: string) => `Mappen kan inte skapas: ${dir}`,
  passwordOnCommandLine: () =>
    "Lösenord tas aldrig på kommandoraden: använd --password-file <fil> eller MALTAVLAN_PASSWORD.",
  needsValue: (flag: string) => `--${flag} behöver ett värde.`,
  needsFile: (flag: string) => `--${flag} behöver minst en fil.`,
  unknownFlag: (flag: string) => `Okänd flagga: --${flag}. Se maltavlan --help.`,
  unknownCommand: (command: string) => `Okänt kommando: ${command}. Se maltavlan --help.`,
  templateTarget: () => "Ange var mallen ska sparas: maltavlan template <ut.xlsx>",
  validatePlan: () => "Ange planens arbetsbok: maltavlan validate <plan.xlsx>",
  ledgerNoHeader: (file: string, missing: string) =>
    `Utfallsfilen ${file} har ingen rubrikrad med ${missing} bland de första 30 raderna. Exportera utfallet per ansvar med rubriker (t.ex. Ansvar;Konto;Period;Belopp).`,
  koladaMunicipality: (value: string) =>
    `--kolada-kommun ska vara kommunens Kolada-ID, fyra siffror som 2380, inte ${value}.`,
  lostOnRewrite: (parts: UnsupportedPart[]) =>
    `Arbetsboken innehåller ${parts.map((p) => PART_WORDS.sv[p]).join(", ")}, som skulle gå förlorat om filen ` +
    "skrevs om. Inget skrevs. Använd --split <mapp> (en arbetsbok per nämnd) eller tillägget i Excel.",
};

export type UsageStrings = typeof sv;
export type UsageCode = keyof UsageStrings;

const en: UsageStrings = {
  langValue: (value) => `--lang takes sv or en, not ${value}.`,
  mappingUnreadable: (file) => `The mapping file does not exist or cannot be read: ${file}`,
  mappingNotJson: (file, detail) => `The mapping file is not valid JSON: ${file} (${detail})`,
  mappingUnusable: (file, problems) =>
    `The mapping file ${file} cannot be used: ${problems.map((p) => mappingProblemMessage(p, "en")).join(" ")}`,
  inputOverwritten: (file) => `Input files are never overwritten: choose another name than ${file}.`,
  consolidateMaster: () =>
    "Give the master workbook: maltavlan consolidate <master.xlsx> [answers.xlsx …] --out <report.xlsx>",
  consolidateOut: () =>
    "Give where the report is saved with --out <report.xlsx>, or the goal attainment chapter with --docx <chapter.docx>.",
  period: (names) => `Give a period with --period: ${names}.`,
  year: () => "Give the year with --year, e.g. --year 2025.",
  generatePlan: () => "Give the plan workbook: maltavlan generate <plan.xlsx> --period T1 --year 2025 --split <folder>",
  generateTarget: () => "Give either --out <file.xlsx> or --split <folder>.",
  due: (value) => `--due must be a date such as 2025-05-15, not ${value}.`,
  passwordFile: (file) => `The password file cannot be read: ${file}`,
  folder: (dir) => `The folder cannot be created: ${dir}`,
  passwordOnCommandLine: () =>
    "Passwords are never taken on the command line: use --password-file <file> or MALTAVLAN_PASSWORD.",
  needsValue: (flag) => `--${flag} needs a value.`,
  needsFile: (flag) => `--${flag} needs at least one file.`,
  unknownFlag: (flag) => `Unknown flag: --${flag}. See maltavlan --help.`,
  unknownCommand: (command) => `Unknown command: ${command}. See maltavlan --help.`,
  templateTarget: () => "Give where the template is saved: maltavlan template <out.xlsx>",
  validatePlan: () => "Give the plan workbook: maltavlan validate <plan.xlsx>",
  ledgerNoHeader: (file, missing) =>
    `The ledger file ${file} has no header row with ${missing} among its first 30 rows. Export the outcome per responsibility code with headers (e.g. Ansvar;Konto;Period;Belopp).`,
  koladaMunicipality: (value) =>
    `--kolada-kommun must be the municipality's Kolada ID, four digits such as 2380, not ${value}.`,
  lostOnRewrite: (parts) =>
    `The workbook holds ${parts.map((p) => PART_WORDS.en[p]).join(", ")}, which would be lost if the file were ` +
    "rewritten. Nothing was written. Use --split <folder> (one workbook per nämnd) or the add-in in Excel.",
};

/** What a rewrite by the CLI would drop, in words. */
const PART_WORDS: Record<Language, Record<UnsupportedPart, string>> = {
  sv: {
    charts: "diagram",
    pivotTables: "pivottabeller",
    images: "bilder",
    macros: "makron",
    customXml: "anpassad XML",
    addIns: "tilläggsdelar",
    slicers: "utsnitt och tidslinjer",
    dataConnections: "datakopplingar",
    dataModel: "datamodell",
    externalLinks: "externa länkar",
    embeddedObjects: "inbäddade objekt och kontroller",
  },
  en: {
    charts: "charts",
    pivotTables: "pivot tables",
    images: "pictures",
    macros: "macros",
    customXml: "custom XML",
    addIns: "add-in parts",
    slicers: "slicers and timelines",
    dataConnections: "data connections",
    dataModel: "a data model",
    externalLinks: "external links",
    embeddedObjects: "embedded objects and controls",
  },
};

export const USAGE_STRINGS: Record<Language, UsageStrings> = { sv, en };

/** What a command says after its work in Swedish and English: consolidate's summary, and a plan with errors. */
const summarySv = {
  /** "2 fel, 1 varning, 3 upplysningar.": the notices only where there are any. */
  findingCounts: (errors: number, warnings: number, infos: number) =>
    `${errors} fel, ${warnings} ${warnings === 1 ? "varning" : "varningar"}` +
    `${infos ? `, ${infos} ${infos === 1 ? "upplysning" : "upplysningar"}` : ""}.`,
  planErrors: {
    report: "Planen har fel; ingen rapport skrevs.",
    followUp: "Planen har fel; inga uppföljningsblad skrevs.",
  },
  consolidated: (period: string) => `Sammanställning ${period}:`,
  table: (amount: "forecast" | "outcome") => [
    "Nämnd",
    "Svar från",
    "Mål",
    "Uppdrag",
    "Ramjusteringar",
    amount === "forecast" ? "Prognos" : "Utfall",
    "Avvikelse",
    "Saknas",
  ],
  noAnswer: "inget svar",
  /** The periods the report's history holds ("T1 2024, Delår 2024"), when more than the one consolidated. */
  historyKept: (periods: string[]) =>
    `Historiken i rapporten har ${periods.slice(0, -1).join(", ")} och ${periods[periods.length - 1]}.`,
  reportSaved: (file: string) => `Rapporten är sparad: ${file}`,
  chapterSaved: (file: string) => `Måluppfyllelsekapitlet är sparat: ${file}`,
  /** The report was written, the chapter then was not: `reason` says why. */
  chapterFailed: (report: string, reason: string) =>
    `Måluppfyllelsekapitlet kunde inte sparas, men rapporten är sparad (${report}). ${reason}`,
  /** generate's summary: how many sheets, a table per sheet, and where they were saved. */
  created: (sheets: number) => `Skapade ${sheets} uppföljningsblad.`,
  createdTable: ["Blad", "Mål", "Uppdrag", "Ramjusteringar", "Nyckeltal", "Utgår", "Sparade svar"],
  /** Uppdrag carried from earlier years, per sheet: "KS T1 2025: 2". */
  carried: (count: number, sheets: string) =>
    `${count} uppdrag från tidigare år förs vidare under "Pågående uppdrag från tidigare år" (${sheets}).`,
  savedInPlan: (file: string) => `Sparat i ${file} (planen med ett uppföljningsblad per nämnd).`,
  savedSplit: (dir: string, files: string) => `Sparat i ${dir}: ${files}`,
};

export type SummaryStrings = typeof summarySv;

const summaryEn: SummaryStrings = {
  findingCounts: (errors, warnings, infos) =>
    `${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}` +
    `${infos ? `, ${infos} ${infos === 1 ? "notice" : "notices"}` : ""}.`,
  planErrors: {
    report: "The plan has errors; no report was written.",
    followUp: "The plan has errors; no follow-up sheets were written.",
  },
  consolidated: (period) => `Consolidation ${period}:`,
  table: (amount) => [
    "Committee",
    "Answer from",
    "Goals",
    "Assignments",
    "Frame adjustments",
    amount === "forecast" ? "Forecast" : "Outcome",
    "Deviation",
    "Missing",
  ],
  noAnswer: "no answer",
  historyKept: (periods) =>
    `The report's history holds ${periods.slice(0, -1).join(", ")} and ${periods[periods.length - 1]}.`,
  reportSaved: (file) => `The report is saved: ${file}`,
  chapterSaved: (file) => `The goal attainment chapter is saved: ${file}`,
  chapterFailed: (report, reason) =>
    `The goal attainment chapter could not be saved, but the report is saved (${report}). ${reason}`,
  created: (sheets) => `Created ${sheets} follow-up ${sheets === 1 ? "sheet" : "sheets"}.`,
  createdTable: ["Sheet", "Goals", "Assignments", "Frame adjustments", "Key figures", "Removed", "Kept answers"],
  carried: (count, sheets) =>
    `${count} ${count === 1 ? "assignment" : "assignments"} from earlier years carried on under "Pågående uppdrag från tidigare år" (${sheets}).`,
  savedInPlan: (file) => `Saved in ${file} (the plan with a follow-up sheet per committee).`,
  savedSplit: (dir, files) => `Saved in ${dir}: ${files}`,
};

export const SUMMARY_STRINGS: Record<Language, SummaryStrings> = { sv: summarySv, en: summaryEn };
