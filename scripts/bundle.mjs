#!/usr/bin/env node
// Writes dist/bundle/: the CLI (cli.js, loaded by bin/copydesk.js) and the pool worker bundled from tsc's
// output, so a thread loads a handful of files instead of ~200 modules (Node's ESM loader resolves and
// translates each one: about 0.35 s per thread unbundled). The pool starts worker.cjs, which runs the
// worker's code, worker-body.cjs, with V8's code cache; bin/copydesk.js starts `check` and `build` from
// launch.cjs, which runs cli-check.cjs or cli-build.cjs the same way. Run after `tsc` (part of `npm run build`).
// dist/'s modules stay as they are, for the library API and the tests.
//
// Layout: every output file sits flat in dist/bundle/ (entries and the chunks they share), and each
// module's `import.meta.url` is rewritten to the URL of its own dist/ file, so whatever a module finds
// beside itself (the vocabulary index, the worker, assets) it finds from the bundle too.
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const outdir = `${dist}bundle`;

/**
 * `import.meta.url` in a dist/ module → its own file's URL, computed from `base`, the URL of the bundle
 * file that holds it (`import.meta.url` in the ES bundle, `__moduleUrl` in plain CommonJS).
 */
function ownModuleUrlFrom(base) {
  return {
    name: `own-module-url-from-${base}`,
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(dist)) return undefined;
        const code = await readFile(args.path, "utf8");
        if (!code.includes("import.meta.url")) return undefined;
        const rel = relative(outdir, args.path).split("\\").join("/");
        return {
          contents: code.replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, ${base}).href`),
          resolveDir: dirname(args.path),
          loader: "js",
        };
      });
    },
  };
}
const ownModuleUrl = ownModuleUrlFrom("import.meta.url");

rmSync(outdir, { recursive: true, force: true }); // chunk names change with their content: no stale ones
const result = await build({
  entryPoints: { cli: `${dist}cli/main.js` },
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
 * CommonJS scripts run through V8 with a code cache (src/engine/code-cache.ts): the pool worker's code
 * (worker-body.cjs, run by worker.cjs) and the CLI with only the `check` or the `build` command
 * (cli-check.cjs, cli-build.cjs, run by bin/copydesk.js for those commands). Node 20 has no compile cache
 * for ES modules. What an ES module has that a script lacks comes from its wrapper's parameters:
 * `import.meta.url` is computed from `__moduleUrl`, `import.meta.resolve` is `__importMetaResolve`, and
 * an `import()` of a computed name (a user's config, sitemap's stream module) or of piscina, which stays
 * outside, is `__import()`, Node's own (in a `vm.Script`, `import()` itself needs an experimental hook).
 * An `import()` of one of our modules becomes a static import: esbuild would otherwise wrap that module
 * and everything it imports to initialise lazily, in another order than the ES modules do (a module read
 * before its initialisation then throws). In the CLI's main.js, the other commands' imports become rejections: launch.cjs
 * runs cli-<command>.cjs only when main would load that command alone.
 */
function commonJsBody(command) {
  return {
    name: "common-js-body",
    setup(b) {
      b.onLoad({ filter: /\.js$/ }, async (args) => {
        if (!args.path.startsWith(dist)) return undefined;
        let code = await readFile(args.path, "utf8");
        if (args.path === `${dist}cli/main.js`)
          code = code.replace(/\(await import\("\.\/commands\/(\w+)\.js"\)\)/g, (all, name) =>
            name === command ? all : `(await Promise.reject(new Error("copydesk: ${name} is not in this bundle")))`,
          );
        const statics = [];
        code = code.replace(/await import\("(\.\.?\/[^"]+)"\)/g, (_, spec) => {
          statics.push(`import * as __static${statics.length} from ${JSON.stringify(spec)};\n`);
          return `__static${statics.length - 1}`;
        });
        // (piscina stays outside the bundle: see above)
        code = statics.join("") + code.replace(/(?<![\w$.])import\((?!["'])|import\((?="piscina")/g, "__import(");
        const rel = relative(outdir, args.path).split("\\").join("/");
        code = code
          .replaceAll("import.meta.url", `new URL(${JSON.stringify(rel)}, __moduleUrl).href`)
          .replaceAll("import.meta.resolve(", "__importMetaResolve(");
        return { contents: code, resolveDir: dirname(args.path), loader: "js" };
      });
    },
  };
}
/** esbuild options every CommonJS script below shares */
const commonJs = {
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
  logLevel: "warning",
  metafile: true,
};
const scripts = [
  ["worker-body", `${dist}engine/worker.js`, undefined],
  ["cli-check", `${dist}cli/main.js`, "check"],
  ["cli-build", `${dist}cli/main.js`, "build"],
];
for (const [name, entry, command] of scripts) {
  const body = await build({
    ...commonJs,
    entryPoints: { [name]: entry },
    plugins: [commonJsBody(command)],
    // dependencies' own `import.meta` (fdir's createRequire): the script's, as in the ES bundle
    define: { "import.meta.url": "__moduleUrl", "import.meta.resolve": "__importMetaResolve" },
  });
  // what would break the script: an `import()` left in it, or one of our modules initialised lazily
  const code = await readFile(`${outdir}/${name}.cjs`, "utf8");
  const bad = code.split("\n").filter((line) => /(?<![\w$.`])import\(|__esm\(\{\s*"dist\//.test(line));
  if (bad.length > 0) throw new Error(`bundle: ${name}.cjs would not run as ES modules do:\n${bad.join("\n")}`);
  Object.assign(result.metafile.outputs, body.metafile.outputs);
}

/**
 * The scripts that run those: plain CommonJS files Node itself requires (piscina's thread requires
 * worker.cjs; bin/copydesk.js, launch.cjs), so no ES module loader runs before them. Each knows the
 * SHA-256 of the scripts it runs (src/engine/script-hashes.ts), taken here from the files just written.
 * Their `import.meta.url` is computed from their own file; their `import()` stays Node's own.
 */
const hashes = {};
for (const [name] of scripts) {
  const file = `${name}.cjs`;
  hashes[file] = createHash("sha256")
    .update(await readFile(`${outdir}/${file}`))
    .digest("hex");
}
const plainCommonJs = ownModuleUrlFrom("__moduleUrl");
const runners = await build({
  ...commonJs,
  entryPoints: { worker: `${dist}engine/worker-cached.js`, launch: `${dist}cli/launch.js` },
  plugins: [plainCommonJs],
  banner: { js: 'var __moduleUrl = require("node:url").pathToFileURL(__filename).href;' },
  // (code-cache.ts's default `import.meta.resolve`: both pass their own instead)
  define: { __COPYDESK_SCRIPT_HASHES__: JSON.stringify(hashes), "import.meta.resolve": "undefined" },
});
Object.assign(result.metafile.outputs, runners.metafile.outputs);

const outputs = Object.entries(result.metafile.outputs).filter(([f]) => /\.c?js$/.test(f));
const kb = outputs.reduce((s, [, o]) => s + o.bytes, 0) / 1024;
console.log(`bundle: ${outputs.length} files, ${Math.round(kb)} KB → dist/bundle/`);
