// The bridge's config file: which Unleash projects to show, how rings map
// onto Unleash (rollout percentages, or a context field in strategy
// constraints), which feature each project rolls out ring by ring, and the
// client-metrics series. JSON, checked with zod; every field has a default,
// so a plain Unleash install needs no file at all.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { id, levelSchema } from '../../shared/protocol';

const ringSchema = z.strictObject({
  id,
  name: z.string().min(1).max(100),
  /** Share of users up to and including this ring, 0 to 1; the last ring is 1 (everyone). */
  share: z.number().min(0).max(1),
});
export type RingSpec = z.infer<typeof ringSchema>;

export const DEFAULT_RINGS: RingSpec[] = [
  { id: 'canary', name: 'Canary', share: 0.05 },
  { id: 'early', name: 'Early adopters', share: 0.25 },
  { id: 'half', name: 'Half of users', share: 0.5 },
  { id: 'all', name: 'Everyone', share: 1 },
];

const bridgeConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    $comment: z.string().optional(),
    endpoint: z
      .strictObject({ id: id.optional(), name: z.string().min(1).max(200).optional() })
      .optional(),
    /** Unleash projects to show (ids); absent: every project. */
    projects: z.array(z.string().min(1)).min(1).optional(),
    /** How often Unleash is read for changes made elsewhere. */
    pollMs: z.number().int().min(500).max(300_000).default(2_000),
    timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
    rings: z
      .strictObject({
        /**
         * `percentage`: a ring is on when the feature's gradual rollout reaches its share.
         * `constraint`: a ring is on when a strategy targets it through `contextField`.
         */
        mode: z.enum(['percentage', 'constraint']).default('percentage'),
        contextField: z.string().min(1).max(100).default('ring'),
        list: z.array(ringSchema).min(2).max(20).default(DEFAULT_RINGS),
      })
      .default({ mode: 'percentage', contextField: 'ring', list: DEFAULT_RINGS }),
    /** The feature each project rolls out ring by ring; absent: the one partly rolled out. */
    releases: z.record(z.string(), z.string().min(1)).default({}),
    metrics: z
      .strictObject({
        enabled: z.boolean().default(true),
        intervalMs: z.number().int().min(1_000).max(3_600_000).default(10_000),
        level: levelSchema.default('business'),
      })
      .default({ enabled: true, intervalMs: 10_000, level: 'business' }),
  })
  .superRefine((config, ctx) => {
    const rings = config.rings.list;
    const seen = new Set<string>();
    rings.forEach((ring, index) => {
      if (seen.has(ring.id)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rings', 'list', index, 'id'],
          message: `duplicate ring "${ring.id}"`,
        });
      }
      seen.add(ring.id);
      const before = rings[index - 1];
      if (before && ring.share <= before.share) {
        ctx.addIssue({
          code: 'custom',
          path: ['rings', 'list', index, 'share'],
          message: `shares must grow ring by ring (${before.id} has ${before.share})`,
        });
      }
    });
    if (rings.at(-1)?.share !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['rings', 'list', rings.length - 1, 'share'],
        message: 'the last ring is everyone: its share must be 1',
      });
    }
  });

export type BridgeConfig = Omit<z.infer<typeof bridgeConfigSchema>, '$schema' | '$comment'>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Reads and checks a config file; no file: the defaults. */
export function loadBridgeConfig(file: string | undefined): BridgeConfig {
  if (file === undefined) return parseBridgeConfig({}, 'defaults');
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
      .map((issue) => `  ${issue.path.map(String).join('.') || '(top level)'}: ${issue.message}`);
    throw new ConfigError(`${source}: invalid config:\n${lines.join('\n')}`);
  }
  const { $schema: _schema, $comment: _comment, ...config } = parsed.data;
  return config;
}
