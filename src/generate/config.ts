import { z } from "zod";

/**
 * The `generate` block of copydesk.config.json. Command-line flags override
 * it. Prices are per million tokens, in whatever currency the user thinks in.
 */
export const GenerateConfigSchema = z.strictObject({
  baseUrl: z.url().optional(),
  model: z.string().min(1).optional(),
  /** name of the environment variable holding the API key (the key itself never goes in a config file) */
  apiKeyEnv: z.string().min(1).optional(),
  out: z.string().min(1).optional(),
  format: z.enum(["markdown", "bundle"]).optional(),
  lang: z.string().min(2).optional(),
  rounds: z.number().int().min(0).max(10).optional(),
  concurrency: z.number().int().min(1).max(64).optional(),
  /** per HTTP attempt, in milliseconds */
  timeoutMs: z.number().int().positive().optional(),
  maxRetries: z.number().int().min(0).max(10).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxTokens: z.number().int().positive().optional(),
  prices: z.record(z.string(), z.strictObject({ input: z.number().min(0), output: z.number().min(0) })).optional(),
});

export type GenerateConfig = z.infer<typeof GenerateConfigSchema>;

export type Prices = NonNullable<GenerateConfig["prices"]>;

/** Cost of a run's tokens, or undefined when the model has no price in the config. */
export function costOf(prices: Prices | undefined, model: string, promptTokens: number, completionTokens: number) {
  const price = prices?.[model];
  if (!price) return undefined;
  return (promptTokens * price.input + completionTokens * price.output) / 1_000_000;
}
