import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { ALL_ENTITIES } from './app.entities';
import type { AppConfig } from './core/config/app-config';
import { ConfigModule } from './core/config/config.module';
import { DatabaseModule } from './core/database/database.module';
import { AuthCoreModule } from './core/auth/auth-core.module';
import { HealthModule } from './core/health/health.module';
import { LoggingModule } from './core/logging/logging.module';
import { OutboxModule } from './core/outbox/outbox.module';
import { AdminModule } from './modules/admin/admin.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CategoriesModule } from './modules/categories/categories.module';
import { ClassificationModule } from './modules/classification/classification.module';
import { DepartmentsModule } from './modules/departments/departments.module';
import { FilteringModule } from './modules/filtering/filtering.module';
import { IntakeModule } from './modules/intake/intake.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { Open311Module } from './modules/open311/open311.module';
import { PhotosModule } from './modules/photos/photos.module';
import { RegionsModule } from './modules/regions/regions.module';
import { ReportsModule } from './modules/reports/reports.module';
import { RoutingModule } from './modules/routing/routing.module';
import { StatsModule } from './modules/stats/stats.module';
import { SlaCheckModule } from './modules/sla/sla-check.module';
import { SlaModule } from './modules/sla/sla.module';
import { TicketsModule } from './modules/tickets/tickets.module';
import { UserLookupService } from './modules/users/user-lookup.service';
import { UsersModule } from './modules/users/users.module';
import { SeedModule } from './seed/seed.module';

@Module({})
export class AppModule {
  /** `extraModules` lets integration tests mount probe routes on the real platform stack. */
  static forRoot(config: AppConfig, extraModules: Type[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule.forRoot(config),
        DatabaseModule.forRoot(config, ALL_ENTITIES),
        OutboxModule,
        AuthCoreModule.forRoot({ imports: [UsersModule], useExisting: UserLookupService }),
        HealthModule,
        AuthModule,
        CategoriesModule,
        ClassificationModule,
        DepartmentsModule,
        FilteringModule,
        IntakeModule,
        NotificationsModule,
        Open311Module,
        PhotosModule,
        RegionsModule,
        ReportsModule,
        RoutingModule,
        AuditModule,
        AdminModule,
        SlaModule,
        SlaCheckModule,
        TicketsModule,
        StatsModule,
        UsersModule,
        SeedModule,
        ...extraModules,
      ],
    };
  }
}
