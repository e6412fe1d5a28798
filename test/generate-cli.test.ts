import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runGenerate } from "../src/cli/commands/generate.js";
import type { CliIo } from "../src/cli/io.js";
import { main } from "../src/cli/main.js";
import { NOT_REVISABLE } from "../src/generate/pipeline.js";
import { readArticle } from "../src/read/index.js";
import {
  answerFromSchema,
  type MockScript,
  type MockServer,
  squashArticleReply,
  startMockOpenAi,
} from "./helpers/mock-openai.js";

let dir = "";
let server: MockServer | undefined;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "copydesk-generate-"));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(dir, { recursive: true, force: true });
});

function testIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    cwd: dir,
    env: {},
    isTTY: false,
  };
}

/** Visible FAQ and FAQPage markup of a draft as comparable lists. */
function faqPair(text: string, path: string) {
  const article = readArticle({ path, text });
  const visible = article.faq.map((f) => [f.question.text, f.answer.text]);
  const faqPage = article.jsonld.map((b) => b.value as any).find((v) => v?.["@type"] === "FAQPage");
  const markup = (faqPage?.mainEntity ?? []).map((q: any) => [q.name, q.acceptedAnswer?.text]);
  return { visible, markup, article };
}

describe("copydesk generate against a local OpenAI-compatible server", () => {
  it.each([
    ["markdown", "md"],
    ["bundle", "txt"],
  ])(
    "writes a %s draft from replies generated from each request's JSON schema; FAQ markup equals the visible FAQ",
    async (format, ext) => {
      server = await startMockOpenAi();
      const io = testIo();
      const { results, exitCode } = await runGenerate(
        "balcony tomatoes",
        { baseUrl: server.baseUrl, model: "mock", out: "drafts", format, rounds: "1" },
        io,
      );
      expect(results).toHaveLength(1);
      const r = results[0]!;
      expect(r.ok).toBe(true);
      // every request carries its schema where strict servers expect it
      for (const req of server.requests) {
        expect(req.body.response_format.type).toBe("json_schema");
        expect(req.schema.type).toBe("object");
      }
      const files = await readdir(join(dir, "drafts"));
      expect(files).toEqual([`${r.slug}.${ext}`]);
      const text = await readFile(join(dir, "drafts", files[0]!), "utf8");
      expect(text).toBe(r.text);
      const { visible, markup } = faqPair(text, files[0]!);
      expect(visible.length).toBeGreaterThan(0);
      expect(markup).toEqual(visible);
      // the summary reports tokens: 100 prompt + 50 completion per request in the mock
      const summary = io.out.join("");
      expect(summary).toMatch(/^keyword\s+rounds\s+remaining\s+tokens in\s+tokens out\s+cached\s+cost\s+time$/m);
      expect(summary).toContain(`${server.requests.length * 100}`);
      expect(r.usage.promptTokens).toBe(server.requests.length * 100);
      expect(r.usage.completionTokens).toBe(server.requests.length * 50);
      expect([0, 1]).toContain(exitCode);
    },
  );

  it.each([
    ["markdown", "md"],
    ["bundle", "txt"],
  ])("keyword → %s draft → checks pass → build: FAQ markup equals the visible FAQ", async (format, ext) => {
    server = await startMockOpenAi(squashArticleReply);
    const site = {
      url: "https://garden.example/",
      name: "Garden Notes",
      publisher: { name: "Garden Notes", url: "https://garden.example/", logo: "https://garden.example/logo.png" },
      author: { name: "Robin Ash" },
    };
    await writeFile(join(dir, "copydesk.config.json"), JSON.stringify({ site }));
    const io = testIo();
    const { results, exitCode } = await runGenerate(
      "winter squash storage",
      { baseUrl: server.baseUrl, model: "mock", out: "drafts", format },
      io,
    );
    const r = results[0]!;
    expect(r.error).toBeUndefined();
    // nothing the model could fix is left, so no revision round was needed
    expect(r.remaining.filter((d) => !NOT_REVISABLE.has(d.ruleId))).toEqual([]);
    expect(r.rounds).toBe(0);
    expect(r.remaining.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.unfinished).toBe(false);
    expect(exitCode).toBe(0);
    expect(r.slug).toBe("winter-squash-storage");
    const path = join(dir, "drafts", `winter-squash-storage.${ext}`);
    const text = await readFile(path, "utf8");
    expect(text).not.toMatch(/"?draft"?: true/);
    const { visible, markup, article } = faqPair(text, `winter-squash-storage.${ext}`);
    expect(article.format).toBe(format);
    expect(article.meta.slug?.text).toBe("winter-squash-storage");
    expect(article.meta.focusKeyword?.text).toBe("winter squash storage");
    expect(visible).toHaveLength(3);
    expect(markup).toEqual(visible);

    const build = testIo();
    const code = await main(["build", join(dir, "drafts"), "--out", join(dir, "site")], build);
    expect(build.err.join("")).not.toMatch(/ error /);
    expect(code).toBe(0);
    const pages = await readdir(join(dir, "site"), { recursive: true });
    const page = pages.find((p) => String(p).endsWith(".html") && String(p).includes("winter-squash-storage"));
    expect(page, pages.join(",")).toBeDefined();
    const html = await readFile(join(dir, "site", String(page)), "utf8");
    const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) =>
      JSON.parse(m[1]!),
    );
    const nodes = ld.flatMap((v) => v["@graph"] ?? [v]);
    const faqPage = nodes.find((n: any) => n["@type"] === "FAQPage");
    expect(faqPage.mainEntity.map((q: any) => [q.name, q.acceptedAnswer.text])).toEqual(visible);
  });

  it("survives 429, 500, typographic quotes and a truncated reply: every keyword completes", async () => {
    const faults: MockScript = (req) => {
      const value = answerFromSchema(req.schema);
      if (req.n === 2) return { status: 429, headers: { "retry-after": "0" }, body: { error: { message: "rate" } } };
      if (req.n === 5) return { status: 500 };
      if (req.n === 8) return { content: JSON.stringify(value).replace(/"/g, (_q, i: number) => (i % 2 ? "”" : "“")) };
      if (req.n === 11) return { content: JSON.stringify(value).slice(0, -3) };
      return undefined;
    };
    server = await startMockOpenAi(faults);
    await writeFile(join(dir, "kw.txt"), "balcony tomatoes\ncompost bins\n");
    const io = testIo();
    const { results } = await runGenerate(
      undefined,
      { keywords: "kw.txt", baseUrl: server.baseUrl, model: "mock", out: "drafts", concurrency: "2", rounds: "0" },
      io,
    );
    expect(results.map((r) => [r.keyword, r.ok, r.error])).toEqual([
      ["balcony tomatoes", true, undefined],
      ["compost bins", true, undefined],
    ]);
    expect(server.requests.length).toBeGreaterThanOrEqual(16);
  });

  it("a malformed reply fails only its own keyword, with the server's text in the report", async () => {
    server = await startMockOpenAi((req) =>
      req.body.messages.some((m: any) => String(m.content).includes("Keyword: compost bins"))
        ? { content: "I am unable to produce JSON for compost bins today." }
        : undefined,
    );
    await writeFile(
      join(dir, "kw.csv"),
      "keyword,audience,notes\nbalcony tomatoes,renters,\ncompost bins,,\nsourdough starter,,\n",
    );
    const io = testIo();
    const { results, exitCode } = await runGenerate(
      undefined,
      { keywords: "kw.csv", baseUrl: server.baseUrl, model: "mock", out: "drafts", rounds: "0" },
      io,
    );
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]!.error).toContain("I am unable to produce JSON for compost bins today.");
    expect(io.out.join("")).toContain("compost bins: failed: brief: the model's reply does not fit the schema");
    expect(io.out.join("")).toContain("I am unable to produce JSON for compost bins today.");
    expect(exitCode).toBe(1);
    expect((await readdir(join(dir, "drafts"))).length).toBe(2);
    // the audience column reached the prompt
    expect(server.requests.some((r) => r.lastUser.includes("Audience: renters"))).toBe(true);
  });

  it("a killed batch resumes without repeating a finished call", async () => {
    await writeFile(join(dir, "kw.txt"), "balcony tomatoes\ncompost bins\n");
    const ac = new AbortController();
    const answered: string[] = [];
    // the same server (and so the same base URL, part of the cache key) for both runs
    server = await startMockOpenAi((req) => {
      if (req.n === 6) {
        ac.abort(new Error("killed"));
        return { delayMs: 5_000 };
      }
      answered.push(JSON.stringify(req.body.messages));
      return undefined;
    });
    const flags = {
      keywords: "kw.txt",
      baseUrl: server.baseUrl,
      model: "mock",
      out: "drafts",
      concurrency: "1",
      rounds: "0",
    };
    const killed = await runGenerate(undefined, flags, testIo(), ac.signal).catch((e) => e);
    expect(killed.message).toBe("generation stopped; rerun the same command to resume from the cache");
    expect(answered).toHaveLength(5);
    const firstRun = server.requests.length;
    expect(firstRun).toBe(6);

    server.script = () => undefined;
    const { results } = await runGenerate(undefined, flags, testIo());
    expect(results.every((r) => r.ok)).toBe(true);
    const rerun = server.requests.slice(firstRun).map((r) => JSON.stringify(r.body.messages));
    for (const body of answered) expect(rerun).not.toContain(body);
    expect(results.reduce((n, r) => n + r.usage.cached, 0)).toBe(5);
    // the interrupted call was not finished, so it is the first one made again
    expect(rerun[0]).toBe(JSON.stringify(server.requests[5]!.body.messages));

    // a third run is served entirely from the cache
    const before = server.requests.length;
    const again = await runGenerate(undefined, flags, testIo());
    expect(server.requests.length).toBe(before);
    expect(again.results.reduce((n, r) => n + r.usage.requests, 0)).toBe(0);
    // --no-cache calls the model again for every stage: the whole batch is the 5 answered calls plus the rerun's
    const wholeBatch = 5 + rerun.length;
    await runGenerate(undefined, { ...flags, cache: false }, testIo());
    expect(server.requests.length).toBe(before + wholeBatch);
  });

  it("takes model, base URL and prices from the config's generate block; reports cost", async () => {
    server = await startMockOpenAi();
    await writeFile(
      join(dir, "copydesk.config.json"),
      JSON.stringify({
        generate: { baseUrl: server.baseUrl, model: "priced", rounds: 0, prices: { priced: { input: 2, output: 10 } } },
      }),
    );
    const io = testIo();
    const code = await main(["generate", "compost bins", "--format", "bundle"], io);
    expect([0, 1]).toContain(code);
    expect(server.requests[0]!.body.model).toBe("priced");
    const calls = server.requests.length;
    // 100 prompt and 50 completion tokens per call at 2 and 10 per million
    const cost = ((calls * 100 * 2 + calls * 50 * 10) / 1_000_000).toFixed(4);
    expect(io.out.join("")).toMatch(new RegExp(`^compost bins\\s+0\\s+.*\\s${cost}\\s+\\d+\\.\\ds$`, "m"));
  });

  it("rejects usage and config errors with exit code 2 and one message", async () => {
    const io = testIo();
    expect(await main(["generate", "compost bins"], io)).toBe(2);
    expect(io.err.join("")).toBe(
      "copydesk: no model: pass --model <name> or set generate.model in copydesk.config.json\n",
    );
    const io3 = testIo();
    expect(await main(["generate", "--model", "m", "--rounds", "two", "x"], io3)).toBe(2);
    expect(io3.err.join("")).toBe('copydesk: --rounds must be a whole number from 0 to 10 (got "two")\n');
    await writeFile(join(dir, "copydesk.config.json"), JSON.stringify({ generate: { rounds: -1, colour: "red" } }));
    const io2 = testIo();
    expect(await main(["generate", "compost bins", "--model", "m"], io2)).toBe(2);
    expect(io2.err.join("")).toContain("generate.rounds:");
    expect(io2.err.join("")).toContain("generate.colour: unknown key");
  });

  it("a draft whose errors survive every round is marked and held back by build unless allowed", async () => {
    // the model keeps a placeholder in section 2, even when asked to revise it
    const stubborn = {
      heading: "Curing squash before you store it",
      paragraphs: ["Curing hardens the skin before storage. [Insert statistic here]"],
      summary: "Covered curing.",
    };
    server = await startMockOpenAi((req) => {
      if (req.schemaName === "revise_section") return { json: stubborn };
      if (req.schemaName === "section" && req.lastUser.includes("Write section 2,"))
        return { json: { paragraphs: stubborn.paragraphs, summary: stubborn.summary } };
      return squashArticleReply(req);
    });
    const io = testIo();
    const { results, exitCode } = await runGenerate(
      "winter squash storage",
      { baseUrl: server.baseUrl, model: "mock", out: "drafts" },
      io,
    );
    const r = results[0]!;
    expect(r.rounds).toBe(2);
    expect(r.unfinished).toBe(true);
    expect(exitCode).toBe(1);
    expect(r.remaining.filter((d) => d.severity === "error").map((d) => d.ruleId)).toEqual(["draft/placeholder"]);
    const revisions = server.requests.filter((q) => q.schemaName === "revise_section");
    expect(revisions).toHaveLength(2);
    expect(revisions[0]!.lastUser).toContain('— at: "[Insert statistic here]"');
    const text = await readFile(join(dir, "drafts", "winter-squash-storage.md"), "utf8");
    expect(text).toContain("\ndraft: true\n");
    expect(io.out.join("")).toContain(
      "winter squash storage: errors remain: marked draft: true, not built without --allow-errors",
    );

    const build = testIo();
    await main(["build", join(dir, "drafts"), "--out", join(dir, "site")], build);
    const built = await readdir(join(dir, "site"), { recursive: true }).catch(() => [] as string[]);
    expect(built.some((p) => String(p).includes("winter-squash-storage"))).toBe(false);
    const allowed = testIo();
    await main(["build", join(dir, "drafts"), "--out", join(dir, "site2"), "--allow-errors"], allowed);
    const built2 = await readdir(join(dir, "site2"), { recursive: true });
    expect(built2.some((p) => String(p).includes("winter-squash-storage"))).toBe(true);
  });

  it("shows progress as one rewritten line on a terminal and as plain lines otherwise", async () => {
    server = await startMockOpenAi();
    const flags = { baseUrl: server.baseUrl, model: "mock", out: "drafts", rounds: "0", format: "bundle" };
    const tty = { ...testIo(), isTTY: true };
    const ttyErr: string[] = [];
    tty.stderr = (t) => ttyErr.push(t);
    await runGenerate("compost bins", flags, tty);
    expect(ttyErr.slice(0, 2)).toEqual(["\r\x1b[K[0/1] compost bins: brief", "\r\x1b[K[0/1] compost bins: outline"]);
    expect(ttyErr.at(-1)).toMatch(/^\r\x1b\[K\[1\/1\] compost bins: drafts\/.+\.txt\n$/);
    const plain = testIo();
    await runGenerate("compost bins", flags, plain);
    expect(plain.err.slice(0, 2)).toEqual(["compost bins: brief\n", "compost bins: outline\n"]);
    expect(plain.err.join("")).not.toContain("\x1b");
  });

  it("keeps at most --concurrency keywords in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    server = await startMockOpenAi(() => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      // released just before the mock answers (same delay, timer created first)
      setTimeout(() => inFlight--, 30);
      return { delayMs: 30 };
    });
    await writeFile(join(dir, "kw.txt"), "one topic\ntwo topic\nthree topic\nfour topic\n");
    const { results } = await runGenerate(
      undefined,
      { keywords: "kw.txt", baseUrl: server.baseUrl, model: "mock", out: "drafts", rounds: "0", concurrency: "2" },
      testIo(),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    expect(peak).toBe(2);
  });
});
