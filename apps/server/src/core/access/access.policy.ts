import type { AuthUser } from '../auth/auth-user';

/**
 * Object-level access, in one place. Whatever a caller may not see is answered as "not found" by the
 * services, so ids of other people's objects reveal nothing.
 */
export const Access = {
  /** Staff see their department's tickets, admins every ticket, residents none (they see their reports). */
  ticket(user: AuthUser, ticket: { departmentId: string | null }): boolean {
    if (user.role === 'admin') return true;
    return user.role === 'staff' && user.departmentId !== null && ticket.departmentId === user.departmentId;
  },

  /** A report's private fields (exact position, photos, rating) are its reporter's alone. */
  report(user: AuthUser, report: { reporterId: string }): boolean {
    return user.role === 'resident' && report.reporterId === user.id;
  },
};
