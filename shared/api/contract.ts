// The ConsoleApi, declared once: every method the renderer may call, with the
// zod tuple of its positional arguments and the schema of its result. Both
// hosts (Electron IPC, the browser host's WebSocket) and both renderer bridges
// are generated from this table, as VS Code's ProxyChannel derives both ends
// of a channel from one service. No other file spells a method's name.
import { z } from 'zod';
import { actionRecordSchema, actionRequestSchema } from './actions';
import { auditEntrySchema, auditQuerySchema } from './audit';
import { consoleStateSchema, type ConsoleDelta } from './console-state';
import { endpointConfigSchema, endpointIdParamSchema, endpointStatusSchema } from './links';
import { autoHaltRequestSchema } from './releases';
import { settingsPatchSchema } from './settings';
import {
  openedSnapshotSchema,
  snapshotAnnotateSchema,
  snapshotExportSchema,
  snapshotFileNameSchema,
  snapshotFileSchema,
  snapshotOpenSchema,
} from './snapshot-files';

const endpointId = endpointIdParamSchema.shape.id;
export const alertIdSchema = z.string().min(1).max(100);

/** Calls that answer with nothing: over JSON the host replies `null` (JSON has no undefined). */
const noResult = z.union([z.null(), z.undefined()]).transform((): void => undefined);

export const CONSOLE_CONTRACT = {
  getState: { args: z.tuple([]), result: consoleStateSchema },
  submitAction: { args: z.tuple([actionRequestSchema]), result: actionRecordSchema },
  addEndpoint: { args: z.tuple([endpointConfigSchema]), result: endpointStatusSchema },
  updateEndpoint: {
    args: z.tuple([endpointId, endpointConfigSchema]),
    result: endpointStatusSchema,
  },
  removeEndpoint: { args: z.tuple([endpointId]), result: noResult },
  /** Dial now, skipping the backoff wait (for a failed or reconnecting link). */
  reconnectEndpoint: { args: z.tuple([endpointId]), result: noResult },
  acknowledgeAlert: { args: z.tuple([alertIdSchema]), result: noResult },
  /** Arms or disarms a release's automatic halt on this console; audited. */
  setAutoHalt: { args: z.tuple([autoHaltRequestSchema]), result: noResult },
  /** The audit log, newest first. */
  queryAudit: { args: z.tuple([auditQuerySchema]), result: z.array(auditEntrySchema) },
  /** Changes layout, theme, playlist, operator name or windows. */
  updateSettings: { args: z.tuple([settingsPatchSchema]), result: noResult },
  /** Writes the last windowMs (an hour by default) of everything to a .wfsnap. */
  exportSnapshot: { args: z.tuple([snapshotExportSchema]), result: snapshotFileSchema },
  /** Reads a snapshot for review: validated, with points decimated for charts. */
  openSnapshot: { args: z.tuple([snapshotOpenSchema]), result: openedSnapshotSchema },
  annotateSnapshot: { args: z.tuple([snapshotAnnotateSchema]), result: snapshotFileSchema },
  /** A self-contained HTML report of a snapshot, beside it. */
  exportReport: {
    args: z.tuple([z.object({ fileName: snapshotFileNameSchema })]),
    result: snapshotFileSchema,
  },
} satisfies Record<string, { args: z.ZodTuple; result: z.ZodType }>;

type Contract = typeof CONSOLE_CONTRACT;
export type ConsoleMethod = keyof Contract;
export const CONSOLE_METHODS = Object.keys(CONSOLE_CONTRACT) as ConsoleMethod[];

/**
 * Each method as the renderer calls it. Written through a method signature
 * (`{ call(...): ... }['call']`) so that, as with the hand-written interface
 * before, an implementation may take the parsed (output) shape of an argument
 * whose schema fills defaults.
 */
export type ConsoleCalls = {
  [M in ConsoleMethod]: {
    call(...args: z.input<Contract[M]['args']>): Promise<z.output<Contract[M]['result']>>;
  }['call'];
};

export interface ConsoleApi extends ConsoleCalls {
  /** Subscribes to the delta stream; returns the unsubscribe function. */
  onDelta(listener: (delta: ConsoleDelta) => void): () => void;
}

/** What keeps the renderer's store in step: the full state, then the deltas. */
export type ConsoleStateFeed = Pick<ConsoleApi, 'getState' | 'onDelta'>;

export function isConsoleMethod(name: unknown): name is ConsoleMethod {
  return typeof name === 'string' && Object.hasOwn(CONSOLE_CONTRACT, name);
}

export type CheckedCall =
  { ok: true; method: ConsoleMethod; args: unknown[] } | { ok: false; message: string };

/** A call as it arrived from the page: the contract's own method, with args its tuple accepts. */
export function checkCall(method: unknown, args: unknown): CheckedCall {
  if (!isConsoleMethod(method)) {
    return { ok: false, message: unknownMethod(method) };
  }
  const parsed = CONSOLE_CONTRACT[method].args.safeParse(args);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')} ` : '';
    const message = `invalid params: ${where}${issue?.message ?? 'not accepted'}`;
    return { ok: false, message };
  }
  return { ok: true, method, args: parsed.data as unknown[] };
}

/** Runs a checked call on the console (or any ConsoleApi). */
export function invokeCall(
  api: ConsoleApi,
  method: ConsoleMethod,
  args: unknown[],
): Promise<unknown> {
  const run = api[method] as (...args: unknown[]) => Promise<unknown>;
  return run.apply(api, args);
}

/** The refusal of a name from the page: strings quoted and cut short, anything else by type. */
export function unknownMethod(name: unknown): string {
  const shown = typeof name === 'string' ? JSON.stringify(name.slice(0, 80)) : `(${typeof name})`;
  return `unknown method ${shown}`;
}
