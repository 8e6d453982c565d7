// Closing an endpoint's WebSocket server: consoles that do not finish the
// closing handshake promptly are cut off, so a stop never hangs on one.
import type { WebSocketServer } from 'ws';

export function closeServer(server: WebSocketServer, cutoffMs = 1_000): Promise<void> {
  return new Promise((resolve) => {
    const cutoff = setTimeout(() => {
      for (const socket of server.clients) socket.terminate();
    }, cutoffMs);
    server.close(() => {
      clearTimeout(cutoff);
      resolve();
    });
  });
}
