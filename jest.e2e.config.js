/**
 * `npm run test:e2e`: the task pane in headless Chromium (test/e2e). The script builds the preview first
 * (npm run build:preview → dist-preview/); the tests build nothing themselves. Kept out of `npm test`
 * (jest.config.js ignores test/e2e) because it needs the preview build and /usr/bin/chromium.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  testMatch: ["**/*.e2e.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  testTimeout: 180000,
};
