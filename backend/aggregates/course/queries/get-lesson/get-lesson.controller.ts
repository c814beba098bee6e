import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import { UuidParam } from '../../../../src/platform/http/validation.js';
import { GetLessonQuery, lessonPage, type LessonPage } from './get-lesson.handler.js';

/** A lesson with its content, for those the lesson-access rule lets read it. */
@ApiTags('course')
@Controller('api/course/lessons')
export class GetLessonController {
  constructor(private readonly queries: QueryBus) {}

  @Responds(lessonPage)
  @Get(':id')
  @Public()
  get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined): Promise<LessonPage> {
    return this.queries.execute(new GetLessonQuery(id, user));
  }
}
