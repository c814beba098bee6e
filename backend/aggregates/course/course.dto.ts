import { z } from 'zod';
import { fields } from '../../src/platform/http/validation.js';

const title = z.string().trim().min(1, 'must not be empty').max(200);
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048);

export const courseFields = {
  title,
  description: z.string().trim().max(20_000),
  is_free: z.boolean(),
  // The specification's clients send `price: null` for a free course; null and absent mean "no price given".
  price: fields.money.nullable().optional(),
  duration_minutes: z.number().int().min(1).max(100_000),
  level: z.enum(['beginner', 'intermediate', 'advanced']),
};

export const createCourseBody = z.strictObject(courseFields);
export const updateCourseBody = z
  .strictObject(courseFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'at least one field must be given');

export const moduleBody = z.strictObject({ title, order: z.number().int().min(0).max(10_000).optional() });
export const updateModuleBody = moduleBody
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'at least one field must be given');

const lessonFields = {
  title,
  /** Markdown; rendered to sanitized HTML when served. */
  content: z.string().max(200_000),
  video_url: httpUrl.nullable().optional(),
  duration_minutes: z.number().int().min(0).max(10_000).optional(),
  order: z.number().int().min(0).max(10_000).optional(),
  is_preview: z.boolean().optional(),
};
export const lessonBody = z.strictObject(lessonFields);
export const updateLessonBody = z
  .strictObject(lessonFields)
  .partial()
  .refine((b) => Object.keys(b).length > 0, 'at least one field must be given');

export type CreateCourseBody = z.infer<typeof createCourseBody>;
export type UpdateCourseBody = z.infer<typeof updateCourseBody>;
export type ModuleBody = z.infer<typeof moduleBody>;
export type UpdateModuleBody = z.infer<typeof updateModuleBody>;
export type LessonBody = z.infer<typeof lessonBody>;
export type UpdateLessonBody = z.infer<typeof updateLessonBody>;

/** API lesson fields → aggregate lesson fields (only those given). */
export function toLessonFields(body: UpdateLessonBody) {
  return {
    title: body.title,
    content: body.content,
    videoUrl: body.video_url,
    durationMinutes: body.duration_minutes,
    order: body.order,
    isPreview: body.is_preview,
  };
}
