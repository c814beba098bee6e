/**
 * Generated from contracts/openapi.json by `npm run api:contract` (openapi-typescript); do not edit.
 * The answer shapes are the backend's zod schemas (backend/src/platform/http/responses.ts).
 */

export interface paths {
  '/api/identity/register': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RegisterUserController_register'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['LoginController_login'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['MeController_me'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/token/refresh': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['RefreshTokenController_refresh'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/admin/teachers/pending': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PendingTeachersController_pending'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/identity/admin/users/{user_id}/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['VerifyTeacherController_verify'];
    trace?: never;
  };
  '/api/course/courses': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CourseCatalogController_list'];
    put?: never;
    post: operations['CreateCourseController_create'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/courses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CourseCatalogController_get'];
    put: operations['UpdateCourseController_update'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/courses/{id}/publish': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PublishCourseController_publish'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/courses/{id}/modules': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AddModuleController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/modules/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['ModuleController_update'];
    post?: never;
    delete: operations['ModuleController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/modules/{id}/lessons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['AddLessonController_add'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/lessons/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['GetLessonController_get'];
    put: operations['LessonController_update'];
    post?: never;
    delete: operations['LessonController_remove'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/lessons/preview': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PreviewLessonController_preview'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/courses/my': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CourseCatalogController_my'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/courses/{id}/curriculum': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CurriculumController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/lessons/{id}/place': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LessonPlaceController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/courses/my/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CourseDashboardController_overview'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/courses/{id}/dashboard': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['CourseDashboardController_dashboard'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/reviews': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PostReviewController_post'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/reviews/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put: operations['EditReviewController_edit'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/course/reviews/course/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['ReviewsController_ofCourse'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/payment/payments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['PayForCourseController_pay'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/payment/payments/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PaymentsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/payment/payments/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['PaymentsController_get'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollment/enrollments': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['EnrollController_enroll'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollment/progress/lessons/{lesson_id}/complete': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['CompleteLessonController_complete'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollment/enrollments/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LearningProgressController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollment/enrollments/course/{id}/count': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LearningProgressController_count'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollment/progress/courses/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LearningProgressController_progress'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollment/progress/courses/{id}/lessons': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LearningProgressController_completedLessons'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/enrollment/certificates/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['LearningProgressController_certificate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notification/notifications/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get: operations['NotificationsController_mine'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/notification/notifications/{id}/read': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch: operations['NotificationsController_read'];
    trace?: never;
  };
  '/api/notification/notifications': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post: operations['NotificationsController_send'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    User: {
      /** Format: uuid */
      id: string;
      email: string;
      name: string;
      /** @enum {string} */
      role: 'student' | 'teacher' | 'admin';
      is_verified: boolean;
      /** Format: date-time */
      created_at: string;
    };
    Token: {
      access_token: string;
      /** @enum {string} */
      token_type: 'bearer';
    };
    PendingTeacher: {
      /** Format: uuid */
      id: string;
      email: string;
      name: string;
      /** Format: date-time */
      created_at: string;
    };
    PendingTeacherPage: {
      items: components['schemas']['PendingTeacher'][];
      total: number;
    };
    Module: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      course_id: string;
      title: string;
      order: number;
    };
    Lesson: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      module_id: string;
      /** Format: uuid */
      course_id: string;
      title: string;
      content: string;
      video_url: string | null;
      duration_minutes: number;
      order: number;
      is_preview: boolean;
    };
    Course: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      teacher_id: string;
      teacher_name: string;
      title: string;
      description: string;
      is_free: boolean;
      price: string;
      duration_minutes: number;
      /** @enum {string} */
      level: 'beginner' | 'intermediate' | 'advanced';
      avg_rating: number;
      review_count: number;
      enrollment_count: number;
      rating_histogram: number[];
      /** @enum {string} */
      status: 'draft' | 'published';
      /** Format: date-time */
      created_at: string;
    };
    CoursePage: {
      items: components['schemas']['Course'][];
      total: number;
    };
    CurriculumLesson: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      module_id: string;
      title: string;
      video_url?: string | null;
      duration_minutes: number;
      order: number;
      is_preview: boolean;
    };
    CurriculumModule: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      course_id: string;
      title: string;
      order: number;
      lessons: components['schemas']['CurriculumLesson'][];
    };
    Curriculum: {
      course: components['schemas']['Course'];
      modules: components['schemas']['CurriculumModule'][];
      total_lessons: number;
    };
    LessonPlace: {
      /** Format: uuid */
      id: string;
      title: string;
      /** Format: uuid */
      course_id: string;
      is_preview: boolean;
      course: components['schemas']['Course'];
    };
    CourseStats: {
      /** Format: uuid */
      course_id: string;
      enrollment_count: number;
      active_learners: number;
      completions: number;
      avg_rating: number;
      review_count: number;
      rating_histogram: number[];
      revenue: string;
    };
    DayCount: {
      /** Format: date */
      day: string;
      count: number;
    };
    FunnelStep: {
      /** Format: uuid */
      lesson_id: string;
      title: string;
      order: number;
      completed: number;
    };
    CourseDashboard: {
      /** Format: uuid */
      course_id: string;
      enrollment_count: number;
      active_learners: number;
      completions: number;
      avg_rating: number;
      review_count: number;
      rating_histogram: number[];
      revenue: string;
      enrollments_per_day: components['schemas']['DayCount'][];
      funnel: components['schemas']['FunnelStep'][];
    };
    CourseStatsWithTitle: {
      /** Format: uuid */
      course_id: string;
      enrollment_count: number;
      active_learners: number;
      completions: number;
      avg_rating: number;
      review_count: number;
      rating_histogram: number[];
      revenue: string;
      title: string;
    };
    DashboardOverview: {
      items: components['schemas']['CourseStatsWithTitle'][];
      totals: {
        enrollment_count: number;
        completions: number;
        revenue: string;
      };
    };
    LessonToRead: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      module_id: string;
      /** Format: uuid */
      course_id: string;
      title: string;
      content: string;
      video_url: string | null;
      duration_minutes: number;
      order: number;
      is_preview: boolean;
      content_html: string;
      /** Format: uuid */
      prev_lesson_id: string | null;
      /** Format: uuid */
      next_lesson_id: string | null;
    };
    LessonPreview: {
      content_html: string;
    };
    Enrollment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      student_id: string;
      /** Format: uuid */
      course_id: string;
      /** Format: uuid */
      payment_id: string | null;
      /** @enum {string} */
      status: 'enrolled' | 'in_progress' | 'completed';
      /** Format: date-time */
      enrolled_at: string;
    };
    Progress: {
      completed_lessons: number;
      total_lessons: number;
      percentage: number;
      /** @enum {string} */
      status: 'enrolled' | 'in_progress' | 'completed';
    };
    LessonCompletion: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      lesson_id: string;
      /** Format: uuid */
      course_id: string;
      /** Format: date-time */
      completed_at: string;
      /** Format: uuid */
      certificate_id: string | null;
      progress: components['schemas']['Progress'];
    };
    MyEnrollment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      student_id: string;
      /** Format: uuid */
      course_id: string;
      /** Format: uuid */
      payment_id: string | null;
      /** @enum {string} */
      status: 'enrolled' | 'in_progress' | 'completed';
      /** Format: date-time */
      enrolled_at: string;
      completed_lessons: number;
      total_lessons: number;
      percentage: number;
      course_title: string;
      /** Format: date-time */
      completed_at: string | null;
      /** Format: uuid */
      certificate_id: string | null;
    };
    MyEnrollmentPage: {
      items: components['schemas']['MyEnrollment'][];
      total: number;
    };
    CompletedLessons: {
      /** Format: uuid */
      course_id: string;
      completed_lesson_ids: string[];
    };
    CourseProgress: {
      /** Format: uuid */
      course_id: string;
      completed_lesson_ids: string[];
      completed_lessons: number;
      total_lessons: number;
      percentage: number;
      /** @enum {string} */
      status: 'enrolled' | 'in_progress' | 'completed';
      /** Format: uuid */
      certificate_id: string | null;
    };
    EnrollmentCount: {
      /** Format: uuid */
      course_id: string;
      count: number;
    };
    Certificate: {
      /** Format: uuid */
      id: string;
      student_name: string;
      /** Format: uuid */
      course_id: string;
      course_title: string;
      /** Format: date-time */
      completed_at: string;
    };
    Payment: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      student_id: string;
      /** Format: uuid */
      course_id: string;
      amount: string;
      /** @enum {string} */
      status: 'completed';
      /** Format: date-time */
      created_at: string;
    };
    PaymentPage: {
      items: components['schemas']['Payment'][];
      total: number;
    };
    Notification: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      user_id: string;
      type: string;
      title: string;
      body: string;
      is_read: boolean;
      /** Format: date-time */
      created_at: string;
    };
    NotificationPage: {
      items: components['schemas']['Notification'][];
      total: number;
      unread: number;
    };
    Review: {
      /** Format: uuid */
      id: string;
      /** Format: uuid */
      student_id: string;
      student_name: string;
      /** Format: uuid */
      course_id: string;
      rating: number;
      comment: string;
      /** Format: date-time */
      created_at: string;
      /** Format: date-time */
      updated_at: string;
    };
    ReviewPage: {
      items: components['schemas']['Review'][];
      total: number;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  RegisterUserController_register: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: email */
          email: string;
          password: string;
          name: string;
          /**
           * @default student
           * @enum {string}
           */
          role?: 'student' | 'teacher';
        };
      };
    };
    responses: {
      /** @description Token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Token'];
        };
      };
      /** @description Too many registrations from this address (Retry-After) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description The rate-limit store (Redis) is unreachable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  LoginController_login: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          email: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Token'];
        };
      };
      /** @description Too many failed attempts for this account from this address, or from this address, or the account's backoff (Retry-After) */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description More sign-ins at this moment than can be checked within a few seconds, or the rate-limit store (Redis) is unreachable; retry after Retry-After */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  MeController_me: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description User */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
    };
  };
  RefreshTokenController_refresh: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Token */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Token'];
        };
      };
    };
  };
  PendingTeachersController_pending: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        q?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PendingTeacherPage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PendingTeacherPage'];
        };
      };
    };
  };
  VerifyTeacherController_verify: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        user_id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description User */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['User'];
        };
      };
    };
  };
  CourseCatalogController_list: {
    parameters: {
      query?: {
        q?: string;
        level?: 'beginner' | 'intermediate' | 'advanced';
        is_free?: 'true' | 'false';
        min_rating?: number;
        sort?: 'newest' | 'rating' | 'popular' | 'price';
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CoursePage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoursePage'];
        };
      };
    };
  };
  CreateCourseController_create: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          description: string;
          is_free: boolean;
          price?: (number | string) | null;
          duration_minutes: number;
          /** @enum {string} */
          level: 'beginner' | 'intermediate' | 'advanced';
        };
      };
    };
    responses: {
      /** @description Course */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Course'];
        };
      };
    };
  };
  CourseCatalogController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Course */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Course'];
        };
      };
    };
  };
  UpdateCourseController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title?: string;
          description?: string;
          is_free?: boolean;
          price?: (number | string) | null;
          duration_minutes?: number;
          /** @enum {string} */
          level?: 'beginner' | 'intermediate' | 'advanced';
        };
      };
    };
    responses: {
      /** @description Course */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Course'];
        };
      };
    };
  };
  PublishCourseController_publish: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Course */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Course'];
        };
      };
    };
  };
  AddModuleController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          order?: number;
        };
      };
    };
    responses: {
      /** @description Module */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Module'];
        };
      };
    };
  };
  ModuleController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title?: string;
          order?: number;
        };
      };
    };
    responses: {
      /** @description Module */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Module'];
        };
      };
    };
  };
  ModuleController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  AddLessonController_add: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title: string;
          content: string;
          video_url?: string | null;
          duration_minutes?: number;
          order?: number;
          is_preview?: boolean;
        };
      };
    };
    responses: {
      /** @description Lesson */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Lesson'];
        };
      };
    };
  };
  GetLessonController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description LessonToRead */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LessonToRead'];
        };
      };
    };
  };
  LessonController_update: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          title?: string;
          content?: string;
          video_url?: string | null;
          duration_minutes?: number;
          order?: number;
          is_preview?: boolean;
        };
      };
    };
    responses: {
      /** @description Lesson */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Lesson'];
        };
      };
    };
  };
  LessonController_remove: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PreviewLessonController_preview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          content: string;
        };
      };
    };
    responses: {
      /** @description LessonPreview */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LessonPreview'];
        };
      };
    };
  };
  CourseCatalogController_my: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CoursePage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CoursePage'];
        };
      };
    };
  };
  CurriculumController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Curriculum */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Curriculum'];
        };
      };
    };
  };
  LessonPlaceController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description LessonPlace */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LessonPlace'];
        };
      };
    };
  };
  CourseDashboardController_overview: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description DashboardOverview */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DashboardOverview'];
        };
      };
    };
  };
  CourseDashboardController_dashboard: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CourseDashboard */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseDashboard'];
        };
      };
    };
  };
  PostReviewController_post: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          course_id: string;
          rating: number;
          /** @default  */
          comment?: string;
        };
      };
    };
    responses: {
      /** @description Review */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Review'];
        };
      };
    };
  };
  EditReviewController_edit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          rating?: number;
          comment?: string;
        };
      };
    };
    responses: {
      /** @description Review */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Review'];
        };
      };
    };
  };
  ReviewsController_ofCourse: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description ReviewPage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ReviewPage'];
        };
      };
    };
  };
  PayForCourseController_pay: {
    parameters: {
      query?: never;
      header?: {
        /** @description Retries with the same key return the same payment */
        'Idempotency-Key'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          course_id: string;
          amount: number | string;
        };
      };
    };
    responses: {
      /** @description Payment */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Payment'];
        };
      };
      /** @description The student already paid for this course: `{detail, payment_id}` names that payment */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
    };
  };
  PaymentsController_mine: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description PaymentPage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['PaymentPage'];
        };
      };
    };
  };
  PaymentsController_get: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Payment */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Payment'];
        };
      };
    };
  };
  EnrollController_enroll: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          course_id: string;
          payment_id?: string | null;
        };
      };
    };
    responses: {
      /** @description Enrollment */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Enrollment'];
        };
      };
    };
  };
  CompleteLessonController_complete: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        lesson_id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          course_id?: string;
        };
      };
    };
    responses: {
      /** @description LessonCompletion */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['LessonCompletion'];
        };
      };
    };
  };
  LearningProgressController_mine: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description MyEnrollmentPage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['MyEnrollmentPage'];
        };
      };
    };
  };
  LearningProgressController_count: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description EnrollmentCount */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['EnrollmentCount'];
        };
      };
    };
  };
  LearningProgressController_progress: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CourseProgress */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CourseProgress'];
        };
      };
    };
  };
  LearningProgressController_completedLessons: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description CompletedLessons */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['CompletedLessons'];
        };
      };
    };
  };
  LearningProgressController_certificate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Certificate */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Certificate'];
        };
      };
    };
  };
  NotificationsController_mine: {
    parameters: {
      query?: {
        limit?: number;
        offset?: number;
        unread_only?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description NotificationPage */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['NotificationPage'];
        };
      };
    };
  };
  NotificationsController_read: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Notification */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Notification'];
        };
      };
    };
  };
  NotificationsController_send: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          /** Format: uuid */
          user_id: string;
          title: string;
          /** @default  */
          body?: string;
        };
      };
    };
    responses: {
      /** @description Notification */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Notification'];
        };
      };
    };
  };
}
