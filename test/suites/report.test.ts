import { runSuite } from "./run";

runSuite("report");
