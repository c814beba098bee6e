import { z } from 'zod';

export const registerUserBody = z.strictObject({
  email: z.email({ error: 'must be a valid email address' }).max(254),
  password: z.string().min(8, 'must be at least 8 characters').max(128),
  name: z.string().trim().min(1, 'must not be empty').max(100),
  // Admin accounts exist only through bootstrap; asking for one is a validation error.
  role: z.enum(['student', 'teacher'], { error: 'must be "student" or "teacher"' }).default('student'),
});
export type RegisterUserBody = z.infer<typeof registerUserBody>;
