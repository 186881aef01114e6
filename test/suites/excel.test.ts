import { runSuite } from "./run";

runSuite("excel");
