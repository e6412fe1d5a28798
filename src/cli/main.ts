import { Command, CommanderError } from "commander";
import { VERSION } from "../version.js";
import { CliError, type CliIo, processIo } from "./io.js";

export { limitHeapGrowth } from "./heap.js";
export { tuneTiering } from "./tiering.js";

type Register = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

/**
 * Commands load on demand: the check, build and generate modules pull in the
 * rules, the vocabulary and the OpenAI client, and a one-line answer to bad
 * input must not wait for modules the command does not use.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  check: async () => (await import("./commands/check.js")).registerCheck,
  fix: async () => (await import("./commands/fix.js")).registerFix,
  build: async () => (await import("./commands/build.js")).registerBuild,
  convert: async () => (await import("./commands/convert.js")).registerConvert,
  inspect: async () => (await import("./commands/inspect.js")).registerInspect,
  generate: async () => (await import("./commands/generate.js")).registerGenerate,
};

/** The command named in argv (its first non-option word), if it is one of ours. */
function commandIn(argv: readonly string[]): string | undefined {
  const word = argv.find((a) => !a.startsWith("-"));
  return word !== undefined && Object.hasOwn(COMMANDS, word) ? word : undefined;
}

/**
 * Runs the CLI and returns the exit code: 0 clean, 1 problems found, 2 fatal
 * or usage error. Never calls process.exit, never lets a stack trace out.
 */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  const program = new Command("copydesk")
    .description("Check, fix, publish and generate SEO article drafts.")
    .version(VERSION, "-v, --version")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    })
    .showHelpAfterError("(run `copydesk --help` for usage)");

  const setExit = (code: number) => {
    exitCode = Math.max(exitCode, code);
  };
  try {
    // only the command being run is loaded; help and unknown commands list them all
    const named = commandIn(argv);
    for (const name of named ? [named] : Object.keys(COMMANDS)) {
      const register = await (COMMANDS[name] as () => Promise<Register>)();
      register(program, io, setExit);
    }
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version are not errors; everything else commander reports is a usage error
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help")
        return 0;
      return 2;
    }
    if (err instanceof CliError) {
      io.stderr(`copydesk: ${err.message}\n`);
      return err.exitCode;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`copydesk: internal error: ${message} (please report this at the project's issue tracker)\n`);
    if (io.env.COPYDESK_DEBUG && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}
