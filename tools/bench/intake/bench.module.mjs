// The intake benchmark's baseline route, mounted into the real server for the bench only (never part of
// the production build): POST /api/v1/bench/bare takes the same JSON body as POST /api/v1/reports,
// goes through the same global guard (JWT + the caller reloaded from the database, role resident) and
// the same global ValidationPipe (the body is validated as CreateReportDto), and inserts ONE row into
// `bench_rows`, a table the bench creates. Plain JavaScript: Nest's decorators applied as functions.
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** apps/server/dist, resolved from this file (tools/bench/intake → ../../../apps/server/dist). */
export const SERVER_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../apps/server/dist');

// Resolve every package from the server's dist, so the decorators and the DataSource token are the
// very instances the server's own modules use.
const requireFromServer = createRequire(path.join(SERVER_DIST, 'main.js'));
const { Body, Controller, Inject, Module, Post } = requireFromServer('@nestjs/common');
const { DataSource } = requireFromServer('typeorm');
const { Roles } = requireFromServer('./core/auth/roles.decorator.js');
const { CurrentUser } = requireFromServer('./core/auth/current-user.decorator.js');
const { newId } = requireFromServer('./core/database/id.util.js');
const { CreateReportDto } = requireFromServer('./modules/reports/dto/create-report.dto.js');

export const BENCH_TABLE = 'bench_rows';

/** DDL of the table the bare route writes (MySQL/MariaDB). */
export const BENCH_TABLE_DDL =
  `CREATE TABLE \`${BENCH_TABLE}\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`body\` text NOT NULL, ` +
  '`createdAt` datetime(6) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';

class BenchController {
  /** @param {import('typeorm').DataSource} dataSource */
  constructor(dataSource) {
    this.dataSource = dataSource;
  }

  /** One INSERT of the validated body, answered like a created resource. */
  async bare(user, body) {
    const id = newId();
    await this.dataSource.query(`INSERT INTO \`${BENCH_TABLE}\` (id, userId, body, createdAt) VALUES (?, ?, ?, ?)`, [
      id,
      user.id,
      JSON.stringify(body),
      new Date(),
    ]);
    return { id };
  }
}

Inject(DataSource)(BenchController, undefined, 0);
CurrentUser()(BenchController.prototype, 'bare', 0);
Body()(BenchController.prototype, 'bare', 1);
// What TypeScript's emitDecoratorMetadata would write: the ValidationPipe validates and whitelists the
// body against this class, exactly as for POST /api/v1/reports.
Reflect.defineMetadata('design:paramtypes', [Object, CreateReportDto], BenchController.prototype, 'bare');
Post('bare')(BenchController.prototype, 'bare', Object.getOwnPropertyDescriptor(BenchController.prototype, 'bare'));
Roles('resident')(BenchController);
Controller('bench')(BenchController);

export class BenchModule {}
Module({ controllers: [BenchController] })(BenchModule);
