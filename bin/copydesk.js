#!/usr/bin/env node
// Thin shim: the CLI bundled from dist/ (dist/bundle/cli.js, written by `npm run build`, run by `npm ci`
// through `prepare`): one file and the chunk of the command being run, instead of ~200 modules.
// COPYDESK_DEBUG prints internal errors' stacks; source maps make them point at src/.
if (process.env.COPYDESK_DEBUG) process.setSourceMapsEnabled(true);
const { main, limitHeapGrowth, tuneTiering } = await import("../dist/bundle/cli.js");

// collect garbage before the heap grows far past what a run keeps (see src/cli/heap.ts)
limitHeapGrowth();
// optimise functions once their feedback has settled, not within the first files (see src/cli/tiering.ts)
tuneTiering();

process.exitCode = await main(process.argv.slice(2));
