import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@eduplatform/contracts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A real Socket.IO client over websocket; resolves once connected, rejects with the server's refusal. */
export function connectLive(baseUrl: string, token: string | undefined): Promise<LiveSocket> {
  const socket: LiveSocket = io(baseUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: token === undefined ? {} : { token },
    reconnection: false,
    forceNew: true,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Collects every payload of `event` a socket receives, to assert on later. */
export function record<E extends keyof ServerToClientEvents>(
  socket: LiveSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const received: Parameters<ServerToClientEvents[E]>[0][] = [];
  // Socket.IO's typed `on` cannot follow a generic event name; the map above fixes the payload type.
  (socket.on as (name: E, listener: (payload: Parameters<ServerToClientEvents[E]>[0]) => void) => void)(
    event,
    (payload) => {
      received.push(payload);
    },
  );
  return received;
}

/** Waits until `check` passes (live events arrive after projections commit). */
export async function eventually(check: () => void, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}
