export const USER_ROLES = ['resident', 'staff', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];
