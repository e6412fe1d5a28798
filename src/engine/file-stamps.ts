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

/**
 * The entries of the file's body, one line each, into `into`; throws when a line is not exactly as
 * written. One pass of character tests over the body (no split, no regular expression per field):
 * this runs over every path at the start of each re-run.
 */
function parseBody(body: string, into: Map<string, Entry>): number {
  let lines = 0;
  const fields = [0, 0, 0, 0, 0];
  for (let at = 0; at < body.length; lines++) {
    const end = body.indexOf("\n", at);
    if (end < 0) throw new Error("corrupted");
    for (let i = at; i < at + 64; i++) {
      const c = body.charCodeAt(i);
      if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) throw new Error("corrupted");
    }
    if (body.charCodeAt(at + 64) !== SPACE) throw new Error("corrupted");
    // five numbers, each digits maybe with a fraction and then a space (what `String(n)` gives them)
    let p = at + 65;
    for (let f = 0; f < 5; f++) {
      const from = p;
      let whole = 0;
      let c = body.charCodeAt(p);
      while (c >= 48 && c <= 57) {
        whole = whole * 10 + (c - 48);
        c = body.charCodeAt(++p);
      }
      if (p === from) throw new Error("corrupted");
      const digits = p - from;
      if (c === DOT) {
        const fraction = ++p;
        c = body.charCodeAt(p);
        while (c >= 48 && c <= 57) c = body.charCodeAt(++p);
        if (p === fraction) throw new Error("corrupted");
      }
      if (c !== SPACE || p >= end) throw new Error("corrupted");
      // up to 15 digits an integer is exact as summed; a fraction or a longer one is read as JavaScript reads it
      fields[f] = p - from === digits && digits <= 15 ? whole : Number(body.slice(from, p));
      p++;
    }
    // then the JSON path, which may hold spaces
    if (end - p < 2 || body.charCodeAt(p) !== QUOTE || body.charCodeAt(end - 1) !== QUOTE) throw new Error("corrupted");
    const quoted = body.slice(p, end);
    // JSON escapes every quote, backslash and control character with a backslash: none, nothing to decode
    const path = quoted.includes("\\") ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
    const [size, mtimeMs, ctimeMs, ino, dev] = fields as [number, number, number, number, number];
    into.set(path, { key: body.slice(at, at + 64), size, mtimeMs, ctimeMs, ino, dev });
    at = end + 1;
  }
  return lines;
}

const SPACE = 32;
const DOT = 46;
const QUOTE = 34;

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
      if (parseBody(body, stamps.#known) !== header.count) throw new Error("corrupted");
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

  /** The content key `abs` had last run, whatever its stamp now (what a changed file held before). */
  previousKey(abs: string): string | undefined {
    return this.#known.get(abs)?.key;
  }

  /**
   * Keeps `abs` → `key` for the next run, with its stamp unless the file was modified within `RACY_MS`
   * of `statedAtMs` (the wall clock, read before the stat): see the racy-timestamps note above.
   */
  remember(abs: string, stamp: Stamp, key: string, statedAtMs: number): void {
    const limit = statedAtMs - RACY_MS;
    if (stamp.mtimeMs >= limit || stamp.ctimeMs >= limit) {
      // the stamp is not kept, the key is: under a ctime no file has (the kernel sets ctime, never to the
      // epoch), so `keyOf` never trusts it and the file is hashed next run, while `previousKey` still knows
      // what the file held, which the corpus carry needs when it changes again (corpus-carry.ts)
      this.#changed = true;
      this.#next.set(abs, { key, ...stamp, ctimeMs: 0 });
      return;
    }
    const known = this.#known.get(abs);
    // an unchanged entry is kept as the object it is (a re-run of 10,000 files made 10,000 copies)
    if (known && known.key === key && same(known, stamp)) this.#next.set(abs, known);
    else {
      this.#changed = true;
      this.#next.set(abs, { key, ...stamp });
    }
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
