export const PaymentEvents = {
  PaymentCompleted: 'payment.PaymentCompleted',
} as const;

export interface PaymentCompletedPayload {
  paymentId: string;
  studentId: string;
  courseId: string;
  amount: string;
  /** The client's key for retrying this request (null when none was given). */
  idempotencyKey: string | null;
  createdAt: string;
}
