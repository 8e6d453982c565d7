// Generates docs/schema/watchfloor.v1.schema.json, the JSON Schema (draft
// 2020-12) of the watchfloor.v1 wire protocol, from the zod schemas in
// shared/protocol/index.ts with zod's z.toJSONSchema. The file is generated: edit
// the zod schemas, then run `npx tsx scripts/generate-schema.ts` (`--check`
// only compares). test/integration/protocol-schema.test.ts fails when the
// checked-in file and this generator disagree.
//
// Choices, all deliberate:
// - io 'input': the schema describes what the console *accepts*. zod objects
//   ignore (strip) unknown members, so the JSON Schema allows them too: that
//   is what lets v1 grow by adding optional fields.
// - Every exported zod schema of shared/protocol/index.ts becomes a $def (except the
//   few in NOT_ON_THE_WIRE), so a new schema cannot be forgotten here.
// - Refinements (`.refine`) have no JSON Schema equivalent; each one needs an
//   entry in REFINEMENTS, or generation fails. Anything else zod cannot
//   represent fails generation too (unrepresentable: 'throw').
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import * as protocol from '../shared/protocol';

type JsonSchema = Record<string, unknown>;

export const SCHEMA_FILE = fileURLToPath(
  new URL('../docs/schema/watchfloor.v1.schema.json', import.meta.url),
);
export const SCHEMA_ID = 'urn:watchfloor:schema:watchfloor.v1';

const {
  ACTION_NAMES,
  EVENT_TYPES,
  MAX_FRAME_BYTES,
  RPC_ERRORS,
  SUBPROTOCOL,
  actionArgsSchemas,
  actionStatusSchema,
  consoleRequestSchema,
  endpointNotificationSchema,
  helloResultSchema,
  rpcResponseSchema,
  submitResultSchema,
} = protocol;

/** Exported zod schemas that are not part of the wire format. */
const NOT_ON_THE_WIRE: Record<string, string> = {
  actionStateSchema: 'console-side action states (pending, unknown, ...), never sent',
  id: 'the identifier primitive, inlined wherever it is used',
};

/** JSON Schema equivalents of the refinements in shared/protocol. */
const REFINEMENTS = new Map<z.core.$ZodType, JsonSchema>([
  [actionArgsSchemas['capacity.scale'].shape.change, { not: { const: 0 } }],
  // Depth and size are not expressible in JSON Schema; the width of the top level is.
  [protocol.freeFormObjectSchema, { maxProperties: protocol.JSON_LIMITS.members }],
  [protocol.freeFormValueSchema, {}],
]);

