import { Module } from '@nestjs/common';
import { CourseCatalogController } from './course-catalog/course-catalog.controller.js';
import { CourseCatalogQuery } from './course-catalog/course-catalog.query.js';
import { FULL_TEXT_POOL, FullTextPoolCloser, fullTextPoolProvider } from './course-catalog/full-text-pool.js';
import { CurriculumController } from './curriculum/curriculum.controller.js';
import { CurriculumQuery } from './curriculum/curriculum.query.js';
import { LessonPlaceController } from './curriculum/lesson-place.controller.js';
import { CourseDashboardController } from './course-dashboard/course-dashboard.controller.js';
import { CourseDashboardQuery } from './course-dashboard/course-dashboard.query.js';
import { LessonAccess } from '../aggregates/course/queries/lesson-access/lesson-access.js';
import { EnrollmentRecords } from '../aggregates/enrollment/enrollment-records.js';

/** HTTP reads served from the catalog read models. */
@Module({
  controllers: [CourseCatalogController, CurriculumController, LessonPlaceController, CourseDashboardController],
  providers: [
    fullTextPoolProvider,
    FullTextPoolCloser,
    CourseCatalogQuery,
    CurriculumQuery,
    CourseDashboardQuery,
    LessonAccess,
    EnrollmentRecords,
  ],
  exports: [CourseCatalogQuery, LessonAccess, EnrollmentRecords, FULL_TEXT_POOL],
})
export class CatalogQueriesModule {}
