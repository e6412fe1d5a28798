import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";
import { FileStamps } from "./file-stamps.js";
import { AppendFile, fileLines, type Span } from "./records.js";

/**
 * Content-hash cache for incremental runs (`.copydesk-cache/`).
 *
 * One file per namespace and salt (`check-<salt>.cache`): entries keyed by the
 * sha256 of a file's content, for one combination of copydesk version, code,
 * config and options (the salt). Runs with other options (say `check --format
 * json` and `build`) keep their own files instead of evicting each other's.
 *
 * The file is a header line `{"format","salt"}` and then one record per line,
 * `<key> <crc32> <payload>`. Records are appended as a run produces them and
 * read back by offset, so neither a run nor a re-run holds the cache in
 * memory: only an index of where each key's payload sits. Loading checks every
 * record's checksum (a streaming pass, far cheaper than parsing the payloads);
 * a cache with a bad header, a bad record or a truncated last line is detected
 * and rebuilt, never trusted.
 */
const FORMAT = 3;
const EXTENSION = ".cache";
/** the metadata fast path's file beside each cache file (see file-stamps.ts) */
const STAMPS = ".stamps";
/** a run's unsaved records older than this were left by a killed run */
const STALE_TMP_MS = 24 * 60 * 60 * 1000;
/** cache files kept per namespace (the newest); older salts are deleted on save */
const KEEP_PER_NAMESPACE = 3;
/** `<64 hex key> <8 hex crc32> ` before each payload */
const KEY_LENGTH = 64;
const PREFIX = KEY_LENGTH + 10;
const HEX_KEY = /^[0-9a-f]{64}$/;

interface Header {
  format: number;
  salt: string;
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** true when an existing cache file was unreadable or corrupted and was discarded */
  rebuilt: boolean;
  /** hits found by their unchanged stamps, without reading the file (the "metadata" strategy only) */
  unread?: number;
}

