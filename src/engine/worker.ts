/** Worker-thread entry for `checkFiles`: each thread resolves the config once and checks files. */
export { checkTask as default } from "./batch.js";
