import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { buildDataSourceOptions } from './data-source.factory';

/** Chinese text needs utf8mb4; a latin1 default database would silently mangle every description. */
@Injectable()
class MysqlCharsetCheck implements OnApplicationBootstrap {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.database.engine !== 'mysql') return;
    const rows: Array<{ charset: string }> = await this.dataSource.query('SELECT @@character_set_database AS charset');
    if (rows[0]?.charset !== 'utf8mb4') {
      throw new Error(
        `database character set is ${rows[0]?.charset ?? 'unknown'}; create it with CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
      );
    }
  }
}

@Module({})
export class DatabaseModule {
  /** `entities` comes from the application (core never imports the domain modules). */
  static forRoot(config: AppConfig, entities: NonNullable<DataSourceOptions['entities']>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => ({
            ...(await buildDataSourceOptions(config.database, entities)),
            migrationsRun: config.database.migrateOnStart,
            migrationsTransactionMode: 'each',
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
      providers: [MysqlCharsetCheck],
    };
  }
}
