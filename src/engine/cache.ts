import { createHash, hash } from "node:crypto";
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { crc32 } from "node:zlib";
import { nameKind } from "../read/detect.js";
import { FileStamps } from "./file-stamps.js";
import { AppendFile, type Span } from "./records.js";

/**
 * Content-hash cache for incremental runs (`.copydesk-cache/`).
 *
 * One file per namespace and salt (`check-<salt>.cache`): entries keyed by the
 * sha256 of a file's content, for one combination of copydesk version, code,
 * config and options (the salt). Runs with other options (say `check --format
 * json` and `build`) keep their own files instead of evicting each other's.
 *
 * The file is a header line `{"format","salt"}` and then one record after the
 * other, `<key> <crc32> <length> <payload>\n`: framed by their length, so a
 * payload may hold line breaks (a record keeps report messages as the bytes
 * they are written, see checked-record.ts). Records are appended as a run produces them and
 * read back by offset, so neither a run nor a re-run holds the cache in
 * memory: only an index of where each key's payload sits. Loading checks every
 * record's checksum (a streaming pass, far cheaper than parsing the payloads);
 * a cache with a bad header, a bad record or a truncated last line is detected
 * and rebuilt, never trusted.
 */
const FORMAT = 4;
const EXTENSION = ".cache";
/** the metadata fast path's file beside each cache file (see file-stamps.ts) */
const STAMPS = ".stamps";
/** the corpus pass of the last run, beside each cache file (see corpus-memo.ts) */
const CORPUS = ".corpus";
/** a run's unsaved records older than this were left by a killed run */
const STALE_TMP_MS = 24 * 60 * 60 * 1000;
/** cache files kept per namespace (the newest); older salts are deleted on save */
const KEEP_PER_NAMESPACE = 3;
/** `<64 hex key> <8 hex crc32> <8 hex byte length> ` before each payload, a newline after it */
const KEY_LENGTH = 64;
const PREFIX = KEY_LENGTH + 19;
/** bytes read at a time when loading */
const READ_BYTES = 1 << 20;
/**
 * Records no run served since they were written (a changed file's old content, a deleted file's) that a
 * cache file may hold, as a share of its records, before a save writes it afresh without them.
 */
const MAX_DEAD_SHARE = 0.25;

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

/** Hex sha256 in one shot: a sixth of the cost of a Hash object, made for every draft of a rebuild. */
export function sha256(text: string | Buffer): string {
  return hash("sha256", text);
}

let fingerprint: string | undefined;
/** the files this process opened for a run's records */
let openedNext = 0;

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

function hex8(n: number): string {
  return n.toString(16).padStart(8, "0");
}

/** A record as written to the file: prefix, payload, newline. */
function framed(key: string, payload: string): Buffer {
  const length = Buffer.byteLength(payload);
  const out = Buffer.allocUnsafe(PREFIX + length + 1);
  out.write(payload, PREFIX);
  out.write(`${key} ${hex8(crc32(out.subarray(PREFIX, PREFIX + length)))} ${hex8(length)} `, 0, "latin1");
  out[PREFIX + length] = 10;
  return out;
}

/** each byte's value as a lowercase hex digit, or -1 (what the records' prefixes may hold) */
const HEX_DIGIT = new Int8Array(256).fill(-1);
for (let c = 0; c < 16; c++) HEX_DIGIT[c.toString(16).charCodeAt(0)] = c;

/** The number the eight lowercase hex digits at `buffer[at]` spell, or -1. */
function hexAt(buffer: Buffer, at: number): number {
  let n = 0;
  for (let i = at; i < at + 8; i++) {
    const d = HEX_DIGIT[buffer[i] as number] as number;
    if (d < 0) return -1;
    n = n * 16 + d;
  }
  return n;
}

/** Whether the 64 bytes at `buffer[at]` are lowercase hex digits. */
function hexKeyAt(buffer: Buffer, at: number): boolean {
  for (let i = at; i < at + KEY_LENGTH; i++) if ((HEX_DIGIT[buffer[i] as number] as number) < 0) return false;
  return true;
}

/**
 * Indexes the records of a cache file from `start`: each key with where its payload sits, read 1 MB at
 * a time (a record may be longer); returns the offset after the last record. Throws on a malformed
 * record, a wrong checksum or a truncated last one. One plain loop over byte values (no generator, no
 * string or pattern per field): this runs over every record at the start of each re-run, ~10,000 of
 * them, in code not yet optimised.
 */
