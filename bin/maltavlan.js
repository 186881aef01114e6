#!/usr/bin/env node
"use strict";
// A reader that stops early (`maltavlan validate plan.xlsx | head`) closes the pipe: stop quietly, as other
// command-line tools do, rather than with a stack trace.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE") throw error;
  process.exit(process.exitCode ?? 0);
});
// The CLI is compiled to lib/ by `npm run build:cli` (run by `npm ci` through the prepare script).
require("../lib/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
