"use strict";
/**
 * Headless Chromium for the end-to-end test (test/e2e) and the pane benchmarks (bench/pane.js): Debian's chromium
 * driven by playwright-core (never `npx playwright install`: that downloads a browser), with the flags of
 * the design notes (design.md) and a fresh profile each launch (playwright-core makes a temporary user-data dir and removes
 * it on close). CHROMIUM overrides the executable.
 */
const fs = require("fs");

const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches the browser; throws in Swedish when it is not installed. */
async function launchChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} saknas: installera Debians chromium (apt-get install chromium), eller ange CHROMIUM.`);
  }
  const { chromium } = require("playwright-core");
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

module.exports = { CHROMIUM, FLAGS, launchChromium };
