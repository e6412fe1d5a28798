import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";

// Runs the built CLI (npm test builds first): worker threads load dist/engine/worker.js.
const bin = new URL("../bin/copydesk.js", import.meta.url).pathname;

function check(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, "check", "corpus", "--format", "json", ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** The check cache file of the default options (json format adds stats, so it has its own salt). */
function checkCacheFile(cwd: string): string {
  const names = readdirSync(join(cwd, ".copydesk-cache")).filter((f) => f.startsWith("check-") && f.endsWith(".cache"));
  expect(names).toHaveLength(1);
  return join(cwd, ".copydesk-cache", names[0] as string);
}

describe("check over many files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "copydesk-batch-"));
    generateCorpus({ n: 70, seed: 11, out: join(dir, "corpus"), words: 900 });
  });

  it("gives byte-identical reports with one and two workers", () => {
    const one = check(dir, "--workers", "1", "--no-cache");
    const two = check(dir, "--workers", "2", "--no-cache");
    expect(one.err).toBe("");
    expect(one.status).toBe(1); // the corpus carries deliberate faults
    const parsed = JSON.parse(one.out) as Array<{ filePath: string; messages: unknown[] }>;
    expect(parsed).toHaveLength(70);
    expect(parsed.every((f) => f.messages.length > 0)).toBe(true);
    expect(two.out).toBe(one.out);
  });

  it("checks in this thread and one pool thread alike: same results, sources kept, articles only from this one", async () => {
    // dist's modules, so the pool thread runs the built worker (as the CLI's does)
    const { checkFiles } = (await import(pathToFileURL(join(process.cwd(), "dist/engine/batch.js")).href)) as {
      checkFiles: typeof import("../src/engine/batch.js").checkFiles;
    };
    const corpus = join(dir, "corpus");
    const paths = readdirSync(corpus).sort();
    const spec = { cwd: corpus, now: "2026-11-24T00:00:00Z" };
    const one = await checkFiles(paths, spec, { workers: 1, keepSource: true });
    const articles = new Set<number>();
    const two = await checkFiles(paths, spec, {
      workers: 2,
      keepSource: true,
      onArticle: (index, article, result) => {
        expect(articles.has(index)).toBe(false);
        expect(result.path).toBe(paths[index]);
        expect(article.blocks.length).toBeGreaterThan(0);
        articles.add(index);
      },
    });
    expect(two.results).toEqual(one.results);
    expect(two.results.every((r) => typeof r.source === "string" && r.source.length > 0)).toBe(true);
    // this thread took a share of the files, and the pool thread the rest
    expect(articles.size).toBeGreaterThan(0);
    expect(articles.size).toBeLessThan(paths.length);
  });

  it("plans each draft's page in the thread that checked it: a pool thread sends its pages back", async () => {
    const { checkFiles } = (await import(pathToFileURL(join(process.cwd(), "dist/engine/batch.js")).href)) as {
      checkFiles: typeof import("../src/engine/batch.js").checkFiles;
    };
    const corpus = join(dir, "corpus");
    const paths = readdirSync(corpus).sort();
    const spec = {
      cwd: corpus,
      now: "2026-11-24T00:00:00Z",
      errorsOnly: true,
      page: { articleType: "Article" as const },
    };
    const pagesOf = async (workers: number) => {
      const pages: unknown[] = new Array(paths.length);
      const articles = new Set<number>();
      await checkFiles(paths, spec, {
        workers,
        onPage: (index, page) => {
          expect(pages[index]).toBeUndefined();
          pages[index] = page;
        },
        onArticle: (index) => articles.add(index),
      });
      return { pages, articles };
    };
    const one = await pagesOf(1);
    const two = await pagesOf(2);
    // some drafts were checked in the pool thread, and their pages came back all the same
    expect(two.articles.size).toBeLessThan(paths.length);
    expect(two.pages).toEqual(one.pages);
    expect(one.pages.every((p) => typeof (p as { page: { file: string } }).page.file === "string")).toBe(true);
    // the drafts hold errors of their own: some pages are held back unrendered, the others carry their HTML
    const html = one.pages.filter((p) => (p as { html?: Uint8Array }).html !== undefined);
    expect(html.length).toBeGreaterThan(0);
    expect(html.length).toBeLessThan(paths.length);
    // as the UTF-8 bytes the build writes
    expect(
      Buffer.from((html[0] as { html: Uint8Array }).html)
        .toString("utf8")
        .startsWith("<!DOCTYPE html>"),
    ).toBe(true);
  });

  it("serves unchanged files from the cache and re-checks a changed one", () => {
    const first = check(dir, "--workers", "2");
    const cacheFile = checkCacheFile(dir);
    // a header line, then one record per file
    expect(readFileSync(cacheFile, "utf8").trimEnd().split("\n")).toHaveLength(71);
    const again = check(dir, "--workers", "2");
    expect(again.out).toBe(first.out);

    // a changed file is checked again: an added placeholder must be reported
    const target = join(dir, "corpus", "000002-markdown.md");
    appendFileSync(target, "\n[Insert statistic here]\n");
    const changed = JSON.parse(check(dir).out) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    const file = changed.find((f) => f.filePath.endsWith("000002-markdown.md"));
    expect(file?.messages.some((m) => m.ruleId === "draft/placeholder")).toBe(true);
  });

  it("rebuilds a corrupted cache instead of trusting it", () => {
    const before = check(dir).out;
    const cacheFile = checkCacheFile(dir);
    writeFileSync(cacheFile, "{ truncated");
    expect(check(dir).out).toBe(before);
    // rewritten whole: a header line and the records (without the record a changed file had before)
    const intact = readFileSync(cacheFile, "utf8");
    const [header, ...records] = intact.trimEnd().split("\n");
    expect(JSON.parse(header ?? "").format).toBe(4);
    expect(records).toHaveLength(70);

    // one record's diagnostics altered (its checksum no longer matches): not served, the file is rebuilt
    const forged = intact.replace(/"severity":1,/, '"severity":0,');
    expect(forged).not.toBe(intact);
    writeFileSync(cacheFile, forged);
    expect(check(dir).out).toBe(before);
    expect(readFileSync(cacheFile, "utf8").split("\n").sort()).toEqual(intact.split("\n").sort());
  });
});
