import { type BigIntStats, readFileSync, statSync } from "node:fs";
import { crc32 } from "node:zlib";
import { writeFileAtomicSync } from "../io/write.js";

/**
 * The metadata fast path of the content-hash cache (git's index, ESLint's `--cache-strategy metadata`):
 * per path, the file's stamp (size, mtime and ctime in nanoseconds, inode, device) and the content key
 * it had. A re-run that finds the same stamp reuses the key without reading the file; the cache stays
 * keyed by content, so a stamp only ever names which content entry to serve.
 *
 * What is trusted: a file whose size, mtime, ctime, inode and device are all unchanged is taken to hold
 * the content it had. Restoring a file's mtime (`touch -d`, `utimes`) still changes its ctime, and an
 * editor that writes a new file and renames it changes the inode, so both are hashed again; only
 * changing the system clock or writing the disk behind the kernel's back defeats it.
 *
 * Racy timestamps: a file written in the same timestamp tick as it was read could change again without
 * its mtime moving. So a stamp is kept only when the file's mtime and ctime are at least `RACY_NS`
 * older than the moment it was stat'ed (taken before the read; two seconds covers FAT's 2 s resolution
 * and the lag of the kernel's coarse clock): a later write then necessarily moves mtime or ctime. A
 * freshly written file is hashed on every run until it is that old, as git re-checks "racily clean"
 * entries.
 *
 * The file: a header line `{"format","crc","count"}` (crc32 of the rest), then one line per path,
 * `<key> <size> <mtimeNs> <ctimeNs> <ino> <dev> <JSON path>`. Anything unexpected discards the whole
 * file: every file is then hashed, as with `--cache-strategy content`.
 */
const FORMAT = 1;
export const RACY_NS = 2_000_000_000n;
const LINE = /^([0-9a-f]{64}) (\d+) (\d+) (\d+) (\d+) (\d+) (".*")$/;

export interface Stamp {
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
  dev: bigint;
}

interface Entry extends Stamp {
  key: string;
}

/** The stamp of a regular file, or undefined (missing, a directory, a FIFO: those take the content path). */
export function stampOf(abs: string): Stamp | undefined {
  let info: BigIntStats | undefined;
  try {
    info = statSync(abs, { bigint: true, throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!info?.isFile()) return undefined;
  return { size: info.size, mtimeNs: info.mtimeNs, ctimeNs: info.ctimeNs, ino: info.ino, dev: info.dev };
}

function same(a: Stamp, b: Stamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino && a.dev === b.dev;
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
        const m = LINE.exec(line);
        if (!m) throw new Error("corrupted");
        const [, key, size, mtimeNs, ctimeNs, ino, dev, path] = m as unknown as string[];
        stamps.#known.set(JSON.parse(path as string) as string, {
          key: key as string,
          size: BigInt(size as string),
          mtimeNs: BigInt(mtimeNs as string),
          ctimeNs: BigInt(ctimeNs as string),
          ino: BigInt(ino as string),
          dev: BigInt(dev as string),
        });
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
   * Keeps `abs` → `key` for the next run, unless the file was modified within `RACY_NS` of `statedAtNs`
   * (the wall clock in ns, read before the stat): see the racy-timestamps note above.
   */
  remember(abs: string, stamp: Stamp, key: string, statedAtNs: bigint): void {
    const limit = statedAtNs - RACY_NS;
    if (stamp.mtimeNs >= limit || stamp.ctimeNs >= limit) return;
    const known = this.#known.get(abs);
    if (!known || known.key !== key || !same(known, stamp)) this.#changed = true;
    this.#next.set(abs, { key, ...stamp });
  }

  /** Writes the stamps remembered this run (atomically) when they differ from the loaded ones. */
  save(path: string): void {
    if (!this.#changed && this.#next.size === this.#known.size) return;
    let body = "";
    for (const [abs, e] of this.#next)
      body += `${e.key} ${e.size} ${e.mtimeNs} ${e.ctimeNs} ${e.ino} ${e.dev} ${JSON.stringify(abs)}\n`;
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

/** The wall clock in nanoseconds, in the units of file timestamps. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}
