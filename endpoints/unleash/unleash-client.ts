// The Unleash Admin API as the bridge uses it: read projects, environments,
// features with their strategies and client metrics; switch environments on
// and off; add, change and delete strategies. Every failure becomes an
// UnleashError whose message an operator can act on, with Unleash's own
// reason when Unleash gave one.
import { z } from 'zod';

/** `auth`: the token; `missing`: a 404; `refused`: Unleash said no (its reason); the rest: the path. */
export type UnleashErrorKind = 'auth' | 'missing' | 'refused' | 'http' | 'timeout' | 'unreachable';

export class UnleashError extends Error {
  constructor(
    message: string,
    readonly kind: UnleashErrorKind,
  ) {
    super(message);
    this.name = 'UnleashError';
  }
}

const constraintSchema = z.object({
  contextName: z.string(),
  operator: z.string(),
  values: z.array(z.string()).optional(),
  value: z.string().optional(),
  inverted: z.boolean().optional(),
});
export type UnleashConstraint = z.infer<typeof constraintSchema>;

const strategySchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).default({}),
  constraints: z.array(constraintSchema).default([]),
  segments: z.array(z.number()).optional(),
  disabled: z.boolean().nullish(),
  sortOrder: z.number().optional(),
});
export type UnleashStrategy = z.infer<typeof strategySchema>;

const featureEnvironmentSchema = z.object({
  name: z.string(),
  enabled: z.boolean(),
  strategies: z.array(strategySchema).default([]),
});
export type UnleashFeatureEnvironment = z.infer<typeof featureEnvironmentSchema>;

const featureSchema = z.object({
  name: z.string(),
  description: z.string().nullish(),
  createdAt: z.string().nullish(),
  archived: z.boolean().nullish(),
  environments: z.array(featureEnvironmentSchema).default([]),
});
export type UnleashFeature = z.infer<typeof featureSchema>;

const environmentSchema = z.object({
  name: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  sortOrder: z.number().default(0),
});
export type UnleashEnvironment = z.infer<typeof environmentSchema>;

const projectSchema = z.object({ id: z.string(), name: z.string() });
export type UnleashProject = z.infer<typeof projectSchema>;

const usageSchema = z.object({
  lastHourUsage: z
    .array(z.object({ environment: z.string(), yes: z.number(), no: z.number() }))
    .default([]),
});

/** A strategy as written: what the bridge sends to add or replace one. */
export interface StrategyInput {
  name: string;
  title?: string | null;
  parameters: Record<string, unknown>;
  constraints: UnleashConstraint[];
  segments?: number[];
  disabled?: boolean | null;
}

export interface UnleashClientOptions {
  /** Base URL: http(s)://host:port, plus Unleash's base path where it has one. */
  url: string;
  /** An admin API token (or a personal access token), sent as Unleash expects: unprefixed. */
  token: string;
  timeoutMs?: number;
}

export class UnleashClient {
  readonly origin: string;
  private readonly timeoutMs: number;

