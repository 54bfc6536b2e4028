import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AdminClassificationRulesController } from './admin-classification-rules.controller';
import { AdminClassificationRulesService } from './admin-classification-rules.service';
import { CategorySuggestController } from './category-suggest.controller';
import { ClassificationRulesRepository } from './classification-rules.repository';
import { ClassifierModelsRepository } from './classifier-models.repository';
import { ClassifierTrainingService } from './classifier-training.service';
import { ClassifierService } from './classifier.service';
import { TrainingExamplesRepository } from './training-examples.repository';

@Module({
  imports: [AuditModule],
  controllers: [CategorySuggestController, AdminClassificationRulesController],
  providers: [
    ClassifierService,
    ClassifierTrainingService,
    ClassificationRulesRepository,
    ClassifierModelsRepository,
    TrainingExamplesRepository,
    AdminClassificationRulesService,
  ],
  exports: [ClassifierService, TrainingExamplesRepository, ClassifierModelsRepository],
})
export class ClassificationModule {}
