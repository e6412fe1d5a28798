import { mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { type CheckSpec, checkFiles, checkStream } from "../src/engine/batch.js";
import { loadCorpusMemo, runKey, saveCorpusMemo } from "../src/engine/corpus-memo.js";
import { CHUNKED_REPORTERS, type FileResult } from "../src/report/index.js";
import { chunkText, countAll } from "../src/report/types.js";
import { lookAlikeCorpus } from "./helpers/look-alike-corpus.js";

const counts = {
  errorCount: 1,
  warningCount: 2,
  infoCount: 0,
  fatalErrorCount: 0,
  fixableErrorCount: 0,
  fixableWarningCount: 1,
};

/** A loaded memo with its findings as text again. */
function loaded(path: string, run: string) {
  const memo = loadCorpusMemo(path, run);
  if (!memo) return undefined;
  const findings = memo.findings.map(([index, at, length]) => [index, memo.bytes.toString("utf8", at, at + length)]);
  return { counts: memo.counts, findings };
}

describe("corpus memo file", () => {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-memo-"));
  const path = join(dir, "check-x.corpus");
  const findings: Array<[number, string]> = [
    [3, '{"ruleId":"seo/duplicate-title","line":1}'],
    [0, '{"ruleId":"a b","message":"x\\ny é"}'],
    [12, "{}"],
  ];

  it("reads back what was saved, for the same run only", () => {
    saveCorpusMemo(path, "run-1", { counts, findings });
    expect(loaded(path, "run-1")).toEqual({ counts, findings });
    expect(loadCorpusMemo(path, "run-2")).toBeUndefined();
    expect(loadCorpusMemo(join(dir, "none.corpus"), "run-1")).toBeUndefined();
    saveCorpusMemo(path, "run-3", { counts, findings: [] });
    expect(loaded(path, "run-3")).toEqual({ counts, findings: [] });
  });

  it("trusts nothing from a damaged file: a changed byte, a lost line, a truncated end", () => {
    saveCorpusMemo(path, "run-1", { counts, findings });
    const good = readFileSync(path, "utf8");
    const damaged = [
      good.replace('"line":1', '"line":2'),
      good.slice(0, good.lastIndexOf("0 {")),
      good.slice(0, -1),
      good.replace('"errorCount":1', '"errorCount":0'),
      "",
      "{}\n",
    ];
    for (const text of damaged) {
      writeFileSync(path, text);
      expect(loadCorpusMemo(path, "run-1")).toBeUndefined();
    }
    // a line that is not `<index> <JSON object>`, under a right checksum and count
    const body = `${JSON.stringify(counts)}\nx {}\n`;
    const header = { format: 1, run: "run-1", crc: crc32(body), count: 1 };
    writeFileSync(path, `${JSON.stringify(header)}\n${body}`);
    expect(loadCorpusMemo(path, "run-1")).toBeUndefined();
  });

  it("names a run by its salt and every path with its key, in order", () => {
    const k = (c: string) => c.repeat(64);
    const base = runKey("salt", ["a.md", "b.md"], [k("1"), k("2")]);
    expect(runKey("salt", ["a.md", "b.md"], [k("1"), k("2")])).toBe(base);
    for (const other of [
      runKey("salt2", ["a.md", "b.md"], [k("1"), k("2")]),
      runKey("salt", ["b.md", "a.md"], [k("2"), k("1")]),
      runKey("salt", ["a.md", "c.md"], [k("1"), k("2")]),
      runKey("salt", ["a.md", "b.md"], [k("1"), k("3")]),
      runKey("salt", ["a.md"], [k("1")]),
    ])
      expect(other).not.toBe(base);
  });
});

describe("checkStream reuses the last run's corpus pass", () => {
  let corpus: string;
  let paths: string[];
  let spec: CheckSpec;
  beforeAll(() => {
    let dir: string;
    ({ dir, corpus, paths } = lookAlikeCorpus("copydesk-memo-run-"));
    spec = { cwd: dir, now: "2026-11-24T00:00:00Z", render: "stylish" };
  });

  async function run(cacheDir: string, files = paths) {
    const stream = await checkStream(files, spec, { workers: 1, cache: { dir: cacheDir }, keepSource: true });
    try {
      const results = [...stream.results()];
      const text = [...CHUNKED_REPORTERS.stylish(results, { cwd: spec.cwd, color: false, rules: [], toolVersion: "0" })]
        .map(chunkText)
        .join("");
      return { text, counts: stream.counts };
    } finally {
      stream.close();
    }
  }
  async function plain(files = paths) {
    const { results } = await checkFiles(files, { ...spec, render: undefined } as CheckSpec, {
      workers: 1,
      keepSource: true,
    });
    const text = [
      ...CHUNKED_REPORTERS.stylish(results as FileResult[], {
        cwd: spec.cwd,
        color: false,
        rules: [],
        toolVersion: "0",
      }),
    ]
      .map(chunkText)
      .join("");
    return { text, counts: countAll(results) };
  }
  const memoFile = (cacheDir: string) =>
    join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".corpus")) as string);

  it("gives a re-run the same report and counts, and uses the memo for it", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-memo-cache-"));
    const expected = await plain();
    const first = await run(cacheDir);
    expect(first).toEqual(expected);
    expect(first.text).toContain("seo/duplicate-title");
    const second = await run(cacheDir);
    expect(second).toEqual(expected);
    // proof that the memo is what the re-run reported from: a finding's message changed, checksum kept right
    const path = memoFile(cacheDir);
    const text = readFileSync(path, "utf8");
    const nl = text.indexOf("\n");
    const body = text.slice(nl + 1).replaceAll("The title", "THE TITLE");
    expect(body).not.toBe(text.slice(nl + 1));
    const header = { ...JSON.parse(text.slice(0, nl)), crc: crc32(body) };
    writeFileSync(path, `${JSON.stringify(header)}\n${body}`);
    expect((await run(cacheDir)).text).toContain("THE TITLE");
    // the same change without the checksum's: not trusted, the corpus rules run again (and the memo is rewritten)
    writeFileSync(path, `${text.slice(0, nl + 1)}${body}`);
    expect(await run(cacheDir)).toEqual(expected);
    expect(readFileSync(path, "utf8")).toBe(text);
  });

  it("runs the corpus rules again when a path or a file's content changed", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-memo-cache-"));
    await run(cacheDir);
    // the copy renamed: its findings name another path, and the first file's name the new one
    const renamed = join(corpus, "zz-other.md");
    renameSync(join(corpus, "zz-copy.md"), renamed);
    const files = [...paths.slice(0, -1), renamed];
    try {
      const after = await run(cacheDir, files);
      expect(after).toEqual(await plain(files));
      expect(after.text).toContain("zz-other.md");
    } finally {
      renameSync(renamed, join(corpus, "zz-copy.md"));
    }
    // the copy's title changed: no duplicate any more
    const copy = join(corpus, "zz-copy.md");
    const original = readFileSync(copy, "utf8");
    try {
      const title = /^(?:title|# )(.*)$/m.exec(original);
      expect(title).not.toBeNull();
      writeFileSync(copy, original.replace(title?.[0] as string, `${title?.[0]} changed`));
      const after = await run(cacheDir);
      expect(after).toEqual(await plain());
    } finally {
      writeFileSync(copy, original);
    }
  });
});
