import { UnusableInputError } from "../hosts/xlsx/read";
import { UnwritableOutputError } from "../hosts/xlsx/write";
import { fileProblemMessage } from "../i18n/errors";
import type { Language } from "../i18n/findings";
import { CommandRun, EXIT_OK, EXIT_UNUSABLE, Options, Output, UsageError } from "./common";
import { consolidateCommand } from "./consolidate";
import { generateCommand } from "./generate";
import { removingOnInterrupt } from "./output";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";

export { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./common";

const USAGE = `Användning:
  maltavlan validate <plan.xlsx> [--mapping m.json] [--json] [--lang sv|en]
  maltavlan generate <plan.xlsx> --period <namn> --year <åååå> [--due <åååå-mm-dd>]
                     (--out <ny-fil.xlsx> | --split <mapp>) [--answers <fil.xlsx> …] [--password-file <fil>]
                     [--utfall <export.csv|.xlsx>] [--kolada <kolada.json|.csv> …] [--kolada-kommun <id>]
                     [--previous <förra-perioden.xlsx> …]
  maltavlan consolidate <master.xlsx> [svar.xlsx …] [--out <rapport.xlsx>] [--docx <kapitel.docx>]
                        [--period <namn> --year <åååå>] [--previous <förra-perioden.xlsx> …] [--json] [--lang sv|en]
  maltavlan template <ut.xlsx>

Kommandon:
  validate   Läser planen, kontrollerar den mot målhierarkin och skriver fynd och en sammanfattning per nämnd.
  generate   Skapar ett uppföljningsblad per nämnd för perioden (T1, Delår, Helår). Svar som redan finns i
             arbetsboken eller i --answers-filerna behålls.
             --out skriver en ny arbetsbok: planen med uppföljningsbladen. --split skriver en arbetsbok per nämnd.
             Lösenord för bladskyddet läses från --password-file eller MALTAVLAN_PASSWORD, aldrig från kommandoraden.
             --utfall läser en export ur ekonomisystemet (CSV eller .xlsx) och summerar utfallet per nämnd enligt
             tabellen Ansvar | Nämnd på bladet Inställningar.
             --kolada läser nyckeltal som sparats från Koladas öppna API (JSON) eller en CSV
             kpi;municipality;year;gender;value och fyller i Utfall för varje nyckeltal med Kolada-ID: senaste året
             i filen till och med --year. --kolada-kommun väljer kommunen (Kolada-ID) när filen har flera.
             --previous läser förra periodens svar (dess rapport, huvudarbetsboken eller de returnerade filerna)
             och visar dem låsta och gråa bredvid varje måls och uppdrags nya svar; inget fylls i som nytt svar.
  consolidate
             Läser nämndernas svar (i huvudarbetsboken och i returnerade filer), kontrollerar dem mot planen
             och skriver ekonomiavdelningens rapport. En returnerad fil går före huvudarbetsboken.
             Rapporten sparar alla periodens svar i en dold historik; --previous tar med de tidigare periodernas
             (ur en tidigare rapport, huvudarbetsbok eller returnerade filer), så att bladet Historik visar
             T1 → Delår → Helår. Bladet Förändring jämför med den senaste tidigare perioden: driftens prognos,
             bedömningar och statusar som blivit bättre eller sämre, det som blivit sämre först.
             --docx skriver måluppfyllelsekapitlet som Word-dokument (rubriker, tabeller, kommentarer, diagram).
  template   Skriver en tom planmall med nämnder, mål, uppdrag, ramjusteringar och nyckeltal.

Slutkoder: 0 klart, 1 planen har fel (inget skrevs), 2 filen eller argumenten går inte att använda (eller filen
finns redan; för consolidate också: kapitlet kunde inte sparas, rapporten finns kvar), 130 avbruten med Ctrl-C (143
med SIGTERM): det som hann skrivas togs bort.`;

const VALUE_FLAGS = new Set([
  "mapping",
  "lang",
  "period",
  "year",
  "due",
  "out",
  "docx",
  "split",
  "password-file",
  "utfall",
  "kolada-kommun",
]);
const LIST_FLAGS = new Set(["answers", "kolada", "previous"]);
const SWITCHES = new Set(["json", "help"]);

function parseArgs(args: string[]): Options {
  const options: Options = { positional: [], flags: new Map(), lists: new Map() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (!arg.startsWith("--")) {
      options.positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (name === "password") throw new UsageError("passwordOnCommandLine");
    if (VALUE_FLAGS.has(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value.startsWith("--")) throw new UsageError("needsValue", name);
      options.flags.set(name, value);
    } else if (LIST_FLAGS.has(name)) {
      const values = inline !== undefined ? [inline] : [];
      while (inline === undefined && i + 1 < args.length && !args[i + 1].startsWith("--")) values.push(args[++i]);
      if (values.length === 0) throw new UsageError("needsFile", name);
      options.lists.set(name, [...(options.lists.get(name) ?? []), ...values]);
    } else if (SWITCHES.has(name)) {
      options.flags.set(name, true);
    } else {
      throw new UsageError("unknownFlag", name);
    }
  }
  return options;
}

type Command = (run: CommandRun) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  validate: validateCommand,
  generate: generateCommand,
  consolidate: consolidateCommand,
  template: templateCommand,
};

const console_: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

export async function main(args: string[], io: Output = console_): Promise<number> {
  // The language of an error line, looked for before the arguments are parsed so that a parse error is said in it
  // too; an unknown --lang is refused by the command itself (in Swedish).
  const lang: Language = args.some((arg, i) => arg === "--lang=en" || (arg === "--lang" && args[i + 1] === "en"))
    ? "en"
    : "sv";
  try {
    const options = parseArgs(args);
    const [command, ...rest] = options.positional;
    if (options.flags.has("help") || !command) {
      io.out(USAGE);
      return command || options.flags.has("help") ? EXIT_OK : EXIT_UNUSABLE;
    }
    const run = COMMANDS[command];
    if (!run) throw new UsageError("unknownCommand", command);
    return await removingOnInterrupt(lang, io, (unfinished) => run({ args: rest, options, io, unfinished }));
  } catch (error) {
    if (error instanceof UnusableInputError || error instanceof UnwritableOutputError) {
      io.err(`maltavlan: ${fileProblemMessage(error.problem, lang)}`);
      return EXIT_UNUSABLE;
    }
    if (error instanceof UsageError) {
      io.err(`maltavlan: ${error.say(lang)}`);
      return EXIT_UNUSABLE;
    }
    throw error;
  }
}
