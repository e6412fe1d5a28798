import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Content-hash cache for incremental runs (`.copydesk-cache/`).
 *
 * One file per namespace (check, build) holding entries keyed by the sha256 of
 * a file's content. The file is only trusted when its format version and salt
 * (copydesk version + resolved config + rule set) match, and each entry carries
 * a checksum of its data: a corrupted, stale or foreign cache is detected and
 * rebuilt, never trusted. One file instead of one per article because loading
 * 10,000 small files costs more than the linting it saves.
 */
const FORMAT = 1;

interface CacheFile<T> {
  format: number;
  salt: string;
  entries: Record<string, { sum: string; data: T }>;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** true when an existing cache file was unreadable, stale or corrupted and was discarded */
  rebuilt: boolean;
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

let fingerprint: string | undefined;

/**
 * Identity of the code that produced cached results: path, size and mtime of
 * every module of this installation (a few hundred stat calls, once per process).
 * The version alone is not enough: a rule edited between releases, or a
 * development build, must not be served results computed by older code.
 */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = fileURLToPath(new URL("..", import.meta.url));
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.(js|ts|json)$/.test(entry.name)) {
        const info = statSync(path);
        parts.push(`${path.slice(root.length)}:${info.size}:${info.mtimeMs}`);
      }
    }
  };
  walk(root);
  fingerprint = sha256(parts.join("\n"));
  return fingerprint;
}

export class ResultCache<T> {
  readonly path: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, rebuilt: false };
  #entries: Record<string, { sum: string; data: T }> = {};
  #fresh: Record<string, { sum: string; data: T }> = {};
  #dirty = false;

  /**
   * @param dir   the cache folder, e.g. `<cwd>/.copydesk-cache`
   * @param name  namespace (one file per command)
   * @param salt  everything besides the content that changes results
   */
  constructor(
    dir: string,
    name: string,
    readonly salt: string,
  ) {
    this.path = join(dir, `${name}.json`);
    this.#load();
  }

  #load(): void {
    let raw: string;
    try {
      raw = readFileSync(this.path, "utf8");
    } catch {
      return; // no cache yet
    }
    try {
      const parsed = JSON.parse(raw) as Partial<CacheFile<T>>;
      if (
        parsed.format !== FORMAT ||
        parsed.salt !== this.salt ||
        typeof parsed.entries !== "object" ||
        !parsed.entries
      ) {
        this.stats.rebuilt = true;
        return;
      }
      this.#entries = parsed.entries;
    } catch {
      this.stats.rebuilt = true;
    }
  }

  /** Key of a file's content (the salt is checked at file level, so it is not mixed in here). */
  static key(content: string): string {
    return sha256(content);
  }

  get(key: string): T | undefined {
    const entry = this.#entries[key];
    if (entry && entry.sum === sha256(JSON.stringify(entry.data))) {
      this.stats.hits++;
      this.#fresh[key] = entry;
      return entry.data;
    }
    if (entry) this.stats.rebuilt = true; // an entry whose checksum fails is dropped
    this.stats.misses++;
    return undefined;
  }

  set(key: string, data: T): void {
    this.#fresh[key] = { sum: sha256(JSON.stringify(data)), data };
    this.#dirty = true;
  }

  /**
   * Writes the entries used or added in this run (entries of deleted or changed
   * files drop out, so the cache does not grow without bound). Atomic: temp file + rename.
   */
  save(): void {
    if (!this.#dirty && Object.keys(this.#fresh).length === Object.keys(this.#entries).length && !this.stats.rebuilt)
      return;
    const file: CacheFile<T> = { format: FORMAT, salt: this.salt, entries: this.#fresh };
    mkdirSync(dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, JSON.stringify(file));
    renameSync(tmp, this.path);
  }
}
