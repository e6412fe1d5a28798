#!/usr/bin/env node
// Writes dist/bundle/: the CLI (cli.js, loaded by bin/copydesk.js) and the pool worker bundled from tsc's
// output, so a thread loads a handful of files instead of ~200 modules (Node's ESM loader resolves and
// translates each one: about 0.35 s per thread unbundled). The pool starts worker.js, which runs the
// worker's code, worker-body.cjs, with V8's code cache. Run after `tsc` (part of `npm run build`).
// dist/'s modules stay as they are, for the library API and the tests.
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
  entryPoints: { cli: `${dist}cli/main.js`, worker: `${dist}engine/worker-cached.js` },
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

/**
 * The pool worker's code as one CommonJS script (worker-body.cjs), which worker.js runs through V8 with a
 * code cache (src/engine/code-cache.ts). `import.meta.url` becomes the script's own URL (a parameter of
 * its wrapper); config-load.js's `import()` of a user's config becomes `__import()`, Node's own, also a
 * parameter (src/engine/code-cache.ts says why); and batch.js's one `import()` of a module of its own
 * becomes a static import: esbuild would otherwise wrap that module and everything it imports to
 * initialise lazily, in another order than the ES modules do (a module read before its initialisation
 * then throws).
 */
const workerBody = {
  name: "worker-body",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      if (!args.path.startsWith(dist)) return undefined;
      let code = await readFile(args.path, "utf8");
      const lazy = '(await import("./planned-page.js"))';
      if (args.path === `${dist}engine/batch.js`) {
        if (!code.includes(lazy)) throw new Error(`bundle: batch.js no longer has ${lazy}`);
        code = `import * as __plannedPage from "./planned-page.js";\n${code.replace(lazy, "__plannedPage")}`;
      }
      const configImport = "await import(pathToFileURL(path).href)";
      if (args.path === `${dist}engine/config-load.js`) {
        if (!code.includes(configImport)) throw new Error(`bundle: config-load.js no longer has ${configImport}`);
        code = code.replace(configImport, "await __import(pathToFileURL(path).href)");
      }
      const rel = relative(outdir, args.path).split("\\").join("/");
      code = code.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, __moduleUrl).href`);
      return { contents: code, resolveDir: dirname(args.path), loader: "js" };
    });
  },
};
const body = await build({
  entryPoints: { "worker-body": `${dist}engine/worker.js` },
  outdir,
  outExtension: { ".js": ".cjs" },
  bundle: true,
  format: "cjs",
  platform: "node",
  mainFields: ["module", "main"],
  target: "node20",
  sourcemap: "linked",
  sourcesContent: false,
  external: ["piscina"],
  plugins: [workerBody],
  logLevel: "warning",
  metafile: true,
});
// any other `import()` left in the script would throw when called (see code-cache.ts): name it here
const bodyCode = await readFile(`${outdir}/worker-body.cjs`, "utf8");
const dynamic = bodyCode.split("\n").filter((line) => /(?<![\w$.`])import\(/.test(line));
if (dynamic.length > 0) throw new Error(`bundle: worker-body.cjs calls import():\n${dynamic.join("\n")}`);
Object.assign(result.metafile.outputs, body.metafile.outputs);
const outputs = Object.entries(result.metafile.outputs).filter(([f]) => /\.c?js$/.test(f));
const kb = outputs.reduce((s, [, o]) => s + o.bytes, 0) / 1024;
console.log(`bundle: ${outputs.length} files, ${Math.round(kb)} KB → dist/bundle/`);
