// Lint with the Office add-in rules (eslint-plugin-office-addins: load before read, sync before read,
// no sync in a loop, …) through the plugin's own React config, which brings the TypeScript parser and prettier.
const officeAddins = require("eslint-plugin-office-addins");

// The plugin's own config applies its TypeScript plugin to .ts only; reuse that same instance for .tsx.
const typescriptPlugin = officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]).plugins[
  "@typescript-eslint"
];

/**
 * The floors of src/, lowest first: a file imports from its own floor and the ones below, never from above. The CLI
 * and the pane stand side by side and never import each other, and no floor imports from test/. The core (the first three floors) imports no package
 * either: it runs unchanged in Node, the browser and a Web Worker (tsconfig.core.json keeps out Node's and the DOM's
 * names). Imports are matched as written, relative to the file: `../` as often as needed, then the floor's folder.
 */
const FLOORS = [
  { level: 0, dirs: ["sheet"], core: true },
  { level: 1, dirs: ["domain"], core: true },
  { level: 2, dirs: ["i18n"], core: true },
  { level: 3, dirs: ["hosts"] },
  { level: 4, dirs: ["cli"] },
  { level: 4, dirs: ["taskpane", "preview"] },
];

const climbingInto = (dirs) => `^(\\.\\./)+(${dirs.join("|")})(/|$)`;

const ORDER = "sheet < domain < i18n < hosts < cli | taskpane, preview";

const floorRules = FLOORS.map((floor) => {
  const above = FLOORS.filter((other) => other !== floor && other.level >= floor.level).flatMap((other) => other.dirs);
  const patterns = [
    { regex: climbingInto(above), message: `A floor imports only from itself and the floors below: ${ORDER}.` },
    { regex: "^(\\.\\./)+test/", message: "Nothing in src/ imports from test/: what ships is in src/." },
  ];
  if (floor.core) patterns.push({ regex: "^[^.]", message: "The core imports no package: only the core." });
  return {
    files: floor.dirs.map((dir) => `src/${dir}/**/*.{ts,tsx}`),
    rules: {
      "no-restricted-imports": ["error", { patterns }],
      "no-restricted-syntax": ["error", ...patterns.flatMap(importsBeyondStatements)],
    },
  };
});

/**
 * no-restricted-imports sees import and export statements only: the same walls for `import("…")`, which loads a
 * module as surely, and `typeof import("…")`, which ties a floor to another's types.
 */
function importsBeyondStatements({ regex, message }) {
  const pattern = `/${regex.replaceAll("/", "\\/")}/`;
  return [
    { selector: `ImportExpression[source.value=${pattern}]`, message },
    { selector: `TSImportType[source.value=${pattern}]`, message },
  ];
}

module.exports = [
  { ignores: ["node_modules/", "lib/", "dist/", "out/", "coverage/", "test-output/"] },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "@typescript-eslint": typescriptPlugin, "office-addins": officeAddins },
    languageOptions: {
      parser: require("@typescript-eslint/parser"),
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // The base rule takes a parameter named in a function type for an unused variable; the TypeScript one knows.
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-undef": "off", // TypeScript checks names
      "react/react-in-jsx-scope": "off",
    },
  },
  {
    // The Office.js rules read any `.load`/`.getCell` chain as Office.js; outside the Office.js host they only
    // misfire on ExcelJS code, so they apply where Office.js is actually used.
    files: ["**/*.{ts,tsx}"],
    ignores: ["src/hosts/excel/**", "src/taskpane/**", "src/commands/**", "test/excel/**"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: require("globals").node,
    },
  },
  ...floorRules,
];
