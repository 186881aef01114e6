/**
 * The walls between src/'s floors hold by the tools, not by discipline: tsconfig.core.json compiles the core
 * (src/sheet, src/domain, src/i18n) without Node's, the DOM's or Office's names, and ESLint forbids an import from a
 * floor above (eslint.config.js). `npm test` runs both; here a probe file, never written to disk, is put to each.
 */
import fs from "fs";
import path from "path";
import { ESLint } from "eslint";
import ts from "typescript";

const ROOT = path.join(__dirname, "..");
const CORE = ["src/sheet", "src/domain", "src/i18n"];

function coreConfig(): ts.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, "tsconfig.core.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!parsed) throw new Error("tsconfig.core.json not read");
  return parsed;
}

/** The project's files as parsed once, for all probes: the ES2022 library alone takes seconds. */
const parsedFiles = new Map<string, ts.SourceFile | undefined>();

/** The compiler's errors for `text` as a file at `file` (relative to the project), under tsconfig.core.json. */
function compileInCore(file: string, text: string): string[] {
  const { options } = coreConfig();
  const probe = path.join(ROOT, file);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) => {
    if (name === probe) return ts.createSourceFile(name, text, language);
    if (!parsedFiles.has(name)) parsedFiles.set(name, getSourceFile.call(host, name, language, ...rest));
    return parsedFiles.get(name);
  };
  host.fileExists = (name) => name === probe || fileExists.call(host, name);
  host.readFile = (name) => (name === probe ? text : readFile.call(host, name));
  const program = ts.createProgram([probe], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile(probe))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
}

// The project's config, loaded here: ESLint's own loader imports it dynamically, which Jest's module system refuses.
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: require("../eslint.config.js") });

/** ESLint's import-rule messages for `text` as a file at `file` (relative to the project). */
async function importErrors(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: path.join(ROOT, file) });
  return result.messages
    .filter((m) => m.ruleId === "no-restricted-imports" || m.ruleId === "no-restricted-syntax")
    .map((m) => m.message);
}

/** A module brought in each way a file can: a statement, a dynamic import, and a type of its exports. */
const IMPORT_FORMS: [string, (from: string) => string][] = [
  ["import statement", (from) => `import * as probe from "${from}";\nexport default probe;\n`],
  ["dynamic import()", (from) => `export const probe = () => import("${from}");\n`],
  ["typeof import()", (from) => `export type Probe = typeof import("${from}");\n`],
];

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => /\.tsx?$/.test(name))
    .map((name) => path.join(ROOT, dir, name));
}

describe("the core's compiler settings", () => {
  test("cover every file of the core, with ES2022 alone and no ambient types", () => {
    const { fileNames, options } = coreConfig();
    expect(new Set(fileNames.map((f) => path.normalize(f)))).toEqual(new Set(CORE.flatMap(filesUnder)));
    expect(options.types).toEqual([]);
    expect(options.lib).toEqual(["lib.es2022.d.ts"]);
  });

  test("compile a file of the core that uses the language and the core only", () => {
    const text = 'import { columnName } from "../sheet/grid";\nexport const first = [0].map(columnName).join();\n';
    expect(compileInCore("src/domain/wallProbe.ts", text)).toEqual([]);
  });

  test.each([
    ["Node's modules", 'import { readFileSync } from "fs";\nexport const read = readFileSync;\n', /'fs'/],
    ["a Node module for its side effects", 'import "fs";\nexport const nothing = null;\n', /'fs'/],
    ["Node's globals", "export const cwd = process.cwd();\n", /'process'/],
    ["the DOM", "export const title = document.title;\n", /'document'/],
    ["a browser timer", "export const later = setTimeout;\n", /'setTimeout'/],
    ["Office.js", "export const ready = Office.onReady;\n", /'Office'/],
  ])("refuse a file of the core that uses %s", (_what, text, error) => {
    for (const file of ["src/sheet/wallProbe.ts", "src/domain/followup/wallProbe.ts", "src/i18n/wallProbe.ts"]) {
      const errors = compileInCore(file, text);
      expect(errors).toEqual([expect.stringMatching(error)]);
    }
  });
});

describe("the import rules", () => {
  test.each([
    ["src/sheet/probe.ts", "../domain/model"],
    ["src/sheet/probe.ts", "../i18n/findings"],
    ["src/domain/probe.ts", "../i18n/findings"],
    ["src/domain/probe.ts", "../hosts/excel/problems"],
    ["src/domain/followup/probe.ts", "../../hosts/xlsx/read"],
    ["src/domain/probe.ts", "../cli/common"],
    ["src/i18n/probe.ts", "../hosts/excel/problems"],
    ["src/i18n/probe.ts", "../taskpane/workerFailure"],
    ["src/hosts/excel/probe.ts", "../../taskpane/workbook"],
    ["src/hosts/xlsx/probe.ts", "../../cli/common"],
    ["src/hosts/probe.ts", "../preview/preview"],
    ["src/cli/probe.ts", "../taskpane/workbook"],
    ["src/taskpane/steps/probe.ts", "../../cli/common"],
    ["src/preview/probe.ts", "../cli/common"],
    ["src/domain/probe.ts", "fs"],
    ["src/sheet/probe.ts", "exceljs"],
    ["src/i18n/probe.ts", "react"],
    ["src/preview/probe.ts", "../../test/excel/support"],
    ["src/hosts/probe.ts", "../../test/support/workbooks"],
    ["src/domain/followup/probe.ts", "../../../test/support/workbooks"],
  ])("refuse in %s an import of %s, in every form", async (file, from) => {
    for (const [form, text] of IMPORT_FORMS) {
      const errors = await importErrors(file, text(from));
      expect([form, errors]).toEqual([form, [expect.any(String)]]);
    }
  });

  test.each([
    ["src/sheet/probe.ts", "./grid"],
    ["src/domain/followup/probe.ts", "../../sheet/grid"],
    ["src/domain/probe.ts", "./followup/model"],
    ["src/i18n/probe.ts", "../domain/findings"],
    ["src/hosts/excel/probe.ts", "../../i18n/errors"],
    ["src/hosts/xlsx/probe.ts", "exceljs"],
    ["src/cli/probe.ts", "../hosts/xlsx/read"],
    ["src/taskpane/steps/probe.ts", "../../hosts/excel/read"],
    ["src/preview/probe.ts", "../taskpane/workbook"],
    ["src/preview/probe.ts", "../hosts/standin"],
  ])("allow in %s an import of %s, in every form", async (file, from) => {
    for (const [form, text] of IMPORT_FORMS) expect([form, await importErrors(file, text(from))]).toEqual([form, []]);
  });
});
