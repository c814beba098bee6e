import { Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { UuidParam, ValidBody } from '../../../../src/platform/http/validation.js';
import { lessonBody, type LessonBody } from '../../course.dto.js';
import { lessonView, type LessonView } from '../../course.views.js';
import { AddLessonCommand } from './add-lesson.handler.js';

@ApiTags('course')
@Controller('api/course/modules')
export class AddLessonController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(lessonView)
  @Post(':id/lessons')
  @SignedIn()
  add(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') moduleId: string,
    @ValidBody(lessonBody) body: LessonBody,
  ): Promise<LessonView> {
    return this.commands.execute(new AddLessonCommand(user, moduleId, body));
  }
}
