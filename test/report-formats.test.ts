import { readFileSync } from "node:fs";
import AjvDraft04 from "ajv-draft-04";
import ajvFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { located } from "../src/engine/diagnostic.js";
import type { Diagnostic, RuleMeta, Severity } from "../src/engine/types.js";
import { LineIndex } from "../src/model/span.js";
import { jsonChunks, jsonReporter } from "../src/report/json.js";
import { sarifChunks, sarifReporter } from "../src/report/sarif.js";
import { codeFrame, stylishChunks, stylishReporter } from "../src/report/stylish.js";
import { chunkText, type FileResult, type ReportMeta } from "../src/report/types.js";

const CWD = "/proj";
const SOURCE = 'Title line\n{"@type": "Article", "datePublished": ""}\nLast line\n';

function diag(
  ruleId: string,
  severity: Severity,
  message: string,
  start: number,
  end: number,
  extra: Partial<Diagnostic> = {},
): Diagnostic {
  const d = located(
    { ruleId, severity, messageId: "m", message, url: `https://example.test/${ruleId}` },
    { start, end },
    new LineIndex(SOURCE),
  );
  return { ...d, ...extra };
}

const emptyDate = SOURCE.indexOf('""');
const results: FileResult[] = [
  {
    path: "/proj/drafts/one.txt",
    source: SOURCE,
    diagnostics: [
      diag("jsonld/empty-value", "error", "`datePublished` is empty.", emptyDate, emptyDate + 2),
      diag("seo/title", "warn", "Title is short.", 0, 5, {
        fix: { edits: [{ span: { start: 0, end: 5 }, text: "Better title" }] },
      }),
      diag("google/faq-retired", "info", "FAQ rich results retired.", 11, 11),
    ],
  },
  { path: "/proj/drafts/bad.bin", diagnostics: [], fatal: "binary file (NUL byte at offset 3)" },
  { path: "/proj/drafts/clean.md", source: "# Fine\n", diagnostics: [] },
];
const rules: RuleMeta[] = [
  {
    id: "jsonld/empty-value",
    description: "Empty JSON-LD values",
    severity: "error",
    presets: ["recommended"],
    messages: {},
  },
  { id: "seo/title", description: "Title length", severity: "warn", presets: ["recommended"], messages: {} },
];
const meta: ReportMeta = { cwd: CWD, color: false, rules, toolVersion: "0.1.0" };

describe("stylish", () => {
  it("prints a header per file, line:col severity message rule id, a code frame and a summary", () => {
    expect(stylishReporter(results, meta)).toBe(
      [
        "",
        "drafts/one.txt",
        "  2:39  error  `datePublished` is empty.  jsonld/empty-value",
        '    2 | {"@type": "Article", "datePublished": ""}',
        "      |                                       ^^",
        "  1:1  warning  Title is short.  seo/title",
        "    1 | Title line",
        "      | ^^^^^",
        "  2:1  info  FAQ rich results retired.  google/faq-retired",
        '    2 | {"@type": "Article", "datePublished": ""}',
        "      | ^",
        "",
        "drafts/bad.bin",
        "  error  binary file (NUL byte at offset 3)",
        "",
        "✖ 3 problems (2 errors, 1 warning), 1 info",
        "  1 problem can be fixed with `copydesk fix`.",
        "",
      ].join("\n"),
    );
  });

  it("prints nothing for clean files and colors only when asked", () => {
    expect(stylishReporter([results[2] as FileResult], meta)).toBe("");
    const colored = stylishReporter([results[0] as FileResult], { ...meta, color: true });
    expect(colored).toContain("\u001b[");
    expect(stylishReporter([results[0] as FileResult], meta)).not.toContain("\u001b[");
  });

  it("windows long lines around the caret", () => {
    const line = `${"a".repeat(300)}TARGET${"b".repeat(300)}`;
    const d = located(
      { ruleId: "x/y", severity: "warn", messageId: "m", message: "m", url: "" },
      { start: 300, end: 306 },
      new LineIndex(line),
    );
    const id = (s: string) => s;
    const frame = codeFrame(line, new LineIndex(line), d, { dim: id, mark: id }).split("\n");
    expect(frame[0]).toBe(`    1 | …${"a".repeat(20)}TARGET${"b".repeat(74)}…`);
    expect(frame[1]).toBe(`      | ${" ".repeat(21)}^^^^^^`);
  });
});

describe("json", () => {
  it("has ESLint's formatter shape, info as severity 0 and fatal files with ruleId null", () => {
    const out = JSON.parse(jsonReporter(results, meta));
    expect(out[0]).toEqual({
      filePath: "/proj/drafts/one.txt",
      messages: [
        {
          ruleId: "jsonld/empty-value",
          severity: 2,
          message: "`datePublished` is empty.",
          messageId: "m",
          line: 2,
          column: 39,
          endLine: 2,
          endColumn: 41,
        },
        {
          ruleId: "seo/title",
          severity: 1,
          message: "Title is short.",
          messageId: "m",
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 6,
          fix: { range: [0, 5], text: "Better title" },
        },
        {
          ruleId: "google/faq-retired",
          severity: 0,
          message: "FAQ rich results retired.",
          messageId: "m",
          line: 2,
          column: 1,
          endLine: 2,
          endColumn: 1,
        },
      ],
      suppressedMessages: [],
      errorCount: 1,
      fatalErrorCount: 0,
      warningCount: 1,
      fixableErrorCount: 0,
      fixableWarningCount: 1,
      usedDeprecatedRules: [],
    });
    expect(out[1]).toMatchObject({
      filePath: "/proj/drafts/bad.bin",
      messages: [{ ruleId: null, fatal: true, severity: 2, message: "binary file (NUL byte at offset 3)" }],
      errorCount: 1,
      fatalErrorCount: 1,
    });
    expect(out[2].messages).toEqual([]);
  });

  it("merges a multi-edit fix into one ESLint range and carries stats and scores", () => {
    const source = "“a” and “b”";
    const d = located(
      { ruleId: "j/s", severity: "error", messageId: "m", message: "m", url: "" },
      { start: 0, end: 3 },
      new LineIndex(source),
    );
    d.fix = {
      edits: [
        { span: { start: 0, end: 1 }, text: '"' },
        { span: { start: 2, end: 3 }, text: '"' },
      ],
    };
    const [file] = JSON.parse(
      jsonReporter([{ path: "/p/x.md", source, diagnostics: [d], stats: { words: 3 }, scores: { seo: 80 } }], meta),
    );
    expect(file.messages[0].fix).toEqual({ range: [0, 3], text: '"a"' });
    expect(file.stats).toEqual({ words: 3 });
    expect(file.scores).toEqual({ seo: 80 });
  });
});

