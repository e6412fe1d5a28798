import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "../src/engine/types.js";
import type { StageCache } from "../src/generate/cache.js";
import { createOpenAiClient } from "../src/generate/client.js";
import { generateOne, type PipelineOptions } from "../src/generate/pipeline.js";
import { closables, squashArticleReply, startMockOpenAi } from "./helpers/mock-openai.js";

const open = closables();
afterEach(() => open.closeAll());

function memoryCache(): StageCache {
  const m = new Map<string, unknown>();
  return { get: async (k) => m.get(k), set: async (k, v) => void m.set(k, v) };
}

const BAD = "Curing hardens the skin and heals small cuts.";

/** A stand-in check: one error wherever the phrase BAD appears. */
function phraseCheck(text: string): Diagnostic[] {
  const at = text.indexOf(BAD);
  if (at < 0) return [];
  return [
    {
      ruleId: "draft/test-phrase",
      severity: "error",
      messageId: "phrase",
      message: "This sentence is banned in tests.",
      url: "",
      span: { start: at, end: at + BAD.length },
      line: 1,
      column: 1,
      endLine: 1,
      endColumn: 1,
    },
  ];
}

async function setup(revise: (req: any) => unknown) {
  const server = open.add(
    await startMockOpenAi((req) =>
      req.schemaName?.startsWith("revise_") ? { json: revise(req) } : squashArticleReply(req),
    ),
  );
  const client = open.add(
    createOpenAiClient({ baseUrl: server.baseUrl, model: "mock", retry: { maxRetries: 0 }, modes: new Map() }),
  );
  const opts: PipelineOptions = {
    client,
    cache: memoryCache(),
    format: "markdown",
    lang: "en",
    rounds: 2,
    check: phraseCheck,
  };
  return { server, opts };
}

describe("quality gate", () => {
  it("sends a finding back for the one section it points at, and takes the revision", async () => {
    const { server, opts } = await setup(() => ({
      heading: "Curing squash before you store it",
      paragraphs: ["Curing toughens the skin so small cuts close up.", "Acorn squash can skip this step."],
      summary: "Covered curing.",
    }));
    const r = await generateOne({ keyword: "winter squash storage" }, opts);
    expect(r.ok).toBe(true);
    expect(r.rounds).toBe(1);
    expect(r.remaining).toEqual([]);
    expect(r.unfinished).toBe(false);
    const revisions = server.requests.filter((q) => q.schemaName?.startsWith("revise_"));
    expect(revisions.map((q) => q.schemaName)).toEqual(["revise_section"]);
    const prompt = revisions[0]!.lastUser;
    expect(prompt).toContain(`- This sentence is banned in tests. (draft/test-phrase) — at: "${BAD}"`);
    // only that section is sent: its heading, not another section's
    expect(prompt).toContain('"heading":"Curing squash before you store it"');
    expect(prompt).not.toContain('Checking your stored squash","paragraphs');
    expect(r.text).toContain(
      "## Curing squash before you store it\n\nCuring toughens the skin so small cuts close up.\n\n",
    );
    expect(r.text).not.toContain(BAD);
    expect(r.text).not.toContain("draft: true");
  });

  it("stops after N rounds, marks the draft and reports what remains", async () => {
    const { server, opts } = await setup((req) =>
      JSON.parse(/Here is one section as JSON:\n(.*)\n/.exec(req.lastUser)![1]!),
    );
    const r = await generateOne({ keyword: "winter squash storage" }, opts);
    expect(r.ok).toBe(true);
    expect(r.rounds).toBe(2);
    expect(r.unfinished).toBe(true);
    expect(r.remaining.map((d) => d.ruleId)).toEqual(["draft/test-phrase"]);
    // the remaining diagnostic points into the text as written, draft flag included
    const d = r.remaining[0]!;
    expect(r.text!.slice(d.span.start, d.span.end)).toBe(BAD);
    expect(r.text!.startsWith("---\ntitle: ")).toBe(true);
    expect(r.text).toContain("\ndraft: true\n");
    expect(server.requests.filter((q) => q.schemaName === "revise_section")).toHaveLength(2);
  });

  it("with zero rounds, checks once and revises nothing", async () => {
    const { server, opts } = await setup(() => {
      throw new Error("no revision expected");
    });
    const r = await generateOne({ keyword: "winter squash storage" }, { ...opts, rounds: 0 });
    expect(r.rounds).toBe(0);
    expect(r.unfinished).toBe(true);
    expect(server.requests.some((q) => q.schemaName?.startsWith("revise_"))).toBe(false);
  });

  it("writes sections in order, each given the summaries of those before it", async () => {
    const { server, opts } = await setup(() => ({}));
    await generateOne({ keyword: "winter squash storage" }, { ...opts, check: () => [] });
    const sections = server.requests.filter((q) => q.schemaName === "section");
    expect(sections).toHaveLength(4);
    expect(sections[0]!.lastUser).toContain("do not repeat it):\n- Introduced the routine.\n\nWrite section 1,");
    expect(sections[3]!.lastUser).toContain(
      "- Introduced the routine.\n- Covered: why winter squash storage starts in the field.\n- Covered: curing squash before you store it.\n- Covered: the right place for winter squash storage.\n\nWrite section 4,",
    );
    expect(server.requests.map((q) => q.schemaName)).toEqual([
      "brief",
      "outline",
      "intro",
      "section",
      "section",
      "section",
      "section",
      "faq",
      "meta",
    ]);
  });
});

describe("truthfulness in prompts", () => {
  it("forbids invented facts everywhere and adds the health duties for health topics", async () => {
    const server = open.add(
      await startMockOpenAi((req) => {
        const reply = squashArticleReply(req);
        if (req.schemaName === "brief" && reply && "json" in reply)
          return { json: { ...(reply.json as object), healthTopic: true } };
        return reply;
      }),
    );
    const client = open.add(createOpenAiClient({ baseUrl: server.baseUrl, model: "mock", modes: new Map() }));
    await generateOne(
      { keyword: "winter squash storage" },
      { client, cache: memoryCache(), format: "markdown", lang: "en", rounds: 0, check: () => [] },
    );
    const systems = server.requests.map((q) => q.body.messages[0].content as string);
    for (const s of systems) {
      expect(s).toContain(
        "Never invent statistics, percentages, study names, journal names, expert names, quotations, citations or links.",
      );
      expect(s).toContain("Do not write years or dates as filler");
    }
    // the brief decides; from then on every prompt carries the health duties
    expect(systems[0]).not.toContain("consult a qualified health professional");
    for (const s of systems.slice(1)) {
      expect(s).toContain("consult a qualified health professional");
      expect(s).toContain("Wherever a medicine or supplement is named, add a safety note");
    }
  });
});
