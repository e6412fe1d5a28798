import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InputError, loadBytesSync, loadSource, loadSourceSync } from "./source.js";
import { writeFileAtomic } from "./write.js";

const dir = mkdtempSync(join(tmpdir(), "copydesk-io-"));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

async function failure(path: string, maxBytes?: number): Promise<string> {
  try {
    await loadSource(path, maxBytes === undefined ? {} : { maxBytes });
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as Error).message;
  }
  throw new Error("expected an InputError");
}

describe("loadSource", () => {
  it("returns the text as decoded, BOM included", async () => {
    const p = file("bom.txt", "\uFEFFTitle\nBody.");
    expect(await loadSource(p)).toEqual({ path: p, text: "\uFEFFTitle\nBody." });
  });

  it("names the file and the problem on one line", async () => {
    expect(await failure(join(dir, "nope.txt"))).toBe(`${join(dir, "nope.txt")}: no such file`);
    expect(await failure(dir)).toBe(`${dir}: is a directory, not a draft file`);
    expect(await failure(file("empty.txt", ""))).toBe(`${join(dir, "empty.txt")}: empty file`);
    expect(await failure(file("blank.txt", " \n\t\n"))).toBe(`${join(dir, "blank.txt")}: empty file (only whitespace)`);
    expect(await failure(file("bin.dat", new Uint8Array([0x50, 0x4b, 0x03, 0x00, 0x14])))).toBe(
      `${join(dir, "bin.dat")}: binary file (NUL byte at offset 3)`,
    );
    expect(await failure(file("latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a])))).toBe(
      `${join(dir, "latin1.txt")}: not valid UTF-8 (at byte 3)`,
    );
    expect(await failure(file("big.txt", "x".repeat(2048)), 1024)).toBe(
      `${join(dir, "big.txt")}: file is 2.0 KB, over the 1.0 KB limit`,
    );
  });
});

describe("writeFileAtomic", () => {
  it("replaces the file and leaves no temp file behind", async () => {
    const p = file("out.md", "old");
    await writeFileAtomic(p, "new text\n");
    expect(readFileSync(p, "utf8")).toBe("new text\n");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("fails without creating the target when the directory does not exist", async () => {
    await expect(writeFileAtomic(join(dir, "missing", "x.md"), "x")).rejects.toThrow();
  });
});

describe("loadSourceSync", () => {
  it("gives the same text and the same one-line messages as loadSource", async () => {
    const cases = [
      join(dir, "nope.txt"),
      dir,
      file("s-empty.txt", ""),
      file("s-blank.txt", " \n"),
      file("s-bin.dat", new Uint8Array([0x41, 0x00])),
      file("s-latin1.txt", new Uint8Array([0x63, 0xe9])),
      file("s-big.txt", "x".repeat(2048)),
    ];
    for (const path of cases) {
      let syncMessage = "";
      try {
        loadSourceSync(path, { maxBytes: 1024 });
      } catch (err) {
        expect(err).toBeInstanceOf(InputError);
        syncMessage = (err as Error).message;
      }
      expect(syncMessage).toBe(await failure(path, 1024));
    }
    const ok = file("s-ok.txt", "\uFEFFTitle\nBody.");
    expect(loadSourceSync(ok)).toEqual(await loadSource(ok));
  });

  it("refuses a FIFO at once (opened non-blocking) with loadSource's message", async () => {
    const fifo = join(dir, "s-fifo");
    execFileSync("mkfifo", [fifo]);
    expect(() => loadSourceSync(fifo)).toThrow(`${fifo}: not a regular file`);
    expect(await failure(fifo)).toBe(`${fifo}: not a regular file`);
  });

  it("reads a file larger than the read-ahead probe byte for byte", () => {
    const text = `${"ünïcode line\n".repeat(3000)}end`;
    expect(loadSourceSync(file("s-large.txt", text)).text).toBe(text);
  });

  it("reads files of every size through the reused buffer without stale bytes (ASCII, UTF-8, BOM)", () => {
    // 100 KB outgrows the first shared buffer, 1.5 MB is past what it grows to; each is followed by a shorter file
    const texts = [
      `${"plain ascii\n".repeat(9000)}end`,
      "short é",
      `\uFEFF${"ünïcode “quoted” 😀\n".repeat(70_000)}end`,
      "tiny",
      `${"x".repeat(65_535)}é`,
    ];
    texts.forEach((text, k) => {
      expect(loadSourceSync(file(`s-size-${k}.txt`, text)).text).toBe(text);
    });
  });

  it("refuses UTF-8 that TextDecoder's fatal mode refuses (an encoded surrogate, an overlong form)", () => {
    const surrogate = file("s-surrogate.txt", new Uint8Array([0x61, 0x62, 0xed, 0xa0, 0x80, 0x0a]));
    // (the byte named is where firstInvalidUtf8's coarser scan stops, past these forms: an old weakness)
    expect(() => loadSourceSync(surrogate)).toThrow(`${surrogate}: not valid UTF-8 (at byte `);
    const overlong = file("s-overlong.txt", new Uint8Array([0x61, 0xc0, 0xaf, 0x0a]));
    expect(() => loadSourceSync(overlong)).toThrow(`${overlong}: not valid UTF-8 (at byte `);
  });

  it("gives loadBytesSync a buffer of its own, untouched by later loads", () => {
    const bytes = loadBytesSync(file("s-own.txt", "first file"));
    loadSourceSync(file("s-other.txt", "other text"));
    expect(bytes.toString("utf8")).toBe("first file");
  });
});
