import { runSuite } from "./run";

runSuite("core");
