import { runSuite } from "./run";

runSuite("reading");
