// §1 framing and limits, over every frame the kit received on every
// connection: text frames of one JSON-RPC object, at most 1 MiB, at most 32
// levels deep, and free-form members (event data, procedure args, argsSchema,
// error data) within 8 levels, 1,000 members and 64 KiB.
import { JSON_LIMITS, MAX_FRAME_BYTES, freeFormProblem } from '../../shared/protocol';
import type { CheckList } from './conformance-report';
import type { CheckedFrame } from './frame-check';
import type { KitSession } from './kit-session';

export function checkLimits(session: KitSession, list: CheckList): void {
  const frames = session.probes.flatMap((p) => p.frames);
  const problem = (match: (text: string) => boolean) => {
    const found = frames.flatMap((f) =>
      f.framing.filter(match).map((text) => `${label(f)}: ${text}`),
    );
    return found.length === 0
      ? undefined
      : `${found.length} frame(s); ${found.slice(0, 2).join('; ')}`;
  };
  list.expect(
    '§1 every message is a text frame',
    problem((t) => t.startsWith('binary')),
    `${frames.length} frames on ${session.probes.length} connections`,
  );
  list.expect(
    '§1 every frame is one JSON object, never a batch',
    problem((t) => t.startsWith('not JSON') || t.includes('batch')),
  );
  list.expect(
    `§1 every frame is at most ${MAX_FRAME_BYTES} bytes`,
    problem((t) => t.includes('exceeds')),
    `largest ${Math.max(0, ...frames.map((f) => f.bytes))} bytes`,
  );
  list.expect(
    `§1 every frame nests at most ${JSON_LIMITS.frameDepth} levels`,
    problem((t) => t.includes('nested')),
  );
  const freeForm = frames.flatMap((f) =>
    freeFormMembers(f.value).flatMap(([where, value]) => {
      const why = freeFormProblem(value);
      return why ? [`${label(f)} ${where}: ${why}`] : [];
    }),
  );
  list.expect(
    `§1 free-form members stay within ${JSON_LIMITS.depth} levels, ${JSON_LIMITS.members} members and ${JSON_LIMITS.bytes} bytes`,
    freeForm.length === 0 ? undefined : freeForm.slice(0, 3).join('; '),
  );
}

const label = (f: CheckedFrame) => (f.method ? `'${f.method}'` : `response ${String(f.id)}`);

type Loose = Record<string, unknown> & {
  params?: { data?: unknown; series?: { procedures?: { args?: unknown }[] }[] };
  result?: { actions?: { argsSchema?: unknown }[] };
  error?: { data?: unknown };
};

/** The members of a frame that may hold JSON of any shape, with where they are. */
function freeFormMembers(value: unknown): [string, unknown][] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const frame = value as Loose;
  const members: [string, unknown][] = [];
  if (frame.method === 'event' && frame.params?.data !== undefined)
    members.push(['data', frame.params.data]);
  if (frame.method === 'catalog' && Array.isArray(frame.params?.series)) {
    frame.params.series.forEach((s, i) =>
      (Array.isArray(s?.procedures) ? s.procedures : []).forEach((p, j) =>
        members.push([`series.${i}.procedures.${j}.args`, p?.args]),
      ),
    );
  }
  if (Array.isArray(frame.result?.actions)) {
    frame.result.actions.forEach(
      (a, i) =>
        a?.argsSchema !== undefined && members.push([`actions.${i}.argsSchema`, a.argsSchema]),
    );
  }
  if (frame.error?.data !== undefined) members.push(['error.data', frame.error.data]);
  return members;
}
