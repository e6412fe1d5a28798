import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Content-hash cache for incremental runs (`.copydesk-cache/`).
 *
 * One file per namespace and salt (`check-<salt>.json`): entries keyed by the
 * sha256 of a file's content, for one combination of copydesk version, code,
 * config and options (the salt). Runs with other options (say `check --format
 * json` and `build`) keep their own files instead of evicting each other's.
 *
 * The file is a header line `{"format","salt","sum"}` and then the entries as
 * JSON; `sum` is the sha256 of that JSON text. A cache whose header, checksum
 * or JSON is wrong is detected and rebuilt, never trusted. Hashing the text
 * once is far cheaper than re-serialising every entry to check it.
 */
const FORMAT = 2;
/** cache files kept per namespace (the newest); older salts are deleted on save */
const KEEP_PER_NAMESPACE = 3;

interface Header {
  format: number;
  salt: string;
  sum: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** true when an existing cache file was unreadable or corrupted and was discarded */
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
  #entries: Record<string, T> = {};
  #fresh: Record<string, T> = {};
  #dirty = false;

  /**
   * @param dir   the cache folder, e.g. `<cwd>/.copydesk-cache`
   * @param name  namespace (one per command)
   * @param salt  everything besides the content that changes results
   */
  constructor(
    readonly dir: string,
    readonly name: string,
    readonly salt: string,
  ) {
    this.path = join(dir, `${name}-${sha256(salt).slice(0, 16)}.json`);
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
      const newline = raw.indexOf("\n");
      const header = JSON.parse(raw.slice(0, newline)) as Partial<Header>;
      const body = raw.slice(newline + 1);
      if (newline < 0 || header.format !== FORMAT || header.salt !== this.salt || header.sum !== sha256(body)) {
        this.stats.rebuilt = true;
        return;
      }
      const entries = JSON.parse(body) as unknown;
      if (typeof entries !== "object" || entries === null || Array.isArray(entries)) {
        this.stats.rebuilt = true;
        return;
      }
      this.#entries = entries as Record<string, T>;
    } catch {
      this.stats.rebuilt = true;
    }
  }

  /** Key of a file's content (the salt is checked at file level, so it is not mixed in here). */
  static key(content: string): string {
    return sha256(content);
  }

  get(key: string): T | undefined {
    if (Object.hasOwn(this.#entries, key)) {
      const data = this.#entries[key] as T;
      this.stats.hits++;
      this.#fresh[key] = data;
      return data;
    }
    this.stats.misses++;
    return undefined;
  }

  set(key: string, data: T): void {
    this.#fresh[key] = data;
    this.#dirty = true;
  }

  /**
   * Writes the entries used or added in this run (entries of deleted or changed
   * files drop out, so the cache does not grow without bound), atomically, and
   * deletes this namespace's oldest files beyond the newest few.
   */
  save(): void {
    const unchanged = !this.#dirty && Object.keys(this.#fresh).length === Object.keys(this.#entries).length;
    if (unchanged && !this.stats.rebuilt) return;
    const body = JSON.stringify(this.#fresh);
    const header: Header = { format: FORMAT, salt: this.salt, sum: sha256(body) };
    mkdirSync(this.dir, { recursive: true });
    const tmp = `${this.path}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(header)}\n${body}`);
    renameSync(tmp, this.path);
    this.#prune();
  }

  #prune(): void {
    const prefix = `${this.name}-`;
    const others = readdirSync(this.dir)
      .filter((f) => f.startsWith(prefix) && f.endsWith(".json") && join(this.dir, f) !== this.path)
      .map((f) => ({ path: join(this.dir, f), mtime: statSync(join(this.dir, f)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of others.slice(KEEP_PER_NAMESPACE - 1)) rmSync(old.path, { force: true });
  }
}
