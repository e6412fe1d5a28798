import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createOpenAiClient, GenerationError, type LlmClient, type ResponseMode } from "../src/generate/client.js";
import { retryDelayMs } from "../src/generate/retry.js";
import { closables, type MockScript, startMockOpenAi } from "./helpers/mock-openai.js";

const Answer = z.strictObject({ title: z.string().min(1), points: z.array(z.string()).min(1) });
const good = { title: "Storing winter squash", points: ["Cure the skins first", "Keep them cool and dry"] };

const open = closables();
afterEach(() => open.closeAll());

async function setup(script: MockScript, opts: { timeoutMs?: number; modes?: Map<string, ResponseMode> } = {}) {
  const server = open.add(await startMockOpenAi(script));
  const client = open.add(
    createOpenAiClient({
      baseUrl: server.baseUrl,
      model: "mock-model",
      timeoutMs: opts.timeoutMs ?? 5_000,
      retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 2_000 },
      modes: opts.modes ?? new Map(),
    }),
  );
  return { server, client };
}

const ask = (c: LlmClient) =>
  c.complete({ messages: [{ role: "user", content: "Give me JSON." }], schema: Answer, schemaName: "answer" });

describe("LlmClient over a real local server", () => {
  it("sends the zod schema as response_format.json_schema.schema and validates the reply", async () => {
    const { server, client } = await setup(() => ({ json: good }));
    const res = await ask(client);
    expect(res.value).toEqual(good);
    expect(res.repair).toBe("strict");
    expect(res.usage).toEqual({ promptTokens: 100, completionTokens: 50 });
    expect(server.requests).toHaveLength(1);
    const rf = server.requests[0]!.body.response_format;
    expect(rf.type).toBe("json_schema");
    expect(rf.json_schema.name).toBe("answer");
    expect(rf.json_schema.schema).toEqual({
      type: "object",
      properties: {
        title: { type: "string", minLength: 1 },
        points: { type: "array", minItems: 1, items: { type: "string" } },
      },
      required: ["title", "points"],
      additionalProperties: false,
    });
  });

  it("answers generically from the schema the request carries", async () => {
    const { client } = await setup(() => undefined);
    const res = await ask(client);
    expect(res.value.points).toEqual(["Example points1 steady text", "Example points2 steady text"]);
    expect(res.value.title).toMatch(/^Example title/);
  });

  it("waits for retry-after on 429, then succeeds", async () => {
    let first = true;
    const { server, client } = await setup(() => {
      if (!first) return { json: good };
      first = false;
      return { status: 429, headers: { "retry-after": "1" }, body: { error: { message: "slow down" } } };
    });
    const t0 = Date.now();
    const res = await ask(client);
    const elapsed = Date.now() - t0;
    expect(res.value).toEqual(good);
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(3_000);
  });

  it("honours retry-after-ms before retry-after", () => {
    const policy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 60_000 };
    expect(retryDelayMs(0, { "retry-after-ms": "250", "retry-after": "9" }, policy)).toBe(250);
    expect(retryDelayMs(0, { "retry-after": "2" }, policy)).toBe(2_000);
    expect(retryDelayMs(0, { "retry-after": "3600" }, policy)).toBe(60_000);
    expect(retryDelayMs(2, undefined, policy, () => 0)).toBe(2_000);
  });

  it("retries a 500 and then succeeds", async () => {
    const { server, client } = await setup((r) => (r.n === 1 ? { status: 500 } : { json: good }));
    const res = await ask(client);
    expect(res.value).toEqual(good);
    expect(res.requests).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it("gives up after the retry budget with the server's message", async () => {
    const { server, client } = await setup(() => ({ status: 503, body: { error: { message: "model overloaded" } } }));
    const err = await ask(client).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.message).toContain("model overloaded");
    expect(server.requests).toHaveLength(4);
  });

  it("times out a reply slower than the timeout, retries, and takes the next one", async () => {
    const { server, client } = await setup(
      (r) => (r.n === 1 ? { delayMs: 3_000, reply: { json: good } } : { json: good }),
      {
        timeoutMs: 300,
      },
    );
    const t0 = Date.now();
    const res = await ask(client);
    expect(res.value).toEqual(good);
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it("fails with a timeout message when every attempt is too slow", async () => {
    const { server, client } = await setup(() => ({ delayMs: 2_000 }), { timeoutMs: 150 });
    const err = await ask(client).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.message).toBe("answer: the server did not answer in time");
    expect(server.requests).toHaveLength(4);
  });

  it("repairs truncated JSON through the repair ladder", async () => {
    const { client } = await setup(() => ({
      content: '{"title": "Storing winter squash", "points": ["Cure the skins first", "Keep them cool',
    }));
    const res = await ask(client);
    expect(res.value).toEqual({ title: "Storing winter squash", points: ["Cure the skins first", "Keep them cool"] });
    expect(res.repair).toBe("prepass+jsonrepair");
  });

  it("reads JSON written with typographic quotes, keeping inner quotes", async () => {
    const { client } = await setup(() => ({
      content: "Here it is:\n```json\n{“title”: “The “hard” squash”, “points”: [“Cure first”]}\n```",
    }));
    const res = await ask(client);
    expect(res.value).toEqual({ title: "The “hard” squash", points: ["Cure first"] });
    expect(res.repair).toBe("prepass");
  });

  it("re-asks once with the validation errors when the reply violates the schema", async () => {
    const { server, client } = await setup((r) => (r.n === 1 ? { json: { title: "", points: [] } } : { json: good }));
    const res = await ask(client);
    expect(res.value).toEqual(good);
    expect(server.requests).toHaveLength(2);
    const reask = server.requests[1]!;
    expect(reask.lastUser).toContain("title: Too small");
    expect(reask.body.messages.at(-2)).toEqual({ role: "assistant", content: '{"title":"","points":[]}' });
  });

  it("fails after one re-ask with the server's text in the error", async () => {
    const { server, client } = await setup(() => ({ content: "I cannot help with that request." }));
    const err = await ask(client).catch((e) => e);
    expect(err).toBeInstanceOf(GenerationError);
    expect(err.message).toContain("I cannot help with that request.");
    expect(err.reply).toBe("I cannot help with that request.");
    expect(server.requests).toHaveLength(2);
  });

  it("downgrades to json_object, remembered per base URL, when json_schema is rejected", async () => {
    const modes = new Map<string, ResponseMode>();
    const { server, client } = await setup(
      (r) =>
        r.body.response_format?.type === "json_schema"
          ? { status: 400, body: { error: { message: "response_format json_schema unsupported" } } }
          : { json: good },
      { modes },
    );
    expect((await ask(client)).value).toEqual(good);
    expect((await ask(client)).value).toEqual(good);
    expect(server.requests.map((r) => r.body.response_format?.type)).toEqual([
      "json_schema",
      "json_object",
      "json_object",
    ]);
    expect(modes.get(server.baseUrl)).toBe("json_object");
    // the weaker mode carries the schema in the prompt instead
    expect(server.requests[1]!.body.messages.at(-1).content).toContain('"required":["title","points"]');
  });

  it("estimates tokens when the server sends no usage", async () => {
    const { client } = await setup(() => ({ content: JSON.stringify(good), usage: false }));
    const res = await ask(client);
    expect(res.usage.estimated).toBe(true);
    expect(res.usage.completionTokens).toBe(Math.ceil(JSON.stringify(good).length / 4));
  });
});
