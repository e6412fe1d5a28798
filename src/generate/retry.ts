/** Retry policy for model calls: which failures are worth another try, and how long to wait. */

export interface RetryPolicy {
  /** retries after the first attempt */
  maxRetries: number;
  /** first backoff step; doubles each retry (with jitter) */
  baseDelayMs: number;
  /** no wait is longer than this, whatever `retry-after` asks (a hostile header must not hang a batch) */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 60_000 };

/** HTTP statuses the OpenAI API documents as transient. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/** Header-like lookup: accepts `Headers` or a plain record. */
type HeaderSource = { get(name: string): string | null } | Record<string, string | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as { get?: unknown }).get === "function")
    return (headers as { get(n: string): string | null }).get(name) ?? undefined;
  return (headers as Record<string, string | undefined>)[name];
}

/**
 * Delay before retry number `attempt` (0-based): `retry-after-ms`, then
 * `retry-after` (seconds or an HTTP date), else exponential backoff with up
 * to 25 % jitter. Always within [0, maxDelayMs].
 */
export function retryDelayMs(
  attempt: number,
  headers: HeaderSource,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  let ms: number | undefined;
  const afterMs = header(headers, "retry-after-ms");
  if (afterMs !== undefined && afterMs.trim() !== "" && Number.isFinite(Number(afterMs))) ms = Number(afterMs);
  const after = header(headers, "retry-after");
  if (ms === undefined && after !== undefined && after.trim() !== "") {
    const seconds = Number(after);
    if (Number.isFinite(seconds)) ms = seconds * 1000;
    else {
      const date = Date.parse(after);
      if (Number.isFinite(date)) ms = date - Date.now();
    }
  }
  if (ms === undefined) ms = policy.baseDelayMs * 2 ** attempt * (1 - random() * 0.25);
  return Math.min(Math.max(0, ms), policy.maxDelayMs);
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
