import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";

const dir = mkdtempSync(join(tmpdir(), "copydesk-inspect-"));
const file = (name: string, data: string | Uint8Array) => {
  writeFileSync(join(dir, name), data);
  return name;
};

async function run(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd: dir,
    env: {},
    isTTY: false,
  };
  const t0 = performance.now();
  const code = await main(args, io);
  return { code, stdout, stderr, ms: performance.now() - t0 };
}

const draft = [
  "Budgeting on an Irregular Income",
  "Freelancers rarely earn the same amount two months running, which makes a fixed budget feel useless.",
  "Build a Baseline Month",
  "List the costs you cannot avoid and treat that total as the only number that must be covered.",
  "===SCHEMA_JSON_START===",
  '{"meta_title": "Budgeting on an Irregular Income", "focus_keyword": "irregular income budget", "article_schema": {"@context": "https://schema.org", "@type": "Article", "headline": "Budgeting on an Irregular Income"}}',
  "===SCHEMA_JSON_END===",
].join("\n");

describe("copydesk inspect", () => {
  it("prints the model as JSON", async () => {
    const r = await run(["inspect", file("budget.txt", draft), "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const v = JSON.parse(r.stdout);
    expect(v.format).toBe("bundle");
    expect(v.title).toBe("Budgeting on an Irregular Income");
    expect(v.meta.focusKeyword).toBe("irregular income budget");
    expect(v.meta.author).toBe("");
    expect(v.intro).toEqual([
      "Freelancers rarely earn the same amount two months running, which makes a fixed budget feel useless.",
    ]);
    expect(v.sections).toEqual([
      {
        heading: "Build a Baseline Month",
        level: 2,
        paragraphs: ["List the costs you cannot avoid and treat that total as the only number that must be covered."],
        lists: [],
        subsections: [],
      },
    ]);
    expect(v.faq).toEqual([]);
    expect(v.structuredData).toEqual([
      { "@context": "https://schema.org", "@type": "Article", headline: "Budgeting on an Irregular Income" },
    ]);
    expect(v.repairs).toEqual([
      {
        origin: "marker-block",
        step: "strict",
        line: 6,
        column: 114,
        notes: ['from the "article_schema" member of the schema block'],
      },
    ]);
  });

  it("prints a readable summary by default", async () => {
    const r = await run(["inspect", file("budget2.txt", draft)]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 6)).toEqual([
      "budget2.txt (bundle)",
      "title: Budgeting on an Irregular Income",
      "meta.title: Budgeting on an Irregular Income",
      "meta.focusKeyword: irregular income budget",
      "intro: 1 paragraph(s), 16 words",
      "sections (1):",
    ]);
  });

  it("reads its own JSON back (--from json) and refuses JSON that is not a model in one line", async () => {
    const first = await run(["inspect", file("budget4.txt", draft), "--format", "json"]);
    const again = await run(["inspect", file("budget4.json", first.stdout), "--format", "json"]);
    expect([again.code, again.stdout]).toEqual([0, first.stdout]);
    const bad = await run(["inspect", file("other.json", '["not", "a model"]'), "--from", "json"]);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      "copydesk: other.json: not a copydesk JSON model (expected an object)\n",
    ]);
  });

  it("rejects an unknown --format or --from as a usage error", async () => {
    const a = await run(["inspect", file("b3.txt", draft), "--format", "xml"]);
    expect([a.code, a.stderr]).toEqual([2, 'copydesk: --format must be text or json (got "xml")\n']);
    const b = await run(["inspect", "b3.txt", "--from", "docx"]);
    expect([b.code, b.stderr]).toEqual([
      2,
      'copydesk: --from must be one of bundle, markdown, html, json (got "docx")\n',
    ]);
  });
});

describe("bad input through the CLI: one line, exit 2, under a second", () => {
  const cases: Array<[string, () => string[], string]> = [
    ["missing file", () => ["inspect", "nope.txt"], "copydesk: nope.txt: no such file\n"],
    ["directory", () => ["inspect", "."], "copydesk: .: is a directory, not a draft file\n"],
    ["empty file", () => ["inspect", file("empty.txt", "")], "copydesk: empty.txt: empty file\n"],
    [
      "binary file",
      () => ["inspect", file("img.png", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))],
      "copydesk: img.png: binary file (NUL byte at offset 8)\n",
    ],
    [
      "invalid UTF-8",
      () => ["inspect", file("cp1252.txt", new Uint8Array([0x4e, 0x61, 0xef, 0x76, 0x65, 0x0a]))],
      "copydesk: cp1252.txt: not valid UTF-8 (at byte 2)\n",
    ],
    [
      "over the size limit",
      () => ["inspect", file("big.txt", `Title\n${"word ".repeat(400)}`), "--max-bytes", "1KB"],
      "copydesk: big.txt: file is 2.0 KB, over the 1.0 KB limit\n",
    ],
  ];
  for (const [name, args, message] of cases) {
    it(name, async () => {
      const r = await run(args());
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(message);
      expect(r.ms).toBeLessThan(1000);
    });
  }

  it("a file over the default 10 MB limit", async () => {
    const r = await run(["inspect", file("huge.txt", "a".repeat(10 * 1024 * 1024 + 1))]);
    expect([r.code, r.stderr]).toEqual([2, "copydesk: huge.txt: file is 10.0 MB, over the 10.0 MB limit\n"]);
    expect(r.ms).toBeLessThan(1000);
  });

  it("20,000 nested brackets: read note, no crash, under a second", async () => {
    const r = await run([
      "inspect",
      file("deep.txt", `${"[".repeat(20000)}${"]".repeat(20000)}\nTitle\n`),
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    expect(r.ms).toBeLessThan(1000);
    const v = JSON.parse(r.stdout);
    expect(v.repairs[0].step).toBe("failed");
    expect(v.readNotes.map((n: { id: string }) => n.id)).toEqual(["read/json-too-deep"]);
  });
});

describe("bad input through the built bin (a real process)", () => {
  const bin = new URL("../bin/copydesk.js", import.meta.url);
  const built = existsSync(new URL("../dist/cli/main.js", import.meta.url));
  if (!built) console.warn("skipped: the bin test needs dist/ (npm run build)");
  it.skipIf(!built)("prints one line naming the file, exits 2, no stack trace", () => {
    const r = spawnSync(process.execPath, [fileURLToPath(bin), "inspect", file("bin-empty.txt", "")], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("copydesk: bin-empty.txt: empty file\n");
  });
});
