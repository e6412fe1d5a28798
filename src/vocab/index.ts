import type { VocabIndex } from "./types.js";

/** The schema.org index, built on first call and cached for the process. */
export function loadVocab(): VocabIndex {
  throw new Error("loadVocab: not implemented yet");
}
