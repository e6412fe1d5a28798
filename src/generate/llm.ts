import { z } from "zod";
import type { RepairStep } from "../model/article.js";

/**
 * The model-call surface the pipeline codes against, without the SDK behind
 * it (so loading the pipeline does not load the openai package).
 */
export interface ChatMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface CompletionRequest<T> {
  messages: ChatMessage[];
  /** the reply must parse into this; its JSON Schema is sent as `response_format.json_schema.schema` */
  schema: z.ZodType<T>;
  /** `[a-zA-Z0-9_-]`, names the schema for the server */
  schemaName: string;
  signal?: AbortSignal;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  /** the server sent no `usage`: counts are estimated from characters (about 4 per token) */
  estimated?: boolean;
}

export interface CompletionResult<T> {
  value: T;
  usage: TokenUsage;
  /** the reply text as the server sent it (last attempt) */
  raw: string;
  /** which step of the JSON repair ladder read the reply */
  repair: RepairStep;
  /** HTTP requests made, retries and re-asks included */
  requests: number;
}

/** The only surface the pipeline sees: one structured completion at a time. */
export interface LlmClient {
  readonly baseUrl: string;
  readonly model: string;
  complete<T>(request: CompletionRequest<T>): Promise<CompletionResult<T>>;
  close(): Promise<void>;
}

/** A model call that failed for good; `reply` carries the server's text when there was one. */
export class GenerationError extends Error {
  override name = "GenerationError";
  constructor(
    message: string,
    readonly reply?: string,
  ) {
    super(message);
  }
}

/** The JSON Schema we send for a zod schema: draft 2020-12 minus `$schema`, which some servers reject. */
export function jsonSchemaOf(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
}
