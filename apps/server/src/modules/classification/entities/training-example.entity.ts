import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';

export const TRAINING_SOURCES = ['correction', 'moderation'] as const;
export type TrainingSource = (typeof TRAINING_SOURCES)[number];

/**
 * A text with the category a person decided for it: staff/admin reclassifications and moderation
 * decisions. `classifier retrain` learns from the shipped corpus plus these.
 */
@Entity('training_examples')
@Index(['createdAt'])
export class TrainingExample extends BaseEntity {
  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'varchar', length: 32 })
  categoryCode!: string;

  @Column({ type: 'simple-enum', enum: TRAINING_SOURCES })
  source!: TrainingSource;

  @Column({ type: 'varchar', length: 36, nullable: true })
  ticketId!: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById!: string | null;
}
