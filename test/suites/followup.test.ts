import { runSuite } from "./run";

runSuite("followup");
