// A V8 CPU profile (Profiler.stop's result, or a .cpuprofile file) summarised
// by function: the share of sampled time spent in it (self) and under it
// (inclusive, counted once per sample however deep the recursion).
import { relative } from 'node:path';
import type { CDPSession } from '@playwright/test';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** Where the whole profile was written, when it was. */
  file?: string;
  /** Share of the sampled time, by function. */
  self: { name: string; percent: number }[];
  inclusive: { name: string; percent: number }[];
}

/**
 * `name (file:line)`, the file relative to the working folder: main/core has
 * many `emit`s. tsx compiles a module to one line, so there the column (in
 * the compiled text) is what tells two functions of one name apart.
 */
function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  if (!url) return functionName || '(root)';
  const path = url.startsWith('file:') ? relative(process.cwd(), fileURLToPath(url)) : url;
  const at = lineNumber === 0 ? `col ${columnNumber + 1}` : `${lineNumber + 1}`;
  return `${functionName || '(anonymous)'} (${path}:${at})`;
}

export function summariseProfile(profile: CpuProfile, count = 20): ProfileSummary {
  const nodes = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    nodes.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  (profile.samples ?? []).forEach((id, i) => {
    const dt = deltas[i + 1] ?? deltas[i] ?? 0;
    const leaf = nodes.get(id);
    if (!leaf) return;
    total += dt;
    self.set(nameOf(leaf), (self.get(nameOf(leaf)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at);
      if (node) seen.add(nameOf(node));
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
  });
  const top = (map: Map<string, number>) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, t]) => ({ name, percent: Math.round((t / total) * 1000) / 10 }));
  return { self: top(self), inclusive: top(inclusive) };
}

/** Records a CPU profile of a page's main thread for `seconds`, sampling every `intervalUs`. */
export async function recordCpuProfile(
  cdp: CDPSession,
  seconds: number,
  intervalUs: number,
): Promise<CpuProfile> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Profiler.disable');
  return profile as CpuProfile;
}
