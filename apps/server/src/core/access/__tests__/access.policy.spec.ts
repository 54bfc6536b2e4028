import type { AuthUser } from '../../auth/auth-user';
import { Access } from '../access.policy';

const staff: AuthUser = { id: 's1', role: 'staff', departmentId: 'd1' };
const admin: AuthUser = { id: 'a1', role: 'admin', departmentId: 'd0' };
const resident: AuthUser = { id: 'r1', role: 'resident', departmentId: null };

describe('Access', () => {
  it('lets staff see only their own department’s tickets', () => {
    expect(Access.ticket(staff, { departmentId: 'd1' })).toBe(true);
    expect(Access.ticket(staff, { departmentId: 'd2' })).toBe(false);
    expect(Access.ticket(staff, { departmentId: null })).toBe(false);
    expect(Access.ticket({ ...staff, departmentId: null }, { departmentId: null })).toBe(false);
  });

  it('lets admins see every ticket and residents none', () => {
    expect(Access.ticket(admin, { departmentId: 'd9' })).toBe(true);
    expect(Access.ticket(admin, { departmentId: null })).toBe(true);
    expect(Access.ticket(resident, { departmentId: 'd1' })).toBe(false);
  });

  it('lets only the reporter see a report', () => {
    expect(Access.report(resident, { reporterId: 'r1' })).toBe(true);
    expect(Access.report(resident, { reporterId: 'r2' })).toBe(false);
    expect(Access.report(admin, { reporterId: 'a1' })).toBe(false);
  });
});
