// An endpoint's event as a person would say it: "Rolled back 2.14.0 → 2.13.2",
// not "deploy.rolledback from 2.14.0, to 2.13.2". The chart's label and the
// detail view's list of changes both read from here.
import type { ConsoleEvent } from '../../../../shared/api/console-state';

type Data = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

const fromTo = (data: Data): string => {
  const from = text(data.from);
  const to = text(data.to);
  if (from && to) return `${from} → ${to}`;
  return to ?? from ?? '';
};

const inRing = (data: Data): string => (text(data.ring) ? ` for ring ${text(data.ring)}` : '');

const SENTENCES: Record<string, (data: Data) => string> = {
  'deploy.started': (data) =>
    data.reason === 'rollback'
      ? `Rolling back ${fromTo(data)}`
      : `Deploying ${text(data.to) ?? text(data.version) ?? 'a new version'}`,
  'deploy.finished': (data) =>
    text(data.from)
      ? `Deployed ${text(data.to) ?? ''} (was ${text(data.from) ?? ''})`
      : `Deployed ${text(data.to) ?? text(data.version) ?? 'a new version'}`,
  'deploy.rolledback': (data) => `Rolled back ${fromTo(data)}`,
  'build.failed': (data) => `Build ${text(data.build) ?? ''} failed`.replace('  ', ' '),
  'build.passed': (data) =>
    `Build ${text(data.build) ?? ''} passed${text(data.version) ? ` (${text(data.version)})` : ''}`,
  'flag.changed': (data) =>
    `Flag ${text(data.flag) ?? ''} turned ${data.enabled === false ? 'off' : 'on'}${inRing(data)}`,
  'capacity.scaled': (data) => {
    const change = Number(data.change);
    const sign = change > 0 ? '+' : '';
    const total = text(data.total) ? ` (now ${text(data.total)})` : '';
    return `Scaled ${text(data.resource) ?? 'capacity'} ${sign}${text(data.change) ?? ''}${total}`;
  },
  'ring.promoted': (data) =>
    `Promoted ${text(data.version) ?? 'the release'} to ring ${text(data.toRing) ?? '?'}`,
  'ring.halted': (data) =>
    `Halted ${text(data.version) ?? 'the release'}${text(data.ring) ? ` in ring ${text(data.ring)}` : ''}`,
  'patch.applied': (data) => `Patch ${text(data.version) ?? ''} applied`,
};

/** "billing/production" → "billing production". */
export const subjectWords = (subject: string | undefined): string =>
  (subject ?? '').split('/').filter(Boolean).join(' ');

/** What happened, without where: fits a chart label. */
export function eventSentence(event: ConsoleEvent): string {
  const sentence = SENTENCES[event.type];
  if (sentence) return sentence(event.data ?? {}).trim();
  // An event type this console does not know: its own name, in words.
  return event.type.replace(/[._]/g, ' ');
}
