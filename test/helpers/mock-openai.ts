/**
 * A real OpenAI-compatible chat-completions server on 127.0.0.1 (random
 * port) for tests. By default it answers each request from the JSON Schema
 * the request carries; a script can replace any reply with an HTTP error, a
 * delay, or raw text (truncated JSON, typographic quotes, …).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface MockRequest {
  /** 1-based arrival number */
  n: number;
  body: any;
  /** `response_format.json_schema.name`, when sent */
  schemaName?: string;
  /** `response_format.json_schema.schema`, when sent */
  schema?: any;
  /** text of the last user message */
  lastUser: string;
}

export type MockReply =
  /** an HTTP error (or any status) with headers and a JSON body */
  | { status: number; headers?: Record<string, string>; body?: unknown }
  /** a 200 completion whose message content is exactly this text */
  | { content: string; usage?: boolean }
  /** a 200 completion with this value as JSON */
  | { json: unknown }
  /** wait, then answer */
  | { delayMs: number; reply?: MockReply };

/** Returns the reply for a request, or undefined to answer from the schema. */
export type MockScript = (req: MockRequest) => MockReply | undefined;

export interface MockServer {
  baseUrl: string;
  requests: MockRequest[];
  script: MockScript;
  close(): Promise<void>;
}

const WORDS = ["clear", "practical", "steady", "useful", "simple", "careful", "plain", "honest", "brief", "calm"];

/** A deterministic instance of a JSON Schema (the subset zod emits). */
export function answerFromSchema(schema: any, key = "value", depth = 0): unknown {
  if (!schema || depth > 12) return null;
  if (schema.enum) return schema.enum[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.anyOf) return answerFromSchema(schema.anyOf[0], key, depth + 1);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(schema.properties ?? {})) out[k] = answerFromSchema(s, k, depth + 1);
      return out;
    }
    case "array": {
      const n = Math.max(schema.minItems ?? 1, Math.min(schema.maxItems ?? 2, 2));
      return Array.from({ length: n }, (_, i) => answerFromSchema(schema.items, `${key}${i + 1}`, depth + 1));
    }
    case "string": {
      let text = `Example ${key} ${WORDS[depth % WORDS.length]} text`;
      while (text.length < (schema.minLength ?? 0)) text += ` ${WORDS[text.length % WORDS.length]}`;
      return schema.maxLength ? text.slice(0, schema.maxLength) : text;
    }
    case "integer":
    case "number":
      return schema.minimum ?? 1;
    case "boolean":
      return false;
    default:
      return null;
  }
}

