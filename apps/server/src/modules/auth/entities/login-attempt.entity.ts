import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Failed password logins per key (`user:<name>` or `ip:<address>`), in the database so every server
 * instance sees the same count.
 */
@Entity('login_attempts')
export class LoginAttempt {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  key!: string;

  @Column({ type: 'int', default: 0 })
  failures!: number;

  @Column({ type: 'datetime' })
  windowStartedAt!: Date;

  @Column({ type: 'datetime', nullable: true })
  lockedUntil!: Date | null;
}
