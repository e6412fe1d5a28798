/** Kept in step with package.json by a test; part of every cache key. */
export const VERSION = "0.1.0";
