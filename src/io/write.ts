import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
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
 * thread-pool hop and two promises per file.
 */
export function writeFileAtomicSync(path: string, text: string | Uint8Array): void {
  const tmp = tempPath(path);
  try {
    writeFileSync(tmp, text, "utf8");
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

/** Files staged by this thread so far: with the thread's id, a name no other thread of the process gives. */
let stagedHere = 0;

/**
 * Writes contents whose file is named later into a staging folder (`SiteWriter.stagingFolder`), from any
 * thread of the process: a pool thread stages the pages it renders itself, so only their names cross to
 * the thread that places them. Each file goes alone into a folder of its own, under the name it will
 * have (`name`), so that placing it where no folder is yet renames that folder (`SiteWriter.place`).
 * Returns the staged file's path.
 */
export function stageFile(folder: string, contents: string | Uint8Array, name = "index.html"): string {
  const own = join(folder, `${threadId}-${++stagedHere}`);
  mkdirSync(own);
  const path = join(own, name);
  writeFileSync(path, contents);
  return path;
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
      this.#staging = mkdtempSync(join(this.#outDir, ".copydesk-staging-"));
    }
    return this.#staging;
  }

  /** Writes contents whose file is named later (`place`); returns where they wait. */
  stage(contents: string | Uint8Array, name?: string): string {
    return stageFile(this.stagingFolder(), contents, name);
  }

  /**
   * Moves staged contents to their file, atomically (a rename). A page's folder that is not there yet
   * (a cold build) is the staged file's own folder renamed: one system call instead of a mkdir and a
   * rename per page. Where the folder is there already (or cannot be replaced so), the file alone moves.
   */
  place(staged: string, rel: string): void {
    const target = join(this.#outDir, ...rel.split("/"));
    const dir = dirname(target);
    if (basename(staged) === basename(target) && dir !== this.#outDir && !this.#made.has(dir)) {
      this.#folder(dirname(dir));
      try {
        renameSync(dirname(staged), dir);
        this.#made.add(dir);
        return;
      } catch {
        // a folder with files in it (a site built before) or a file by that name: moved into, below
      }
    }
    renameSync(staged, this.#target(rel));
  }

  /** Removes the staging folder, with whatever was staged but not placed. */
  close(): void {
    if (this.#staging !== undefined) rmSync(this.#staging, { recursive: true, force: true });
    this.#staging = undefined;
  }

  #target(rel: string): string {
    const target = join(this.#outDir, ...rel.split("/"));
    this.#folder(dirname(target));
    return target;
  }

  /** Makes a folder (and its parents) once. */
  #folder(dir: string): void {
    if (!this.#made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.#made.add(dir);
    }
  }
}
