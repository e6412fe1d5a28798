#!/usr/bin/env node
// Writes schema/copydesk.config.schema.json from the zod config schema (run `npm run build` first).
// test/engine-config.test.ts fails when the committed file differs from a fresh generation.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { configJsonSchema } from "../dist/engine/config-schema.js";

const out = fileURLToPath(new URL("../schema/copydesk.config.schema.json", import.meta.url));
writeFileSync(out, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
