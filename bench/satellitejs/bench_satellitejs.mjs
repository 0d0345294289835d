// satellite.js speed on the catalogue that bench_sgp4 --export_tle writes (issue #3 comparison).
// Usage: node bench_satellitejs.mjs CATALOGUE.tle [--times=1000] [--step_min=1.44] [--threads=2]
// Every element set has the same epoch; time j is j * step_min minutes after it (the bench_sgp4 grid).
// Prints one line per mode: `RESULT <mode> <propagations> <wall s> <cpu s> <threads> <props per s>`.
import { readFileSync } from 'node:fs';
import {
  twoline2satrec, sgp4, createSingleThreadRuntime, createMultiThreadRuntime, BulkPropagator, EciBaseCalculator,
} from 'satellite.js';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const a = args.find((s) => s.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : dflt;
};
const path = args.find((s) => !s.startsWith('--'));
if (!path) {
  console.error('usage: node bench_satellitejs.mjs CATALOGUE.tle [--times=1000] [--step_min=1.44] [--threads=2]');
  process.exit(2);
}
const timesCount = opt('times', 1000);
const stepMin = opt('step_min', 1.44);
const threads = opt('threads', 2);
const chunk = 100; // dates per BulkPropagator run, as bench_sgp4's times per call

const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.startsWith('1 ') || l.startsWith('2 '));
const satrecs = [];
for (let k = 0; k + 1 < lines.length; k += 2) satrecs.push(twoline2satrec(lines[k], lines[k + 1]));
const total = satrecs.length * timesCount;
const tsince = Array.from({ length: timesCount }, (_, j) => j * stepMin);
const epochMs = Date.UTC(2026, 0, 1); // the catalogue's common epoch
const dates = tsince.map((t) => new Date(epochMs + Math.round(t * 60000)));
console.log(`satellite.js ${JSON.parse(readFileSync(new URL('./node_modules/satellite.js/package.json', import.meta.url))).version}, `
  + `node ${process.version}: ${satrecs.length} element sets x ${timesCount} times`);

function report(mode, nthreads, t0, c0) {
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cu = process.cpuUsage(c0);
  const cpu = (cu.user + cu.system) / 1e6;
  console.log(`RESULT ${mode} ${total} ${wall.toFixed(3)} ${cpu.toFixed(3)} ${nthreads} ${(total / wall).toFixed(0)}`);
}

// Plain: one satellite and one time per call, the library's documented loop.
{
  let sum = 0;
  let errors = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (const s of satrecs) {
    for (let j = 0; j < timesCount; ++j) {
      const pv = sgp4(s, tsince[j]);
      if (pv) sum += pv.position.x; else ++errors;
    }
  }
  report('plain_sgp4', 1, t0, c0);
  console.log(`  (checksum ${sum.toExponential(6)}, ${errors} errors)`);
}

async function bulk(runtime, mode, nthreads) {
  const p = new BulkPropagator({
    runtime, calculators: [new EciBaseCalculator()], satRecsCount: satrecs.length, datesCount: chunk,
  });
  p.setSatRecs(satrecs);
  let sum = 0;
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  for (let j0 = 0; j0 < timesCount; j0 += chunk) {
    p.setDates(dates.slice(j0, j0 + chunk));
    await p.run();
    sum += p.getRawOutput().eci.position[0];
  }
  report(mode, nthreads, t0, c0);
  console.log(`  (checksum ${sum.toExponential(6)})`);
  p.dispose();
}

// Bulk: the WASM BulkPropagator (SIMD build), single-threaded and on `threads` pthreads.
{
  const rt = await createSingleThreadRuntime();
  await bulk(rt, 'bulk_wasm', 1);
}
if (threads > 1) {
  const rt = await createMultiThreadRuntime({ threadsCount: threads });
  await bulk(rt, 'bulk_wasm_threads', threads);
}
// NOTE: the runtimes' dispose() ends the Emscripten runtime by throwing ExitStatus, and the pthread
// workers keep node alive, so the script exits explicitly.
process.exit(0);
