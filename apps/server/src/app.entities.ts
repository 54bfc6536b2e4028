import { Category } from './modules/categories/entities/category.entity';
import { Department } from './modules/departments/entities/department.entity';
import { Region } from './modules/regions/entities/region.entity';
import { SlaPolicy } from './modules/sla/entities/sla-policy.entity';
import { User } from './modules/users/entities/user.entity';

/** Every entity of the schema: the migration generator and the drift check compare against this list. */
export const ALL_ENTITIES = [Category, Department, Region, SlaPolicy, User];
