import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';

/**
 * An Open311 client's key (a 12345 platform, another app). Only the sha256 of the secret is stored:
 * the secret has 256 random bits, so a plain hash is enough and lookups stay one indexed read.
 */
@Entity('api_keys')
export class ApiKey extends BaseEntity {
  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** The first characters of the secret, shown to admins to tell keys apart. */
  @Column({ type: 'varchar', length: 12 })
  keyPrefix!: string;

  @Column({ type: 'varchar', length: 64, unique: true })
  keyHash!: string;

  /** Service codes this key may submit; null: all. */
  @Column({ type: 'simple-json', nullable: true })
  serviceCodes!: string[] | null;

  @Column({ type: 'datetime', nullable: true })
  revokedAt!: Date | null;

  @Column({ type: 'varchar', length: 36 })
  createdById!: string;

  @Column({ type: 'datetime', nullable: true })
  lastUsedAt!: Date | null;
}
