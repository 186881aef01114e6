import { runSuite } from "./run";

runSuite("project");