const DESCRIPTIONS: Record<string, string> = {
  FreeFormObject:
    'Free-form JSON object (event data, procedure args): at most 8 levels deep, 1,000 members per object or array and 64 KiB as JSON (docs/protocol.md, limits); the console rejects a frame that breaks them.',
  FreeFormValue: 'Free-form JSON value (error data), within the same limits as FreeFormObject.',
  EndpointFrame:
    'Any frame an endpoint sends: a notification, or the response to a console request.',
  ConsoleFrame: 'Any frame a console sends: a request (the console sends no notifications).',
  EndpointNotification: 'A JSON-RPC 2.0 notification (no id) from the endpoint.',
  ConsoleRequest:
    'A JSON-RPC 2.0 request from the console; the endpoint answers each with a response of the same id.',
  CatalogNotification:
    'The metric catalog: what each series is. Sent after the hello response and whenever it changes.',
  SamplesNotification: 'Samples in compact per-series batches of [epochMs, value] points.',
  SeriesErrorNotification: 'A per-series error (a failing query, say); absent message clears it.',
  DeploymentsSnapshotNotification:
    'The complete deployment state at a resourceVersion: replaces whatever the console holds.',
  DeploymentsChangeNotification:
    'One service changed (or was removed) at a resourceVersion; the console ignores changes not newer than what it holds.',
  EventNotification: 'One event, as a CloudEvents 1.0 JSON object.',
  ActionStatusNotification:
    'An action lifecycle step: accepted, running, succeeded, failed or cancelled.',
  HelloRequest: 'The first frame the console sends on a new connection.',
  ActionSubmitRequest: 'Asks the endpoint to carry out an action, once per idempotency key.',
  ActionGetRequest: 'Asks what became of an action (after a reconnect, say).',
  HelloResponse: 'The success response to hello.',
  ActionSubmitResponse: 'The success response to action.submit.',
  ActionGetResponse: 'The success response to action.get.',
  RpcResponse:
    'A JSON-RPC 2.0 response: `result` on success, `error` on failure. `id` is the request id, or null when the request could not be read.',
  RpcError: `A JSON-RPC 2.0 error object. Codes: ${Object.entries(RPC_ERRORS)
    .map(([name, code]) => `${code} ${name}`)
    .join(', ')}.`,
  HelloParams: 'The params of the hello request.',
  HelloResult: 'The result of the hello request.',
  CatalogParams: 'The params of the catalog notification.',
  SamplesParams: 'The params of the samples notification.',
  SeriesErrorParams: 'The params of the series.error notification.',
  DeploymentsSnapshot: 'The params of the deployments.snapshot notification.',
  DeploymentsChange:
    'The params of the deployments.change notification: `service` (as it is now) to upsert, or `removed` (a service id) to delete.',
  ActionSubmitParams:
    'The params of action.submit: an idempotency key, who and why, and one action with its args.',
  ActionGetParams: 'The params of action.get.',
  ActionCall: 'One action name with the args that action takes.',
  ActionName: 'The actions of watchfloor.v1.',
  ActionDescriptor: 'An action the endpoint offers, as announced in the hello result.',
  ActionStatus:
    'What the endpoint reports of an action, in action.status notifications and action.get results.',
  SubmitResult: 'The result of action.submit: accepted, or rejected with a reason.',
  SeriesInfo: 'One catalog entry: a time series and how to read it.',
  Level: 'The band of the wall a series belongs to.',
  Thresholds: 'When a series is in warning or critical.',
  Procedure: 'A suggested action for when a series crosses a threshold.',
  SampleBatch: 'Points of one series, oldest first, strictly increasing in time.',
  Point: '[time, value]: time in Unix epoch milliseconds, value a finite number.',
  ServiceState: 'One service and its environments.',
  EnvironmentState: 'One environment of a service: version, history, status, rings, flags.',
  BuildState: 'The latest build of an environment.',
  Ring: 'A ring of users in a progressive rollout.',
  Flag: 'A feature flag, on or off per ring (`*` is the global default).',
  CloudEvent: `A CloudEvents 1.0 event (JSON format). Types of watchfloor.v1: ${EVENT_TYPES.join(', ')}; or a reverse-DNS type of the endpoint's own.`,
  ...Object.fromEntries(
    ACTION_NAMES.map((name) => [`${pascal(name)}Args`, `The args of the ${name} action.`]),
  ),
};

/** `deploymentsChangeSchema` → `DeploymentsChange`; `deploy.rollback` → `DeployRollback`. */
function pascal(name: string): string {
  return name
    .replace(/Schema$/, '')
    .split('.')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** The literal value of a union option's `method` member. */
function methodOf(option: z.ZodObject): string {
  const method = option.shape.method;
  if (!(method instanceof z.ZodLiteral) || typeof method.value !== 'string') {
    throw new Error('a protocol union option has no literal method');
  }
  return method.value;
}

/** Every $def: name → zod schema. */
function definitions(): Map<string, z.ZodType> {
  const defs = new Map<string, z.ZodType>();
  const add = (name: string, schema: z.ZodType) => {
    if (defs.has(name)) throw new Error(`two schemas want the $def name ${name}`);
    if ([...defs.values()].includes(schema)) throw new Error(`${name} is already a $def`);
    defs.set(name, schema);
  };
  for (const [name, value] of Object.entries(protocol)) {
    if (isZodSchema(value) && !(name in NOT_ON_THE_WIRE)) add(pascal(name), value);
  }
  for (const name of ACTION_NAMES) add(`${pascal(name)}Args`, actionArgsSchemas[name]);
  for (const option of endpointNotificationSchema.options) {
    add(`${pascal(methodOf(option))}Notification`, option);
  }
  for (const option of consoleRequestSchema.options) {
    add(`${pascal(methodOf(option))}Request`, option);
  }
  // The result type of a response depends on the request it answers, so the
  // generic RpcResponse leaves `result` open; these name it per method.
  const success = rpcResponseSchema.options[0];
  add('HelloResponse', success.extend({ result: helloResultSchema }));
  add('ActionSubmitResponse', success.extend({ result: submitResultSchema }));
  add('ActionGetResponse', success.extend({ result: actionStatusSchema }));
  add('EndpointFrame', z.union([endpointNotificationSchema, rpcResponseSchema]));
  // A console sends requests only; the union leaves room for more kinds.
  add('ConsoleFrame', z.union([consoleRequestSchema]));
  return defs;
}

/** Applies REFINEMENTS; fails on a refinement that has no entry there. */
function refinementOverride(ctx: {
  zodSchema: z.core.$ZodTypes;
  jsonSchema: JsonSchema;
  path: (string | number)[];
}): void {
  const checks = (ctx.zodSchema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  if (!checks.some((check) => check._zod.def.check === 'custom')) return;
  const equivalent = REFINEMENTS.get(ctx.zodSchema);
  if (!equivalent) {
    throw new Error(
      `a refinement at ${ctx.path.join('.') || '(root)'} has no JSON Schema equivalent: add one to REFINEMENTS in scripts/generate-schema.ts`,
    );
  }
  Object.assign(ctx.jsonSchema, equivalent);
}

/** Keywords in a fixed, readable order; others follow in their original order. */
const KEYWORD_ORDER = [
  '$schema',
  '$id',
  'title',
  'description',
  '$ref',
  'type',
  'const',
  'enum',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'exclusiveMinimum',
  'maximum',
  'exclusiveMaximum',
  'multipleOf',
  'not',
  'prefixItems',
  'items',
  'minItems',
  'maxItems',
  'properties',
  'required',
  'propertyNames',
  'additionalProperties',
  'oneOf',
  'anyOf',
  'allOf',
];
/** Keywords whose value maps names to schemas: the names keep their order. */
const SCHEMA_MAPS = new Set(['properties', '$defs', 'patternProperties', 'dependentSchemas']);

function normalize(value: unknown, mapOfSchemas = false): unknown {
  if (Array.isArray(value)) return value.map((item) => normalize(item));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value as JsonSchema);
  if (mapOfSchemas) return Object.fromEntries(entries.map(([k, v]) => [k, normalize(v)]));
  const rank = (key: string) => {
    const at = KEYWORD_ORDER.indexOf(key);
    return at < 0 ? KEYWORD_ORDER.length : at;
  };
  const sorted = entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => rank(a.entry[0]) - rank(b.entry[0]) || a.index - b.index)
    .map(({ entry: [key, v] }) => [key, normalize(v, SCHEMA_MAPS.has(key))]);
  return Object.fromEntries(sorted);
}

