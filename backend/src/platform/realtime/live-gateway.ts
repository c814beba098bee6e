import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { Server, type Socket } from 'socket.io';
import { z } from 'zod';
import type { ClientToServerEvents, ServerToClientEvents, SubscriptionAck } from '@eduplatform/contracts';
import type { AuthUser } from '../auth/auth-user.js';
import { JwtService } from '../auth/jwt.service.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { SqlPool } from '../database/pg-pool.js';
import { SQL_POOL } from '../platform.module.js';
import { createRedis } from '../queue/redis.js';
import { forgetSocketServer, measureSocketServer } from '../metrics/realtime-metrics.js';
import { rooms, socketChannel } from './rooms.js';

type LiveSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, { user: AuthUser }>;

const courseRequest = z.object({ course_id: z.uuid() });

/**
 * Socket.IO on the site's own origin. The JWT is checked at the handshake; each socket joins its user's
 * room; course owners may join their course's dashboard room, anyone signed in may follow a course page.
 * The Redis adapter lets every api replica deliver every event.
 */
@Injectable()
export class LiveGateway implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(LiveGateway.name);
  private io?: Server<ClientToServerEvents, ServerToClientEvents>;
  private readonly pub: Redis;
  private readonly sub: Redis;

  constructor(
    private readonly http: HttpAdapterHost,
    private readonly jwt: JwtService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SQL_POOL) private readonly pool: SqlPool,
  ) {
    this.pub = createRedis(config);
    this.sub = createRedis(config);
  }

  onApplicationBootstrap(): void {
    const io = new Server<ClientToServerEvents, ServerToClientEvents>(this.http.httpAdapter.getHttpServer(), {
      path: '/socket.io',
      transports: ['websocket'],
      serveClient: false,
      adapter: createAdapter(this.pub, this.sub, { key: socketChannel(this.config) }),
    });
    io.use((socket, next) => {
      const token: unknown = socket.handshake.auth?.token;
      try {
        if (typeof token !== 'string' || token.length === 0) throw new Error('missing token');
        (socket as LiveSocket).data.user = this.jwt.authenticate(token);
        next();
      } catch {
        next(new Error('unauthorized'));
      }
    });
    io.on('connection', (raw) => this.onConnection(raw as LiveSocket));
    measureSocketServer(io);
    this.io = io;
  }

  private onConnection(socket: LiveSocket): void {
    const user = socket.data.user;
    void socket.join(rooms.user(user.id));
    socket.on('dashboard.subscribe', (request, ack) =>
      this.answer(ack, request, async (courseId) => {
        if (!(await this.mayWatchDashboard(user, courseId)))
          return { ok: false, error: 'Only the course owner may watch its dashboard' };
        await socket.join(rooms.dashboard(courseId));
        return { ok: true };
      }),
    );
    socket.on('dashboard.unsubscribe', (request, ack) =>
      this.answer(ack, request, async (courseId) => {
        await socket.leave(rooms.dashboard(courseId));
        return { ok: true };
      }),
    );
    socket.on('course.follow', (request, ack) =>
      this.answer(ack, request, async (courseId) => {
        await socket.join(rooms.course(courseId));
        return { ok: true };
      }),
    );
    socket.on('course.unfollow', (request, ack) =>
      this.answer(ack, request, async (courseId) => {
        await socket.leave(rooms.course(courseId));
        return { ok: true };
      }),
    );
  }

  /** Validates a `{course_id}` request and always acknowledges, whatever the client sent. */
  private answer(ack: unknown, request: unknown, handle: (courseId: string) => Promise<SubscriptionAck>): void {
    const reply = typeof ack === 'function' ? (ack as (result: SubscriptionAck) => void) : () => undefined;
    const parsed = courseRequest.safeParse(request);
    if (!parsed.success) return reply({ ok: false, error: 'course_id must be a UUID' });
    handle(parsed.data.course_id).then(reply, (error: Error) => {
      this.logger.error(`live subscription failed: ${error.message}`);
      reply({ ok: false, error: 'Subscription failed' });
    });
  }

  /** Asked of the course service's own table: a teacher opening a course's dashboard the moment it was created
   *  must not be refused because the catalog's read model has not caught up yet. */
  private async mayWatchDashboard(user: AuthUser, courseId: string): Promise<boolean> {
    if (user.role === 'admin') return true;
    const { rows } = await this.pool.query<{ teacher_id: string }>(
      'SELECT teacher_id FROM course.courses WHERE id = $1',
      [courseId],
    );
    return rows[0]?.teacher_id === user.id;
  }

  /**
   * Before the HTTP server closes: an open websocket would keep it from closing. Disconnected clients
   * reconnect to another replica and refetch, so nothing is missed.
   */
  beforeApplicationShutdown(): void {
    if (!this.io) return;
    forgetSocketServer(this.io);
    this.io.local.disconnectSockets(true);
    this.io.engine.close();
  }

  async onApplicationShutdown(): Promise<void> {
    // The HTTP server itself is closed by the application; only the Redis clients are left.
    await Promise.allSettled([this.pub.quit(), this.sub.quit()]);
  }
}
