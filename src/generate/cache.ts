import { mkdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { sha256 } from "../engine/cache.js";
import { writeFileAtomic } from "../io/write.js";

/**
 * Stage replies on disk, one file per call (`<dir>/<sha256>.json`), written
 * atomically the moment a call succeeds: a batch killed half-way leaves only
 * whole entries behind, and the rerun repeats no finished call. One file per
 * entry (not one file per run, like the check cache) because entries arrive
 * one by one and must survive a kill between them.
 */
export interface StageCache {
  get(key: string): Promise<unknown | undefined>;
  set(key: string, value: unknown): Promise<void>;
}

/** The cache key: everything that changes a reply. */
export function stageKey(parts: {
  baseUrl: string;
  model: string;
  stage: string;
  messages: unknown;
  schema: unknown;
}): string {
  return sha256(JSON.stringify([parts.baseUrl, parts.model, parts.stage, parts.messages, parts.schema]));
}

const FORMAT = 1;

export function diskStageCache(dir: string): StageCache {
  let made: Promise<unknown> | undefined;
  return {
    async get(key) {
      try {
        const entry = JSON.parse(await readFile(join(dir, `${key}.json`), "utf8"));
        // a foreign or older entry is a miss, never trusted
        return entry?.format === FORMAT && entry.key === key ? entry.value : undefined;
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      made ??= mkdir(dir, { recursive: true });
      await made;
      await writeFileAtomic(join(dir, `${key}.json`), JSON.stringify({ format: FORMAT, key, value }));
    },
  };
}

/** `--no-cache`: every call goes to the server; the fresh replies still replace the stored ones. */
export function refreshingCache(cache: StageCache): StageCache {
  return { get: async () => undefined, set: (key, value) => cache.set(key, value) };
}
