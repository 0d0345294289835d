// What every browser test starts with: its arguments, Debian's Chromium, and playwright-core from web/node_modules.
// A test whose tools are missing exits 77 (CTest's skip code here) and says what to install.

import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * Reads `KARDASHEV_BIN WEB_DIR OUT_DIR` from the command line, checks Chromium (KD_CHROMIUM or /usr/bin/chromium),
 * playwright-core and each of `required` ([file under web/node_modules, what it is]) and loads playwright-core.
 * Returns { bin, webDir, outDir, chromiumPath, chromium }.
 */
export function browserTestSetup(script, required = []) {
  const [bin, webDir, outDir] = process.argv.slice(2);
  if (!bin || !webDir || !outDir) {
    console.error(`usage: node ${script} KARDASHEV_BIN WEB_DIR OUT_DIR`);
    process.exit(2);
  }
  const chromiumPath = process.env.KD_CHROMIUM || "/usr/bin/chromium";
  const skip = (why) => {
    console.log(`SKIP: ${why} (run tools/setup.sh)`);
    process.exit(77);
  };
  if (!existsSync(chromiumPath)) skip(`${chromiumPath} not found`);
  for (const [file, what] of [["playwright-core/package.json", "playwright-core"], ...required]) {
    if (!existsSync(path.join(webDir, "node_modules", file))) skip(`${what} is not installed in web/`);
  }
  const { chromium } = createRequire(path.resolve(webDir, "package.json"))("playwright-core");
  return { bin, webDir, outDir, chromiumPath, chromium };
}
