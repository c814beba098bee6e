import { Counter, Gauge } from 'prom-client';
import type { Server } from 'socket.io';
import type { ServerToClientEvents } from '@eduplatform/contracts';
import { rooms } from '../realtime/rooms.js';
import { registry } from './metrics.js';

type RoomKind = keyof typeof rooms;
const ROOM_KINDS = Object.keys(rooms) as RoomKind[];

/** Every live event name, checked against the contract so a new event cannot be missed here. */
const LIVE_EVENTS: Record<keyof ServerToClientEvents, true> = {
  'progress.updated': true,
  'notification.created': true,
  'course.stats': true,
  'course.rating': true,
};

/** Rooms are named `<kind>:<id>`; a socket's own room (its id) is not one of ours. */
function kindOf(room: string): RoomKind | undefined {
  const kind = room.slice(0, room.indexOf(':'));
  return (ROOM_KINDS as string[]).includes(kind) ? (kind as RoomKind) : undefined;
}

const servers = new Set<Server>();

new Gauge({
  name: 'socketio_connected_clients',
  help: 'Socket.IO clients connected to this api process',
  registers: [registry],
  collect() {
    this.set([...servers].reduce((n, io) => n + io.engine.clientsCount, 0));
  },
});

new Gauge({
  name: 'socketio_rooms',
  help: 'Rooms with at least one socket of this api process, by kind',
  labelNames: ['kind'] as const,
  registers: [registry],
  collect() {
    const counts = new Map<RoomKind, number>(ROOM_KINDS.map((k) => [k, 0]));
    for (const io of servers) {
      for (const room of io.of('/').adapter.rooms.keys()) {
        const kind = kindOf(room);
        if (kind) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
    for (const [kind, n] of counts) this.set({ kind }, n);
  },
});

const roomJoins = new Counter({
  name: 'socketio_room_joins_total',
  help: 'Sockets joining a room, by kind (user: on connect; dashboard and course: on request)',
  labelNames: ['kind'] as const,
  registers: [registry],
});
for (const kind of ROOM_KINDS) roomJoins.inc({ kind }, 0);

const eventsEmitted = new Counter({
  name: 'socketio_events_emitted_total',
  help: 'Live events sent to Socket.IO rooms (through the Redis emitter), by event',
  labelNames: ['event'] as const,
  registers: [registry],
});
for (const event of Object.keys(LIVE_EVENTS)) eventsEmitted.inc({ event }, 0);

/** Measures a Socket.IO server until `forgetSocketServer`: clients, rooms and joins. */
export function measureSocketServer(io: Server): void {
  servers.add(io);
  io.of('/').adapter.on('join-room', (room: string) => {
    const kind = kindOf(room);
    if (kind) roomJoins.inc({ kind });
  });
}

export function forgetSocketServer(io: Server): void {
  servers.delete(io);
}

export function countLiveEvent(event: keyof ServerToClientEvents): void {
  eventsEmitted.inc({ event });
}
