import { Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { SignedIn } from '../../../../src/platform/auth/access.js';
import { APP_CONFIG, type AppConfig } from '../../../../src/platform/config/config.js';
import { named, Responds } from '../../../../src/platform/http/responses.js';
import { ValidBody } from '../../../../src/platform/http/validation.js';
import { lessonBody } from '../../course.dto.js';
import { renderLessonMarkdown } from '../get-lesson/lesson-content.js';

const previewBody = z.strictObject({ content: lessonBody.shape.content });
const lessonPreview = named('LessonPreview', z.object({ content_html: z.string() }));

/** The lesson editor's live preview: markdown rendered and sanitized exactly as GET /lessons/{id} serves it. */
@ApiTags('course')
@Controller('api/course/lessons')
export class PreviewLessonController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Responds(lessonPreview)
  @Post('preview')
  @HttpCode(200)
  @SignedIn('teacher', 'admin')
  preview(@ValidBody(previewBody) body: z.infer<typeof previewBody>): { content_html: string } {
    return { content_html: renderLessonMarkdown(body.content, { imageHosts: this.config.LESSON_IMAGE_HOSTS }) };
  }
}
