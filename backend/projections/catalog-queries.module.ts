import { Module } from '@nestjs/common';
import { CourseCatalogController } from './course-catalog/course-catalog.controller.js';
import { CourseCatalogQuery } from './course-catalog/course-catalog.query.js';
import { CurriculumController } from './curriculum/curriculum.controller.js';
import { CurriculumQuery } from './curriculum/curriculum.query.js';

/** HTTP reads served from the catalog read models. */
@Module({
  controllers: [CourseCatalogController, CurriculumController],
  providers: [CourseCatalogQuery, CurriculumQuery],
  exports: [CourseCatalogQuery],
})
export class CatalogQueriesModule {}
