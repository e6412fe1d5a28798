import { readFileSync, type Stats, statSync } from "node:fs";
import { crc32 } from "node:zlib";
import { writeFileAtomicSync } from "../io/write.js";

/**
 * The metadata fast path of the content-hash cache (git's index, ESLint's `--cache-strategy metadata`):
 * per path, the file's stamp (size, mtime and ctime, inode, device) and the content key it had. A
 * re-run that finds the same stamp reuses the key without reading the file; the cache stays keyed by
 * content, so a stamp only ever names which content entry to serve.
 *
 * What is trusted: a file whose size, mtime, ctime, inode and device are all unchanged is taken to hold
 * the content it had. Restoring a file's mtime (`touch -d`, `utimes`) still changes its ctime, and an
 * editor that writes a new file and renames it changes the inode, so both are hashed again; only
 * changing the system clock or writing the disk behind the kernel's back defeats it.
 *
 * Racy timestamps: a file written in the same timestamp tick as it was read could change again without
 * its mtime moving. So a stamp is kept only when the file's mtime and ctime are at least `RACY_MS`
 * older than the moment it was stat'ed (taken before the read; two seconds covers FAT's 2 s resolution
 * and the lag of the kernel's coarse clock): a later write then necessarily moves mtime or ctime. A
 * freshly written file is hashed on every run until it is that old, as git re-checks "racily clean"
 * entries.
 *
 * Times are Node's number stats (milliseconds as doubles, exact to well under a microsecond), not
 * BigInt nanoseconds: a write after the stamp was kept moves the ctime by at least `RACY_MS`, far more
 * than a double can blur, while BigInt stats (and parsing 50,000 BigInts from this file) cost an
 * unchanged re-run time for nothing. For the same reason an inode beyond 2^53, which a double may round, cannot hide a renamed-in
 * file: its ctime is the time it was written or moved there.
 *
 * The file: a header line `{"format","crc","count"}` (crc32 of the rest), then one line per path,
 * `<key> <size> <mtimeMs> <ctimeMs> <ino> <dev> <JSON path>` (numbers as JavaScript prints them, which
 * reads back exactly). Anything unexpected discards the whole file: every file is then hashed, as with
 * `--cache-strategy content`.
 */
const FORMAT = 2;
export const RACY_MS = 2000;
const KEY = /^[0-9a-f]{64}$/;
/** a number field as written: digits, maybe a fraction (what `String(n)` gives a file's size, time or id) */
const NUMBER = /^\d+(?:\.\d+)?$/;

export interface Stamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

interface Entry extends Stamp {
  key: string;
}

/** The stamp of a regular file, or undefined (missing, a directory, a FIFO: those take the content path). */
export function stampOf(abs: string): Stamp | undefined {
  let info: Stats | undefined;
  try {
    info = statSync(abs, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!info?.isFile()) return undefined;
  return { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, dev: info.dev };
}

function same(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino && a.dev === b.dev;
}

/** One line of the file as an entry and its path; throws when it is not exactly as written. */
function parseLine(line: string): [string, Entry] {
  // six fields split by single spaces, then the JSON path (which may hold spaces)
  const fields: number[] = [];
  let at = 0;
  for (let i = 0; i < 6; i++) {
    const space = line.indexOf(" ", at);
    if (space < 0) throw new Error("corrupted");
    const field = line.slice(at, space);
    if (i === 0 ? !KEY.test(field) : !NUMBER.test(field)) throw new Error("corrupted");
    if (i > 0) fields.push(Number(field));
    at = space + 1;
  }
  const quoted = line.slice(at);
  if (quoted.length < 2 || quoted.charCodeAt(0) !== 34 || quoted.charCodeAt(quoted.length - 1) !== 34)
    throw new Error("corrupted");
  // JSON escapes every quote, backslash and control character with a backslash: none, nothing to decode
  const path = quoted.includes("\\") ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
  const [size, mtimeMs, ctimeMs, ino, dev] = fields as [number, number, number, number, number];
  return [path, { key: line.slice(0, 64), size, mtimeMs, ctimeMs, ino, dev }];
}

export class FileStamps {
  /** the previous run's stamps */
  readonly #known = new Map<string, Entry>();
  /** the stamps to keep for the next run */
  readonly #next = new Map<string, Entry>();
  #changed = false;

  private constructor() {}

  /** The stamps saved at `path`; none when the file is missing or not exactly as written. */
  static load(path: string): FileStamps {
    const stamps = new FileStamps();
    let text: string;
    try {
      text = readFileSync(path, "utf8");
    } catch {
      return stamps;
    }
    const nl = text.indexOf("\n");
    try {
      const header = JSON.parse(text.slice(0, nl)) as { format?: number; crc?: number; count?: number };
      const body = text.slice(nl + 1);
      if (nl < 0 || header.format !== FORMAT || header.crc !== crc32(body)) throw new Error("corrupted");
      const lines = body === "" ? [] : body.slice(0, -1).split("\n");
      if (lines.length !== header.count) throw new Error("corrupted");
      for (const line of lines) {
        const [path, entry] = parseLine(line);
        stamps.#known.set(path, entry);
      }
    } catch {
      stamps.#known.clear();
      stamps.#changed = true; // rewrite it
    }
    return stamps;
  }

  /** The content key `abs` had last run, if its stamp is unchanged. */
  keyOf(abs: string, stamp: Stamp): string | undefined {
    const entry = this.#known.get(abs);
    return entry && same(entry, stamp) ? entry.key : undefined;
  }

  /**
   * Keeps `abs` → `key` for the next run, unless the file was modified within `RACY_MS` of `statedAtMs`
   * (the wall clock, read before the stat): see the racy-timestamps note above.
   */
  remember(abs: string, stamp: Stamp, key: string, statedAtMs: number): void {
    const limit = statedAtMs - RACY_MS;
    if (stamp.mtimeMs >= limit || stamp.ctimeMs >= limit) return;
    const known = this.#known.get(abs);
    if (!known || known.key !== key || !same(known, stamp)) this.#changed = true;
    this.#next.set(abs, { key, ...stamp });
  }

  /** Writes the stamps remembered this run (atomically) when they differ from the loaded ones. */
  save(path: string): void {
    if (!this.#changed && this.#next.size === this.#known.size) return;
    let body = "";
    for (const [abs, e] of this.#next)
      body += `${e.key} ${e.size} ${e.mtimeMs} ${e.ctimeMs} ${e.ino} ${e.dev} ${JSON.stringify(abs)}\n`;
    try {
      writeFileAtomicSync(
        path,
        `${JSON.stringify({ format: FORMAT, crc: crc32(body), count: this.#next.size })}\n${body}`,
      );
    } catch {
      // the stamps are an optimisation: without them every file is hashed
    }
  }
}

/** The wall clock in milliseconds, in the units of file timestamps. */
export function nowMs(): number {
  return Date.now();
}
