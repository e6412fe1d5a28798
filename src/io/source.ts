/** A draft that failed the input checks: `message` is one line naming the file and the problem. */
export class InputError extends Error {
  override name = "InputError";
}

export interface LoadOptions {
  /** default 10 MB */
  maxBytes?: number;
}

/** Loads a draft from disk with the bad-input checks (missing, directory, empty, binary, invalid UTF-8, too large). */
export async function loadSource(_path: string, _options: LoadOptions = {}): Promise<{ path: string; text: string }> {
  throw new InputError("loadSource: not implemented yet");
}
