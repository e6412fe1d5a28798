import { appendFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { type CheckSpec, checkFiles, checkStream } from "../src/engine/batch.js";
import type { RecordHead } from "../src/engine/checked-record.js";
import { carryCorpusMemo } from "../src/engine/corpus-carry.js";
import {
  type LoadedCorpusMemo,
  loadCorpusMemo,
  runKey,
  saveCarriedMemo,
  saveCorpusMemo,
} from "../src/engine/corpus-memo.js";
import { CHUNKED_REPORTERS, type FileResult } from "../src/report/index.js";
import { type Counts, chunkText, countAll, countResult } from "../src/report/types.js";
import { lookAlikeCorpus } from "./helpers/look-alike-corpus.js";

const zero: Counts = countResult({ path: "", diagnostics: [] });
const k = (c: string) => c.repeat(64);

describe("carryCorpusMemo", () => {
  const dir = mkdtempSync(join(tmpdir(), "copydesk-carry-"));
  const path = join(dir, "check-x.corpus");
  const paths = ["a.md", "b.md"];
  const entry = { title: { text: "Same", span: { start: 2, end: 6 } } };
  // offset 2 on line 1 (starting at 0), offset 6 too
  const lines = { length: 100, marks: [2, 1, 0, 6, 1, 0] };
  const head = (counts: Partial<Counts>, more: Partial<RecordHead> = {}): RecordHead => ({
    counts: { ...zero, ...counts },
    entry,
    lines,
    ...more,
  });
  const finding = (span = { start: 2, end: 6 }, more = "") =>
    `{"ruleId":"seo/duplicate-title","severity":"warn","messageId":"duplicate","message":"m","url":"u","span":${JSON.stringify(span)},"line":1,"column":3,"endLine":1,"endColumn":7${more}}`;
  const total = { ...zero, warningCount: 5, errorCount: 1 };
  /** the last run: a.md with key 1, b.md with key 2, each flagged once */
  const save = (
    findings: Array<[number, string]> = [
      [0, finding()],
      [1, finding()],
    ],
  ) => saveCorpusMemo(path, runKey("salt", paths, [k("1"), k("2")]), { counts: total, findings });
  const input = (now: RecordHead, old: RecordHead | undefined = head({ warningCount: 2 })) => ({
    path,
    salt: "salt",
    paths,
    keys: [k("1"), k("3")],
    previousKey: (index: number) => [k("1"), k("2")][index],
    head: (index: number) => {
      expect(index).toBe(1);
      return now;
    },
    previousHead: (key: string) => (key === k("2") ? old : undefined),
  });

  it("carries the findings over, the changed file's counts swapped for its new ones", () => {
    save();
    const memo = carryCorpusMemo(input(head({ warningCount: 3, infoCount: 1 }, { lines: { ...lines, length: 120 } })));
    expect(memo?.counts).toEqual({ ...total, warningCount: 6, infoCount: 1 });
    expect(memo?.findings.map(([index]) => index)).toEqual([0, 1]);
    // saved for the new run: the very file saveCorpusMemo writes for those totals and findings
    const carried = loadCorpusMemo(path, runKey("salt", paths, [k("1"), k("2")]));
    saveCarriedMemo(join(dir, "carried.corpus"), "run-2", memo as LoadedCorpusMemo);
    const findings = (carried as LoadedCorpusMemo).findings.map(
      ([index, at, length]) => [index, memo?.bytes.toString("utf8", at, at + length)] as [number, string],
    );
    saveCorpusMemo(join(dir, "saved.corpus"), "run-2", { counts: memo?.counts as Counts, findings });
    expect(readFileSync(join(dir, "carried.corpus"), "utf8")).toBe(readFileSync(join(dir, "saved.corpus"), "utf8"));
    expect(loadCorpusMemo(join(dir, "carried.corpus"), "run-2")?.counts).toEqual(memo?.counts);
  });

  it("does not when the summary, its known lines or the last run's memo differ", () => {
    save();
    const moved = { title: { text: "Same", span: { start: 3, end: 7 } } };
    for (const now of [
      head({}, { entry: { title: { text: "Other", span: { start: 2, end: 7 } } } }),
      head({}, { entry: moved }),
      head({}, { lines: { length: 100, marks: [2, 2, 1, 6, 2, 1] } }),
      head({}, { lines: undefined }),
      head({}, { fatal: "unreadable" }),
    ])
      expect(carryCorpusMemo(input(now))).toBeUndefined();
    // the old record is gone from the cache
    expect(carryCorpusMemo({ ...input(head({})), previousHead: () => undefined })).toBeUndefined();
    // nothing changed (the exact memo is another matter), or the memo is of another run
    expect(carryCorpusMemo({ ...input(head({})), keys: [k("1"), k("2")] })).toBeUndefined();
    expect(carryCorpusMemo({ ...input(head({})), paths: ["a.md", "c.md"] })).toBeUndefined();
    expect(carryCorpusMemo(input(head({})))).toBeDefined();
  });

  it("does not when a finding on a changed file would be placed or accepted differently", () => {
    // an offset whose line the record does not know (placed from the text, which changed)
    save([[1, finding({ start: 2, end: 4 })]]);
    expect(carryCorpusMemo(input(head({})))).toBeUndefined();
    // a fix beyond the new length (the rule would now crash)
    save([[1, finding(undefined, ',"fix":{"edits":[{"span":{"start":90,"end":100},"text":""}]}')]]);
    expect(carryCorpusMemo(input(head({})))).toBeDefined();
    expect(carryCorpusMemo(input(head({}, { lines: { ...lines, length: 95 } })))).toBeUndefined();
    // a crashed corpus rule in the last run
    save([[0, finding().replace("seo/duplicate-title", "internal/rule-crash")]]);
    expect(carryCorpusMemo(input(head({})))).toBeUndefined();
    // the same finding on an unchanged file is no concern
    save([[0, finding({ start: 2, end: 4 })]]);
    expect(carryCorpusMemo(input(head({})))).toBeDefined();
  });
});

describe("checkStream carries the corpus pass over a change no corpus rule sees", () => {
  let corpus: string;
  let paths: string[];
  let spec: CheckSpec;
  beforeAll(() => {
    let dir: string;
    ({ dir, corpus, paths } = lookAlikeCorpus("copydesk-carry-run-"));
    spec = { cwd: dir, now: "2026-11-24T00:00:00Z", render: "json", extras: true };
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The metadata strategy with the clock ahead, so that every file's stamp is kept. */
  async function run(cacheDir: string, ahead: number) {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + ahead);
    try {
      const stream = await checkStream(paths, spec, { workers: 1, cache: { dir: cacheDir, strategy: "metadata" } });
      try {
        const text = [
          ...CHUNKED_REPORTERS.json(stream.results(), { cwd: spec.cwd, color: false, rules: [], toolVersion: "0" }),
        ]
          .map(chunkText)
          .join("");
        return { text, counts: stream.counts };
      } finally {
        stream.close();
      }
    } finally {
      vi.useRealTimers();
    }
  }
  async function plain() {
    const { results } = await checkFiles(paths, { ...spec, render: undefined } as CheckSpec, { workers: 1 });
    const text = [
      ...CHUNKED_REPORTERS.json(results as FileResult[], { cwd: spec.cwd, color: false, rules: [], toolVersion: "0" }),
    ]
      .map(chunkText)
      .join("");
    return { text, counts: countAll(results) };
  }
  const memoFile = (cacheDir: string) =>
    join(cacheDir, readdirSync(cacheDir).find((f) => f.endsWith(".corpus")) as string);
  /** rewrites the memo's findings with a right checksum: what a run reports from it shows it was used */
  function mark(cacheDir: string): void {
    const path = memoFile(cacheDir);
    const text = readFileSync(path, "utf8");
    const nl = text.indexOf("\n");
    const body = text.slice(nl + 1).replaceAll("is also used by", "IS ALSO USED BY");
    expect(body).not.toBe(text.slice(nl + 1));
    writeFileSync(path, `${JSON.stringify({ ...JSON.parse(text.slice(0, nl)), crc: crc32(body) })}\n${body}`);
  }

  it("appending to a flagged draft's body: the same report as without a cache, from the last run's findings", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-carry-cache-"));
    const copy = join(corpus, "zz-copy.md");
    const original = readFileSync(copy, "utf8");
    try {
      await run(cacheDir, 10_000);
      appendFileSync(copy, "\nOne more paragraph at the end, of words the rules count.\n");
      const expected = await plain();
      expect(expected.text).toContain("seo/duplicate-title");
      const changed = await run(cacheDir, 20_000);
      expect(changed).toEqual(expected);
      // the carried memo is saved for this run: an unchanged re-run reports from it
      mark(cacheDir);
      expect((await run(cacheDir, 30_000)).text).toContain("IS ALSO USED BY");
      // and a further change carries the marked findings over (so they were not found again)
      appendFileSync(copy, "And another.\n");
      const again = await run(cacheDir, 40_000);
      expect(again.text).toContain("IS ALSO USED BY");
      expect(again.text.replaceAll("IS ALSO USED BY", "is also used by")).toBe((await plain()).text);
      expect(again.counts).toEqual((await plain()).counts);
    } finally {
      writeFileSync(copy, original);
    }
  });

  it("a change to what the corpus rules see (the title, or lines before it) runs them again", async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), "copydesk-carry-cache-"));
    const copy = join(corpus, "zz-copy.md");
    const original = readFileSync(copy, "utf8");
    try {
      await run(cacheDir, 10_000);
      mark(cacheDir);
      const title = /^(?:title: |# )(.*)$/m.exec(original);
      expect(title).not.toBeNull();
      writeFileSync(copy, original.replace(title?.[0] as string, `${title?.[0]} changed`));
      const retitled = await run(cacheDir, 20_000);
      expect(retitled).toEqual(await plain());
      expect(retitled.text).not.toContain("IS ALSO USED BY");
      mark(cacheDir);
      writeFileSync(copy, `\n${original}`);
      const moved = await run(cacheDir, 30_000);
      expect(moved).toEqual(await plain());
      expect(moved.text).not.toContain("IS ALSO USED BY");
    } finally {
      writeFileSync(copy, original);
    }
  });
});
