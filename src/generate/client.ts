import OpenAI from "openai";
import { Agent, fetch as undiciFetch } from "undici";
import {
  type ChatMessage,
  type CompletionRequest,
  type CompletionResult,
  GenerationError,
  jsonSchemaOf,
  type LlmClient,
  type TokenUsage,
} from "./llm.js";
import { describeIssues, parseReply, snippet } from "./parse.js";

import { DEFAULT_RETRY, isRetryableStatus, type RetryPolicy, retryDelayMs, sleep } from "./retry.js";

export type { ChatMessage, CompletionRequest, CompletionResult, LlmClient, TokenUsage } from "./llm.js";
export { GenerationError } from "./llm.js";

/** How a server is asked for JSON, strongest first. */
export type ResponseMode = "json_schema" | "json_object" | "none";

/**
 * What each base URL accepted, remembered for the life of the process so a
 * server that rejects `json_schema` is asked the weaker way from then on.
 */
const serverModes = new Map<string, ResponseMode>();

export interface ClientOptions {
  baseUrl: string;
  model: string;
  apiKey?: string;
  /** per HTTP attempt; default 10 minutes (CPU inference can be slow) */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
  temperature?: number;
  maxTokens?: number;
  /** overrides the process-wide memory of server capabilities (tests) */
  modes?: Map<string, ResponseMode>;
}

function responseFormat(mode: ResponseMode, name: string, schema: Record<string, unknown>): Record<string, unknown> {
  if (mode === "json_schema") return { type: "json_schema", json_schema: { name, schema, strict: true } };
  if (mode === "json_object") return { type: "json_object" };
  return {};
}

/** Weaker modes cannot enforce the schema, so the prompt carries it instead. */
function withSchemaInPrompt(messages: ChatMessage[], schema: Record<string, unknown>): ChatMessage[] {
  const note: ChatMessage = {
    role: "system",
    content: `Reply with one JSON object, and nothing else, that matches this JSON Schema:\n${JSON.stringify(schema)}`,
  };
  return [...messages, note];
}

function isFormatRejection(err: unknown): boolean {
  return err instanceof OpenAI.APIError && (err.status === 400 || err.status === 422);
}

function isRetryable(err: unknown): boolean {
  if (err instanceof OpenAI.APIUserAbortError) return false;
  if (err instanceof OpenAI.APIConnectionError) return true; // includes timeouts
  return err instanceof OpenAI.APIError && typeof err.status === "number" && isRetryableStatus(err.status);
}

function describeError(err: unknown): string {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return "the server did not answer in time";
  if (err instanceof OpenAI.APIError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

function estimateTokens(messages: ChatMessage[], reply: string): TokenUsage {
  const promptChars = messages.reduce((n, m) => n + m.content.length, 0);
  return { promptTokens: Math.ceil(promptChars / 4), completionTokens: Math.ceil(reply.length / 4), estimated: true };
}

/**
 * An `LlmClient` over the official `openai` package, for any server that
 * speaks chat completions (OpenAI, Ollama, llama.cpp server, vLLM, …).
 *
 * - Requests go through an undici Agent without headers/body timeouts: Node's
 *   fetch otherwise gives up after 300 s without headers, which long CPU
 *   generations exceed. Our own per-attempt timeout replaces it.
 * - Retries are ours (the SDK's are off) so `retry-after` is honoured but
 *   capped, and waits stop when the caller aborts.
 */
export function createOpenAiClient(options: ClientOptions): LlmClient {
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const modes = options.modes ?? serverModes;
  const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
  const sdk = new OpenAI({
    baseURL: options.baseUrl,
    apiKey: options.apiKey || "not-needed",
    maxRetries: 0,
    timeout: options.timeoutMs ?? 600_000,
    fetch: ((url: string, init: Record<string, unknown>) =>
      undiciFetch(url, { ...init, dispatcher: agent } as never)) as never,
  });
  let requests = 0;

  /** One HTTP exchange with retries; returns the reply text and usage. */
  async function send(
    messages: ChatMessage[],
    name: string,
    schema: Record<string, unknown>,
    signal: AbortSignal | undefined,
  ): Promise<{ text: string; usage: TokenUsage }> {
    for (let attempt = 0; ; attempt++) {
      const mode = modes.get(options.baseUrl) ?? "json_schema";
      const body: Record<string, unknown> = {
        model: options.model,
        messages: mode === "json_schema" ? messages : withSchemaInPrompt(messages, schema),
        ...(mode === "none" ? {} : { response_format: responseFormat(mode, name, schema) }),
      };
      if (options.temperature !== undefined) body.temperature = options.temperature;
      if (options.maxTokens !== undefined) body.max_tokens = options.maxTokens;
      try {
        requests++;
        const res = (await sdk.chat.completions.create(body as never, { signal })) as OpenAI.ChatCompletion;
        const text = res.choices?.[0]?.message?.content ?? "";
        const usage: TokenUsage = res.usage
          ? { promptTokens: res.usage.prompt_tokens ?? 0, completionTokens: res.usage.completion_tokens ?? 0 }
          : estimateTokens(messages, text);
        return { text, usage };
      } catch (err) {
        if (signal?.aborted) throw signal.reason ?? err;
        if (isFormatRejection(err) && mode !== "none") {
          // the server does not take this response_format: ask the weaker way (not counted as a retry)
          modes.set(options.baseUrl, mode === "json_schema" ? "json_object" : "none");
          attempt--;
          continue;
        }
        if (!isRetryable(err) || attempt >= policy.maxRetries) {
          const reply = err instanceof OpenAI.APIError && err.error ? JSON.stringify(err.error) : undefined;
          throw new GenerationError(`${name}: ${describeError(err)}`, reply);
        }
        const headers = err instanceof OpenAI.APIError ? err.headers : undefined;
        await sleep(retryDelayMs(attempt, headers, policy), signal);
      }
    }
  }

  return {
    baseUrl: options.baseUrl,
    model: options.model,
    async complete<T>(request: CompletionRequest<T>): Promise<CompletionResult<T>> {
      const schema = jsonSchemaOf(request.schema);
      const before = requests;
      let messages = request.messages;
      const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
      // the first reply, then at most one re-ask carrying what was wrong with it
      for (let ask = 0; ; ask++) {
        const { text, usage: u } = await send(messages, request.schemaName, schema, request.signal);
        usage.promptTokens += u.promptTokens;
        usage.completionTokens += u.completionTokens;
        if (u.estimated) usage.estimated = true;
        const parsed = parseReply(text);
        let problems: string[];
        if (parsed.ok) {
          const checked = request.schema.safeParse(parsed.value);
          if (checked.success)
            return { value: checked.data, usage, raw: text, repair: parsed.repair, requests: requests - before };
          problems = describeIssues(checked.error);
        } else problems = [parsed.reason];
        if (ask >= 1)
          throw new GenerationError(
            `${request.schemaName}: the model's reply does not fit the schema (${problems.slice(0, 3).join("; ")}); reply: ${snippet(text)}`,
            text,
          );
        messages = [
          ...request.messages,
          { role: "assistant", content: text },
          {
            role: "user",
            content: `That reply does not fit the required JSON Schema:\n- ${problems.join("\n- ")}\nReply again with the corrected JSON object only.`,
          },
        ];
      }
    },
    close: () => agent.close(),
  };
}
