// Builds the renderer's ConsoleApi from the contract: one function per method,
// each sending its positional args and parsing the reply with the method's
// result schema. The bridges supply only how a call travels.
import {
  CONSOLE_CONTRACT,
  CONSOLE_METHODS,
  type ConsoleApi,
  type ConsoleCalls,
  type ConsoleMethod,
} from '../../../shared/api/contract';
import type { ConsoleDelta } from '../../../shared/api/console-state';
import type { ResultParser } from './bridge-connection';

export type SendCall = (
  method: ConsoleMethod,
  args: unknown[],
  result: ResultParser<unknown>,
) => Promise<unknown>;

export function contractApi(
  send: SendCall,
  onDelta: (listener: (delta: ConsoleDelta) => void) => () => void,
): ConsoleApi {
  const calls = Object.fromEntries(
    CONSOLE_METHODS.map((method) => [
      method,
      (...args: unknown[]) => send(method, args, CONSOLE_CONTRACT[method].result),
    ]),
  ) as unknown as ConsoleCalls;
  return { ...calls, onDelta };
}