export function sha256(text: string | Buffer): string {
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

/** A payload in one of a cache's files; valid until the cache is closed. */
export interface Stored {
  file: AppendFile;
  span: Span;
}

function framed(key: string, payload: string): string {
  return `${key} ${crc32(payload).toString(16).padStart(8, "0")} ${payload}\n`;
}

/** Whether a record line is well formed and its payload matches its checksum. */
function intact(line: Buffer): boolean {
  if (line.length < PREFIX || line[KEY_LENGTH] !== 32 || line[PREFIX - 1] !== 32) return false;
  if (!HEX_KEY.test(line.toString("latin1", 0, KEY_LENGTH))) return false;
  const sum = Number.parseInt(line.toString("latin1", KEY_LENGTH + 1, PREFIX - 1), 16);
  return sum === crc32(line.subarray(PREFIX));
}

/**
 * The cache as string payloads located on disk (the batch runner reads them back by offset).
 * `save` writes the entries used or added in this run; `close` releases the files afterwards.
 */
export class RecordCache {
  readonly path: string;
  readonly stats: CacheStats = { hits: 0, misses: 0, rebuilt: false };
  #previous: AppendFile | undefined;
  /** where each key's payload sits in the previous file */
  #index = new Map<string, Span>();
  /** keys of the previous file served in this run */
  #used = new Set<string>();
  /** keys written in this run */
  #added = new Set<string>();
  #next: AppendFile | undefined;
  #saved = false;
  /** path → content key of the previous run (`strategy: "metadata"`), else undefined: every file is hashed */
  readonly stamps: FileStamps | undefined;

  /**
   * @param dir   the cache folder, e.g. `<cwd>/.copydesk-cache`
   * @param name  namespace (one per command)
   * @param salt  everything besides the content that changes results
   * @param strategy  "metadata": files whose stamp is unchanged since the last run are not read again
   */
  constructor(
    readonly dir: string,
    readonly name: string,
    readonly salt: string,
    strategy: CacheStrategy = "content",
  ) {
    this.path = join(dir, `${name}-${sha256(salt).slice(0, 16)}${EXTENSION}`);
    this.#load();
    if (strategy === "metadata") {
      this.stamps = FileStamps.load(stampsPath(this.path));
      this.stats.unread = 0;
    }
  }

  #load(): void {
    let fd: number;
    try {
      fd = openSync(this.path, "r");
    } catch {
      return; // no cache yet
    }
    let size = 0;
    try {
      const lines = fileLines(fd, 0);
      const first = lines.next();
      const header = (
        first.done || !first.value.complete ? {} : JSON.parse(first.value.line.toString())
      ) as Partial<Header>;
      let ok = header.format === FORMAT && header.salt === this.salt;
      if (ok && !first.done) size = first.value.line.length + 1;
      for (const { offset, line, complete } of ok ? lines : []) {
        if (!complete || !intact(line)) {
          ok = false;
          break;
        }
        this.#index.set(line.toString("latin1", 0, KEY_LENGTH), {
          offset: offset + PREFIX,
          length: line.length - PREFIX,
        });
        size = offset + line.length + 1;
      }
      if (!ok) throw new Error("corrupted");
    } catch {
      this.stats.rebuilt = true;
      this.#index.clear();
      closeSync(fd);
      return;
    }
    this.#previous = AppendFile.reading(this.path, fd, size);
  }

  /** Key of a file's content (the salt is checked at file level, so it is not mixed in here). */
  static key(content: string | Buffer): string {
    return sha256(content);
  }

  get(key: string): Stored | undefined {
    const span = this.#index.get(key);
    if (span && this.#previous) {
      this.stats.hits++;
      this.#used.add(key);
      return { file: this.#previous, span };
    }
    this.stats.misses++;
    return undefined;
  }

  /** `get` for a key named by an unchanged stamp: a miss costs nothing (the file is then hashed and looked up). */
  getUnread(key: string): Stored | undefined {
    if (!this.#index.has(key) || !this.#previous) return undefined;
    if (this.stats.unread !== undefined) this.stats.unread++;
    return this.get(key);
  }

  set(key: string, payload: string): Stored {
    const next = this.#openNext();
    this.#added.add(key);
    const span = next.append(framed(key, payload));
    return { file: next, span: { offset: span.offset + PREFIX, length: span.length - PREFIX - 1 } };
  }

  /** The file this run writes, created with its header on first use and renamed into place by `save`. */
  #openNext(): AppendFile {
    if (!this.#next) {
      mkdirSync(this.dir, { recursive: true });
      this.#next = AppendFile.create(`${this.path}.${process.pid}.${Date.now()}.tmp`);
      this.#next.append(`${JSON.stringify({ format: FORMAT, salt: this.salt } satisfies Header)}\n`);
    }
    return this.#next;
  }

  /**
   * Writes the entries used or added in this run (entries of deleted or changed
   * files drop out, so the cache does not grow without bound), atomically, and
   * deletes this namespace's oldest files beyond the newest few. Payloads handed
   * out stay readable until `close`.
   */
  save(): void {
    if (this.#saved) return;
    this.#saved = true;
    // the stamps name content keys: written whether or not the records change, read only beside them
    this.stamps?.save(stampsPath(this.path));
    const unchanged = this.#added.size === 0 && this.#used.size === this.#index.size;
    if (unchanged && !this.stats.rebuilt) return;
    const next = this.#openNext();
    for (const key of this.#used) {
      if (this.#added.has(key)) continue;
      const span = this.#index.get(key) as Span;
      // the whole line as it was: key, checksum, payload and newline
      next.append(
        (this.#previous as AppendFile).read({ offset: span.offset - PREFIX, length: span.length + PREFIX + 1 }),
      );
    }
    next.flush();
    renameSync(next.path, this.path);
    this.#prune();
  }

  /** Releases the files (an unsaved run leaves no trace). */
  close(): void {
    this.#previous?.close();
    if (this.#next) {
      this.#next.close();
      if (!this.#saved) rmSync(this.#next.path, { force: true });
    }
  }

  #prune(): void {
    const prefix = `${this.name}-`;
    const now = Date.now();
    const others: Array<{ path: string; mtime: number }> = [];
    for (const f of readdirSync(this.dir)) {
      if (!f.startsWith(prefix)) continue;
      const path = join(this.dir, f);
      const mtime = mtimeOf(path);
      if (mtime === undefined || path === this.path) continue; // gone meanwhile (another run pruned it)
      // `.json` files are caches of the previous format
      if (f.endsWith(EXTENSION) || f.endsWith(".json")) others.push({ path, mtime });
      // the records of a run that was killed before it saved; a day old, so never a running one's
      else if (f.endsWith(".tmp") && now - mtime > STALE_TMP_MS) rmSync(path, { force: true });
    }
    others.sort((a, b) => b.mtime - a.mtime);
    for (const old of others.slice(KEEP_PER_NAMESPACE - 1)) {
      rmSync(old.path, { force: true });
      rmSync(stampsPath(old.path), { force: true });
    }
  }
}

/**
 * How a re-run finds unchanged files: "content" reads and hashes every file; "metadata" (ESLint's name)
 * first compares each file's size, times, inode and device with the last run's (see file-stamps.ts).
 */
export type CacheStrategy = "content" | "metadata";

function stampsPath(cachePath: string): string {
  return cachePath.slice(0, -EXTENSION.length) + STAMPS;
}

function mtimeOf(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The cache for values that JSON holds (the page cache of `build`). */
export class ResultCache<T> {
  readonly #records: RecordCache;

  constructor(dir: string, name: string, salt: string) {
    this.#records = new RecordCache(dir, name, salt);
  }

  static key(content: string): string {
    return RecordCache.key(content);
  }

  get path(): string {
    return this.#records.path;
  }

  get stats(): CacheStats {
    return this.#records.stats;
  }

  get(key: string): T | undefined {
    const stored = this.#records.get(key);
    return stored ? (JSON.parse(stored.file.read(stored.span).toString()) as T) : undefined;
  }

  set(key: string, data: T): void {
    this.#records.set(key, JSON.stringify(data));
  }

  /** Writes the cache file (see `RecordCache.save`) and releases it. */
  save(): void {
    this.#records.save();
    this.#records.close();
  }
}
