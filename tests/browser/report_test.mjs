// Browser test of report.html (issue 7): runs the default scenario into a temporary folder, opens its report.html
// from the file system (file://) in Debian's headless Chromium through playwright-core (web/node_modules), and
// fails on any console error, page error or failed request; checks that every chart rendered marks (Vega's
// scenegraph, through the views the page exposes as window.kdReport), that the file is under 3 MB and that the page
// renders in under 2 s from navigation start (a cold start each time: a fresh browser and profile; the fastest of up
// to three; not held against the page when the machine's load average exceeds its cores);
// saves a screenshot and prints its path.
//
// usage: node report_test.mjs KARDASHEV_BIN WEB_DIR OUT_DIR
// Exits 77 (CTest's skip code here) when Chromium or playwright-core is not installed.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

import { browserTestSetup } from "./common.mjs";

const maxBytes = 3 * 1024 * 1024;  // issue 7: under 3 MB
const maxRenderMs = 2000;          // issue 7: renders in under 2 s
const expectedCharts = ["chart-binding", "chart-fleet", "chart-data", "chart-corpus", "chart-loss", "chart-accelerators",
                        "chart-flop", "chart-power", "chart-energy", "chart-costs", "chart-compare"];

const { bin, webDir, outDir, chromiumPath, chromium } = browserTestSetup("report_test.mjs");

/** Render time, marks per chart and any error of the loaded page. */
function inspect(page) {
  return page.evaluate(() => {
    const r = window.kdReport;
    // Marks per chart: items of every non-group mark in the view's scenegraph.
    const count = (node) => {
      if (!node || !node.items) return 0;
      let n = 0;
      for (const item of node.items) {
        if (node.marktype && node.marktype !== "group") n += 1;
        if (item.items) for (const child of item.items) n += count(child);
      }
      return n;
    };
    return { error: r.error, renderMs: r.renderMs, charts: r.views.map((v) => ({ id: v.id, marks: count(v.view.scenegraph().root) })) };
  });
}

const work = mkdtempSync(path.join(tmpdir(), "kd-report-"));
const runDir = path.join(work, "run");
const problems = [];
let context;
let page;

try {
  const run = spawnSync(bin, ["run", "--quiet", "--out", runDir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`kardashev run failed (${run.status}): ${run.stderr}`);
  const reportPath = path.join(runDir, "report.html");
  const bytes = statSync(reportPath).size;
  console.log(`report.html: ${bytes} bytes (${(bytes / 1048576).toFixed(2)} MiB)`);
  if (!(bytes < maxBytes)) problems.push(`report.html is ${bytes} bytes, expected under ${maxBytes}`);

  const load1 = loadavg()[0];
  const busyBefore = load1 > availableParallelism() ? load1 : 0;
  // Each load is a cold start: a fresh Chromium with a fresh profile (launchPersistentContext is playwright's way to
  // give it its --user-data-dir), so no cache from an earlier load helps. Up to three loads, and the fastest counts:
  // the machine may be busy with builds. Console errors and failed requests of every load count.
  const times = [];
  let result;
  for (let attempt = 0; attempt < 3 && !(times.length && Math.min(...times) < maxRenderMs); ++attempt) {
    if (context) await context.close();
    context = await chromium.launchPersistentContext(path.join(work, `profile-${attempt}`), {
      executablePath: chromiumPath,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync"],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("requestfailed", (r) => problems.push(`failed request: ${r.url()} (${r.failure()?.errorText})`));
    page.on("request", (r) => {
      if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) problems.push(`request off the file system: ${r.url()}`);
    });
    await page.goto(pathToFileURL(reportPath).href, { waitUntil: "load" });
    await page.waitForFunction(() => window.kdReport && (window.kdReport.done || window.kdReport.error), null, { timeout: 30000 });
    result = await inspect(page);
    times.push(result.renderMs);
    console.log(`load ${attempt + 1} (cold): every chart rendered ${result.renderMs?.toFixed(0)} ms after navigation start`);
  }
  const renderMs = Math.min(...times);
  if (result.error) problems.push(`report error: ${result.error}`);
  console.log(`rendered in ${renderMs.toFixed(0)} ms from navigation start (fastest of ${times.length})`);
  for (const c of result.charts) console.log(`  ${c.id}: ${c.marks} marks`);
  for (const id of expectedCharts) {
    const c = result.charts.find((x) => x.id === id);
    if (!c) problems.push(`${id}: no chart`);
    else if (!(c.marks > 0)) problems.push(`${id}: no marks rendered`);
  }
  // A wall-clock limit means something only on a machine that is not busy: with more runnable processes than cores
  // (builds sharing the machine), the time is printed but not held against the page.
  if (!(renderMs < maxRenderMs)) {
    if (busyBefore) console.log(`NOTE: rendered in ${renderMs.toFixed(0)} ms at best, over ${maxRenderMs} ms, but not checked: ` +
                                `the machine was busy (load ${busyBefore.toFixed(1)} on ${availableParallelism()} cores)`);
    else problems.push(`rendered in ${renderMs.toFixed(0)} ms at best, expected under ${maxRenderMs} ms`);
  }

  mkdirSync(outDir, { recursive: true });
  const shot = path.join(outDir, "report.png");
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`screenshot: ${shot}`);

  // The charts follow the window: at 900 px the grid has one column and every plot width follows its box again.
  const widths = () => page.evaluate(() => window.kdReport.views.map((v) => ({
    id: v.id, width: v.view.width(), box: Math.max(280, document.getElementById(v.id).clientWidth - 110) })));
  const wide = await widths();
  await page.setViewportSize({ width: 900, height: 1000 });
  await page.waitForFunction(() => window.kdReport.views.every((v) =>
    v.view.width() === Math.max(280, document.getElementById(v.id).clientWidth - 110)), null, { timeout: 10000 }).catch(() => {});
  const narrow = await widths();
  for (const c of narrow) {
    if (c.width !== c.box) problems.push(`${c.id}: plot width ${c.width} after the window narrowed, its box gives ${c.box}`);
  }
  if (!narrow.some((c, i) => c.width !== wide[i].width)) problems.push("no chart changed width with the window");
  console.log(`resized 1400 -> 900 px: plot widths ${wide.map((w) => w.width).join(",")} -> ${narrow.map((w) => w.width).join(",")}`);
} catch (e) {
  problems.push(`test failed: ${e.stack || e}`);
} finally {
  if (context) await context.close();
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  for (const p of problems) console.error(`FAIL: ${p}`);
  process.exit(1);
}
console.log("PASS: report.html renders every chart offline, with no console error");
