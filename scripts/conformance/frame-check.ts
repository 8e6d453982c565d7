// Checks one frame an endpoint sent, twice: with the published JSON Schema
// (docs/schema/watchfloor.v1.schema.json, through Ajv) and with the zod
// schemas the console itself validates with (shared/protocol). An endpoint
// author sees both verdicts, so a disagreement between the two shows too.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import type { z } from 'zod';
import {
  MAX_FRAME_BYTES,
  endpointNotificationSchema,
  frameDepthProblem,
  rpcResponseSchema,
} from '../../shared/protocol';

const SCHEMA_FILE = fileURLToPath(
  new URL('../../docs/schema/watchfloor.v1.schema.json', import.meta.url),
);
const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as { $id: string };
// date-time is also checked by a pattern in the schema (docs/protocol.md §1).
const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true } });
ajv.addSchema(schema);

function schemaDef(name: string): ValidateFunction {
  const validate = ajv.getSchema(`${schema.$id}#/$defs/${name}`);
  if (!validate) throw new Error(`${SCHEMA_FILE} has no $def ${name}`);
  return validate;
}

/** Why `value` fails the JSON Schema $def `name`, or undefined. */
export function jsonSchemaProblem(name: string, value: unknown): string | undefined {
  const validate = schemaDef(name);
  if (validate(value)) return undefined;
  return `JSON Schema ${name}: ${ajv.errorsText(validate.errors?.slice(0, 3))}`;
}

/** Why `value` fails a zod schema of shared/protocol, or undefined. */
export function zodProblem(
  label: string,
  zodSchema: z.ZodType,
  value: unknown,
): string | undefined {
  const parsed = zodSchema.safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return `zod ${label}: ${path ? `${path}: ` : ''}${issue?.message ?? 'does not match'}`;
}

/**
 * Both verdicts on a response: the whole frame against the JSON Schema's
 * `frameDef` (HelloResponse, ...), its result against the console's zod schema.
 */
export function responseProblem(
  frameDef: string,
  reply: { frame: { value?: unknown }; result?: unknown },
  resultLabel: string,
  resultSchema: z.ZodType,
): string | undefined {
  const problems = [
    jsonSchemaProblem(frameDef, reply.frame.value),
    zodProblem(resultLabel, resultSchema, reply.result),
  ];
  const found = problems.filter((p): p is string => p !== undefined);
  return found.length > 0 ? found.join('; ') : undefined;
}

export interface CheckedFrame {
  /** When it arrived (epoch ms). */
  at: number;
  bytes: number;
  binary: boolean;
  /** The parsed JSON, when it parsed. */
  value?: unknown;
  method?: string;
  /** Set for responses. */
  id?: number | null;
  /** Framing problems (§1): size, binary, not JSON, a batch, too deep. */
  framing: string[];
  /** Schema problems: EndpointFrame through Ajv, and the console's zod schemas. */
  schema: string[];
}

/** Everything the console would check on a raw frame before acting on it. */
export function checkFrame(data: Buffer, binary: boolean, at = Date.now()): CheckedFrame {
  const frame: CheckedFrame = { at, bytes: data.byteLength, binary, framing: [], schema: [] };
  if (binary) frame.framing.push('binary frame (watchfloor.v1 uses text frames only)');
  if (frame.bytes > MAX_FRAME_BYTES) {
    frame.framing.push(`frame of ${frame.bytes} bytes exceeds ${MAX_FRAME_BYTES}`);
  }
  try {
    frame.value = JSON.parse(data.toString('utf8')) as unknown;
  } catch (err) {
    frame.framing.push(`not JSON: ${(err as Error).message}`);
    return frame;
  }
  const value = frame.value;
  if (Array.isArray(value)) frame.framing.push('a JSON-RPC batch (array): not allowed');
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return frame;
  const tooDeep = frameDepthProblem(value);
  if (tooDeep) frame.framing.push(`frame ${tooDeep}`);
  const { method, id } = value as { method?: unknown; id?: unknown };
  if (typeof method === 'string') frame.method = method;
  if (typeof id === 'number' || id === null) frame.id = id;
  const asJsonSchema = jsonSchemaProblem('EndpointFrame', value);
  if (asJsonSchema) frame.schema.push(asJsonSchema);
  const asZod =
    'method' in value
      ? zodProblem(`${String(method)} notification`, endpointNotificationSchema, value)
      : zodProblem('response', rpcResponseSchema, value);
  if (asZod) frame.schema.push(asZod);
  return frame;
}

/** One line about a frame: its method or id, and its first problem. */
export function describeFrame(frame: CheckedFrame): string {
  const what = frame.method ? `'${frame.method}' frame` : `response (id ${String(frame.id)})`;
  const problem = [...frame.framing, ...frame.schema][0];
  return problem ? `${what}: ${problem}` : what;
}
