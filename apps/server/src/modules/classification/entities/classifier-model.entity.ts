import { Column, Entity } from 'typeorm';
import { LargeTextColumn } from '../../../core/database/column-types.util';
import { BaseEntity } from '../../../core/database/base.entity';

/**
 * A trained classifier, stored in the database so every instance picks up a new version without a
 * restart. The newest row wins; without any row the server uses the model shipped in the repository.
 */
@Entity('classifier_models')
export class ClassifierModelRecord extends BaseEntity {
  @Column({ type: 'int', unique: true })
  version!: number;

  @Column({ type: 'int' })
  exampleCount!: number;

  /** Held-out figures printed at training time (accuracy, macro-F1), for admins. */
  @Column({ type: 'simple-json', nullable: true })
  metrics!: { accuracy: number; macroF1: number; heldOut: number } | null;

  /** The serialised model (libs/text format). */
  @LargeTextColumn()
  content!: string;
}
