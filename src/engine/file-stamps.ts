import { readFileSync, type Stats, statSync } from "node:fs";
import { endianness } from "node:os";
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
 * The file: a header line `{"format","count","text","endian","crc"}`, then `text` bytes of UTF-8 with
 * each entry's content key and path, each followed by a NUL (no path holds one), then each entry's five
 * numbers (size, mtimeMs, ctimeMs, ino, dev) as float64 in the machine's byte order (`endian`), and
 * `crc` the crc32 of everything after the header line. One decode and one split read every path and
 * key, and the numbers are read as they were written, exactly: the text lines this replaced took a
 * tenth of a rebuild with one changed draft among 10,000 to parse and write again. Anything unexpected
 * discards the whole file: every file is then hashed, as with `--cache-strategy content`.
 */
const FORMAT = 3;
export const RACY_MS = 2000;
/** numbers kept per entry: size, mtimeMs, ctimeMs, ino, dev */
const FIELDS = 5;
const HEX_KEY = /^[0-9a-f]{64}$/;

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

export class FileStamps {
  /** the previous run's stamps: each path's entry number, its key, its numbers (`FIELDS` each) */
  readonly #known = new Map<string, number>();
  #keys: string[] = [];
  #numbers = new Float64Array(0);
  /** the stamps to keep for the next run: an entry of the previous run's by number, or a new one */
  readonly #next = new Map<string, number | Entry>();
  #changed = false;

  private constructor() {}

  /** The stamps saved at `path`; none when the file is missing or not exactly as written. */
  static load(path: string): FileStamps {
    const stamps = new FileStamps();
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return stamps;
    }
    try {
      stamps.#read(bytes);
    } catch {
      stamps.#known.clear();
      stamps.#keys = [];
      stamps.#numbers = new Float64Array(0);
      stamps.#changed = true; // rewrite it
    }
    return stamps;
  }

  #read(bytes: Buffer): void {
    const nl = bytes.indexOf(NL);
    if (nl < 0) throw new Error("corrupted");
    const header = JSON.parse(bytes.toString("latin1", 0, nl)) as Partial<Header>;
    const { count, text } = header;
    const body = nl + 1;
    if (
      header.format !== FORMAT ||
      header.endian !== endianness() ||
      !Number.isSafeInteger(count) ||
      !Number.isSafeInteger(text) ||
      (count as number) < 0 ||
      (text as number) < 0 ||
      bytes.length - body !== (text as number) + 8 * FIELDS * (count as number) ||
      header.crc !== crc32(bytes.subarray(body))
    )
      throw new Error("corrupted");
    const n = count as number;
    const parts = bytes.toString("utf8", body, body + (text as number)).split("\0");
    if (parts.length !== 2 * n + 1 || parts[2 * n] !== "") throw new Error("corrupted");
    const keys: string[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const key = parts[2 * i] as string;
      const abs = parts[2 * i + 1] as string;
      if (!HEX_KEY.test(key) || abs === "") throw new Error("corrupted");
      keys[i] = key;
      this.#known.set(abs, i);
    }
    if (this.#known.size !== n) throw new Error("corrupted"); // a path twice
    const from = body + (text as number);
    // (copied: a float64 view needs an aligned offset)
    this.#numbers = new Float64Array(FIELDS * n);
    new Uint8Array(this.#numbers.buffer).set(bytes.subarray(from, from + 8 * FIELDS * n));
    this.#keys = keys;
  }

  /** whether entry `i` of the previous run has this stamp */
  #same(i: number, stamp: Stamp): boolean {
    const v = this.#numbers;
    const at = FIELDS * i;
    return (
      v[at] === stamp.size &&
      v[at + 1] === stamp.mtimeMs &&
      v[at + 2] === stamp.ctimeMs &&
      v[at + 3] === stamp.ino &&
      v[at + 4] === stamp.dev
    );
  }

  /** The content key `abs` had last run, if its stamp is unchanged. */
  keyOf(abs: string, stamp: Stamp): string | undefined {
    const i = this.#known.get(abs);
    return i !== undefined && this.#same(i, stamp) ? this.#keys[i] : undefined;
  }

  /** The content key `abs` had last run, whatever its stamp now (what a changed file held before). */
  previousKey(abs: string): string | undefined {
    const i = this.#known.get(abs);
    return i === undefined ? undefined : this.#keys[i];
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
    const i = this.#known.get(abs);
    // an unchanged entry is kept as the number it is (a re-run of 10,000 files made 10,000 copies)
    if (i !== undefined && this.#keys[i] === key && this.#same(i, stamp)) this.#next.set(abs, i);
    else {
      this.#changed = true;
      this.#next.set(abs, { key, ...stamp });
    }
  }

  /** Writes the stamps remembered this run (atomically) when they differ from the loaded ones. */
  save(path: string): void {
    if (!this.#changed && this.#next.size === this.#known.size) return;
    const text: string[] = [];
    const numbers = new Float64Array(FIELDS * this.#next.size);
    let at = 0;
    for (const [abs, e] of this.#next) {
      if (typeof e === "number") {
        text.push(this.#keys[e] as string, "\0", abs, "\0");
        numbers.set(this.#numbers.subarray(FIELDS * e, FIELDS * e + FIELDS), at);
      } else {
        text.push(e.key, "\0", abs, "\0");
        numbers[at] = e.size;
        numbers[at + 1] = e.mtimeMs;
        numbers[at + 2] = e.ctimeMs;
        numbers[at + 3] = e.ino;
        numbers[at + 4] = e.dev;
      }
      at += FIELDS;
    }
    const textBytes = Buffer.from(text.join(""));
    const numberBytes = Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength);
    const header: Header = {
      format: FORMAT,
      count: this.#next.size,
      text: textBytes.length,
      endian: endianness(),
      crc: crc32(numberBytes, crc32(textBytes)),
    };
    try {
      writeFileAtomicSync(path, [Buffer.from(`${JSON.stringify(header)}\n`), textBytes, numberBytes]);
    } catch {
      // the stamps are an optimisation: without them every file is hashed
    }
  }
}

interface Header {
  format: number;
  count: number;
  /** bytes of the keys and paths */
  text: number;
  endian: "LE" | "BE";
  crc: number;
}

const NL = 10;

/** The wall clock in milliseconds, in the units of file timestamps. */
export function nowMs(): number {
  return Date.now();
}
