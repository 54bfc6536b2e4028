import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';

/**
 * The resident account a submission through an API key counts against (rate limits, "my reports" of
 * nobody): one per key and pseudonymous subject — an HMAC (server secret) of the client's account_id, e-mail or
 * device_id with the key's id, never the value itself; an empty subject is the key's shared account.
 */
@Entity('open311_reporters')
@Index(['apiKeyId', 'subjectHash'], { unique: true })
export class Open311Reporter extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  apiKeyId!: string;

  @Column({ type: 'varchar', length: 64 })
  subjectHash!: string;

  @Column({ type: 'varchar', length: 36 })
  userId!: string;
}