function completion(content: string, model: string, usage = true): unknown {
  return {
    id: "chatcmpl-mock",
    object: "chat.completion",
    created: 0,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
    ...(usage ? { usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 } } : {}),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startMockOpenAi(script: MockScript = () => undefined): Promise<MockServer> {
  const requests: MockRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const state: MockServer = { baseUrl: "", requests, script, close: async () => {} };

  async function respond(res: ServerResponse, reply: MockReply, request: MockRequest): Promise<void> {
    if ("delayMs" in reply) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          timers.delete(t);
          resolve();
        }, reply.delayMs);
        timers.add(t);
      });
      if (res.destroyed) return;
      return respond(res, reply.reply ?? { json: answerFromSchema(request.schema) }, request);
    }
    const model = String(request.body?.model ?? "mock");
    if ("status" in reply) {
      res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
      res.end(JSON.stringify(reply.body ?? { error: { message: `mock status ${reply.status}` } }));
      return;
    }
    const content = "content" in reply ? reply.content : JSON.stringify(reply.json);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(completion(content, model, "content" in reply ? reply.usage !== false : true)));
  }

  const server = createServer(async (req, res) => {
    if (req.method !== "POST" || !req.url?.endsWith("/chat/completions")) {
      res.writeHead(404).end();
      return;
    }
    let body: any;
    try {
      body = JSON.parse(await readBody(req));
    } catch {
      res.writeHead(400, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "bad request body" } }));
      return;
    }
    const messages: any[] = Array.isArray(body.messages) ? body.messages : [];
    const lastUser = [...messages].reverse().find((m) => m.role === "user")?.content ?? "";
    const request: MockRequest = {
      n: requests.length + 1,
      body,
      schemaName: body.response_format?.json_schema?.name,
      schema: body.response_format?.json_schema?.schema,
      lastUser: String(lastUser),
    };
    requests.push(request);
    const reply = state.script(request) ?? { json: answerFromSchema(request.schema) };
    await respond(res, reply, request);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  state.baseUrl = `http://127.0.0.1:${port}/v1`;
  state.close = async () => {
    for (const t of timers) clearTimeout(t);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** Paragraphs of a plausible article on storing winter squash, written for these tests. */
const SQUASH = {
  h1: "Winter squash storage: keep squash sweet for months",
  sections: [
    {
      heading: "Why winter squash storage starts in the field",
      paragraphs: [
        "Squash keeps best when it is fully ripe before you pick it. The rind should be hard enough that a fingernail leaves no mark. In addition, the stem should look dry and corky.",
        "Cut each fruit with a few centimetres of stem attached. A squash without its stem has an open wound, and rot often starts there. Handle the fruit gently, because bruises turn soft in storage.",
      ],
    },
    {
      heading: "Curing squash before you store it",
      paragraphs: [
        "Curing hardens the skin and heals small cuts. Leave the fruit in a warm, dry and airy place for one to two weeks. For example, a sunny porch or a greenhouse bench works well for this step.",
        "However, acorn squash is the exception. It does not need curing and may lose quality in the heat. Instead, move it straight to a cool shelf and eat it first.",
      ],
    },
    {
      heading: "The right place for winter squash storage",
      paragraphs: [
        "Choose a spot that stays cool and dry, away from frost. A spare bedroom, a dry cellar or an unheated hallway are common choices. Also keep the fruit off cold stone floors.",
        "Set each squash on a shelf or in a shallow crate so that none of them touch. That way, air can move around the skins. Do not store them next to apples or pears, which speed up ripening.",
      ],
    },
    {
      heading: "Checking your stored squash",
      paragraphs: [
        "Look at your stored fruit every week or two. Remove any squash with soft spots, mould or weeping patches. After all, one bad fruit can spoil the ones beside it.",
        "Use the thin-skinned kinds first and keep the thick-skinned ones for later. Butternut and crown types often last the longest. Finally, cook any fruit that starts to show blemishes.",
      ],
    },
  ],
  intro: [
    "Good winter squash storage lets you eat home-grown squash long after the garden has gone quiet. The method is simple, and it rewards a little care at harvest time.",
    "This guide explains how to pick, cure and store squash, and how to spot trouble early. As a result, the fruit stays firm and sweet.",
  ],
  faq: [
    {
      question: "Can I store winter squash in the fridge?",
      answer:
        "The fridge is too cold and too damp for whole squash. Keep whole fruit on a cool shelf instead, and put only cut pieces in the fridge.",
    },
    {
      question: "Should I wash squash before storing it?",
      answer:
        "Do not wash it before storage, because damp skin invites mould. Brush off loose soil with a dry cloth and wash the fruit just before you cook it.",
    },
    {
      question: "Can I freeze winter squash?",
      answer:
        "Yes, cooked squash freezes well. Roast or steam it, mash it, cool it and freeze it in flat bags for quick meals later.",
    },
  ],
  meta: {
    seoTitle: "Winter squash storage: keep squash fresh for months",
    metaDescription:
      "Winter squash storage made simple: how to pick, cure and store squash so it stays firm and sweet for months, plus the signs of spoilage to look for.",
    slug: "winter-squash-storage",
    focusKeyphrase: "winter squash storage",
  },
};

/** Replies that form a clean article, chosen by the stage the request names. */
export function squashArticleReply(req: MockRequest): MockReply | undefined {
  const part = (i: number) => {
    const s = SQUASH.sections[i] ?? SQUASH.sections[0]!;
    return { paragraphs: s.paragraphs, summary: `Covered: ${s.heading.toLowerCase()}.` };
  };
  switch (req.schemaName) {
    case "brief":
      return {
        json: {
          searchIntent: "informational",
          audience: "home gardeners with a squash harvest",
          angle: "a simple routine from harvest to kitchen",
          questions: SQUASH.faq.map((f) => f.question),
          healthTopic: false,
        },
      };
    case "outline":
      return {
        json: {
          h1: SQUASH.h1,
          introNotes: "why storage matters",
          sections: SQUASH.sections.map((s) => ({ heading: s.heading, notes: "practical steps" })),
          faqQuestions: SQUASH.faq.map((f) => f.question),
        },
      };
    case "intro":
      return { json: { paragraphs: SQUASH.intro, summary: "Introduced the routine." } };
    case "section": {
      const n = Number(/Write section (\d+)/.exec(req.lastUser)?.[1] ?? "1");
      return { json: part(n - 1) };
    }
    case "faq":
      return { json: { answers: SQUASH.faq } };
    case "meta":
      return { json: SQUASH.meta };
    default:
      return undefined;
  }
}

/** Servers and clients a test opened, closed (last first) after it: `afterEach(() => open.closeAll())`. */
export function closables() {
  const list: Array<{ close(): Promise<unknown> }> = [];
  return {
    add<T extends { close(): Promise<unknown> }>(c: T): T {
      list.push(c);
      return c;
    },
    async closeAll(): Promise<void> {
      for (const c of list.splice(0).reverse()) await c.close();
    },
  };
}
