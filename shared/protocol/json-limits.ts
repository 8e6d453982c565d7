// Bounds on the free-form JSON an endpoint may send (event data, procedure
// args, error data, results). Without them one deeply nested event took the
// console down: every later serialisation of it overflowed the stack. The walk
// below is iterative, so measuring a hostile value cannot overflow either.
import { z } from 'zod';

export const JSON_LIMITS = {
  /** Nesting of a whole frame: objects and arrays inside each other. */
  frameDepth: 32,
  /** Nesting inside one free-form field (event data, procedure args). */
  depth: 8,
  /** Members of one object or items of one array inside a free-form field. */
  members: 1_000,
  /** A free-form field's size as JSON text, in bytes (UTF-8). */
  bytes: 64 * 1024,
} as const;

interface Shape {
  depth: number;
  members: number;
  /** JSON text size, counted only up to the first container past the limits. */
  bytes: number;
}

/** Depth, widest container and approximate JSON size, without recursion. */
function measure(value: unknown, stopAtDepth: number): Shape {
  const shape: Shape = { depth: 0, members: 0, bytes: 0 };
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop() as [unknown, number];
    if (typeof item === 'string') shape.bytes += utf8Length(item) + 2;
    else if (typeof item !== 'object' || item === null) shape.bytes += String(item).length;
    else {
      shape.depth = Math.max(shape.depth, depth);
      if (depth > stopAtDepth) return shape;
      const children: unknown[] = Array.isArray(item) ? item : Object.values(item);
      shape.members = Math.max(shape.members, children.length);
      shape.bytes += 2 + children.length;
      if (!Array.isArray(item)) for (const key in item) shape.bytes += utf8Length(key) + 3;
      for (const child of children) stack.push([child, depth + 1]);
    }
  }
  return shape;
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) bytes += code > 0x7ff && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
  }
  return bytes;
}

/** Why a whole frame is too deep to handle, or undefined. */
export function frameDepthProblem(value: unknown): string | undefined {
  const { depth } = measure(value, JSON_LIMITS.frameDepth);
  return depth > JSON_LIMITS.frameDepth
    ? `nested deeper than ${JSON_LIMITS.frameDepth} levels`
    : undefined;
}

/** Why a free-form value breaks the limits, or undefined. */
export function freeFormProblem(value: unknown): string | undefined {
  const shape = measure(value, JSON_LIMITS.depth);
  if (shape.depth > JSON_LIMITS.depth) return `nested deeper than ${JSON_LIMITS.depth} levels`;
  if (shape.members > JSON_LIMITS.members) {
    return `a container holds more than ${JSON_LIMITS.members} members`;
  }
  if (shape.bytes > JSON_LIMITS.bytes) return `larger than ${JSON_LIMITS.bytes} bytes as JSON`;
  return undefined;
}

/** A JSON object of any shape within JSON_LIMITS. */
export const freeFormObjectSchema = z.record(z.string(), z.unknown()).superRefine((value, ctx) => {
  const problem = freeFormProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** Any JSON value within JSON_LIMITS. */
export const freeFormValueSchema = z.unknown().superRefine((value, ctx) => {
  const problem = freeFormProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
