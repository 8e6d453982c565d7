// §3's turn-taking, shared by every bridge: hello comes first and once per
// connection. A request out of turn is answered -32600 and changes nothing.
import { RPC_ERRORS } from '../../shared/protocol';

export interface TurnRefusal {
  code: number;
  message: string;
}

/** The refusal for `method` on a connection that has (or has not) said hello; undefined when in turn. */
export function outOfTurn(method: string, greeted: boolean): TurnRefusal | undefined {
  if (method === 'hello' && greeted)
    return {
      code: RPC_ERRORS.invalidRequest,
      message: 'hello was already answered on this connection',
    };
  if (method !== 'hello' && !greeted)
    return { code: RPC_ERRORS.invalidRequest, message: `say hello before ${method}` };
  return undefined;
}
