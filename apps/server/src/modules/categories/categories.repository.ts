import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { CategoryRow } from './category-tree.util';
import { Category } from './entities/category.entity';

@Injectable()
export class CategoriesRepository {
  constructor(@InjectRepository(Category) private readonly categories: Repository<Category>) {}

  findActiveRows(): Promise<CategoryRow[]> {
    return this.categories.find({
      select: { id: true, code: true, name: true, description: true, parentId: true, sortOrder: true },
      where: { active: true },
    });
  }
}
