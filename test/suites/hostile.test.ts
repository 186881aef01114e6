import { runSuite } from "./run";

runSuite("hostile");
