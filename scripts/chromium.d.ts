// Types for scripts/chromium.js, shared by the end-to-end test and bench/pane.js.
import type { Browser } from "playwright-core";
export declare const CHROMIUM: string;
export declare const FLAGS: string[];
export declare function launchChromium(): Promise<Browser>;