/** The whole JSON Schema document, as an object. */
export function buildSchema(): JsonSchema {
  const defs = definitions();
  for (const name of defs.keys()) {
    if (!DESCRIPTIONS[name]) throw new Error(`no description for $def ${name}`);
  }
  for (const name of Object.keys(DESCRIPTIONS)) {
    if (!defs.has(name)) throw new Error(`a description for ${name}, which is no $def`);
  }
  const registry = z.registry<{ id: string; description: string }>();
  for (const [name, schema] of defs) {
    registry.add(schema, { id: name, description: DESCRIPTIONS[name] as string });
  }
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    metadata: registry,
    uri: (id) => `#/$defs/${id}`,
    override: refinementOverride,
  });
  if ('__shared' in schemas) throw new Error('zod extracted shared $defs: register them by name');
  const $defs: Record<string, JsonSchema> = {};
  for (const name of [...defs.keys()].sort()) {
    // Each def comes out as a document of its own: drop its $schema and $id.
    const schema = { ...(schemas[name] as JsonSchema) };
    delete schema.$schema;
    delete schema.$id;
    $defs[name] = schema;
  }
  return normalize({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: SUBPROTOCOL,
    description: [
      `The ${SUBPROTOCOL} wire protocol between a Watchfloor console and an endpoint:`,
      `WebSocket subprotocol "${SUBPROTOCOL}", one JSON-RPC 2.0 object per text frame,`,
      `at most ${MAX_FRAME_BYTES} bytes. Validate frames from an endpoint against`,
      '#/$defs/EndpointFrame and frames from a console against #/$defs/ConsoleFrame;',
      'the root accepts either. See docs/protocol.md. Generated from shared/protocol/index.ts',
      'by scripts/generate-schema.ts: do not edit.',
    ].join(' '),
    oneOf: [{ $ref: '#/$defs/EndpointFrame' }, { $ref: '#/$defs/ConsoleFrame' }],
    $defs,
  }) as JsonSchema;
}

/** The file's exact text: 2-space indent, trailing newline. */
export function renderSchema(): string {
  return `${JSON.stringify(buildSchema(), null, 2)}\n`;
}

function main(argv: string[]): number {
  const text = renderSchema();
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // missing: reported below as out of date
    }
    if (current === text) return 0;
    console.error(`${SCHEMA_FILE} is out of date: run npx tsx scripts/generate-schema.ts`);
    return 1;
  }
  mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
  writeFileSync(SCHEMA_FILE, text);
  console.log(`wrote ${SCHEMA_FILE}`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
