import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ClassificationModule } from '../classification/classification.module';
import { DepartmentsModule } from '../departments/departments.module';
import { ReferenceDataModule } from '../reference/reference-data.module';
import { RegionsModule } from '../regions/regions.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AdminRoutingRulesController } from './admin-routing-rules.controller';
import { AdminRoutingRulesService } from './admin-routing-rules.service';
import { DefaultRoutesController } from './default-routes.controller';
import { DefaultRoutesRepository } from './default-routes.repository';
import { DefaultRoutesService } from './default-routes.service';
import { DefaultRoute } from './entities/default-route.entity';
import { RoutingRuleDraft } from './entities/routing-rule-draft.entity';
import { RoutingRuleRevision } from './entities/routing-rule-revision.entity';
import { ReportRoutingService } from './report-routing.service';
import { RoutingFactsService } from './routing-facts.service';
import { RoutingReferenceRepository } from './routing-reference.repository';
import { RoutingRulesRepository } from './routing-rules.repository';
import { RoutingSimulationService } from './routing-simulation.service';
import { RoutingService } from './routing.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([DefaultRoute, RoutingRuleDraft, RoutingRuleRevision]),
    AuditModule,
    ClassificationModule,
    DepartmentsModule,
    ReferenceDataModule,
    RegionsModule,
    TicketsModule,
  ],
  controllers: [DefaultRoutesController, AdminRoutingRulesController],
  providers: [
    DefaultRoutesService,
    DefaultRoutesRepository,
    RoutingService,
    RoutingFactsService,
    RoutingReferenceRepository,
    RoutingRulesRepository,
    ReportRoutingService,
    RoutingSimulationService,
    AdminRoutingRulesService,
  ],
  exports: [DefaultRoutesService, RoutingService, ReportRoutingService],
})
export class RoutingModule {}
