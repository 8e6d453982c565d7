// The bridge's config file: which Buildbot builder is the CI of which
// Watchfloor service and environment. JSON, checked with zod; every mistake
// names the file and the field. Without a file, every builder Buildbot has
// becomes a service of its own name, environment `ci`.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { ENVIRONMENT_TIERS, id } from '../../shared/protocol';

const builderMappingSchema = z.strictObject({
  $comment: z.string().optional(),
  /** The builder's name in Buildbot. */
  builder: z.string().min(1).max(200),
  service: id,
  serviceName: z.string().min(1).max(200).optional(),
  environment: id.default('ci'),
  tier: z.enum(ENVIRONMENT_TIERS).optional(),
});
export type BuilderMapping = z.output<typeof builderMappingSchema>;

const bridgeConfigSchema = z
  .strictObject({
    $comment: z.string().optional(),
    endpoint: z
      .strictObject({ id: id.optional(), name: z.string().min(1).max(200).optional() })
      .optional(),
    /** How often Buildbot is asked for news: also the metrics' sample interval. */
    pollMs: z.number().int().min(250).max(60_000).default(1_000),
    /** How long one request to Buildbot may take. */
    timeoutMs: z.number().int().min(100).max(120_000).default(5_000),
    /** Finished builds the success rate is computed over. */
    successWindow: z.number().int().min(1).max(200).default(20),
    /** Matches a failing test's name in a failing step's log (group 1), for builds without test results. */
    failingTestPattern: z.string().max(500).optional(),
    /** Omitted: every builder, as service <builder name>, environment `ci`. */
    builders: z.array(builderMappingSchema).min(1).max(500).optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.builders?.forEach((mapping, index) => {
      const target = `${mapping.service}/${mapping.environment}`;
      if (seen.has(target)) {
        ctx.addIssue({
          code: 'custom',
          path: ['builders', index],
          message: `${target} is already fed by another builder: one builder per service and environment`,
        });
      }
      seen.add(target);
    });
    if (config.failingTestPattern !== undefined) {
      try {
        new RegExp(config.failingTestPattern, 'm');
      } catch (err) {
        ctx.addIssue({
          code: 'custom',
          path: ['failingTestPattern'],
          message: (err as Error).message,
        });
      }
    }
  });

export interface BridgeConfig {
  endpoint: { id?: string; name?: string };
  pollMs: number;
  timeoutMs: number;
  successWindow: number;
  failingTestPattern: RegExp | undefined;
  /** undefined: map every builder Buildbot has (see defaultMapping). */
  builders: BuilderMapping[] | undefined;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_CONFIG: BridgeConfig = parseBridgeConfig({}, '(defaults)');

/** The mapping used without a `builders` list: a service per builder, environment `ci`. */
export function defaultMapping(builderNames: string[]): BuilderMapping[] {
  return builderNames
    .filter((name) => id.safeParse(name).success)
    .map((name) => ({ builder: name, service: name, environment: 'ci', tier: 'development' }));
}

/** Reads and checks a config file; throws a ConfigError naming the file and the field. */
export function loadBridgeConfig(file: string): BridgeConfig {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${file}: cannot read the config: ${(err as Error).message}`);
  }
  return parseBridgeConfig(value, file);
}

/** Checks a parsed config; `source` names it in error messages. */
export function parseBridgeConfig(value: unknown, source: string): BridgeConfig {
  const parsed = bridgeConfigSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues
      .slice(0, 10)
      .map((issue) => `  ${issue.path.join('.') || '(top level)'}: ${issue.message}`);
    throw new ConfigError(`${source}: invalid config:\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  return {
    endpoint: config.endpoint ?? {},
    pollMs: config.pollMs,
    timeoutMs: config.timeoutMs,
    successWindow: config.successWindow,
    failingTestPattern:
      config.failingTestPattern === undefined
        ? undefined
        : new RegExp(config.failingTestPattern, 'm'),
    builders: config.builders?.map(({ $comment: _comment, ...mapping }) => mapping),
  };
}
