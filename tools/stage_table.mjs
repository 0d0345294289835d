// The engine's stage table, read from the code so that docs/architecture.md cannot drift from it.
//
//   node tools/stage_table.mjs [REPO_ROOT]            prints the table (Markdown)
//   node tools/stage_table.mjs --check [REPO_ROOT]    exits 1 when docs/architecture.md's table differs from it
//   node tools/stage_table.mjs --write [REPO_ROOT]    rewrites that table in docs/architecture.md
//
// Sources: each stage's `/// N. name: what it does` comment and declaration in src/sim/stages.hpp (a `const T&` or a
// value parameter is read, a `T&` written; the recorder is where the stage records), the order of the calls in
// `run_state::run_step` (src/sim/engine.cpp), and the channels each stage's file registers with `add_channel`. Also
// checks that the comments are numbered 1, 2, ... in the order `run_step` calls the stages and that each stage has
// its file src/sim/stage_NAME.cpp.

import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const mode = args[0] === "--check" || args[0] === "--write" ? args.shift() : "--print";
const root = path.resolve(args[0] || path.join(path.dirname(new URL(import.meta.url).pathname), ".."));
const read = (file) => readFileSync(path.join(root, file), "utf8");
const problems = [];

/** Splits a parameter list at top-level commas. */
function splitParameters(text) {
  const out = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "<" || ch === "(") depth += 1;
    if (ch === ">" || ch === ")") depth -= 1;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The stages declared in stages.hpp: number, name, what it does, what it reads and writes. */
function declaredStages() {
  const header = read("src/sim/stages.hpp");
  const pattern = /((?:^\/\/\/ .*\n)+)(?:\[\[nodiscard\]\] )?([\w:]+) (\w+)_stage\(([^;]*)\);/gm;
  const stages = [];
  for (const match of header.matchAll(pattern)) {
    const comment = match[1].split("\n").map((line) => line.replace(/^\/\/\/ ?/, "")).join(" ").trim();
    const head = /^(\d+)\. (\w+): (.*)$/.exec(comment);
    if (!head) {
      problems.push(`src/sim/stages.hpp: ${match[3]}_stage's comment does not start with "N. ${match[3]}: "`);
      continue;
    }
    const reads = [];
    const writes = [];
    for (const parameter of splitParameters(match[4].replace(/\s+/g, " "))) {
      const p = /^(const )?([\w:<>, ]+?)\s*(&?)\s*(\w+)$/.exec(parameter);
      if (!p) {
        problems.push(`src/sim/stages.hpp: ${match[3]}_stage: cannot read parameter "${parameter}"`);
        continue;
      }
      const [, isConst, type, isRef, name] = p;
      if (type === "step_clock" || type === "recorder") continue;
      (isRef && !isConst ? writes : reads).push(`\`${type.replace(/^(std|fleet)::/, "")} ${name}\``);
    }
    if (match[2] !== "void") writes.push(`returns \`${match[2]}\``);
    stages.push({ number: Number(head[1]), name: match[3], label: head[2], what: head[3], reads, writes });
  }
  return stages;
}

/** The stage names in the order run_state::run_step calls them. */
function calledStages() {
  const engine = read("src/sim/engine.cpp");
  const body = /void run_step\([^)]*\) \{([\s\S]*?)\n    \}/.exec(engine);
  if (!body) {
    problems.push("src/sim/engine.cpp: no run_step body found");
    return [];
  }
  return [...body[1].matchAll(/(\w+)_stage\(/g)].map((m) => m[1]);
}

/** The channels `src/sim/stage_NAME.cpp` registers, as ENTITY/metric (a per-site or per-cohort entity as site/NAME). */
function channelsOf(name) {
  const file = `src/sim/stage_${name}.cpp`;
  if (!existsSync(path.join(root, file))) {
    problems.push(`${file} is missing: each stage has its own file`);
    return [];
  }
  const text = read(file);
  const entities = Object.fromEntries(
    [...text.matchAll(/const auto (\w+) = (?:"([\w/]+)\/" \+|fmt::format\("([\w/]+)\/\{\}")/g)].map((m) => [m[1], m[2] || m[3]]));
  const out = [];
  for (const m of text.matchAll(/add_channel\(\s*("([^"]*)"(?: \+ [^,]+)?|\w+),\s*"(\w+)"/g)) {
    const literal = m[2];
    const entity = literal !== undefined ? (m[1].includes("+") ? `${literal}NAME` : literal) : `${entities[m[1]] || m[1]}/NAME`;
    out.push(`${entity}/${m[3]}`);
  }
  return [...new Set(out)];
}

function table() {
  const stages = declaredStages();
  const called = calledStages();
  stages.forEach((s, i) => {
    if (s.number !== i + 1) problems.push(`src/sim/stages.hpp: stage ${s.name} is numbered ${s.number}, expected ${i + 1}`);
    if (s.label !== s.name) problems.push(`src/sim/stages.hpp: stage ${s.number} is called ${s.label} but declared ${s.name}_stage`);
  });
  const declaredOrder = stages.map((s) => s.name).join(", ");
  if (called.join(", ") !== declaredOrder)
    problems.push(`src/sim/engine.cpp runs ${called.join(", ")}; src/sim/stages.hpp numbers ${declaredOrder}`);
  const rows = [
    "| # | stage | file | what it does | reads | writes | channels it records |",
    "|---|---|---|---|---|---|---|",
  ];
  for (const s of stages) {
    const channels = channelsOf(s.name).map((c) => `\`${c}\``).join(", ") || "-";
    rows.push(`| ${s.number} | ${s.name} | [stage_${s.name}.cpp](../src/sim/stage_${s.name}.cpp) | ${s.what} | ` +
              `${s.reads.join(", ") || "-"} | ${s.writes.join(", ") || "-"} | ${channels} |`);
  }
  return rows.join("\n");
}

const begin = "<!-- stage-table:begin (tools/stage_table.mjs --write) -->";
const end = "<!-- stage-table:end -->";
const generated = table();
if (mode === "--print") {
  console.log(generated);
} else {
  const docFile = path.join(root, "docs/architecture.md");
  const doc = readFileSync(docFile, "utf8");
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) problems.push(`docs/architecture.md: no table between "${begin}" and "${end}"`);
  else if (mode === "--write") writeFileSync(docFile, `${doc.slice(0, from + begin.length)}\n${generated}\n${doc.slice(to)}`);
  else if (doc.slice(from + begin.length, to).trim() !== generated.trim())
    problems.push("docs/architecture.md: the stage table differs from the code; run node tools/stage_table.mjs --write");
}
for (const p of problems) console.error(p);
if (mode === "--check" && !problems.length) console.log("docs/architecture.md's stage table matches src/sim");
process.exit(problems.length ? 1 : 0);
