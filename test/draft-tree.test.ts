import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { glob } from "tinyglobby";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs } from "../src/cli/commands/check.js";
import { DRAFT_EXTENSIONS } from "../src/cli/draft-names.js";
import { plainTreeFiles } from "../src/cli/draft-tree.js";

const EXTENSIONS = new Set<string>(DRAFT_EXTENSIONS);
const IGNORED = new Set(["node_modules", ".git", ".copydesk-cache", "dist"]);

let root: string;

/** What `expandInputs` globbed before the plain walk: the reference the walk must equal. */
async function globbed(dir: string): Promise<string[]> {
  const found = await glob([`**/*.{${DRAFT_EXTENSIONS.join(",")}}`], {
    cwd: dir,
    absolute: true,
    onlyFiles: true,
    ignore: [...IGNORED].map((d) => `**/${d}/**`),
  });
  return found.sort();
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "copydesk-tree-"));
  const files = [
    "a.md",
    "b.txt",
    "c.MD", // extensions match case-sensitively
    "d.markdown",
    "e.html",
    "f.htm",
    "g.json",
    "h.pdf",
    "noext",
    ".hidden.md", // a dot name is not matched
    "two.dots.md",
    "with space.md",
    "ünïcode.md",
    "nested/deeper/x.md",
    "nested/y.txt",
    ".dotdir/z.md",
    "node_modules/pkg/readme.md",
    "sub/node_modules/n.md",
    "sub/dist/built.html",
    "sub/.git/HEAD.md",
    "sub/.copydesk-cache/c.json",
    "sub/ok.md",
    "dir.md/inside.md", // a directory with a draft's extension is entered, not listed
  ];
  for (const f of files) {
    mkdirSync(join(root, "plain", f, ".."), { recursive: true });
    writeFileSync(join(root, "plain", f), "x");
  }
  mkdirSync(join(root, "linked", "real"), { recursive: true });
  writeFileSync(join(root, "linked", "real", "r.md"), "x");
  symlinkSync(join(root, "linked", "real"), join(root, "linked", "alias"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("plainTreeFiles", () => {
  it("finds exactly the files the glob finds in a plain tree", async () => {
    const walked = plainTreeFiles(join(root, "plain"), EXTENSIONS, IGNORED)?.sort();
    expect(walked).toEqual(await globbed(join(root, "plain")));
    expect(walked?.map((p) => p.slice(root.length + 7))).toEqual([
      "a.md",
      "b.txt",
      "d.markdown",
      "dir.md/inside.md",
      "e.html",
      "f.htm",
      "g.json",
      "nested/deeper/x.md",
      "nested/y.txt",
      "sub/ok.md",
      "two.dots.md",
      "with space.md",
      "ünïcode.md",
    ]);
  });

  it("leaves a tree with a symbolic link, and a linked root, to the glob", async () => {
    expect(plainTreeFiles(join(root, "linked"), EXTENSIONS, IGNORED)).toBeUndefined();
    expect(plainTreeFiles(join(root, "linked", "alias"), EXTENSIONS, IGNORED)).toBeUndefined();
    expect(plainTreeFiles(join(root, "missing"), EXTENSIONS, IGNORED)).toBeUndefined();
    // the CLI still expands them, through the glob
    expect(await expandInputs(["linked"], root)).toEqual([
      join(root, "linked", "alias", "r.md"),
      join(root, "linked", "real", "r.md"),
    ]);
  });
});
