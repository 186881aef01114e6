/** The environment variables test/support/libreofficeRun.js sets for the Jest workers. */
export const SHARED_DIR_VARIABLE: string;
export const SHARED_OWNER_VARIABLE: string;
export const RUN_DIR_VARIABLE: string;
export function setup(): Promise<void>;
export function teardown(): Promise<void>;
