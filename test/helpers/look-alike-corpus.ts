import { copyFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
// @ts-expect-error: plain ESM script without types
import { generateCorpus } from "../../bench/corpus/generate.mjs";

/**
 * Six generated drafts and a copy of one under a second name, which the corpus rules flag as a pair:
 * the smallest run in which a corpus pass finds something. `paths` are absolute and sorted.
 */
export function lookAlikeCorpus(prefix: string): { dir: string; corpus: string; paths: string[] } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const corpus = join(dir, "corpus");
  generateCorpus({ n: 6, seed: 3, out: corpus, words: 600 });
  copyFileSync(join(corpus, "000001-bundle-md.md"), join(corpus, "zz-copy.md"));
  const paths = readdirSync(corpus)
    .sort()
    .map((f) => join(corpus, f));
  return { dir, corpus, paths };
}
