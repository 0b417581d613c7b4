/**
 * Charts as PNG without stalling the bot: each chart is drawn in a worker thread (Chart.js and the canvas load there,
 * and only when the first chart is asked for), and a drawn chart is kept, so the same couple's chart is drawn once.
 * The worker goes away after 15 s with nothing to draw, and its memory (~100 MB: a V8 heap, Chart.js, Skia) with it.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { BarChart, LineChart } from "./chart.js";
import type { ChartDone, ChartJob } from "./chartWorker.js";

const idleMs = 15_000;
/** Drawn charts kept, by total size: a couple's chart is ~40 KB, so this holds a few hundred. */
const cacheBytes = 12 * 2 ** 20;

type Job = { kind: "line"; chart: LineChart } | { kind: "bar"; chart: BarChart };

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const waiting = new Map<number, { resolve: (png: Buffer) => void; reject: (error: Error) => void }>();
const cache = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();
let cachedBytes = 0;

/** Compiled, the worker is chartWorker.js beside this file; from TypeScript (tests, `npm run dev`), tsx loads it. */
function workerUrl(): URL {
  const self = import.meta.url;
  if (self.endsWith(".js")) return new URL("./chartWorker.js", self);
  // A data: module cannot resolve package names, so it is given the file of tsx's ESM API itself.
  const tsxRoot = dirname(createRequire(self).resolve("tsx/package.json"));
  const tsx = pathToFileURL(join(tsxRoot, "dist", "esm", "api", "index.mjs")).href;
  const entry = new URL("./chartWorker.ts", self).href;
  const shim = `import { register } from ${JSON.stringify(tsx)}; register(); await import(${JSON.stringify(entry)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(shim)}`);
}

function failAll(error: Error): void {
  for (const pending of waiting.values()) pending.reject(error);
  waiting.clear();
}

function thread(): Worker {
  if (worker) return worker;
  const started = new Worker(workerUrl());
  started.unref();
  started.on("message", (done: ChartDone) => {
    const pending = waiting.get(done.id);
    if (!pending) return;
    waiting.delete(done.id);
    if ("png" in done) pending.resolve(Buffer.from(done.png.buffer, done.png.byteOffset, done.png.byteLength));
    else pending.reject(new Error(`chart worker: ${done.error}`));
    if (waiting.size === 0) idleTimer = setTimeout(stopChartWorker, idleMs).unref();
  });
  started.on("error", (error) => {
    if (worker === started) worker = undefined;
    failAll(error);
  });
  started.on("exit", (code) => {
    if (worker === started) worker = undefined;
    if (waiting.size > 0) failAll(new Error(`chart worker exited with code ${code}`));
  });
  worker = started;
  return started;
}

function draw(job: Job): Promise<Buffer> {
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    thread().postMessage({ id, ...job } as ChartJob);
  });
}

function remember(job: Job): Promise<Buffer> {
  const key = JSON.stringify(job);
  const known = cache.get(key);
  if (known) {
    // Most recently used last: the oldest go first when the cache is full.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const drawn = draw(job);
  cache.set(key, drawn);
  drawn.then(
    (png) => {
      if (cache.get(key) !== drawn) return;
      sizes.set(key, png.byteLength);
      cachedBytes += png.byteLength;
      for (const [oldest] of cache) {
        if (cachedBytes <= cacheBytes) break;
        cache.delete(oldest);
        cachedBytes -= sizes.get(oldest) ?? 0;
        sizes.delete(oldest);
      }
    },
    () => cache.delete(key),
  );
  return drawn;
}

/** Lines over weeks, as a PNG (see chart.ts). */
export function renderLineChart(chart: LineChart): Promise<Buffer> {
  return remember({ kind: "line", chart });
}

/** Horizontal percentage bars, as a PNG (see chart.ts). */
export function renderBarChart(chart: BarChart): Promise<Buffer> {
  return remember({ kind: "bar", chart });
}

/** Ends the worker (it starts again with the next chart). */
export async function stopChartWorker(): Promise<void> {
  clearTimeout(idleTimer);
  const running = worker;
  worker = undefined;
  await running?.terminate();
}
