/** Drives interactions at a fixed number in flight and summarises what members waited. */
import { performance } from "node:perf_hooks";
import type { InteractionRecord } from "../../tools/local-discord/index.js";

export interface LoadResult {
  requests: number;
  perSecond: number;
  /** Until the first response (callback) reached Discord. */
  firstP50: number;
  firstP99: number;
  /** Until the member saw the answer (the reply, or the edit that filled a deferral). */
  answeredP50: number;
  answeredP99: number;
  /** Interactions with no response inside Discord's 3 s. */
  unanswered: number;
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

/**
 * Sends `requests` interactions, `inFlight` at a time; `send(i)` dispatches the i-th. `done(record)` runs once an
 * interaction is measured (the benchmarks let the local Discord forget it there).
 */
export async function drive(
  requests: number,
  inFlight: number,
  send: (i: number) => Promise<InteractionRecord>,
  done: (record: InteractionRecord) => void = () => {},
): Promise<LoadResult> {
  const first: number[] = [];
  const answered: number[] = [];
  let unanswered = 0;
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= requests) return;
      const record = await send(i);
      try {
        first.push((await record.firstResponse()).latencyMs);
        answered.push(await record.answered());
      } catch {
        unanswered++;
      }
      done(record);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    requests,
    perSecond: requests / seconds,
    firstP50: percentile(first, 50),
    firstP99: percentile(first, 99),
    answeredP50: percentile(answered, 50),
    answeredP99: percentile(answered, 99),
    unanswered,
  };
}
