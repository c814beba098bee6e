import type { AppConfig } from '../config/config.js';

/** Socket.IO rooms: one per user, one per course dashboard (owner only), one per public course page. */
export const rooms = {
  user: (userId: string) => `user:${userId}`,
  dashboard: (courseId: string) => `dashboard:${courseId}`,
  course: (courseId: string) => `course:${courseId}`,
};

/** The Redis channel prefix shared by the api replicas' adapter and the workers' emitter. */
export function socketChannel(config: AppConfig): string {
  return `${config.REDIS_PREFIX}:socket.io`;
}
