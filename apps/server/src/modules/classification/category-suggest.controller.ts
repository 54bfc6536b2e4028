import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CategorySuggestion } from '@ssp/contracts';
import { Roles } from '../../core/auth/roles.decorator';
import { ClassifierService } from './classifier.service';
import { SuggestQueryDto } from './dto/suggest-query.dto';

@ApiTags('categories')
@ApiBearerAuth()
@Roles('resident', 'staff', 'admin')
@Controller('categories')
export class CategorySuggestController {
  constructor(private readonly classifier: ClassifierService) {}

  @Get('suggest')
  @ApiOperation({ summary: 'Categories for a description as the resident types it, best first (keyword rules, then the model)' })
  suggest(@Query() query: SuggestQueryDto): Promise<CategorySuggestion[]> {
    return this.classifier.suggest(query.text, query.limit ?? 3);
  }
}
