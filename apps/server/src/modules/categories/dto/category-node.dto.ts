import { ApiProperty } from '@nestjs/swagger';
import type { CategoryNode } from '@ssp/contracts';

export class CategoryNodeDto implements CategoryNode {
  @ApiProperty({ example: '05' })
  code!: string;

  @ApiProperty({ example: '公用设施' })
  name!: string;

  @ApiProperty({ example: '路灯、井盖、消防栓等公共设施损坏或缺失' })
  description!: string;

  @ApiProperty({ type: () => [CategoryNodeDto], description: '小类 (empty for a 小类 itself)' })
  children!: CategoryNodeDto[];
}
