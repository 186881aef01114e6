/**
 * No code from data (issue #6): nothing in Måltavlan's own source evaluates a string as code — no `eval`, no
 * `new Function`/`Function(…)`, no string handed to setTimeout/setInterval. Checked on the syntax tree of every
 * source file, so a comment that mentions them (the file worker explains why ExcelJS stays out of the pane) does not
 * count, and `x.eval(…)`, `window["eval"](…)` or `globalThis.Function(…)` do.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import * as path from "path";
import ts from "typescript";

const SRC = path.join(__dirname, "..", "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx|js|jsx|mjs|cjs)$/.test(name) ? [full] : [];
  });
}

/** The name a callee goes by: `eval`, `x.eval`, `x["eval"]`, `(0, eval)`. */
function calleeName(node: ts.Expression): string | null {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression))
    return node.argumentExpression.text;
  if (ts.isParenthesizedExpression(node)) return calleeName(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken)
    return calleeName(node.right);
  return null;
}

/** Every place in the file that turns a string into code, as "file:line: what". */
function codeFromStrings(file: string, text = readFileSync(file, "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(SRC, file)}:${line + 1}: ${what}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      if (name === "eval") at(node, "eval(…)");
      if (name === "Function") at(node, `${ts.isNewExpression(node) ? "new " : ""}Function(…)`);
      const first = node.arguments?.[0];
      if ((name === "setTimeout" || name === "setInterval") && first && !ts.isFunctionLike(first)) {
        if (ts.isStringLiteralLike(first) || ts.isTemplateExpression(first)) at(node, `${name} with a string`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("the check finds what it looks for", () => {
  const sample = [
    "// eval(a comment) and new Function in a comment do not count",
    'const s = "eval(in a string) does not count either";',
    "eval(s);",
    "globalThis.eval(s);",
    'window["eval"](s);',
    "(0, eval)(s);",
    'new Function("return 1");',
    'Function("return 1")();',
    'setTimeout("alert(1)", 10);',
    "setTimeout(() => s, 10);",
    "const x = { evaluate: (t: string) => t }; x.evaluate(s);",
  ].join("\n");
  expect(codeFromStrings(path.join(SRC, "sample.ts"), sample).map((f) => f.replace(/^.*:(\d+): /, "$1 "))).toEqual([
    "3 eval(…)",
    "4 eval(…)",
    "5 eval(…)",
    "6 eval(…)",
    "7 new Function(…)",
    "8 Function(…)",
    "9 setTimeout with a string",
  ]);
});

test("no file under src/ evaluates a string as code", () => {
  const files = sourceFiles(SRC);
  expect(files.length).toBeGreaterThan(30);
  expect(files.flatMap((file) => codeFromStrings(file))).toEqual([]);
});
