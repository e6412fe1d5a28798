import { isAscii, isUtf8, transcode } from "node:buffer";
import { closeSync, constants, fstatSync, openSync, readSync, type Stats, statSync } from "node:fs";
import { open, stat } from "node:fs/promises";

/** A draft that failed the input checks: `message` is one line naming the file and the problem. */
export class InputError extends Error {
  override name = "InputError";
}

export interface LoadOptions {
  /** default 10 MB */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The text of UTF-8 bytes, or `undefined` when they are not valid UTF-8 (TextDecoder's fatal mode:
 * same strings, same refusals). ASCII becomes a one-byte string directly; otherwise the bytes are
 * validated, transcoded to UTF-16 and copied, about a quarter of the instructions of V8's UTF-8
 * decoder on the drafts (a leading BOM is kept either way).
 */
function decodeUtf8(bytes: Buffer): string | undefined {
  if (isAscii(bytes)) return bytes.toString("latin1");
  if (!isUtf8(bytes)) return undefined;
  if (typeof transcode !== "function") return decoder.decode(bytes); // Node built without ICU
  return transcode(bytes, "utf8", "utf16le").toString("utf16le");
}

function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

/**
 * Loads a draft from disk with the bad-input checks (missing, directory, empty,
 * binary, invalid UTF-8, too large). The text is returned exactly as decoded,
 * BOM included: readers skip a leading BOM themselves so every span still
 * points into the file as written (offset 0 is the BOM).
 */
export async function loadSource(path: string, options: LoadOptions = {}): Promise<{ path: string; text: string }> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let info: Stats;
  try {
    info = await stat(path);
  } catch (err) {
    throw statError(path, err);
  }
  checkStats(path, info, maxBytes);
  let bytes: Buffer;
  const handle = await open(path, "r").catch((err: NodeJS.ErrnoException) => {
    throw new InputError(`${path}: cannot open (${err.code ?? "unknown error"})`);
  });
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return { path, text: decodeChecked(path, bytes, maxBytes) };
}

/**
 * `loadSource` without the event-loop round trips, for batch workers that check one file after
 * another: same checks, same messages. One open, one read into a reused buffer, one close for a
 * draft that fits it (`probe`); else an fstat and reads into a buffer of the file's size
 * (`statSync` + `readFileSync` would stat twice and open once more). Opened non-blocking so a FIFO
 * is refused by the check instead of waiting for a writer.
 */
export function loadSourceSync(path: string, options: LoadOptions = {}): { path: string; text: string } {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return { path, text: decodeChecked(path, loadBytes(path, maxBytes, true), maxBytes) };
}

/**
 * The file's bytes with the checks that need no decoding (missing, directory, not a regular file,
 * empty, too large), for callers that hash content before deciding to decode it. Never blocks on a
 * FIFO.
 */
export function loadBytesSync(path: string, options: LoadOptions = {}): Buffer {
  return loadBytes(path, options.maxBytes ?? DEFAULT_MAX_BYTES, false);
}

/**
 * The text of bytes `loadBytesSync` returned, with the checks that need decoding (binary, invalid
 * UTF-8, only whitespace): `loadSourceSync` in two steps, for callers that hash the bytes first.
 */
export function decodeSource(path: string, bytes: Buffer, options: LoadOptions = {}): string {
  return decodeChecked(path, bytes, options.maxBytes ?? DEFAULT_MAX_BYTES);
}

