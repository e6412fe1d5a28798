/**
 * The cache folder a config that does not name one gets, relative to the working directory. A module of
 * its own: the CLI's launcher reads it before anything else loads (src/cli/early-pool.ts).
 */
export const DEFAULT_CACHE_DIR = ".copydesk-cache";
