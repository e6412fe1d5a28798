#!/usr/bin/env node
// Writes dist/bundle/: the CLI (cli.js, loaded by bin/copydesk.js) and the pool worker (worker.js) bundled
// from tsc's output, so a thread loads a handful of files instead of ~200 modules (Node's ESM loader
// resolves and translates each one: about 0.35 s per thread unbundled). Run after `tsc` (part of
// `npm run build`). dist/'s modules stay as they are, for the library API and the tests.
//
// Layout: every output file sits flat in dist/bundle/ (entries and the chunks they share), and each
// module's `import.meta.url` is rewritten to the URL of its own dist/ file, so whatever a module finds
// beside itself (the vocabulary index, the worker, assets) it finds from the bundle too.
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const outdir = `${dist}bundle`;

/** `import.meta.url` in a dist/ module → its own file's URL, computed from the bundle file that holds it. */
const ownModuleUrl = {
  name: "own-module-url",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      const code = await readFile(args.path, "utf8");
      if (!code.includes("import.meta.url")) return undefined;
      const rel = relative(outdir, args.path).split("\\").join("/");
      return {
        contents: code.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, import.meta.url).href`),
        resolveDir: dirname(args.path),
        loader: "js",
      };
    });
  },
};

rmSync(outdir, { recursive: true, force: true }); // chunk names change with their content: no stale ones
const result = await build({
  entryPoints: { cli: `${dist}cli/main.js`, worker: `${dist}engine/worker.js` },
  outdir,
  bundle: true,
  splitting: true, // the CLI's commands stay lazy: each is a chunk loaded when run
  format: "esm",
  platform: "node",
  // ES builds where a package has both: jsonc-parser's UMD main requires its own files by relative path
  mainFields: ["module", "main"],
  target: "node20",
  chunkNames: "chunk-[hash]",
  sourcemap: "linked", // chained to tsc's maps: `node --enable-source-maps` shows src/ positions
  sourcesContent: false,
  // piscina starts its threads from a file beside its own module (found by __dirname)
  external: ["piscina"],
  // CommonJS dependencies (commander, yaml) call require() for Node's built-ins
  banner: {
    js: 'import { createRequire as __copydeskRequire } from "node:module";\nconst require = __copydeskRequire(import.meta.url);',
  },
  plugins: [ownModuleUrl],
  logLevel: "warning",
  metafile: true,
});
const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith(".js"));
const kb = outputs.reduce((s, [, o]) => s + o.bytes, 0) / 1024;
console.log(`bundle: ${outputs.length} files, ${Math.round(kb)} KB → dist/bundle/`);
