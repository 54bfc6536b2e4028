import { CreateDateColumn, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { newId } from './id.util';

/**
 * Every table: a UUIDv7 string id made in code when the object is created (portable, insert-friendly,
 * and present even on the `insert` path, which skips entity listeners) and audit timestamps.
 */
export abstract class BaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string = newId();

  @CreateDateColumn()
  createdAt!: Date;

  @UpdateDateColumn()
  updatedAt!: Date;
}
