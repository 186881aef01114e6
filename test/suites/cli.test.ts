import { runSuite } from "./run";

runSuite("cli");
