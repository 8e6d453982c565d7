// `npm run bench`: every benchmark, one table on stdout, and bench/results.json
// with the figures, the machine and the commit. `-- --quick` for a short run.
import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { runIngestBench } from './ingest-bench';
import { runMemoryBench } from './memory-bench';

interface Row {
  id: string;
  measure: string;
  value: number;
  unit: string;
  target: string;
  met: boolean | null;
}

const quick = process.argv.includes('--quick');
const rows: Row[] = [];
const row = (
  id: string,
  measure: string,
  value: number,
  unit: string,
  target: string,
  met: boolean | null,
) => rows.push({ id, measure, value, unit, target, met });

async function main(): Promise<void> {
  const ingest = await runIngestBench(quick);
  row(
    'B1',
    'batched ingest',
    ingest.batchedSamplesPerSecond,
    'samples/s',
    '≥ 2,000,000',
    ingest.batchedSamplesPerSecond >= 2_000_000,
  );
  row(
    'B1',
    'single-sample frames',
    ingest.singleFramesPerSecond,
    'frames/s',
    '≥ 250,000',
    ingest.singleFramesPerSecond >= 250_000,
  );
  row('B1', 'batched ÷ single (samples/s)', ingest.batchedOverSingle, '×', 'ratio', null);
  row(
    'B1',
    'event-loop lag p99 at 100k samples/s',
    ingest.lagP99Ms,
    'ms',
    '< 10',
    ingest.lagP99Ms < 10,
  );

  const memory = await runMemoryBench(quick ? 1 : Number(process.env.BENCH_B4_MINUTES ?? 10));
  row(
    'B4',
    `main heap growth (${memory.minutes} min at 10k samples/s)`,
    memory.growthMbPer10Min,
    'MB/10 min',
    '< 1',
    memory.growthMbPer10Min < 1,
  );

  printTable();
  const commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim();
  const results = {
    commit,
    date: new Date().toISOString(),
    quick,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGb: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    rows,
    raw: { ingest, memory },
  };
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwrote bench/results.json (commit ${commit}, ${results.machine.cores} cores)`);
}

function printTable(): void {
  const fmt = (n: number) => n.toLocaleString('en-US');
  console.log(
    `${'id'.padEnd(4)}${'measure'.padEnd(48)}${'value'.padStart(16)}  ${'unit'.padEnd(12)}${'target'.padEnd(14)}met`,
  );
  for (const r of rows) {
    const met = r.met === null ? '—' : r.met ? 'yes' : 'NO';
    console.log(
      `${r.id.padEnd(4)}${r.measure.padEnd(48)}${fmt(r.value).padStart(16)}  ${r.unit.padEnd(12)}${r.target.padEnd(14)}${met}`,
    );
  }
}

await main();
