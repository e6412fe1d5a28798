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
