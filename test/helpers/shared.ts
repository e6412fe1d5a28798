import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** `../shared` beside the repository (present in CI and on the team's machines, absent elsewhere). */
export const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));
export const SEED_PATH = `${SHARED_DIR}seeds/000_8277829d4fbb3e6e.txt`;
export const SCHEMAORG_EXAMPLES_PATH = `${SHARED_DIR}schemaorg/schemaorg-all-examples-30.0.txt`;

export const hasShared = existsSync(SEED_PATH);

/** Message printed when a shared-data test skips, so a skip is never silent. */
export function sharedSkipReason(what: string): string {
  return `skipped: ${what} needs ../shared beside the repository (not found at ${SHARED_DIR})`;
}

export function readShared(path: string): string {
  return readFileSync(path, "utf8");
}
