export const PaymentEvents = {
  PaymentCompleted: 'payment.PaymentCompleted',
} as const;

export interface PaymentCompletedPayload {
  paymentId: string;
  studentId: string;
  courseId: string;
  amount: string;
  createdAt: string;
}
