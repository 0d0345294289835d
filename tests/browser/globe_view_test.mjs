// Browser test of the globe page (issue 7): `kardashev view` on a run folder of the default scenario, opened in
// Debian's headless Chromium through playwright-core (web/node_modules). Fails on any console error, page error,
// failed request or HTTP error; checks that scene.czml loaded (entities on the page) and that the globe rendered
// (a canvas of many colours, not one background colour); saves a screenshot and prints its path.
//
// usage: node globe_view_test.mjs KARDASHEV_BIN WEB_DIR OUT_DIR
// Exits 77 (CTest's skip code here) when Chromium, playwright-core or CesiumJS is not installed.

import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { browserTestSetup } from "./common.mjs";

const { bin, webDir, outDir, chromiumPath, chromium } = browserTestSetup("globe_view_test.mjs", [["cesium/Build/Cesium/Cesium.js", "cesium"]]);

const work = mkdtempSync(path.join(tmpdir(), "kd-globe-"));
const runDir = path.join(work, "run");
const problems = [];
let server;
let browser;

function startServer() {
  return new Promise((resolve, reject) => {
    server = spawn(bin, ["view", runDir, "--port", "0", "--web-dir", webDir], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    const timer = setTimeout(() => reject(new Error(`kardashev view printed no address in 10 s: ${out}`)), 10000);
    server.stdout.on("data", (d) => {
      out += d;
      const m = out.match(/kardashev view: (http:\/\/127\.0\.0\.1:\d+\/)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.stderr.on("data", (d) => process.stderr.write(`[view] ${d}`));
    server.on("exit", (code) => reject(new Error(`kardashev view exited early with ${code}: ${out}`)));
  });
}

function stopServer() {
  return new Promise((resolve) => {
    if (!server || server.exitCode !== null) return resolve(server ? server.exitCode : 0);
    server.removeAllListeners("exit");
    server.on("exit", (code, signal) => resolve(code ?? signal));
    server.kill("SIGTERM");
  });
}

try {
  const run = spawnSync(bin, ["run", "--quiet", "--out", runDir], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`kardashev run failed (${run.status}): ${run.stderr}`);
  const czmlBytes = statSync(path.join(runDir, "scene.czml")).size;
  const url = await startServer();
  console.log(`server ${url}; scene.czml ${czmlBytes} bytes`);

  // A fresh profile (--user-data-dir) per run: playwright passes it through launchPersistentContext.
  browser = await chromium.launchPersistentContext(path.join(work, "profile"), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 800 },
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync",
      // WebGL without a GPU: ANGLE on SwiftShader (software Vulkan).
      "--use-angle=swiftshader", "--enable-unsafe-swiftshader",
    ],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(url) && !r.url().startsWith("data:") && !r.url().startsWith("blob:"))
      problems.push(`request off the local server: ${r.url()}`);
  });

  const t0 = Date.now();
  await page.goto(url, { waitUntil: "load" });
  await page.waitForFunction(() => document.body.dataset.state !== "loading", null, { timeout: 60000 });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== "ready") throw new Error(`globe page state ${state}: ${await page.textContent("#status")}`);
  const czmlMs = Date.now() - t0;
  await page.waitForFunction(() => document.body.dataset.tiles === "loaded", null, { timeout: 60000 });
  const loadMs = Date.now() - t0;

  const info = await page.evaluate(() => {
    const v = window.kdViewer;
    v.render();
    const src = v.scene.canvas;
    const c = document.createElement("canvas");
    c.width = src.width;
    c.height = src.height;
    const g = c.getContext("2d");
    g.drawImage(src, 0, 0);
    const px = g.getImageData(0, 0, c.width, c.height).data;
    const colours = new Set();
    let lit = 0;
    for (let i = 0; i < px.length; i += 4 * 7) {
      colours.add((px[i] << 16) | (px[i + 1] << 8) | px[i + 2]);
      if (px[i] + px[i + 1] + px[i + 2] > 60) lit++;
    }
    const ds = v.dataSources.get(0);
    return {
      entities: ds ? ds.entities.values.length : 0,
      satellites: ds ? ds.entities.values.filter((e) => e.id.includes("/sat-")).length : 0,
      sites: ds ? ds.entities.values.filter((e) => e.id.startsWith("site/")).length : 0,
      links: ds ? ds.entities.values.filter((e) => e.polyline).length : 0,
      width: c.width,
      height: c.height,
      colours: colours.size,
      litShare: lit / (px.length / (4 * 7)),
      status: document.getElementById("status").textContent,
    };
  });
  console.log(`globe: ${JSON.stringify(info)}`);
  console.log(`scene.czml loaded in ${czmlMs} ms; globe tiles loaded in ${loadMs} ms`);
  if (!(info.entities > 0)) problems.push("no entities from scene.czml");
  if (!(info.satellites > 0)) problems.push("no satellites in the scene");
  if (info.sites < 3) problems.push(`expected the default scenario's two ground sites and one lunar site, got ${info.sites}`);
  if (!(info.links > 0)) problems.push("no links in the scene");
  if (!(info.colours > 100 && info.litShare > 0.05)) problems.push(`the globe looks blank: ${info.colours} colours, ${info.litShare} lit`);

  mkdirSync(outDir, { recursive: true });
  const shot = path.join(outDir, "globe.png");
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${path.resolve(shot)}`);

  // The view buttons: track the formation, then the lunar site 384,000 km out; neither may raise an error.
  for (const button of ["#to-cluster", "#to-moon", "#to-earth"]) {
    await page.click(button);
    await page.waitForTimeout(2000);
  }
  const state2 = await page.evaluate(() => document.body.dataset.state);
  if (state2 !== "ready") problems.push(`globe page state ${state2} after the view buttons`);

  const report = await page.request.get(url + "scene.czml");
  if (report.status() !== 200 || !(report.headers()["content-type"] || "").startsWith("application/json"))
    problems.push(`GET /scene.czml: ${report.status()} ${report.headers()["content-type"]}`);
} catch (e) {
  problems.push(`failed: ${e.stack || e}`);
} finally {
  if (browser) await browser.close();
  const code = await stopServer();
  if (code !== 0) problems.push(`kardashev view exited with ${code} on SIGTERM`);
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log("globe test passed");
