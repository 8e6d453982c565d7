// The runbook bridge's config file: which command carries out each action
// (an argv template, never a shell line), where the deployments state the
// runbooks keep is read from, where the action journal lives, and optionally
// which Prometheus queries to serve as series. Relative paths are resolved
// against the config file's folder. JSON, checked with zod.
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { actionNameSchema, id, type ActionName } from '../../shared/protocol';
import { templateProblems, type ArgTemplate } from './argv-template';

const argTemplateSchema = z.union([
  z.string().max(4_000),
  z.strictObject({ json: z.record(z.string(), z.unknown()) }),
]);

const actionCommandSchema = z.strictObject({
  $comment: z.string().optional(),
  title: z.string().min(1).max(200).optional(),
  /** The program: a path, or a name looked up on PATH (no shell is involved). */
  command: z.string().min(1).max(1_000),
  args: z.array(argTemplateSchema).max(200).default([]),
  /** Constant environment variables for the command (on top of the bridge's own). */
  env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/), z.string()).default({}),
  cwd: z.string().optional(),
  timeoutMs: z
    .number()
    .int()
    .min(100)
    .max(6 * 3_600_000)
    .optional(),
});

const stateSchema = z.union([
  z.strictObject({ file: z.string().min(1) }),
  z.strictObject({ command: z.array(z.string().min(1)).min(1) }),
]);

const configSchema = z
  .strictObject({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    endpoint: z
      .strictObject({ id: id.optional(), name: z.string().min(1).max(200).optional() })
      .default({}),
    /** Where the deployments state comes from: a file the runbooks write, or a command printing it. */
    state: stateSchema,
    /** How often the state is re-read for changes made outside the bridge. */
    statePollMs: z.number().int().min(100).max(3_600_000).default(1_000),
    /** The action journal's folder (action.get answers from it after a restart). */
    journalDir: z.string().min(1),
    /** The default time an action may take before its process group is killed. */
    timeoutMs: z
      .number()
      .int()
      .min(100)
      .max(6 * 3_600_000)
      .default(600_000),
    /** How many of the command's last output lines each progress message shows. */
    progressLines: z.number().int().min(1).max(50).default(8),
    actions: z.partialRecord(actionNameSchema, actionCommandSchema),
    /** Optional: series from Prometheus, served by this endpoint beside its deployments. */
    metrics: z.strictObject({ prometheus: z.url(), config: z.string().min(1) }).optional(),
  })
  .superRefine((config, ctx) => {
    if (Object.keys(config.actions).length === 0)
      ctx.addIssue({ code: 'custom', path: ['actions'], message: 'map at least one action' });
    for (const [name, action] of Object.entries(config.actions)) {
      for (const problem of templateProblems(action?.args ?? [])) {
        ctx.addIssue({ code: 'custom', path: ['actions', name], message: problem });
      }
    }
  });

export interface ActionCommand {
  title: string | undefined;
  command: string;
  args: ArgTemplate[];
  env: Record<string, string>;
  cwd: string;
  timeoutMs: number;
}

export interface RunbookConfig {
  endpoint: { id: string; name: string };
  state: { file: string } | { command: string[] };
  statePollMs: number;
  journalDir: string;
  progressLines: number;
  actions: Partial<Record<ActionName, ActionCommand>>;
  metrics: { prometheus: string; config: string } | undefined;
}

export class RunbookConfigError extends Error {}

export function loadRunbookConfig(file: string): RunbookConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new RunbookConfigError(`${file}: ${(err as Error).message}`);
  }
  return parseRunbookConfig(value, file);
}

/** Checks a parsed config; `file` names it in errors and anchors its relative paths. */
export function parseRunbookConfig(value: unknown, file: string): RunbookConfig {
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new RunbookConfigError(`${file}: invalid config:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  const base = dirname(resolve(file));
  const at = (path: string) => (isAbsolute(path) ? path : resolve(base, path));
  const actions: RunbookConfig['actions'] = {};
  for (const [name, action] of Object.entries(config.actions)) {
    if (!action) continue;
    actions[name as ActionName] = {
      title: action.title,
      // A bare name is looked up on PATH; anything with a slash is a path.
      command: action.command.includes('/') ? at(action.command) : action.command,
      args: action.args,
      env: action.env,
      cwd: at(action.cwd ?? '.'),
      timeoutMs: action.timeoutMs ?? config.timeoutMs,
    };
  }
  return {
    endpoint: { id: config.endpoint.id ?? 'runbook', name: config.endpoint.name ?? 'Runbooks' },
    state: 'file' in config.state ? { file: at(config.state.file) } : config.state,
    statePollMs: config.statePollMs,
    journalDir: at(config.journalDir),
    progressLines: config.progressLines,
    actions,
    metrics: config.metrics && {
      prometheus: config.metrics.prometheus,
      config: at(config.metrics.config),
    },
  };
}
