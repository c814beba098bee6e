import { Module } from '@nestjs/common';
import { CatalogQueriesModule } from '../../projections/catalog-queries.module.js';
import { CourseEditor } from './course-editor.js';
import { CourseFactsReader } from './course-facts.reader.js';
import { AddLessonController } from './commands/add-lesson/add-lesson.controller.js';
import { AddLessonHandler } from './commands/add-lesson/add-lesson.handler.js';
import { AddModuleController } from './commands/add-module/add-module.controller.js';
import { AddModuleHandler } from './commands/add-module/add-module.handler.js';
import { CreateCourseController } from './commands/create-course/create-course.controller.js';
import { CreateCourseHandler } from './commands/create-course/create-course.handler.js';
import { PublishCourseController } from './commands/publish-course/publish-course.controller.js';
import { PublishCourseHandler } from './commands/publish-course/publish-course.handler.js';
import { RemoveLessonHandler } from './commands/remove-lesson/remove-lesson.handler.js';
import { RemoveModuleHandler } from './commands/remove-module/remove-module.handler.js';
import { UpdateCourseController } from './commands/update-course/update-course.controller.js';
import { UpdateCourseHandler } from './commands/update-course/update-course.handler.js';
import { LessonController } from './commands/update-lesson/lesson.controller.js';
import { UpdateLessonHandler } from './commands/update-lesson/update-lesson.handler.js';
import { ModuleController } from './commands/update-module/module.controller.js';
import { UpdateModuleHandler } from './commands/update-module/update-module.handler.js';
import { LessonsQuery } from './queries/get-lesson/lessons.query.js';
import { GetLessonController } from './queries/get-lesson/get-lesson.controller.js';
import { GetLessonHandler } from './queries/get-lesson/get-lesson.handler.js';
import { PreviewLessonController } from './queries/preview-lesson/preview-lesson.controller.js';

@Module({
  imports: [CatalogQueriesModule],
  controllers: [
    CreateCourseController,
    UpdateCourseController,
    PublishCourseController,
    AddModuleController,
    ModuleController,
    AddLessonController,
    LessonController,
    GetLessonController,
    PreviewLessonController,
  ],
  providers: [
    CourseEditor,
    CourseFactsReader,
    CreateCourseHandler,
    UpdateCourseHandler,
    PublishCourseHandler,
    AddModuleHandler,
    UpdateModuleHandler,
    RemoveModuleHandler,
    AddLessonHandler,
    UpdateLessonHandler,
    RemoveLessonHandler,
    LessonsQuery,
    GetLessonHandler,
  ],
})
export class CourseModule {}
