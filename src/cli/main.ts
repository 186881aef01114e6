import { UnusableInputError } from "../hosts/xlsx/read";
import { UnwritableOutputError } from "../hosts/xlsx/write";
import { CLI_HELP } from "../i18n/cliHelp";
import { fileProblemMessage } from "../i18n/errors";
import type { Language } from "../i18n/findings";
import { CommandRun, EXIT_OK, EXIT_UNUSABLE, Options, Output, UsageError } from "./common";
import { consolidateCommand } from "./consolidate";
import { generateCommand } from "./generate";
import { removingOnInterrupt } from "./output";
import { templateCommand } from "./template";
import { validateCommand } from "./validate";

export { EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE } from "./common";

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
      io.out(CLI_HELP[lang]);
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
