import { Command, CommanderError } from "commander";
import { VERSION } from "../version.js";
import { registerBuild } from "./commands/build.js";
import { registerCheck } from "./commands/check.js";
import { registerConvert } from "./commands/convert.js";
import { registerFix } from "./commands/fix.js";
import { registerGenerate } from "./commands/generate.js";
import { registerInspect } from "./commands/inspect.js";
import { CliError, type CliIo, processIo } from "./io.js";

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
  for (const register of [
    registerCheck,
    registerFix,
    registerBuild,
    registerConvert,
    registerInspect,
    registerGenerate,
  ]) {
    register(program, io, setExit);
  }

  try {
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
