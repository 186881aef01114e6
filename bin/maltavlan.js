#!/usr/bin/env node
"use strict";
// The CLI is compiled to lib/ by `npm run build:cli` (run by `npm ci` through the prepare script).
require("../lib/cli/main.js").main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
