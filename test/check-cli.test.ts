import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs, writeBuffered } from "../src/cli/commands/check.js";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

// Drafts written for these tests: one JSON-LD problem (an empty datePublished), one clean page.
const BROKEN = [
  "# Pruning apple trees",
  "",
  "Prune in late winter while the tree is dormant.",
  "",
  "```json",
  '{"@context": "https://schema.org", "@type": "Article", "headline": "Pruning apple trees", "datePublished": ""}',
  "```",
  "",
].join("\n");
const CLEAN = "# Pruning pear trees\n\nPears want a light cut in summer.\n";

function memoryIo(cwd: string, extra: Partial<CliIo> = {}): CliIo & { out: string; err: string } {
  const io = {
    out: "",
    err: "",
    cwd,
    env: {} as Record<string, string | undefined>,
    isTTY: false,
    stdout: (t: string) => {
      io.out += t;
    },
    stderr: (t: string) => {
      io.err += t;
    },
    ...extra,
  };
  return io;
}

let root: string;
async function check(args: string[], extra: Partial<CliIo> = {}) {
  const io = memoryIo(root, extra);
  const code = await main(["check", ...args], io);
  return { code, out: io.out, err: io.err };
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "copydesk-check-"));
  // only the rule under test, so the expectations do not move when other rules change
  writeFileSync(
    join(root, "copydesk.config.json"),
    JSON.stringify({ extends: [], rules: { "jsonld/empty-value": "error" } }),
  );
  mkdirSync(join(root, "drafts", "nested"), { recursive: true });
  writeFileSync(join(root, "drafts", "broken.md"), BROKEN);
  writeFileSync(join(root, "drafts", "nested", "clean.md"), CLEAN);
  writeFileSync(join(root, "drafts", "notes.pdf"), "not a draft");
  writeFileSync(join(root, "empty.md"), "");
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("copydesk check", () => {
  it("reports in stylish format with a code frame and exits 1 on errors", async () => {
    const r = await check(["drafts/broken.md"]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("\ndrafts/broken.md\n  6:108  error  `datePublished` is empty");
    expect(r.out).toContain("jsonld/empty-value\n    6 | …");
    expect(r.out).toContain("\n✖ 1 problem (1 error, 0 warnings)\n");
    expect(r.out).not.toContain("\u001b[");
  });

  it("exits 0 and prints nothing for a clean file", async () => {
    expect(await check(["drafts/nested/clean.md"])).toEqual({ code: 0, out: "", err: "" });
  });

  it("expands directories recursively (draft extensions only, sorted) and globs", async () => {
    expect(await expandInputs(["drafts"], root)).toEqual([
      join(root, "drafts", "broken.md"),
      join(root, "drafts", "nested", "clean.md"),
    ]);
    expect(await expandInputs(["drafts/**/*.md", "drafts/broken.md"], root)).toEqual([
      join(root, "drafts", "broken.md"),
      join(root, "drafts", "nested", "clean.md"),
    ]);
    const r = await check(["drafts", "--format", "json"]);
    expect(JSON.parse(r.out).map((f: { filePath: string; errorCount: number }) => [f.filePath, f.errorCount])).toEqual([
      [join(root, "drafts", "broken.md"), 1],
      [join(root, "drafts", "nested", "clean.md"), 0],
    ]);
  });

  it("writes ESLint-shaped JSON with exact positions", async () => {
    const r = await check(["drafts/broken.md", "-f", "json"]);
    const [file] = JSON.parse(r.out);
    expect(file.messages.map((m: any) => [m.ruleId, m.severity, m.line, m.column, m.endLine, m.endColumn])).toEqual([
      ["jsonld/empty-value", 2, 6, 108, 6, 110],
    ]);
    // "Prune in late winter while the tree is dormant." is the whole body
    expect(file.stats).toMatchObject({ words: 9, sentences: 1, keyphraseCount: null });
    expect(file.scores).toHaveProperty("readability");
  });

  it("writes SARIF with relative forward-slash URIs", async () => {
    const r = await check(["drafts/broken.md", "-f", "sarif"]);
    const log = JSON.parse(r.out);
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0].results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "drafts/broken.md", uriBaseId: "%SRCROOT%" },
      region: { startLine: 6, startColumn: 108, endLine: 6, endColumn: 110 },
    });
  });

  it("--rule overrides the config; --max-warnings turns too many warnings into exit 1", async () => {
    expect((await check(["drafts/broken.md", "--rule", "jsonld/empty-value:warn"])).code).toBe(0);
    const over = await check(["drafts/broken.md", "--rule", "jsonld/empty-value:warn", "--max-warnings", "0"]);
    expect(over.code).toBe(1);
    expect(over.err).toBe("copydesk: too many warnings (1; maximum: 0)\n");
    expect((await check(["drafts/broken.md", "--rule", "jsonld/empty-value:warn", "--max-warnings", "1"])).code).toBe(
      0,
    );
    expect((await check(["drafts/broken.md", "--rule", "jsonld/empty-value:off"])).out).toBe("");
  });

  it("--quiet keeps errors only", async () => {
    const r = await check(["drafts/broken.md", "--rule", "jsonld/empty-value:warn", "--quiet", "-f", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)[0].messages).toEqual([]);
  });

  it("reports an unreadable file as a fatal message and goes on with the others", async () => {
    const r = await check(["empty.md", "drafts/nested/clean.md", "-f", "json"]);
    expect(r.code).toBe(1);
    const [bad, good] = JSON.parse(r.out);
    expect(bad.messages).toEqual([
      { ruleId: null, fatal: true, severity: 2, message: "empty file", line: 1, column: 1 },
    ]);
    expect(good.errorCount).toBe(0);
  });

  it("exits 2 when no file could be read", async () => {
    const r = await check(["missing.md"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("missing.md\n  error  no such file\n");
  });

  it("exits 2 on usage and config errors, with a did-you-mean", async () => {
    const unknownRule = await check(["drafts", "--rule", "jsonld/empty-values:error"]);
    expect(unknownRule.code).toBe(2);
    expect(unknownRule.err).toContain(
      '--rule.jsonld/empty-values: unknown rule "jsonld/empty-values"; did you mean "jsonld/empty-value"?',
    );
    expect((await check(["drafts", "--rule", "jsonld/empty-value"])).code).toBe(2);
    expect((await check(["drafts", "--format", "xml"])).code).toBe(2);
    expect((await check(["drafts", "--max-warnings", "many"])).code).toBe(2);
    const noMatch = await check(["nothing/**/*.md"]);
    expect(noMatch).toMatchObject({ code: 2, err: 'copydesk: no files match the pattern "nothing/**/*.md"\n' });
    writeFileSync(
      join(root, "bad-config.json"),
      JSON.stringify({ rules: { "jsonld/empty-valu": "error" }, heath: "on" }),
    );
    const badConfig = await check(["drafts", "--config", "bad-config.json"]);
    expect(badConfig.code).toBe(2);
    expect(badConfig.err).toContain('  heath: unknown key; did you mean "health"?');
  });

  it("--cache-strategy: metadata (the default) and content give the same report; other values are usage errors", async () => {
    const plain = await check(["--no-cache", "--format", "json", "drafts"]);
    for (const args of [[], ["--cache-strategy", "content"], ["--cache-strategy", "metadata"], []])
      expect(await check([...args, "--format", "json", "drafts"])).toEqual(plain);
    const bad = await check(["--cache-strategy", "mtime", "drafts"]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--cache-strategy <strategy>' argument 'mtime' is invalid");
  });

  it("colors only on a TTY without NO_COLOR", async () => {
    expect((await check(["drafts/broken.md"], { isTTY: true })).out).toContain("\u001b[");
    expect((await check(["drafts/broken.md"], { isTTY: true, env: { NO_COLOR: "1" } })).out).not.toContain("\u001b[");
  });
});

describe("writeBuffered", () => {
  it("writes the same bytes through a byte sink as through strings, in few writes", () => {
    // multi-byte text, a chunk larger than one write buffer, and enough chunks for several writes
    const chunks = [
      "ñ✖ start\n",
      "x".repeat(50_000),
      ...Array.from({ length: 3000 }, (_, i) => `${i} … ✖ line\n`),
      "end",
    ];
    const strings = memoryIo("/");
    writeBuffered(chunks, strings);
    const writes: Buffer[] = [];
    writeBuffered(chunks, { ...memoryIo("/"), stdoutBytes: (b) => writes.push(Buffer.from(b)) });
    expect(Buffer.concat(writes).toString()).toBe(chunks.join(""));
    expect(strings.out).toBe(chunks.join(""));
    expect(writes.length).toBeGreaterThan(1);
    expect(writes.length).toBeLessThan(10);
  });
});
