// Types for scripts/serve.js, which `npm run preview` runs and the end-to-end test and bench/pane.js start.
export interface Served {
  /** "http://localhost:<port>/" */
  url: string;
  port: number;
  close(): Promise<void>;
}
export declare const DEFAULT_PORT: number;
export declare function serve(options?: { dir?: string; port?: number }): Promise<Served>;
export declare function fileFor(dir: string, urlPath: string): string | null;
