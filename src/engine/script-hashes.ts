/**
 * The SHA-256 of each CommonJS script in dist/bundle/, by file name, written into the scripts that run
 * them (dist/bundle/launch.cjs, worker.cjs) by scripts/bundle.mjs once it has written them: their code
 * caches are then named without hashing ~2 MB of source at every start (and a pool thread loads no
 * crypto at all). Scripts come and go with their runner in one build, so the hash always is theirs.
 */
declare const __COPYDESK_SCRIPT_HASHES__: Record<string, string> | undefined;

/** The hash of dist/bundle/`name` taken when it was bundled; undefined in dist's modules (not bundled). */
export function scriptHash(name: string): string | undefined {
  return typeof __COPYDESK_SCRIPT_HASHES__ === "undefined" ? undefined : __COPYDESK_SCRIPT_HASHES__[name];
}
