// The one way the browser host says no to a request: a status and a line of text.
import type { ServerResponse } from 'node:http';

export function refuse(res: ServerResponse, status: number, message: string): void {
  if (res.headersSent) return void res.destroy();
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.end(message);
}
