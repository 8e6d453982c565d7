// The bridge's config file: which PromQL query feeds which Watchfloor series,
// with the catalog entry (title, level, unit, thresholds, procedures) the
// console shows for it. JSON, checked with zod; every mistake is reported with
// the file and the field it is in.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { actionArgsSchemas, id, seriesInfoSchema, type SeriesInfo } from '../../shared/protocol';

/** The ready config for node-exporter's metrics, used when no --config is given. */
export const NODE_EXPORTER_CONFIG = new URL('./node-exporter.config.json', import.meta.url);

const comment = z.string().optional();

const seriesConfigSchema = z
  .strictObject({
    ...seriesInfoSchema.shape,
    $comment: comment,
    /** The PromQL expression; it must come back as one series (aggregate it). */
    query: z.string().trim().min(1, 'a query is required').max(20_000),
    unit: seriesInfoSchema.shape.unit.default(''),
    kind: seriesInfoSchema.shape.kind.default('gauge'),
    /** How often to run the query; defaults to the file's intervalMs. */
    intervalMs: z
      .number()
      .int()
      .min(1_000, 'at least 1000 ms: Prometheus seldom has fresher data than that')
      .max(3_600_000)
      .optional(),
  })
  .superRefine((series, ctx) => {
    series.procedures?.forEach((procedure, index) => {
      const args = actionArgsSchemas[procedure.action].safeParse(procedure.args);
      for (const issue of args.success ? [] : args.error.issues) {
        ctx.addIssue({
          code: 'custom',
          path: ['procedures', index, 'args', ...issue.path],
          message: `${issue.message} (arguments of ${procedure.action})`,
        });
      }
    });
  });

const bridgeConfigSchema = z
  .strictObject({
    $schema: comment,
    $comment: comment,
    /** How the endpoint introduces itself to consoles. */
    endpoint: z
      .strictObject({ id: id.optional(), name: z.string().min(1).max(200).optional() })
      .optional(),
    /** The default query interval of the series that do not set their own. */
    intervalMs: z.number().int().min(1_000).max(3_600_000).default(15_000),
    /** How much history a console gets when it connects (0: none). */
    backfillMs: z
      .number()
      .int()
      .min(0)
      .max(86_400_000)
      .default(15 * 60_000),
    /** How long one query may take before it counts as failed. */
    timeoutMs: z.number().int().min(100).max(300_000).default(10_000),
    /** Queries in flight toward Prometheus at once. */
    maxConcurrentQueries: z.number().int().min(1).max(256).default(8),
    series: z.array(seriesConfigSchema).min(1, 'list at least one series').max(10_000),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.series.forEach((series, index) => {
      const earlier = seen.get(series.id);
      if (earlier !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['series', index, 'id'],
          message: `duplicate id "${series.id}" (also series[${earlier}])`,
        });
      }
      seen.set(series.id, index);
    });
  });

export interface BridgeSeries {
  /** The catalog entry consoles receive. */
  info: SeriesInfo;
  query: string;
}

export interface BridgeConfig {
  endpoint: { id?: string; name?: string };
  backfillMs: number;
  timeoutMs: number;
  maxConcurrentQueries: number;
  series: BridgeSeries[];
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and checks a config file; throws a ConfigError naming the file and the field. */
export function loadBridgeConfig(file: string | URL): BridgeConfig {
  const name = file instanceof URL ? file.pathname : file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError(`${name}: cannot read the config: ${(err as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(`${name}: not valid JSON: ${(err as Error).message}`);
  }
  return parseBridgeConfig(value, name);
}

/** Checks a parsed config; `source` names it in error messages. */
export function parseBridgeConfig(value: unknown, source: string): BridgeConfig {
  const parsed = bridgeConfigSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `  ${fieldName(value, issue.path)}: ${issue.message}`);
    const more =
      parsed.error.issues.length > 10 ? `\n  (and ${parsed.error.issues.length - 10} more)` : '';
    throw new ConfigError(`${source}: invalid config:\n${lines.join('\n')}${more}`);
  }
  const config = parsed.data;
  return {
    endpoint: config.endpoint ?? {},
    backfillMs: config.backfillMs,
    timeoutMs: config.timeoutMs,
    maxConcurrentQueries: config.maxConcurrentQueries,
    series: config.series.map(({ query, $comment: _comment, ...info }) => ({
      query,
      info: { ...info, intervalMs: info.intervalMs ?? config.intervalMs },
    })),
  };
}

/** `series[2] ("app.signups.rate").thresholds.warning`: the path, with the series' id. */
function fieldName(value: unknown, path: PropertyKey[]): string {
  if (path.length === 0) return '(top level)';
  let text = '';
  let node: unknown = value;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : `${text ? '.' : ''}${String(key)}`;
    node =
      node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (text.startsWith('series[') && /^series\[\d+\]$/.test(text)) {
      const seriesId = (node as { id?: unknown } | undefined)?.id;
      if (typeof seriesId === 'string') text += ` ("${seriesId}")`;
    }
  }
  return text;
}
