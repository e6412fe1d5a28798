import { describe, expect, it } from "vitest";
import { buildMessages, heldAt, heldLocated, pageLocated } from "../src/cli/commands/build-messages.js";
import type { Diagnostic } from "../src/engine/types.js";
import type { BuildNote } from "../src/write/graph.js";
import type { PageRecord } from "../src/write/site.js";

const note = (severity: BuildNote["severity"], id: string, start: number): BuildNote => ({
  id: `build/${id}`,
  severity,
  message: `${id} message`,
  span: { start, end: start + 1 },
});

const page = (path: string, notes: BuildNote[]): PageRecord => ({
  path,
  slug: path.replace(/\.md$/, ""),
  file: `${path.replace(/\.md$/, "")}/index.html`,
  facts: { title: path } as PageRecord["facts"],
  notes,
});

describe("build messages", () => {
  const a = pageLocated(page("a.md", [note("warn", "one", 0), note("info", "two", 5)]), [1, 1, 2, 3]);
  const held = heldLocated(
    { path: "b.md", errors: [{ ruleId: "seo/x", message: "bad", span: { start: 9, end: 10 } }] },
    [4, 7],
  );
  const c = pageLocated(page("c.md", [note("warn", "three", 2)]), [1, 3]);

  it("prints every page's notes in input order, then the held-back drafts, info notes only when verbose", () => {
    expect(buildMessages([a, held, c], false)).toBe(
      "a.md:1:1: warn one message (build/one)\nc.md:1:3: warn three message (build/three)\n" +
        "b.md: not published: 1 error(s)\n  b.md:4:7: error bad (seo/x)\n",
    );
    expect(buildMessages([a, held, c], true)).toBe(
      "a.md:1:1: warn one message (build/one)\na.md:2:3: info two message (build/two)\n" +
        "c.md:1:3: warn three message (build/three)\nb.md: not published: 1 error(s)\n  b.md:4:7: error bad (seo/x)\n",
    );
    // what a build keeps of a page: no notes (they are in its lines) and no graph
    expect(a.page).toEqual({ path: "a.md", slug: "a", file: "a/index.html", facts: { title: "a.md" } });
    expect(held.page).toBeUndefined();
  });

  it("places held errors as publishOrHold lists them: error diagnostics first, then error notes", () => {
    const diagnostics = [
      { severity: "warn", line: 9, column: 9 },
      { severity: "error", line: 3, column: 4 },
    ] as Diagnostic[];
    const notes = [note("warn", "w", 0), note("error", "e", 1)];
    expect(heldAt(diagnostics, notes, [1, 1, 5, 6])).toEqual([3, 4, 5, 6]);
  });
});