describe("sarif", () => {
  const schema = JSON.parse(readFileSync(new URL("./fixtures/sarif-schema-2.1.0.json", import.meta.url), "utf8"));
  // CommonJS packages: under NodeNext the class and function are on `.default`
  const ajv = new AjvDraft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  ajvFormats.default(ajv);
  const validate = ajv.compile(schema);

  it("validates against the official SARIF 2.1.0 schema", () => {
    const log = JSON.parse(sarifReporter(results, meta));
    const ok = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it("lists the rules with helpUri, maps levels, and uses 1-based regions with relative forward-slash URIs", () => {
    const log = JSON.parse(sarifReporter(results, meta));
    const run = log.runs[0];
    expect(run.tool.driver.rules).toEqual([
      {
        id: "jsonld/empty-value",
        shortDescription: { text: "Empty JSON-LD values" },
        helpUri: "https://github.com/copydesk/copydesk/blob/main/docs/rules/jsonld/empty-value.md",
        defaultConfiguration: { level: "error" },
      },
      {
        id: "seo/title",
        shortDescription: { text: "Title length" },
        helpUri: "https://github.com/copydesk/copydesk/blob/main/docs/rules/seo/title.md",
        defaultConfiguration: { level: "warning" },
      },
      {
        id: "google/faq-retired",
        shortDescription: { text: "google/faq-retired" },
        helpUri: "https://example.test/google/faq-retired",
        defaultConfiguration: { level: "note" },
      },
    ]);
    expect(run.results.map((r: any) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ["jsonld/empty-value", 0, "error"],
      ["seo/title", 1, "warning"],
      ["google/faq-retired", 2, "note"],
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "drafts/one.txt", uriBaseId: "%SRCROOT%" },
      region: { startLine: 2, startColumn: 39, endLine: 2, endColumn: 41 },
    });
    expect(run.originalUriBaseIds).toEqual({ "%SRCROOT%": { uri: "file:///proj/" } });
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      {
        level: "error",
        message: { text: "binary file (NUL byte at offset 3)" },
        locations: [{ physicalLocation: { artifactLocation: { uri: "drafts/bad.bin", uriBaseId: "%SRCROOT%" } } }],
      },
    ]);
  });

  it("keeps files outside the working directory as absolute file URIs", () => {
    const log = JSON.parse(
      sarifReporter(
        [{ path: "/elsewhere/a b.md", source: "x", diagnostics: [diag("seo/title", "warn", "m", 0, 1)] }],
        meta,
      ),
    );
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({
      uri: "file:///elsewhere/a%20b.md",
    });
    expect(validate(log)).toBe(true);
  });
});

describe("chunked output (large batches are written in pieces)", () => {
  const two: FileResult[] = [
    results[0] as FileResult,
    { path: "/proj/drafts/two.txt", source: SOURCE, diagnostics: [diag("seo/title", "warn", "Title two.", 0, 5)] },
    results[1] as FileResult,
  ];
  const cases = [
    ["stylish", stylishChunks],
    ["json", jsonChunks],
    ["sarif", sarifChunks],
  ] as const;

  it.each(cases)("%s: the pieces join to the whole report, and no piece holds two files", (_name, chunked) => {
    const chunks = [...chunked(two, meta)].map(chunkText);
    const whole = chunks.join("");
    expect(whole).toBe({ stylish: stylishReporter, json: jsonReporter, sarif: sarifReporter }[_name](two, meta));
    expect(chunks.filter((c) => c.includes("one.txt") && c.includes("two.txt"))).toEqual([]);
    expect(chunks.filter((c) => c.includes("two.txt"))).toHaveLength(1);
  });

  it("sarif is laid out exactly as JSON.stringify(log, null, 2), with and without results", () => {
    for (const input of [two, [results[2] as FileResult], [results[1] as FileResult]]) {
      const text = sarifReporter(input, meta);
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    }
    expect(JSON.parse(sarifReporter(two, meta)).runs[0].results.map((r: any) => r.message.text)).toEqual([
      "`datePublished` is empty.",
      "Title is short.",
      "FAQ rich results retired.",
      "Title two.",
    ]);
  });

  it("json is one line, exactly as JSON.stringify of the array", () => {
    const text = jsonReporter(two, meta);
    expect(text).toBe(`${JSON.stringify(JSON.parse(text))}\n`);
    expect(JSON.parse(text).map((f: any) => f.filePath)).toEqual([
      "/proj/drafts/one.txt",
      "/proj/drafts/two.txt",
      "/proj/drafts/bad.bin",
    ]);
  });
});
