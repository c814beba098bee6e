export const ROLES = ['student', 'teacher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The caller, as the verified access token describes them. */
export interface AuthUser {
  id: string;
  role: Role;
  isVerified: boolean;
}
