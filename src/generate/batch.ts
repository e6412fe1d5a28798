import pLimit from "p-limit";
import type { KeywordInput } from "./draft.js";
import { generateOne, type KeywordResult, type PipelineOptions } from "./pipeline.js";

export interface BatchOptions extends PipelineOptions {
  concurrency: number;
  /** called as each keyword finishes (in finishing order), e.g. to write its draft at once */
  onResult?: (result: KeywordResult) => Promise<void> | void;
}

/**
 * Runs keywords with at most `concurrency` in flight. A keyword that fails
 * does not stop the others; an abort stops the batch (finished stages are in
 * the cache, so a rerun picks up where it stopped). Results come back in
 * input order.
 */
export async function generateBatch(inputs: readonly KeywordInput[], opts: BatchOptions): Promise<KeywordResult[]> {
  const limit = pLimit(Math.max(1, opts.concurrency));
  return Promise.all(
    inputs.map((input) =>
      limit(async () => {
        opts.signal?.throwIfAborted();
        const result = await generateOne(input, opts);
        await opts.onResult?.(result);
        return result;
      }),
    ),
  );
}
