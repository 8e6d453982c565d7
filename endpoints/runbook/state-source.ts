// Reads the deployments state the runbooks keep: a JSON file they write, or
// the output of a command (run without a shell). The runbooks may leave out
// what the bridge can fill in: status (healthy), updatedAt (the file's time)
// and previousVersions (none).
import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import {
  environmentStateSchema,
  serviceStateSchema,
  type ServiceState,
} from '../../shared/protocol';

const keptEnvironmentSchema = environmentStateSchema.extend({
  status: environmentStateSchema.shape.status.optional(),
  updatedAt: environmentStateSchema.shape.updatedAt.optional(),
  previousVersions: environmentStateSchema.shape.previousVersions.default([]),
});

const keptStateSchema = z.object({
  services: z
    .array(serviceStateSchema.extend({ environments: z.array(keptEnvironmentSchema).max(20) }))
    .max(1_000),
});

export type StateSource = { file: string } | { command: string[] };

/** The services as the runbooks describe them now; throws with the reason when unreadable. */
export async function readState(source: StateSource): Promise<ServiceState[]> {
  const { text, at } = await readText(source);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`the deployments state is not JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const parsed = keptStateSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(
      `the deployments state is invalid: ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  return parsed.data.services.map((service) => ({
    ...service,
    environments: service.environments.map((env) => ({
      ...env,
      status: env.status ?? 'healthy',
      updatedAt: env.updatedAt ?? at,
    })),
  }));
}

async function readText(source: StateSource): Promise<{ text: string; at: number }> {
  if ('file' in source) {
    const [text, info] = await Promise.all([readFile(source.file, 'utf8'), stat(source.file)]);
    return { text, at: Math.round(info.mtimeMs) };
  }
  const [command, ...args] = source.command as [string, ...string[]];
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 10_000, maxBuffer: 8 * 1024 * 1024 }, (err, stdout) => {
      if (err) reject(new Error(`the state command failed: ${err.message}`));
      else resolve({ text: stdout, at: Date.now() });
    });
  });
}
