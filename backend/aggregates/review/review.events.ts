export const ReviewEvents = {
  ReviewPosted: 'course.ReviewPosted',
  ReviewEdited: 'course.ReviewEdited',
} as const;

export interface ReviewPostedPayload {
  reviewId: string;
  courseId: string;
  studentId: string;
  rating: number;
  comment: string;
  createdAt: string;
}

export interface ReviewEditedPayload {
  reviewId: string;
  courseId: string;
  studentId: string;
  previousRating: number;
  rating: number;
  comment: string;
}
