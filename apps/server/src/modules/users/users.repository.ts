import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { User } from './entities/user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findActiveById(id: string): Promise<User | null> {
    return this.users.findOne({ where: { id, active: true }, relations: { department: true } });
  }

  /** What the auth guard needs on every request, without joins. */
  findActiveIdentity(id: string): Promise<Pick<User, 'id' | 'role' | 'departmentId'> | null> {
    return this.users.findOne({ select: { id: true, role: true, departmentId: true }, where: { id, active: true } });
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
