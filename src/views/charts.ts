/**
 * Charts as PNG without stalling the bot: each chart is drawn in a child process (Chart.js and the Skia canvas load
 * there, and only when the first chart is asked for), and a drawn chart is kept, so the same couple's chart is drawn
 * once. The process exits after 15 s with nothing to draw. A process rather than a worker thread: a thread's native
 * memory (~70 MB of Skia and a second V8 heap) stays in the bot's resident set after the thread ends, while an
 * exited process gives all of it back; and a crash in native drawing code cannot take the bot down with it.
 */
import { type ChildProcess, fork } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { BarChart, LineChart } from "./chart.js";
import type { ChartDone, ChartJob } from "./chartProcess.js";

const idleMs = 15_000;
/** Drawn charts kept, by total size: a couple's chart is ~40 KB, so this holds a few hundred. */
const cacheBytes = 12 * 2 ** 20;

type Job = { kind: "line"; chart: LineChart } | { kind: "bar"; chart: BarChart };

let renderer: ChildProcess | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const waiting = new Map<
  number,
  { child: ChildProcess; resolve: (png: Buffer) => void; reject: (error: Error) => void }
>();
const cache = new Map<string, Promise<Buffer>>();
const sizes = new Map<string, number>();
let cachedBytes = 0;

/** Compiled, the process runs chartProcess.js beside this file; from TypeScript (tests, `npm run dev`), through tsx. */
function entry(): { file: string; execArgv: string[] } {
  const self = import.meta.url;
  if (self.endsWith(".js")) return { file: fileURLToPath(new URL("./chartProcess.js", self)), execArgv: [] };
  const tsx = pathToFileURL(createRequire(self).resolve("tsx/esm")).href;
  return { file: fileURLToPath(new URL("./chartProcess.ts", self)), execArgv: ["--import", tsx] };
}

/** Fails the charts that were waiting on one process (not those already sent to its successor). */
function failAll(child: ChildProcess, error: Error): void {
  for (const [id, pending] of waiting) {
    if (pending.child !== child) continue;
    waiting.delete(id);
    pending.reject(error);
  }
}

/** While charts are waiting the process keeps the bot's event loop alive; idle, it does not hold the bot open. */
function hold(child: ChildProcess, busy: boolean): void {
  if (busy) {
    child.ref();
    child.channel?.ref();
  } else {
    child.unref();
    child.channel?.unref();
  }
}

function renderProcess(): ChildProcess {
  if (renderer) return renderer;
  const { file, execArgv } = entry();
  const started = fork(file, [], {
    execArgv,
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  started.on("message", (done: ChartDone) => {
    const pending = waiting.get(done.id);
    if (!pending) return;
    waiting.delete(done.id);
    if ("png" in done) pending.resolve(Buffer.from(done.png.buffer, done.png.byteOffset, done.png.byteLength));
    else pending.reject(new Error(`chart process: ${done.error}`));
    if (waiting.size === 0) {
      hold(started, false);
      idleTimer = setTimeout(stopChartProcess, idleMs).unref();
    }
  });
  started.on("error", (error) => {
    if (renderer === started) renderer = undefined;
    failAll(started, error);
  });
  started.on("exit", (code, signal) => {
    if (renderer === started) renderer = undefined;
    failAll(started, new Error(`chart process exited (${signal ?? code})`));
  });
  renderer = started;
  return started;
}

function draw(job: Job): Promise<Buffer> {
  clearTimeout(idleTimer);
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    const child = renderProcess();
    waiting.set(id, { child, resolve, reject });
    hold(child, true);
    child.send({ id, ...job } satisfies ChartJob);
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

/** Ends the chart process (it starts again with the next chart). */
export async function stopChartProcess(): Promise<void> {
  clearTimeout(idleTimer);
  const running = renderer;
  renderer = undefined;
  if (!running || running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise((resolve) => running.once("exit", resolve));
  running.ref();
  running.disconnect();
  await exited;
}
