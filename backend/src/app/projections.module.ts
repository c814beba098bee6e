import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { LiveEmitter } from '../platform/realtime/live-emitter.js';
import { PROJECTIONS, type Projection } from '../platform/projection/projection.js';
import { UserDirectoryProjection } from '../../projections/user-directory/user-directory.projection.js';
import { CourseCatalogProjection } from '../../projections/course-catalog/course-catalog.projection.js';
import { CurriculumProjection } from '../../projections/curriculum/curriculum.projection.js';
import { LearningProgressProjection } from '../../projections/learning-progress/learning-progress.projection.js';
import { NotificationPushProjection } from '../../projections/notification-push/notification-push.projection.js';
import { CourseDashboardProjection } from '../../projections/course-dashboard/course-dashboard.projection.js';
import { POLICY_CLASSES } from './policies.module.js';

type ProjectionClass = Type<Projection> & { readonly projectionName: string };

/** Every read model the workers maintain. */
export const PROJECTION_CLASSES: ProjectionClass[] = [
  UserDirectoryProjection,
  CourseCatalogProjection,
  CurriculumProjection,
  LearningProgressProjection,
  NotificationPushProjection,
  CourseDashboardProjection,
];

/** Every queue the workers consume, one per projection and per policy, named without running them. */
export const CONSUMER_NAMES = [
  ...PROJECTION_CLASSES.map((c) => c.projectionName),
  ...POLICY_CLASSES.map((c) => c.policyName),
];

/** The projections as Nest providers; with `live`, they push live events after they commit. */
@Module({})
export class ProjectionsModule {
  static forRoot({ live }: { live: boolean }): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        ...(live ? [LiveEmitter] : []),
        ...PROJECTION_CLASSES,
        {
          provide: PROJECTIONS,
          useFactory: (...projections: Projection[]) => projections,
          inject: PROJECTION_CLASSES,
        },
      ],
      exports: [PROJECTIONS],
    };
  }
}
