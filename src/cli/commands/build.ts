import type { Command } from "commander";
import { CliError, type CliIo } from "../io.js";

/** `copydesk build`: not built yet (see the open issues). */
export function registerBuild(program: Command, _io: CliIo, _setExit: (code: number) => void): void {
  program
    .command("build")
    .description("(not yet available)")
    .allowUnknownOption()
    .argument("[args...]")
    .action(() => {
      throw new CliError("`build` is not available yet", 2);
    });
}
