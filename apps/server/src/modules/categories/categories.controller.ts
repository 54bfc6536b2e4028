import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CategoryNode } from '@ssp/contracts';
import { Public } from '../../core/auth/public.decorator';
import { CategoriesService } from './categories.service';
import { CategoryNodeDto } from './dto/category-node.dto';

@ApiTags('categories')
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Public()
  @Get()
  @Header('cache-control', 'public, max-age=60')
  @ApiOperation({ summary: 'The active category tree (大类 → 小类)' })
  @ApiOkResponse({ type: [CategoryNodeDto] })
  tree(): Promise<CategoryNode[]> {
    return this.categories.tree();
  }
}
