import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { codeCachePath, runCachedCommonJs } from "../src/engine/code-cache.js";

/** a CommonJS file in a fresh folder, with enough functions for V8 to have something to cache */
function script(source: string): string {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-code-cache-"));
  const path = join(dir, "body.cjs");
  writeFileSync(path, source);
  return path;
}

const SOURCE = [
  'const { basename } = require("node:path");',
  "function twice(x) { return [x, x].join(' '); }",
  "module.exports = { name: basename(__filename), dir: __dirname, url: __moduleUrl, twice };",
].join("\n");

describe("runCachedCommonJs", () => {
  it("runs the file as CommonJS, writes the cache once, and the next load takes its code from it", () => {
    const path = script(SOURCE);
    type Body = { name: string; dir: string; url: string; twice: (x: string) => string };
    const first = runCachedCommonJs<Body>(path);
    expect(first.fromCache).toBe(false);
    expect(first.exports.name).toBe("body.cjs");
    expect(first.exports.dir).toBe(join(path, ".."));
    expect(first.exports.url).toBe(pathToFileURL(path).href);
    expect(first.exports.twice("ab")).toBe("ab ab");
    const cachePath = codeCachePath(path, SOURCE);
    expect(existsSync(cachePath)).toBe(false);
    expect(first.save()).toBe(true);
    expect(first.save()).toBe(false); // once
    expect(readFileSync(cachePath).length).toBeGreaterThan(100);
    expect(readdirSync(join(path, "..")).sort()).toEqual(["body.cjs", cachePath.slice(path.length - 8)]);

    const second = runCachedCommonJs<Body>(path);
    expect(second.fromCache).toBe(true);
    expect(second.exports.twice("cd")).toBe("cd cd");
    expect(second.save()).toBe(false); // the cache it came from stays
  });

  it("ignores a cache V8 rejects and writes a good one in its place", () => {
    const path = script(SOURCE);
    const cachePath = codeCachePath(path, SOURCE);
    writeFileSync(cachePath, Buffer.alloc(4096, 7));
    const run = runCachedCommonJs<{ twice: (x: string) => string }>(path);
    expect(run.fromCache).toBe(false);
    expect(run.exports.twice("x")).toBe("x x");
    expect(run.save()).toBe(true);
    expect(runCachedCommonJs(path).fromCache).toBe(true);
  });

  it("names the cache by the exact source, so an edit of the same length never finds the old one", () => {
    const path = script(SOURCE);
    runCachedCommonJs(path).save();
    const edited = SOURCE.replace("' '", "'-'");
    expect(edited.length).toBe(SOURCE.length);
    writeFileSync(path, edited);
    expect(codeCachePath(path, edited)).not.toBe(codeCachePath(path, SOURCE));
    const run = runCachedCommonJs<{ twice: (x: string) => string }>(path);
    expect(run.fromCache).toBe(false);
    expect(run.exports.twice("x")).toBe("x-x");
  });

  it("names the cache by V8's flags too: another setting gets a file of its own", () => {
    const path = script(SOURCE);
    // dist/'s module (`npm test` builds first): a child process runs plain JavaScript
    const url = pathToFileURL(join(import.meta.dirname, "../dist/engine/code-cache.js")).href;
    const tagged = (flags: string) => {
      const code = `const { codeCachePath } = await import(${JSON.stringify(url)}); process.stdout.write(codeCachePath(${JSON.stringify(path)}, "x"));`;
      const r = spawnSync(process.execPath, [...flags.split(" ").filter(Boolean), "--input-type=module", "-e", code], {
        encoding: "utf8",
      });
      return r.stdout || r.stderr;
    };
    expect(tagged("")).not.toBe(tagged("--interrupt-budget=1000000"));
  });

  it("passes Node's own `import()` as `__import` (a user's .mjs config is loaded with it)", async () => {
    const path = script('module.exports = () => __import("node:path").then((m) => m.sep);');
    const run = runCachedCommonJs<() => Promise<string>>(path);
    await expect(run.exports()).resolves.toBe("/");
  });

  it("names the cache by the hash it is given (taken when the script was bundled) instead of hashing the source", () => {
    const path = script(SOURCE);
    const hash = "0123456789abcdef".repeat(4);
    const run = runCachedCommonJs<{ twice: (x: string) => string }>(path, { hash });
    expect(run.save()).toBe(true);
    const [, cache] = readdirSync(join(path, "..")).sort();
    expect(cache).toMatch(/^body\.cjs\.0123456789abcdef-[0-9a-f]+\.v8cache$/);
    expect(join(path, "..", cache as string)).not.toBe(codeCachePath(path, SOURCE));
    expect(runCachedCommonJs(path, { hash }).fromCache).toBe(true);
    expect(runCachedCommonJs(path).fromCache).toBe(false); // another name: not that file
  });

  it("passes the loader's `import()` and `import.meta.resolve` when given (a CommonJS caller has neither)", async () => {
    const path = script('module.exports = () => [__import("x"), __importMetaResolve("y")];');
    const run = runCachedCommonJs<() => [Promise<unknown>, string]>(path, {
      importModule: async (specifier) => `imported ${specifier}`,
      resolveModule: (specifier, parent) => `${specifier} from ${parent}`,
    });
    const [imported, resolved] = run.exports();
    await expect(imported).resolves.toBe("imported x");
    expect(resolved).toBe(`y from ${pathToFileURL(path).href}`);
  });
});
