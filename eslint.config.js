// Lint with the Office add-in rules (eslint-plugin-office-addins: load before read, sync before read,
// no sync in a loop, …) through the plugin's own React config, which brings the TypeScript parser and prettier.
const officeAddins = require("eslint-plugin-office-addins");

// The plugin's own config applies its TypeScript plugin to .ts only; reuse that same instance for .tsx.
const typescriptPlugin = officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]).plugins[
  "@typescript-eslint"
];

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
      // The TypeScript rule, which knows that a parameter named in a function type is no variable.
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
];