  constructor(private readonly options: UnleashClientOptions) {
    this.origin = options.url.replace(/\/+$/, '');
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async projects(): Promise<UnleashProject[]> {
    const body = await this.call('GET', '/api/admin/projects');
    return this.parse(z.object({ projects: z.array(projectSchema) }), body).projects;
  }

  async environments(): Promise<UnleashEnvironment[]> {
    const body = await this.call('GET', '/api/admin/environments');
    return this.parse(z.object({ environments: z.array(environmentSchema) }), body).environments;
  }

  /** The names of a project's features (the list has no strategies in it). */
  async featureNames(project: string): Promise<string[]> {
    const body = await this.call('GET', `/api/admin/projects/${enc(project)}/features`);
    const list = this.parse(z.object({ features: z.array(z.object({ name: z.string() })) }), body);
    return list.features.map((feature) => feature.name);
  }

  /** One feature with its environments and strategies. */
  async feature(project: string, name: string): Promise<UnleashFeature> {
    return this.parse(featureSchema, await this.call('GET', featurePath(project, name)));
  }

  async featureEnvironment(
    project: string,
    name: string,
    environment: string,
  ): Promise<UnleashFeatureEnvironment> {
    const path = `${featurePath(project, name)}/environments/${enc(environment)}`;
    return this.parse(featureEnvironmentSchema, await this.call('GET', path));
  }

  async setEnvironment(
    project: string,
    name: string,
    environment: string,
    on: boolean,
  ): Promise<void> {
    const path = `${featurePath(project, name)}/environments/${enc(environment)}/${on ? 'on' : 'off'}`;
    await this.call('POST', path);
  }

  async addStrategy(
    project: string,
    name: string,
    environment: string,
    strategy: StrategyInput,
  ): Promise<void> {
    await this.call('POST', strategiesPath(project, name, environment), strategy);
  }

  async updateStrategy(
    project: string,
    name: string,
    environment: string,
    id: string,
    strategy: StrategyInput,
  ): Promise<void> {
    await this.call('PUT', `${strategiesPath(project, name, environment)}/${enc(id)}`, strategy);
  }

  async deleteStrategy(project: string, name: string, environment: string, id: string) {
    await this.call('DELETE', `${strategiesPath(project, name, environment)}/${enc(id)}`);
  }

  /** Yes/no evaluations of a feature per environment over the last hour, as SDKs reported them. */
  async usage(name: string): Promise<Map<string, { yes: number; no: number }>> {
    const body = await this.call('GET', `/api/admin/client-metrics/features/${enc(name)}`);
    const totals = new Map<string, { yes: number; no: number }>();
    for (const row of this.parse(usageSchema, body).lastHourUsage) {
      const total = totals.get(row.environment) ?? { yes: 0, no: 0 };
      totals.set(row.environment, { yes: total.yes + row.yes, no: total.no + row.no });
    }
    return totals;
  }

  private async call(method: string, path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${this.origin}${path}`, {
        method,
        headers: {
          authorization: this.options.token,
          accept: 'application/json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw this.describe(err as Error);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw this.refusal(response.status, text, method, path);
    if (!text) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UnleashError(
        `${this.origin} answered ${path} with something that is not JSON: is --unleash the Unleash server's URL?`,
        'http',
      );
    }
  }

  private parse<T>(schema: z.ZodType<T>, body: unknown): T {
    const parsed = schema.safeParse(body);
    if (parsed.success) return parsed.data;
    throw new UnleashError(
      `Unleash at ${this.origin} sent an answer the bridge does not understand (${parsed.error.issues[0]?.message ?? 'unexpected shape'})`,
      'http',
    );
  }

  private refusal(status: number, text: string, method: string, path: string): UnleashError {
    const reason = unleashReason(text);
    if (status === 401) {
      return new UnleashError(
        `Unleash at ${this.origin} refused the token (HTTP 401${reason ? `: ${reason}` : ''}): give an admin API token with --token`,
        'auth',
      );
    }
    if (status === 403) {
      return new UnleashError(
        `the token may not do this in Unleash (HTTP 403${reason ? `: ${reason}` : ''}): it needs an admin token, or a personal access token of a user with the permissions listed in docs/unleash.md`,
        'auth',
      );
    }
    if (status === 404 && reason) return new UnleashError(`Unleash: ${reason}`, 'missing');
    if (status === 404) {
      return new UnleashError(
        `${this.origin}${path} does not exist (HTTP 404): is --unleash the Unleash server's URL, with its base path?`,
        'http',
      );
    }
    if (status >= 400 && status < 500) {
      return new UnleashError(
        `Unleash refused ${method} ${path} (HTTP ${status}): ${reason || 'no reason given'}`,
        'refused',
      );
    }
    return new UnleashError(
      `Unleash at ${this.origin} answered HTTP ${status}${reason ? `: ${reason}` : ''}`,
      'http',
    );
  }

  private describe(err: Error): UnleashError {
    if (err.name === 'TimeoutError') {
      return new UnleashError(
        `no answer from Unleash at ${this.origin} within ${this.timeoutMs / 1000} s`,
        'timeout',
      );
    }
    const cause = (err as { cause?: Error & { code?: string } }).cause;
    const detail = cause?.code ?? cause?.message ?? err.message;
    return new UnleashError(`Unleash unreachable at ${this.origin}: ${detail}`, 'unreachable');
  }
}

/** Unleash's error bodies: `{ message, details: [{ message }] }`; the most specific wins. */
export function unleashReason(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown; details?: Array<{ message?: unknown }> };
    const detail = body.details?.find((d) => typeof d.message === 'string')?.message;
    const reason = typeof detail === 'string' ? detail : body.message;
    return typeof reason === 'string' ? reason.slice(0, 500) : '';
  } catch {
    return text.replace(/\s+/g, ' ').trim().slice(0, 200);
  }
}

const enc = encodeURIComponent;
const featurePath = (project: string, name: string) =>
  `/api/admin/projects/${enc(project)}/features/${enc(name)}`;
const strategiesPath = (project: string, name: string, environment: string) =>
  `${featurePath(project, name)}/environments/${enc(environment)}/strategies`;
