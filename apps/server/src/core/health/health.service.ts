import { Injectable } from '@nestjs/common';
import type { HealthStatus } from '@ssp/contracts';
import { DataSource } from 'typeorm';

@Injectable()
export class HealthService {
  constructor(private readonly dataSource: DataSource) {}

  async readiness(): Promise<HealthStatus> {
    const checks: HealthStatus['checks'] = {};
    try {
      await this.dataSource.query('SELECT 1');
      checks.database = { ok: true };
      const pending = await this.dataSource.showMigrations();
      checks.migrations = pending ? { ok: false, message: 'pending migrations' } : { ok: true };
    } catch (error) {
      checks.database = { ok: false, message: error instanceof Error ? error.message : 'unreachable' };
    }
    const ok = Object.values(checks).every((check) => check.ok);
    return { status: ok ? 'ok' : 'error', checks };
  }
}
