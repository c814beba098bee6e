import { Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { CurrentUser, SignedIn } from '../../../../src/platform/auth/access.js';
import { Responds } from '../../../../src/platform/http/responses.js';
import type { AuthUser } from '../../../../src/platform/auth/auth-user.js';
import { UuidParam, ValidBody } from '../../../../src/platform/http/validation.js';
import { updateLessonBody, type UpdateLessonBody } from '../../course.dto.js';
import { lessonView, type LessonView } from '../../course.views.js';
import { RemoveLessonCommand } from '../remove-lesson/remove-lesson.handler.js';
import { UpdateLessonCommand } from './update-lesson.handler.js';

/** Changes to an existing lesson (its course is found from the lesson). */
@ApiTags('course')
@Controller('api/course/lessons')
export class LessonController {
  constructor(private readonly commands: CommandBus) {}

  @Responds(lessonView)
  @Put(':id')
  @SignedIn()
  update(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @ValidBody(updateLessonBody) body: UpdateLessonBody,
  ): Promise<LessonView> {
    return this.commands.execute(new UpdateLessonCommand(user, id, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn()
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.commands.execute(new RemoveLessonCommand(user, id));
  }
}
