import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// `npm test` builds first. A copy of bin/ and dist/, so the test sees only the caches its own runs write.
const root = fileURLToPath(new URL("..", import.meta.url));

describe("bin/copydesk.js: check and build from a CommonJS CLI with V8's code cache", () => {
  let copy: string;
  const bundle = () => join(copy, "dist/bundle");
  const caches = () => readdirSync(bundle()).filter((n) => n.endsWith(".v8cache"));
  const run = (env: Record<string, string>, ...args: string[]) => {
    const r = spawnSync(process.execPath, [join(copy, "bin/copydesk.js"), ...args], {
      cwd: join(copy, "work"),
      encoding: "utf8",
      env: { ...process.env, ...env },
    });
    return { status: r.status, out: r.stdout, err: r.stderr };
  };

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), "copydesk-cli-cache-"));
    cpSync(join(root, "bin"), join(copy, "bin"), { recursive: true });
    cpSync(join(root, "dist"), join(copy, "dist"), { recursive: true, filter: (f) => !f.endsWith(".v8cache") });
    cpSync(join(root, "package.json"), join(copy, "package.json"));
    cpSync(join(root, "assets"), join(copy, "assets"), { recursive: true });
    symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
    cpSync(join(root, "examples"), join(copy, "work/drafts"), { recursive: true });
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("writes the cache after a check (not a usage error), takes it next time, and replaces a bad one", () => {
    expect(run({}, "check", "--no-cache", "drafts/missing.txt").status).toBe(2);
    expect(caches()).toEqual([]); // a usage error writes nothing

    const first = run({}, "check", "--no-cache", "--format", "json", "drafts");
    expect(first.status).toBe(1);
    expect(first.out.length).toBeGreaterThan(10_000);
    const written = caches();
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^cli-check\.cjs\.[0-9a-f]{16}-[0-9a-f]+\.v8cache$/);
    const cache = join(bundle(), written[0] as string);
    const bytes = readFileSync(cache);
    const file = statSync(cache).ino; // a cache written again is a new file (renamed into place)

    expect(run({}, "check", "--no-cache", "--format", "json", "drafts")).toEqual(first);
    expect(statSync(cache).ino).toBe(file); // accepted: not written again

    writeFileSync(cache, Buffer.alloc(bytes.length, 1));
    expect(run({}, "check", "--no-cache", "--format", "json", "drafts")).toEqual(first);
    expect(statSync(cache).ino).not.toBe(file); // rejected, then replaced
    expect(readFileSync(cache).equals(Buffer.alloc(bytes.length, 1))).toBe(false);
    expect(caches()).toHaveLength(1);
  }, 120_000); // four CLI runs: a few seconds idle, far more on a busy 2-core runner

  it("builds the same site from the CommonJS CLI as from the ES modules", () => {
    const cjs = run({}, "build", "--no-cache", "--allow-errors", "--out", "site-a", "drafts");
    const esm = run({ COPYDESK_DEBUG: "1" }, "build", "--no-cache", "--allow-errors", "--out", "site-b", "drafts");
    expect(cjs.status).toBe(0);
    expect(cjs.err).toBe(esm.err);
    expect(cjs.out.replace("site-a", "site-b")).toBe(esm.out);
    const tree = (dir: string) =>
      readdirSync(join(copy, "work", dir), { recursive: true, encoding: "utf8" })
        .sort()
        .filter((n) => n.endsWith(".html") || n.endsWith(".xml"))
        .map((n) => [n, readFileSync(join(copy, "work", dir, n), "utf8").replace(/<updated>[^<]*<\/updated>/g, "")]);
    expect(tree("site-a")).toEqual(tree("site-b"));
    expect(tree("site-a").length).toBeGreaterThan(4);
    expect(caches().some((n) => n.startsWith("cli-build.cjs."))).toBe(true);
  }, 120_000);
});
