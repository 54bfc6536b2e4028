import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../core/auth/auth-user';
import type { AuthUserLookup } from '../../core/auth/auth-user.lookup';
import { UsersRepository } from './users.repository';

/** What the global auth guard asks on every request: is this account still active, in which role? */
@Injectable()
export class UserLookupService implements AuthUserLookup {
  constructor(private readonly users: UsersRepository) {}

  async findActive(id: string): Promise<AuthUser | null> {
    const user = await this.users.findActiveIdentity(id);
    if (!user) return null;
    if (user.role === 'staff' && !user.departmentId) return null;
    return { id: user.id, role: user.role, departmentId: user.departmentId };
  }
}
