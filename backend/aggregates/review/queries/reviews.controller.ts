import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../../src/platform/auth/access.js';
import { UuidParam, ValidQuery, pageQuery, type PageQuery } from '../../../src/platform/http/validation.js';
import { Responds } from '../../../src/platform/http/responses.js';
import { ReviewsQuery, reviewPage } from './reviews.query.js';

@ApiTags('course')
@Controller('api/course/reviews')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsQuery) {}

  @Responds(reviewPage)
  @Get('course/:id')
  @Public()
  ofCourse(@UuidParam('id') courseId: string, @ValidQuery(pageQuery) query: PageQuery) {
    return this.reviews.ofCourse(courseId, query.limit, query.offset);
  }
}
