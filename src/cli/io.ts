/** The process surface the CLI uses; injected so commands can be tested in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  /**
   * The same stream for encoded text, when the caller has it: a large report is encoded piece by piece
   * into buffers, which is several times cheaper than turning 64 KB strings built of many small
   * pieces into bytes.
   */
  stdoutBytes?: (bytes: Uint8Array) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** whether stdout is a terminal (colors, progress bars) */
  isTTY: boolean;
}

/** An expected failure: printed as one line, exits with `exitCode`. Never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = "CliError";
  }
}

/**
 * What to do when stdout fails: a reader that stops early (`copydesk check … | head`) closes the pipe,
 * and the rest of the report has nowhere to go, which is the reader's choice, not an error (the run
 * keeps its exit code); any other failure is one line on stderr and exit code 2. Without a listener
 * Node throws the stream's error as an uncaught exception, stack trace included.
 */
export function onStdoutError(err: NodeJS.ErrnoException, stop: () => void, fail: (line: string) => void): void {
  stop();
  if (err.code !== "EPIPE") fail(`copydesk: cannot write to stdout: ${err.message}\n`);
}

export function processIo(): CliIo {
  let open = true;
  process.stdout.on("error", (err: NodeJS.ErrnoException) =>
    onStdoutError(
      err,
      () => {
        open = false;
      },
      (line) => {
        process.stderr.write(line);
        process.exit(2);
      },
    ),
  );
  return {
    stdout: (t) => open && process.stdout.write(t),
    stdoutBytes: (b) => open && process.stdout.write(b),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
  };
}

/** Colors are on only for a TTY without NO_COLOR (https://no-color.org) and with FORCE_COLOR honoured. */
export function useColor(io: CliIo): boolean {
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== "") return false;
  if (io.env.FORCE_COLOR !== undefined && io.env.FORCE_COLOR !== "0") return true;
  return io.isTTY;
}
