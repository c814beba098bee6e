import { describe, expect, it } from 'vitest';
import { toDomainEvent } from '../src/platform/outbox/outbox-schemas.js';
import type { EventMap } from './event-catalogue.js';
import { CourseEvents } from './course/course.events.js';
import { EnrollmentEvents, type EnrollmentState } from './enrollment/enrollment.events.js';
import { NotificationEvents } from './notification/notification.events.js';

/** The payload toDomainEvent makes of an outbox row of `type` that holds `stored`. */
const read = (type: string, stored: object) =>
  toDomainEvent({
    position: 1,
    event_id: 'e-1',
    event_type: type,
    aggregate_type: 'Any',
    aggregate_id: 'a-1',
    aggregate_version: 3,
    payload: stored,
    occurred_at: new Date('2026-03-01T10:00:00.000Z'),
  }).payload;

describe('course.CurriculumRevised upcaster', () => {
  const current: EventMap[typeof CourseEvents.CurriculumRevised] = {
    courseId: 'c-1',
    modules: [
      {
        moduleId: 'm-1',
        title: 'Basics',
        order: 1,
        lessons: [
          {
            lessonId: 'l-1',
            title: 'Hello',
            videoUrl: 'https://v.example/1',
            durationMinutes: 5,
            order: 1,
            isPreview: true,
          },
          { lessonId: 'l-2', title: 'Next', videoUrl: null, durationMinutes: 0, order: 2, isPreview: false },
        ],
      },
    ],
  };

  it('reads the curriculum an outbox holds in the API shape (module course_id and lesson module_id go)', () => {
    const stored = {
      courseId: 'c-1',
      modules: [
        {
          id: 'm-1',
          course_id: 'c-1',
          title: 'Basics',
          order: 1,
          lessons: [
            {
              id: 'l-1',
              module_id: 'm-1',
              title: 'Hello',
              video_url: 'https://v.example/1',
              duration_minutes: 5,
              order: 1,
              is_preview: true,
            },
            {
              id: 'l-2',
              module_id: 'm-1',
              title: 'Next',
              video_url: null,
              duration_minutes: 0,
              order: 2,
              is_preview: false,
            },
          ],
        },
      ],
    };
    expect(read(CourseEvents.CurriculumRevised, stored)).toEqual(current);
  });

  it('leaves a current curriculum, and an empty one, as they are', () => {
    expect(read(CourseEvents.CurriculumRevised, current)).toEqual(current);
    expect(read(CourseEvents.CurriculumRevised, { courseId: 'c-1', modules: [] })).toEqual({
      courseId: 'c-1',
      modules: [],
    });
  });
});

describe('enrollment.LessonCompleted upcaster', () => {
  const enrollment: EnrollmentState = {
    enrollmentId: 'en-1',
    studentId: 's-1',
    courseId: 'c-1',
    paymentId: null,
    status: 'in_progress',
    enrolledAt: '2026-03-01T09:00:00.000Z',
    completedAt: null,
    certificateId: null,
  };
  const completion = { enrollment, completionId: 'lc-1', lessonId: 'l-1', completedAt: '2026-03-01T10:00:00.000Z' };
  const current: EventMap[typeof EnrollmentEvents.LessonCompleted] = {
    ...completion,
    progress: { completedLessons: 1, totalLessons: 4, percentage: 25, status: 'in_progress' },
  };

  it('reads progress an outbox holds in the API shape', () => {
    const stored = {
      ...completion,
      progress: { completed_lessons: 1, total_lessons: 4, percentage: 25, status: 'in_progress' },
    };
    expect(read(EnrollmentEvents.LessonCompleted, stored)).toEqual(current);
  });

  it('leaves current progress as it is', () => {
    expect(read(EnrollmentEvents.LessonCompleted, current)).toEqual(current);
  });
});

describe('notification.NotificationCreated upcaster', () => {
  const current: EventMap[typeof NotificationEvents.NotificationCreated] = {
    notificationId: 'n-1',
    userId: 'u-1',
    type: 'welcome',
    title: 'Welcome',
    body: 'Hi',
    createdAt: '2026-03-01T10:00:00.000Z',
  };

  it('reads the notification view an outbox holds (is_read goes: a new notification is unread)', () => {
    const stored = {
      id: 'n-1',
      user_id: 'u-1',
      type: 'welcome',
      title: 'Welcome',
      body: 'Hi',
      is_read: false,
      created_at: '2026-03-01T10:00:00.000Z',
    };
    expect(read(NotificationEvents.NotificationCreated, stored)).toEqual(current);
  });

  it('leaves a current payload as it is', () => {
    expect(read(NotificationEvents.NotificationCreated, current)).toBe(current);
  });
});

describe('notification.NotificationRead upcaster', () => {
  it('reads the API-shaped payload an outbox holds, and leaves a current one as it is', () => {
    const current = { notificationId: 'n-1', userId: 'u-1' };
    expect(read(NotificationEvents.NotificationRead, { id: 'n-1', user_id: 'u-1' })).toEqual(current);
    expect(read(NotificationEvents.NotificationRead, current)).toBe(current);
  });
});

describe('events without an upcaster', () => {
  it('keep their stored payload', () => {
    const stored = { enrollment: { enrollmentId: 'en-1' } };
    expect(read(EnrollmentEvents.StudentEnrolled, stored)).toBe(stored);
  });
});