/** `loadBytesSync`; with `scratch`, the bytes may sit in a buffer the next load reuses (decode them at once). */
function loadBytes(path: string, maxBytes: number, scratch: boolean): Buffer {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (err) {
    // the messages of the stat-first order: what stat says, else the checks, else "cannot open"
    let info: Stats;
    try {
      info = statSync(path);
    } catch (statErr) {
      throw statError(path, statErr);
    }
    checkStats(path, info, maxBytes);
    throw new InputError(`${path}: cannot open (${(err as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
  try {
    const n = probe(fd);
    // a regular file read to its end within the probe: its size is known, no fstat needed
    if (n > 0 && n < shared.length && n <= maxBytes) {
      const bytes = shared.subarray(0, n);
      return scratch ? bytes : Buffer.from(bytes);
    }
    const info = fstatSync(fd);
    checkStats(path, info, maxBytes);
    return readAll(path, fd, info.size, scratch);
  } finally {
    closeSync(fd);
  }
}

/**
 * The buffer files are read into when their bytes are decoded at once (loadSourceSync): one buffer
 * reused, not a fresh one per file, which kept the collector busy with external memory.
 */
let shared = Buffer.allocUnsafe(64 * 1024);
/** Past this size a file gets its own buffer instead of growing the shared one for good. */
const SHARED_MAX = 1024 * 1024;

/**
 * Bytes read from offset 0 of `fd` into `shared`, or -1 when the read fails. A positional read
 * (pread) leaves the file offset at 0 for `readAll`, and fails on what is no regular file (a
 * directory, a FIFO): fewer bytes than asked then means the file ended, so most drafts are
 * loaded by open, one read and close. Whatever else (nothing read, the buffer filled, an
 * error) goes through fstat and the checks, which give the messages.
 */
function probe(fd: number): number {
  try {
    return readSync(fd, shared, 0, shared.length, 0);
  } catch {
    return -1;
  }
}

/**
 * The whole file from `fd`: `size` bytes expected, and whatever follows if it grew meanwhile. Each
 * read asks for more than is left, so the short read that ends a regular file also proves it did
 * not grow, without a last read that returns nothing.
 */
function readAll(path: string, fd: number, size: number, scratch: boolean): Buffer {
  try {
    let bytes: Buffer;
    if (scratch && size < SHARED_MAX) {
      if (shared.length <= size) shared = Buffer.allocUnsafe(Math.min(SHARED_MAX, 2 * (size + 1)));
      bytes = shared;
    } else bytes = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === bytes.length) bytes = Buffer.concat([bytes, Buffer.allocUnsafe(Math.max(8192, length))]); // it grew
      const want = bytes.length - length;
      const n = readSync(fd, bytes, length, want, null);
      length += n;
      if (n === 0 || (n < want && length >= size)) break;
    }
    return bytes.subarray(0, length);
  } catch (err) {
    throw new InputError(`${path}: cannot open (${(err as NodeJS.ErrnoException).code ?? "unknown error"})`);
  }
}

function statError(path: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError(`${path}: no such file`);
  if (code === "EACCES") return new InputError(`${path}: permission denied`);
  return new InputError(`${path}: cannot read (${code ?? "unknown error"})`);
}

function checkStats(path: string, info: Stats, maxBytes: number): void {
  if (info.isDirectory()) throw new InputError(`${path}: is a directory, not a draft file`);
  if (!info.isFile()) throw new InputError(`${path}: not a regular file`);
  if (info.size === 0) throw new InputError(`${path}: empty file`);
  // refuse before reading: a huge file must fail fast, not after buffering it
  if (info.size > maxBytes)
    throw new InputError(`${path}: file is ${formatBytes(info.size)}, over the ${formatBytes(maxBytes)} limit`);
}

function decodeChecked(path: string, bytes: Buffer, maxBytes: number): string {
  if (bytes.length > maxBytes)
    throw new InputError(`${path}: file is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit`);
  const nul = bytes.indexOf(0);
  if (nul !== -1) throw new InputError(`${path}: binary file (NUL byte at offset ${nul})`);
  const text = decodeUtf8(bytes);
  if (text === undefined) throw new InputError(`${path}: not valid UTF-8 (at byte ${firstInvalidUtf8(bytes)})`);
  if (text.trim() === "" || text === "\uFEFF") throw new InputError(`${path}: empty file (only whitespace)`);
  return text;
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const len = b < 0x80 ? 1 : b >> 5 === 6 ? 2 : b >> 4 === 14 ? 3 : b >> 3 === 30 ? 4 : 0;
    if (len === 0 || i + len > bytes.length) return i;
    for (let k = 1; k < len; k++) if (((bytes[i + k] as number) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
