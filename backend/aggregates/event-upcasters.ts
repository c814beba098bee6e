import type { DomainEvent } from '../src/platform/domain/domain-event.js';
import { handlerMap } from '../src/platform/projection/projection.js';
import type { EventMap } from './event-catalogue.js';
import { CourseEvents, type CurriculumModule } from './course/course.events.js';
import { EnrollmentEvents, type LessonCompletedPayload, type Progress } from './enrollment/enrollment.events.js';
import {
  NotificationEvents,
  type NotificationCreatedPayload,
  type NotificationReadPayload,
} from './notification/notification.events.js';

// Shapes outboxes still hold: until these payloads took the domain's names they were stored in the API's.

interface ApiCurriculumModule {
  id: string;
  course_id: string;
  title: string;
  order: number;
  lessons: {
    id: string;
    module_id: string;
    title: string;
    video_url: string | null;
    duration_minutes: number;
    order: number;
    is_preview: boolean;
  }[];
}

interface ApiProgress {
  completed_lessons: number;
  total_lessons: number;
  percentage: number;
  status: Progress['status'];
}

interface ApiNotification {
  id: string;
  user_id: string;
  type: string;
  title: string;
  body: string;
  is_read: boolean;
  created_at: string;
}

/** The payloads an outbox may hold for the event types that changed shape: the current shape or an earlier one. */
interface StoredPayloads {
  [CourseEvents.CurriculumRevised]: { courseId: string; modules: (CurriculumModule | ApiCurriculumModule)[] };
  [EnrollmentEvents.LessonCompleted]: Omit<LessonCompletedPayload, 'progress'> & { progress: Progress | ApiProgress };
  [NotificationEvents.NotificationCreated]: NotificationCreatedPayload | ApiNotification;
  [NotificationEvents.NotificationRead]: NotificationReadPayload | Pick<ApiNotification, 'id' | 'user_id'>;
}

/** Each upcaster reads a stored payload of its event type and returns it in the catalogue's current shape. */
type Upcasters = { [K in keyof StoredPayloads]: (event: DomainEvent<K, StoredPayloads[K]>) => EventMap[K] };

const upcasters = {
  [CourseEvents.CurriculumRevised]: ({ payload: { courseId, modules } }) => ({
    courseId,
    modules: modules.map((module) =>
      'moduleId' in module
        ? module
        : {
            moduleId: module.id,
            title: module.title,
            order: module.order,
            lessons: module.lessons.map((lesson) => ({
              lessonId: lesson.id,
              title: lesson.title,
              videoUrl: lesson.video_url,
              durationMinutes: lesson.duration_minutes,
              order: lesson.order,
              isPreview: lesson.is_preview,
            })),
          },
    ),
  }),

  [EnrollmentEvents.LessonCompleted]: ({ payload: { progress, ...completion } }) => ({
    ...completion,
    progress:
      'completedLessons' in progress
        ? progress
        : {
            completedLessons: progress.completed_lessons,
            totalLessons: progress.total_lessons,
            percentage: progress.percentage,
            status: progress.status,
          },
  }),

  // `is_read` goes: a notification is created unread.
  [NotificationEvents.NotificationCreated]: ({ payload }) =>
    'notificationId' in payload
      ? payload
      : {
          notificationId: payload.id,
          userId: payload.user_id,
          type: payload.type,
          title: payload.title,
          body: payload.body,
          createdAt: payload.created_at,
        },

  [NotificationEvents.NotificationRead]: ({ payload }) =>
    'notificationId' in payload ? payload : { notificationId: payload.id, userId: payload.user_id },
} satisfies Upcasters;

/**
 * Event type → its upcaster, for the event types whose payload changed shape. Every event read from an outbox
 * goes through it (toDomainEvent: the relay, the reconciler, replays of failed events), so projections and
 * policies only ever see the current shape. A payload already in it comes back as it is.
 */
export const EVENT_UPCASTERS = handlerMap<StoredPayloads, [], object>(upcasters);
