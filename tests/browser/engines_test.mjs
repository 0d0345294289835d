// Every npm package web/ installs runs on the oldest Node.js the project supports: the lowest version web/package.json's
// "engines" admits (Debian 12's own nodejs, 18.19+), checked against the "engines" each package in web/package-lock.json
// declares, with npm's own semver (installed with vega-embed). Also checks that this lowest version is not above Debian
// 12's. Usage: node engines_test.mjs WEB_DIR. Exits 77 (skipped) when web/node_modules is not installed.

import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const debian12Node = "18.19.0"; // bookworm's nodejs: 18.19.0+dfsg-6~deb12u1, later 18.20.4 in the security suite
const webDir = process.argv[2];
if (!webDir) {
  console.error("usage: node engines_test.mjs WEB_DIR");
  process.exit(2);
}
if (!existsSync(path.join(webDir, "node_modules", "semver", "package.json"))) {
  console.log("SKIP: web/node_modules/semver is not installed (run tools/setup.sh)");
  process.exit(77);
}
const semver = createRequire(path.resolve(webDir, "package.json"))("semver");
const pkg = JSON.parse(readFileSync(path.join(webDir, "package.json"), "utf8"));
const lock = JSON.parse(readFileSync(path.join(webDir, "package-lock.json"), "utf8"));

const failures = [];
const range = pkg.engines && pkg.engines.node;
if (!range) failures.push('web/package.json has no "engines": {"node": ...}');
const lowest = range ? semver.minVersion(range).version : debian12Node;
if (semver.gt(lowest, debian12Node)) failures.push(`web/package.json asks Node.js ${range}, above Debian 12's ${debian12Node}`);
let checked = 0;
for (const [where, entry] of Object.entries(lock.packages)) {
  const need = entry.engines && entry.engines.node;
  if (!where || !need) continue;
  checked += 1;
  if (!semver.satisfies(lowest, need)) failures.push(`${where} ${entry.version} needs Node.js ${need}, not ${lowest}`);
}
for (const f of failures) console.error(`FAIL: ${f}`);
console.log(`${checked} packages with engines checked against Node.js ${lowest}; ${failures.length} refuse it`);
process.exit(failures.length ? 1 : 0);
