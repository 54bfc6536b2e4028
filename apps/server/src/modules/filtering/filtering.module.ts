import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminWordRulesController } from './admin-word-rules.controller';
import { AdminWordRulesService } from './admin-word-rules.service';
import { TextFilterService } from './text-filter.service';
import { WordRulesRepository } from './word-rules.repository';

@Module({
  imports: [AuditModule],
  controllers: [AdminWordRulesController],
  providers: [TextFilterService, WordRulesRepository, AdminWordRulesService],
  exports: [TextFilterService],
})
export class FilteringModule {}