function indexRecords(fd: number, start: number, into: Map<string, Span>): number {
  let buffer = Buffer.allocUnsafe(READ_BYTES);
  let filled = 0;
  let base = start; // file offset of buffer[0]
  let pos = 0;
  /** whether buffer[pos, pos + need) holds file bytes, reading more as needed */
  const have = (need: number): boolean => {
    if (pos + need <= filled) return true;
    buffer.copy(buffer, 0, pos, filled);
    filled -= pos;
    base += pos;
    pos = 0;
    if (need > buffer.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, 2 * buffer.length));
      buffer.copy(bigger, 0, 0, filled);
      buffer = bigger;
    }
    while (filled < need) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, base + filled);
      if (n === 0) return false;
      filled += n;
    }
    return true;
  };
  while (have(1)) {
    if (!have(PREFIX)) throw new Error("truncated record");
    const sum = hexAt(buffer, pos + KEY_LENGTH + 1);
    const length = hexAt(buffer, pos + KEY_LENGTH + 10);
    if (
      sum < 0 ||
      length < 0 ||
      !hexKeyAt(buffer, pos) ||
      buffer[pos + KEY_LENGTH] !== 32 ||
      buffer[pos + KEY_LENGTH + 9] !== 32 ||
      buffer[pos + PREFIX - 1] !== 32
    )
      throw new Error("malformed record");
    if (!have(PREFIX + length + 1)) throw new Error("truncated record");
    const from = pos + PREFIX;
    if (buffer[from + length] !== 10 || crc32(buffer.subarray(from, from + length)) !== sum)
      throw new Error("damaged record");
    into.set(buffer.toString("latin1", pos, pos + KEY_LENGTH), { offset: base + from, length });
    pos = from + length + 1;
  }
  return base + pos;
}

