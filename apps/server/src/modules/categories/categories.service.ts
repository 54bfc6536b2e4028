import { Injectable } from '@nestjs/common';
import type { CategoryNode } from '@ssp/contracts';
import { CategoriesRepository } from './categories.repository';
import { buildCategoryTree } from './category-tree.util';

@Injectable()
export class CategoriesService {
  constructor(private readonly repository: CategoriesRepository) {}

  async tree(): Promise<CategoryNode[]> {
    return buildCategoryTree(await this.repository.findActiveRows());
  }
}
