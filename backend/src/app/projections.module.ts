import { Module, type Type } from '@nestjs/common';
import { PROJECTIONS, type Projection } from '../platform/projection/projection.js';
import { UserDirectoryProjection } from '../../projections/user-directory/user-directory.projection.js';
import { CourseCatalogProjection } from '../../projections/course-catalog/course-catalog.projection.js';
import { CurriculumProjection } from '../../projections/curriculum/curriculum.projection.js';
import { LearningProgressProjection } from '../../projections/learning-progress/learning-progress.projection.js';
import { NotificationFeedProjection } from '../../projections/notification-feed/notification-feed.projection.js';

type ProjectionClass = Type<Projection> & { readonly projectionName: string };

/** Every read model the workers maintain. */
export const PROJECTION_CLASSES: ProjectionClass[] = [
  UserDirectoryProjection,
  CourseCatalogProjection,
  CurriculumProjection,
  LearningProgressProjection,
  NotificationFeedProjection,
];

/** The api needs the queue names (readiness, metrics) without running the projections. */
export const PROJECTION_NAMES = PROJECTION_CLASSES.map((c) => c.projectionName);

@Module({
  providers: [
    ...PROJECTION_CLASSES,
    {
      provide: PROJECTIONS,
      useFactory: (...projections: Projection[]) => projections,
      inject: PROJECTION_CLASSES,
    },
  ],
  exports: [PROJECTIONS],
})
export class ProjectionsModule {}
