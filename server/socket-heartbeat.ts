/**
 * Heartbeats: every interval each socket is pinged, and one that answered
 * none of the last two pings is cut off, so its partner is freed within
 * three intervals of a silent disconnect (a closed laptop lid, a lost network).
 */
import type { Clock } from './clock';
import type { Connection } from './signaling-messages';

export function startHeartbeat(connections: Iterable<Connection>, clock: Clock, intervalMs: number): () => void {
  return clock.every(intervalMs, () => {
    for (const connection of connections) {
      if (connection.unansweredPings >= 2) {
        connection.socket.terminate();
        continue;
      }
      connection.unansweredPings += 1;
      connection.socket.ping();
    }
  });
}

/** Call from the socket's "pong" event. */
export function answeredPing(connection: Connection): void {
  connection.unansweredPings = 0;
}
