import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Counters for human-readable numbers (report and ticket numbers), incremented inside transactions. */
@Entity('number_sequences')
export class NumberSequence {
  @PrimaryColumn({ type: 'varchar', length: 32 })
  name!: string;

  @Column({ type: 'int', default: 0 })
  value!: number;
}
