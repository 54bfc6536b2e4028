import type { ServiceAttributeAnswers } from '@ssp/contracts';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';

/** What an Open311 submission carried beyond a report: written in the report's transaction. */
@Entity('open311_submissions')
export class Open311Submission extends BaseEntity {
  @Column({ type: 'varchar', length: 36, unique: true })
  reportId!: string;

  @Index()
  @Column({ type: 'varchar', length: 36 })
  apiKeyId!: string;

  /** Answers a client polls (`GET /tokens/{token}`) while the report waits for a moderator. */
  @Column({ type: 'varchar', length: 43, unique: true })
  token!: string;

  /** The client's own URL, stored and shown as given; the server never fetches it. */
  @Column({ type: 'varchar', length: 2000, nullable: true })
  mediaUrl!: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  addressString!: string | null;

  /** Answers to the category's service definition (`attribute[code]`). */
  @Column({ type: 'simple-json', nullable: true })
  attributes!: ServiceAttributeAnswers | null;
}