/** The header line (at most 4 KB) and the offset after it, or undefined. */
function headerOf(fd: number): { header: Partial<Header>; size: number } | undefined {
  const first = Buffer.allocUnsafe(4096);
  const n = readSync(fd, first, 0, first.length, 0);
  const end = first.subarray(0, n).indexOf(10);
  if (end < 0) return undefined;
  return { header: JSON.parse(first.toString("utf8", 0, end)) as Partial<Header>, size: end + 1 };
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
  /** bytes of `#next`'s header line (its records follow) */
  #nextHeader = 0;
  #saved = false;
  /** this run's records were appended to the previous file, so `#next` is only this run's copy */
  #appended = false;
  /** where the corpus pass of a run with these records is remembered (see corpus-memo.ts) */
  readonly corpusPath: string;
  /** path → content key of the previous run (`strategy: "metadata"`), else undefined: every file is hashed */
  readonly stamps: FileStamps | undefined;

  /**
   * @param dir   the cache folder, e.g. `<cwd>/.copydesk-cache`
   * @param name  namespace (one per command)
   * @param salt  everything besides the content that changes results
   * @param strategy  "metadata": files whose stamp is unchanged since the last run are not read again
   * @param stamps  with "metadata": the stamps, when the caller has loaded them already (see `cacheFiles`)
   */
  constructor(
    readonly dir: string,
    readonly name: string,
    readonly salt: string,
    strategy: CacheStrategy = "content",
    stamps?: FileStamps,
  ) {
    const files = cacheFiles(dir, name, salt);
    this.path = files.records;
    this.corpusPath = files.corpus;
    this.#load();
    if (strategy === "metadata") {
      this.stamps = stamps ?? FileStamps.load(files.stamps);
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
      const first = headerOf(fd);
      if (first?.header.format !== FORMAT || first.header.salt !== this.salt) throw new Error("another cache");
      size = indexRecords(fd, first.size, this.#index);
    } catch {
      this.stats.rebuilt = true;
      this.#index.clear();
      closeSync(fd);
      return;
    }
    this.#previous = AppendFile.reading(this.path, fd, size);
  }

  /**
   * Key of a file's content as read from `path` (the salt is checked at file level, so it is not mixed
   * in here). The name's kind is part of it: the reader is picked by the file name as well as the bytes,
   * so the same bytes in an `.html` and an `.md` file are different drafts with different results.
   */
  static key(content: string | Buffer, path = ""): string {
    return createHash("sha256")
      .update(`${nameKind(path)}\0`)
      .update(content)
      .digest("hex");
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

  /** A payload of the previous file, without serving it (it is not kept for the next run unless served). */
  peek(key: string): Stored | undefined {
    const span = this.#index.get(key);
    return span && this.#previous ? { file: this.#previous, span } : undefined;
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
      // (numbered too: two caches of one process may open theirs within a millisecond)
      this.#next = AppendFile.create(`${this.path}.${process.pid}.${Date.now()}.${++openedNext}.tmp`);
      this.#nextHeader = this.#next.append(
        `${JSON.stringify({ format: FORMAT, salt: this.salt } satisfies Header)}\n`,
      ).length;
    }
    return this.#next;
  }

  /**
   * Writes the entries used or added in this run, and deletes this namespace's oldest files beyond the
   * newest few. Payloads handed out stay readable until `close`. While the entries no run served
   * since stay a small share of the file (`MAX_DEAD_SHARE`), this run's new records are appended to
   * the file it loaded (one changed draft among 10,000 no longer writes 118 MB again); otherwise the
   * file is written afresh, atomically, without them, so it does not grow without bound. An append cut
   * short leaves a truncated last record, which the next load detects: that cache is rebuilt, never
   * trusted.
   */
  save(): void {
    if (this.#saved) return;
    this.#saved = true;
    // the stamps name content keys: written whether or not the records change, read only beside them
    this.stamps?.save(besideRecords(this.path).stamps);
    const unchanged = this.#added.size === 0 && this.#used.size === this.#index.size;
    if (unchanged && !this.stats.rebuilt) return;
    if (this.#fewDead() && this.#appendAdded()) {
      this.#prune();
      return;
    }
    const next = this.#openNext();
    for (const key of this.#used) {
      if (this.#added.has(key)) continue;
      const span = this.#index.get(key) as Span;
      // the whole line as it was: key, checksum, payload and newline; read forward (the lines were used in
      // the order they were written), so one read of about 1 MB serves the next lines too instead of a
      // system call and a buffer each (10,000 of them when a rebuild changed one draft)
      next.append(
        (this.#previous as AppendFile).read({ offset: span.offset - PREFIX, length: span.length + PREFIX + 1 }, true),
      );
    }
    next.flush();
    renameSync(next.path, this.path);
    this.#prune();
  }

  /** Whether the loaded file, with this run's new records, would hold few enough dead ones to be kept. */
  #fewDead(): boolean {
    if (!this.#previous || this.stats.rebuilt) return false;
    const dead = this.#index.size - this.#used.size;
    return dead <= MAX_DEAD_SHARE * (this.#index.size + this.#added.size);
  }

  /**
   * Appends this run's records to the file loaded, in one write; false (nothing written) when that
   * file is no longer the one at `path` with the size it was loaded with (another run saved meanwhile).
   */
  #appendAdded(): boolean {
    const previous = this.#previous as AppendFile;
    const next = this.#next;
    if (!next) return true; // nothing new: the file stays as it is
    let fd: number;
    try {
      fd = openSync(this.path, "a");
    } catch {
      return false;
    }
    try {
      const now = fstatSync(fd);
      const loaded = fstatSync(previous.fd);
      if (now.ino !== loaded.ino || now.dev !== loaded.dev || now.size !== previous.size) return false;
      const records = next.read({ offset: this.#nextHeader, length: next.size - this.#nextHeader });
      let done = 0;
      while (done < records.length) done += writeSync(fd, records, done, records.length - done);
    } finally {
      closeSync(fd);
    }
    this.#appended = true;
    return true;
  }

  /** Releases the files (an unsaved run leaves no trace). */
  close(): void {
    this.#previous?.close();
    if (this.#next) {
      this.#next.close();
      if (!this.#saved || this.#appended) rmSync(this.#next.path, { force: true });
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
    for (const old of others.slice(KEEP_PER_NAMESPACE - 1))
      for (const file of Object.values(besideRecords(old.path))) rmSync(file, { force: true });
  }
}

/**
 * How a re-run finds unchanged files: "content" reads and hashes every file; "metadata" (ESLint's name)
 * first compares each file's size, times, inode and device with the last run's (see file-stamps.ts).
 */
export type CacheStrategy = "content" | "metadata";

/** The files of one namespace and salt in a cache folder: records, stamps and corpus memo. */
export function cacheFiles(
  dir: string,
  name: string,
  salt: string,
): { records: string; stamps: string; corpus: string } {
  return besideRecords(join(dir, `${name}-${sha256(salt).slice(0, 16)}${EXTENSION}`));
}

/** A records file and the stamps and corpus memo named after it. */
function besideRecords(records: string): { records: string; stamps: string; corpus: string } {
  const base = records.slice(0, -EXTENSION.length);
  return { records, stamps: base + STAMPS, corpus: base + CORPUS };
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
    // forward and transient: a build looks its pages up in the order they were written and parses each
    // before the next, so one ~1 MB read serves many pages instead of a system call and a buffer each
    return stored ? (JSON.parse(stored.file.read(stored.span, true, true).toString()) as T) : undefined;
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
