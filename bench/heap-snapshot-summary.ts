// Two views of a V8 heap. A heap snapshot (HeapProfiler.takeHeapSnapshot's
// chunks) summarised by what holds the bytes: the shallow size of every node,
// grouped by constructor for objects and by kind for the rest (code, strings,
// arrays' backing stores…); shallow sizes add up to the whole heap, so two
// pages' summaries can be set side by side, row by row. And a sampling heap
// profile (HeapProfiler.startSampling) summarised by allocating function.
import type { CDPSession } from '@playwright/test';

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapSummary {
  totalMb: number;
  /** The largest groups, MB of shallow size and node count. */
  top: { group: string; mb: number; count: number }[];
}

const MB = 2 ** 20;

export function summariseHeap(snapshot: HeapSnapshot, count = 15): HeapSummary {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const stride = fields.length;
  const groups = new Map<string, { bytes: number; count: number }>();
  let total = 0;
  for (let i = 0; i < snapshot.nodes.length; i += stride) {
    const type = types[snapshot.nodes[i + (typeAt as number)] as number] ?? '?';
    const size = snapshot.nodes[i + (sizeAt as number)] as number;
    // An object's name is its constructor; for strings and code it is the text itself.
    const group =
      type === 'object'
        ? (snapshot.strings[snapshot.nodes[i + (nameAt as number)] as number] ?? '?')
        : `(${type})`;
    const entry = groups.get(group) ?? { bytes: 0, count: 0 };
    entry.bytes += size;
    entry.count += 1;
    groups.set(group, entry);
    total += size;
  }
  const top = [...groups.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .slice(0, count)
    .map(([group, { bytes, count: n }]) => ({
      group,
      mb: Math.round((bytes / MB) * 100) / 100,
      count: n,
    }));
  return { totalMb: Math.round((total / MB) * 100) / 100, top };
}

/** Takes a snapshot of the page's heap (after a full GC) and summarises it. */
export async function snapshotHeap(cdp: CDPSession, count?: number): Promise<HeapSummary> {
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  }
  return summariseHeap(JSON.parse(chunks.join('')) as HeapSnapshot, count);
}

interface AllocationNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: AllocationNode[];
}

/** HeapProfiler.getSamplingProfile's result: the sampled allocations still live, by stack. */
export interface AllocationProfile {
  head: AllocationNode;
}

export interface AllocationSummary {
  /** Every sampled byte, MB. */
  totalMb: number;
  self: { name: string; mb: number }[];
  inclusive: { name: string; mb: number }[];
}

/**
 * Sampled bytes by the function that allocated them (self) and by every
 * function on the stack (inclusive, once per stack): which code holds the heap.
 */
export function summariseAllocations(profile: AllocationProfile, count = 20): AllocationSummary {
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const nameOf = ({ callFrame: c }: AllocationNode) =>
    `${c.functionName || '(anonymous)'}${c.url ? ` (${c.url.split('/').at(-1)}:${c.lineNumber + 1})` : ''}`;
  const walk = (node: AllocationNode, above: Set<string>): void => {
    const name = nameOf(node);
    self.set(name, (self.get(name) ?? 0) + node.selfSize);
    const stack = new Set(above).add(name);
    for (const on of stack) inclusive.set(on, (inclusive.get(on) ?? 0) + node.selfSize);
    for (const child of node.children) walk(child, stack);
  };
  walk(profile.head, new Set());
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, bytes]) => ({ name, mb: Math.round((bytes / MB) * 100) / 100 }));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return {
    totalMb: Math.round((total / MB) * 10) / 10,
    self: top(self),
    inclusive: top(inclusive),
  };
}
