/**
 * @jest-environment ./test/support/jsdomEnvironment.js
 */
// Before any spec: Testing Library's cleanup after each test is then registered for every spec, not only the first.
import "../taskpane/setup";
import { runSuite } from "./run";

runSuite("pane");
