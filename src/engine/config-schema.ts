import { z } from "zod";
import { configSchema } from "./config.js";

/**
 * The JSON Schema of copydesk.config.json, for editors. Draft-07 because
 * that is what VS Code and most editors understand. `scripts/gen-config-schema.mjs`
 * writes it to schema/; a test fails when the committed file is stale.
 */
export function configJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(configSchema, { target: "draft-7", io: "input" }) as Record<string, unknown>;
  return { ...schema, title: "copydesk configuration" };
}
