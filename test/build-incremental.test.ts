import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../bench/corpus/generate.mjs";
import { siteSnapshot as snapshot } from "./build-helpers.js";

const bin = new URL("../bin/copydesk.js", import.meta.url).pathname;

function build(cwd: string, out: string, ...extra: string[]) {
  const r = spawnSync(process.execPath, [bin, "build", "drafts", "--out", out, "--allow-errors", ...extra], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, COPYDESK_VERBOSE: "1", NO_COLOR: "1" },
  });
  return { status: r.status, err: r.stderr };
}

describe("incremental build", () => {
  it("re-renders only the changed draft and gives the same site as a clean build", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-incr-"));
    generateCorpus({ n: 12, seed: 5, out: join(dir, "drafts"), words: 800 });
    expect(build(dir, "site").err).toContain("rendered 12 page(s), 0 from the cache");
    expect(build(dir, "site").err).toContain("rendered 0 page(s), 12 from the cache");

    const changed = join(dir, "drafts", "000002-markdown.md");
    const text = readFileSync(changed, "utf8");
    writeFileSync(changed, text.replace("\n## ", "\nOne more paragraph written after the first build.\n\n## "));
    expect(build(dir, "site").err).toContain("rendered 1 page(s), 11 from the cache");

    const fresh = build(dir, "fresh", "--no-cache");
    expect(fresh.err).toContain("rendered 12 page(s), 0 from the cache");
    expect(snapshot(join(dir, "site"))).toEqual(snapshot(join(dir, "fresh")));
    const page = Object.entries(snapshot(join(dir, "site"))).find(([, html]) => html.includes("One more paragraph"));
    expect(page).toBeDefined();
  });

  it("renders a cached page again when its file was deleted from the output", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-incr-"));
    generateCorpus({ n: 3, seed: 9, out: join(dir, "drafts"), words: 800 });
    build(dir, "site");
    const slug = readdirSync(join(dir, "site"), { withFileTypes: true }).find((e) => e.isDirectory())?.name as string;
    rmSync(join(dir, "site", slug), { recursive: true });
    expect(build(dir, "site").err).toContain("rendered 1 page(s), 2 from the cache");
    expect(readdirSync(join(dir, "site"))).toContain(slug);
  });

  it("publishes or holds a cached draft again when another draft's change moves its corpus-rule errors", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-incr-"));
    writeFileSync(join(dir, "copydesk.config.json"), JSON.stringify({ rules: { "seo/duplicate-title": "error" } }));
    const body = "Cut above an outward bud with clean shears, and water the roots well afterwards.\n";
    mkdirSync(join(dir, "drafts"));
    writeFileSync(join(dir, "drafts", "a.txt"), `Watering Ferns\n${body}`);
    writeFileSync(join(dir, "drafts", "b.txt"), `Feeding Tomatoes\n${body}`);
    const twin = join(dir, "drafts", "c.txt");
    writeFileSync(twin, `Feeding Tomatoes\n${body}`);
    const run = (out: string, ...extra: string[]) => {
      const r = spawnSync(process.execPath, [bin, "build", "drafts", "--out", out, ...extra], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, COPYDESK_VERBOSE: "1", NO_COLOR: "1" },
      });
      return { out: r.stdout, err: r.stderr.replace(/rendered .*\n/, ""), site: snapshot(join(dir, out)) };
    };
    const held = run("site");
    expect(held.out).toBe(
      "built 1 page(s) into site; 2 held back (rerun with --allow-errors to publish them anyway)\n",
    );
    // b.txt did not change; its twin's title did: b.txt is published, as a clean build publishes it
    writeFileSync(twin, `Feeding Peppers\n${body}`);
    const published = run("site");
    expect(published.out).toBe("built 3 page(s) into site\n");
    const clean = run("clean", "--no-cache");
    expect(published).toEqual({ ...clean, out: published.out });
    // and held back again when the twin is back
    writeFileSync(twin, `Feeding Tomatoes\n${body}`);
    rmSync(join(dir, "site"), { recursive: true });
    expect(run("site")).toEqual({ ...held });
  });

  it("gives the same site and messages with one or two workers, cold or incremental, duplicate slugs included", () => {
    const dir = mkdtempSync(join(tmpdir(), "copydesk-incr-"));
    generateCorpus({ n: 10, seed: 13, out: join(dir, "drafts"), words: 800 });
    // same content under another name: its slug becomes <base>-2 (the corpus has one such pair already)
    copyFileSync(join(dir, "drafts", "000001-bundle-md.md"), join(dir, "drafts", "000001-copy.md"));
    const one = build(dir, "one", "--no-cache", "--workers", "1");
    const two = build(dir, "two", "--no-cache", "--workers", "2");
    expect(one.status).toBe(0);
    expect(one.err).toContain("rendered 11 page(s), 0 from the cache");
    expect(two.err).toBe(one.err);
    const site = snapshot(join(dir, "one"));
    expect(Object.keys(site).filter((f) => /-2\/index\.html$/.test(f))).toHaveLength(2);
    expect(snapshot(join(dir, "two"))).toEqual(site);

    expect(build(dir, "cached").err).toBe(one.err);
    const again = build(dir, "cached");
    expect(again.err).toContain("rendered 0 page(s), 11 from the cache");
    expect(again.err.replace(/rendered .*\n/, "")).toBe(one.err.replace(/rendered .*\n/, ""));
    expect(snapshot(join(dir, "cached"))).toEqual(site);
  });
});
