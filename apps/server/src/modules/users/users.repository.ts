import { Injectable } from '@nestjs/common';
import { rawQuery } from '../../core/database/raw-statement.util';
import { USER_ROLES } from '@ssp/contracts';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { User } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  private identitySql?: string;

  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findActiveById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id, active: true }, relations: { department: true } });
  }

  /**
   * What the auth guard needs on every request: one primary-key statement, written once with the
   * driver's quoting and read as a raw row (no query building or entity hydration per request).
   */
  async findActiveIdentity(id: string): Promise<Pick<User, 'id' | 'role' | 'departmentId'> | null> {
    const driver = this.users.manager.connection.driver;
    const sql = (this.identitySql ??= this.identityStatement());
    const [text, values] = driver.escapeQueryWithParameters(sql, { id, active: true });
    const rows = await rawQuery<{ id: string; role: string; departmentId: string | null }>(this.users.manager.connection, text, values);
    const row = rows[0];
    const role = row ? USER_ROLES.find((candidate) => candidate === row.role) : undefined;
    return row && role ? { id: row.id, role, departmentId: row.departmentId } : null;
  }

  private identityStatement(): string {
    const metadata = this.users.metadata;
    const quote = (name: string) => this.users.manager.connection.driver.escape(name);
    const column = (property: string) => {
      const found = metadata.findColumnWithPropertyName(property);
      if (!found) throw new Error(`User.${property} is not a column`);
      return quote(found.databaseName);
    };
    return (
      `SELECT ${column('id')} AS ${quote('id')}, ${column('role')} AS ${quote('role')}, ${column('departmentId')} AS ${quote('departmentId')}` +
      ` FROM ${quote(metadata.tableName)} WHERE ${column('id')} = :id AND ${column('active')} = :active LIMIT 1`
    );
  }

  findByUsername(username: string): Promise<User | null> {
    return this.users.findOne({ where: { username }, relations: { department: true } });
  }

  findByOpenid(openid: string): Promise<User | null> {
    return this.users.findOne({ where: { openid } });
  }

  /**
   * The resident of this openid, created on first login. A concurrent first login of the same openid
   * loses the unique-key race and reads the winner's row.
   */
  async findOrCreateResident(openid: string, nickname: string): Promise<User> {
    const existing = await this.findByOpenid(openid);
    if (existing) return existing;
    try {
      await this.users.insert(this.users.create({ role: 'resident', openid, nickname }));
    } catch (error) {
      const again = await this.findByOpenid(openid);
      if (again) return again;
      throw error;
    }
    const created = await this.findByOpenid(openid);
    if (!created) throw new Error('resident vanished after insert');
    return created;
  }
}
