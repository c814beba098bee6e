import { z } from 'zod';

export const rating = z.number().int().min(1, 'must be 1 to 5').max(5, 'must be 1 to 5');
export const comment = z.string().trim().max(5_000);
