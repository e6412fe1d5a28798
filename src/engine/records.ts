import { closeSync, openSync, readSync, writeSync } from "node:fs";

/** Where one record sits in an `AppendFile`. */
export interface Span {
  offset: number;
  length: number;
}

/** Writes of at most about this many bytes: few system calls, little memory held. */
const FLUSH_BYTES = 1 << 20;

/**
 * A file written once, front to back, and read back by offset. Large runs keep each checked file's
 * result here instead of in memory until the corpus rules have run (and the content-hash cache is one
 * of these), so peak memory does not grow with the number of files.
 */
export class AppendFile {
  #size: number;
  /**
   * Appended bytes not written yet, copied in as they come: held as the strings they were, a run's
   * records lived long enough to be promoted to V8's old space (~27 KB a record, a tenth of a check's
   * garbage collection); copied at once, each record string dies young.
   */
  #staging: Buffer | undefined;
  #pendingBytes = 0;
  #closed = false;
  /** the last large read, which serves the records after it when the caller reads forward */
  #window: Buffer | undefined;
  #windowAt = 0;
  /** how many of the window's bytes were read */
  #windowLength = 0;
  /** whether the window was read for a transient caller (see `read`) */
  #transient = false;

  private constructor(
    readonly path: string,
    readonly fd: number,
    size: number,
  ) {
    this.#size = size;
  }

  /** A new, empty file to append to (replaces any file at `path`). */
  static create(path: string): AppendFile {
    return new AppendFile(path, openSync(path, "w+"), 0);
  }

  /** An open file, read only (its first `size` bytes count). */
  static reading(path: string, fd: number, size: number): AppendFile {
    return new AppendFile(path, fd, size);
  }

  get size(): number {
    return this.#size;
  }

  append(data: string | Buffer): Span {
    const length = typeof data === "string" ? Buffer.byteLength(data) : data.length;
    const span = { offset: this.#size, length };
    if (this.#pendingBytes + length > FLUSH_BYTES) this.flush();
    if (length > FLUSH_BYTES) {
      // too big to stage: written at once (nothing is pending now)
      writeAll(this.fd, typeof data === "string" ? Buffer.from(data) : data, this.#size);
    } else {
      this.#staging ??= Buffer.allocUnsafe(FLUSH_BYTES);
      if (typeof data === "string") this.#staging.write(data, this.#pendingBytes, length);
      else data.copy(this.#staging, this.#pendingBytes);
      this.#pendingBytes += length;
    }
    this.#size += length;
    return span;
  }

  flush(): void {
    if (this.#pendingBytes === 0 || !this.#staging) return;
    const bytes = this.#staging.subarray(0, this.#pendingBytes);
    writeAll(this.fd, bytes, this.#size - this.#pendingBytes);
    this.#pendingBytes = 0;
  }

  /**
   * The bytes of a span (a view: decode it, do not keep it). `forward`: the caller reads the file
   * front to back (a run's records, in input order), so one read of about 1 MB serves the next
   * records too, instead of a system call and a buffer each. `transient` (with `forward`): the caller
   * is done with each view before it reads the next span, so the next window is read into the same
   * buffer instead of a new one (a re-run's report reads ~120 MB: fresh buffers were much of its
   * garbage collection).
   */
  read(span: Span, forward = false, transient = false): Buffer {
    const end = span.offset + span.length;
    if (end > this.#size - this.#pendingBytes) this.flush();
    const window = this.#window;
    if (window && span.offset >= this.#windowAt && end <= this.#windowAt + this.#windowLength)
      return window.subarray(span.offset - this.#windowAt, end - this.#windowAt);
    if (!forward || span.length >= FLUSH_BYTES) return readAt(this.fd, span.offset, span.length);
    // written bytes never change, so the window stays valid however the file grows
    const length = Math.min(FLUSH_BYTES, this.#size - this.#pendingBytes - span.offset);
    // only a window read for a transient caller is read over: another's views may still be in use
    const into =
      transient && this.#transient && window?.length === FLUSH_BYTES
        ? window
        : Buffer.allocUnsafe(transient ? FLUSH_BYTES : length);
    readFully(this.fd, into, span.offset, length);
    this.#window = into;
    this.#windowAt = span.offset;
    this.#windowLength = length;
    this.#transient = transient;
    return into.subarray(0, span.length);
  }

  close(): void {
    if (this.#closed) return;
    this.flush();
    this.#closed = true;
    closeSync(this.fd);
  }
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const buffer = Buffer.allocUnsafe(length);
  readFully(fd, buffer, offset, length);
  return buffer;
}

/** Reads `length` bytes at `offset` into the start of `buffer`. */
function readFully(fd: number, buffer: Buffer, offset: number, length: number): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, offset + done);
    if (n === 0) throw new Error(`unexpected end of file at byte ${offset + done}`);
    done += n;
  }
}

function writeAll(fd: number, bytes: Buffer, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}
