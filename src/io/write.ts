import { randomBytes } from "node:crypto";
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
  writevSync,
} from "node:fs";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { threadId } from "node:worker_threads";

/** A temp file next to `path` (same file system, so renaming it over `path` is atomic). */
function tempPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Writes `text` so readers never see a half-written file: a temp file in the
 * same directory (same file system, so rename is atomic), then rename over
 * the target. The temp file is removed if anything fails.
 */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const tmp = tempPath(path);
  try {
    await writeFile(tmp, text, "utf8");
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
}

/**
 * The same, synchronously (text, or bytes written as they are): for many small files in a row (a
 * site's pages) it costs a third of the CPU of the promise version, which pays for a file handle, a
 * thread-pool hop and two promises per file. Parts (an array) are written one after the other in
 * gathered calls, without being copied into one buffer first (a 10 MB cache file's head and body).
 */
export function writeFileAtomicSync(path: string, text: string | Uint8Array | readonly Uint8Array[]): void {
  const tmp = tempPath(path);
  try {
    if (Array.isArray(text)) writeParts(tmp, text);
    else writeFileSync(tmp, text as string | Uint8Array, "utf8");
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // the temp file was never created
    }
    throw err;
  }
}

function writeParts(path: string, parts: readonly Uint8Array[]): void {
  const fd = openSync(path, "w");
  try {
    let pending = parts;
    while (pending.length > 0) pending = remainingAfter(pending, writevSync(fd, pending as Uint8Array[]));
  } finally {
    closeSync(fd);
  }
}

/** The bytes of `parts` after the first `n` (what a short gathered write left). */
export function remainingAfter(parts: readonly Uint8Array[], n: number): Uint8Array[] {
  const rest: Uint8Array[] = [];
  for (const part of parts) {
    if (n >= part.length) n -= part.length;
    else {
      rest.push(n > 0 ? part.subarray(n) : part);
      n = 0;
    }
  }
  return rest;
}

/** Files staged by this thread so far, and its own folder in the staging folder it last staged into. */
let stagedHere = 0;
let ownFolder: { in: string; path: string } | undefined;

/**
 * Writes contents whose file is named later into a staging folder (`SiteWriter.stagingFolder`), from any
 * thread of the process: a pool thread stages the pages it renders itself, so only their names cross to
 * the thread that places them. Each thread stages into a folder of its own (named by its thread id), so
 * two threads never create files in one folder at once, which the file system serializes. A page gets
 * no folder of its own here: made for every page, folders cost more system time than the one `mkdir`
 * per page `SiteWriter.place` makes anyway. Returns the staged file's path.
 */
export function stageFile(folder: string, contents: string | Uint8Array): string {
  if (ownFolder?.in !== folder) {
    const path = join(folder, String(threadId));
    mkdirSync(path, { recursive: true });
    ownFolder = { in: folder, path };
  }
  const path = join(ownFolder.path, String(++stagedHere));
  writeFileSync(path, contents);
  return path;
}

/** Staging folders are named by this, the process id and a random part. */
const STAGING_PREFIX = ".copydesk-staging-";

/** Whether a process with this id is running (signal 0 only asks; EPERM: it runs as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Removes staging folders a killed build left in `outDir` (a `finally` does not run on SIGKILL), which
 * a deploy of the folder would otherwise publish: those whose process is gone, or that carry no process
 * id (named before ids were). A build running beside this one into the same folder keeps its own.
 */
export function removeAbandonedStaging(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return; // a folder that cannot be listed: making the staging folder reports it
  }
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const pid = /^(\d+)-/.exec(name.slice(STAGING_PREFIX.length))?.[1];
    if (pid !== undefined && running(Number(pid))) continue; // this process's, or a running build's
    rmSync(join(outDir, name), { recursive: true, force: true });
  }
}

/**
 * A site's files written into `outDir` one after the other, each atomically: for a thousand small files,
 * synchronous writes cost a third of the CPU of bounded parallel promises on two cores. A page made
 * before its name is known (`build` renders drafts while it checks them, slugs are settled after) is
 * staged: written at once into a folder of its own inside `outDir`, the same file system, then renamed
 * into place, so no page waits in memory and none is written twice. `close` removes what was staged
 * and never placed.
 */
export class SiteWriter {
  readonly #outDir: string;
  /** the folders made already */
  readonly #made = new Set<string>();
  #staging: string | undefined;

  constructor(outDir: string) {
    this.#outDir = outDir;
  }

  /** Writes a file (path relative to `outDir`, forward slashes), atomically. */
  write(rel: string, contents: string | Uint8Array): void {
    writeFileAtomicSync(this.#target(rel), contents);
  }

  /** The folder files are staged in (made on first use): other threads may stage into it too (`stageFile`). */
  stagingFolder(): string {
    if (this.#staging === undefined) {
      mkdirSync(this.#outDir, { recursive: true });
      removeAbandonedStaging(this.#outDir);
      this.#staging = mkdtempSync(join(this.#outDir, `${STAGING_PREFIX}${process.pid}-`));
    }
    return this.#staging;
  }

  /** Moves staged contents to their file, atomically (a rename). */
  place(staged: string, rel: string): void {
    renameSync(staged, this.#target(rel));
  }

  /** Removes the staging folder, with whatever was staged but not placed. */
  close(): void {
    if (this.#staging !== undefined) rmSync(this.#staging, { recursive: true, force: true });
    this.#staging = undefined;
  }

  #target(rel: string): string {
    const target = join(this.#outDir, ...rel.split("/"));
    const dir = dirname(target);
    if (!this.#made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#made.add(dir);
    }
    return target;
  }
}
