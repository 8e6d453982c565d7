// B4 (main process): heap after warm-up while 10,000 samples a second flow
// over a real socket from a child-process endpoint, for N minutes.
import { fork } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ConsoleCore } from '../main/core/console-core';

export async function runMemoryBench(minutes: number) {
  const child = fork('test/support/flood-endpoint.ts', ['10000', '100'], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const url = await new Promise<string>((resolve) =>
    child.on('message', (m) => resolve(String(m))),
  );
  const core = new ConsoleCore({ endpoints: [{ url, source: 'cli' }], clientVersion: 'bench' });
  let deltas = 0;
  core.onDelta(() => (deltas += 1));
  core.start();
  setFlagsFromString('--expose_gc');
  const gc = runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const totalMs = minutes * 60_000;
  const warmUpMs = Math.min(120_000, totalMs / 5);
  await new Promise((resolve) => setTimeout(resolve, warmUpMs));
  const samples: { at: number; heap: number }[] = [];
  const began = Date.now();
  while (Date.now() - began < totalMs - warmUpMs) {
    samples.push({ at: Date.now() - began, heap: heap() });
    await new Promise((resolve) => setTimeout(resolve, 15_000));
  }
  samples.push({ at: Date.now() - began, heap: heap() });
  core.stop();
  child.kill();
  const first = samples[0] as { heap: number };
  const last = samples.at(-1) as { at: number; heap: number };
  const perTenMinutes = ((last.heap - first.heap) / Math.max(1, last.at)) * 600_000;
  return {
    minutes,
    heapAfterWarmUpMb: Math.round((first.heap / 2 ** 20) * 10) / 10,
    heapAtEndMb: Math.round((last.heap / 2 ** 20) * 10) / 10,
    growthMbPer10Min: Math.round((perTenMinutes / 2 ** 20) * 100) / 100,
    deltas,
  };
}

if (process.argv[1]?.endsWith('memory-bench.ts'))
  console.log(await runMemoryBench(Number(process.argv[2] ?? 10)));
