import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public } from '../../../../src/platform/auth/access.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { UuidParam } from '../../../../src/platform/http/validation.js';
import { GetLessonQuery, type LessonPage } from './get-lesson.handler.js';

@ApiTags('course')
@Controller('api/course/lessons')
export class GetLessonController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Public()
  get(@UuidParam('id') id: string, @CurrentUser() user: AuthUser | undefined): Promise<LessonPage> {
    return this.queries.execute(new GetLessonQuery(id, user));
  }
}
