// Types for scripts/csp.js, which webpack.config.js and scripts/serve.js (plain CommonJS) and test/csp.spec.ts share.
export declare const OFFICE_JS_CDN: string;
export declare const PRODUCTION_CSP: string;
export declare function cspDirectives(officeJsUrl: string): string[][];
export declare function contentSecurityPolicy(officeJsUrl: string): string;
