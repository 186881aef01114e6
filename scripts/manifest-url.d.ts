// Types for scripts/manifest-url.js, which webpack.config.js (plain CommonJS) and the tests share.
export declare const DEV_URL: string;
export declare function manifestForUrl(xml: string, addinUrl?: string): string;
