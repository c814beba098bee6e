export const ReviewEvents = {
  ReviewPosted: 'course.ReviewPosted',
  ReviewEdited: 'course.ReviewEdited',
} as const;

export interface ReviewPostedPayload {
  reviewId: string;
  courseId: string;
  studentId: string;
  rating: number;
  createdAt: string;
}

export interface ReviewEditedPayload {
  reviewId: string;
  courseId: string;
  studentId: string;
  previousRating: number;
  rating: number;
}
