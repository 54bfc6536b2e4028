import type { PhotoQualityFlag } from '@ssp/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';
import { User } from '../../users/entities/user.entity';

/**
 * An uploaded image after re-encoding (EXIF gone). It belongs to its uploader until it is attached to
 * one report or one ticket event; an attached photo cannot be attached again.
 */
@Entity('photos')
// The cleanup of photos uploaded but never attached (PhotoCleanupJob) scans by these three; the reads by
// report (photos of reports, of a ticket's reports) use its reportId prefix, so reportId has no index of its own
// (one index fewer for the UPDATE that attaches every report's photos).
@Index('IDX_photos_unattached', ['reportId', 'ticketEventId', 'createdAt'])
export class Photo extends BaseEntity {
  @Index()
  @Column({ type: 'varchar', length: 36 })
  ownerId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ownerId' })
  owner?: Relation<User>;

  @Column({ type: 'varchar', length: 200 })
  storageKey!: string;

  @Column({ type: 'varchar', length: 200 })
  thumbKey!: string;

  @Column({ type: 'varchar', length: 32 })
  mime!: string;

  @Column({ type: 'int' })
  sizeBytes!: number;

  @Column({ type: 'int' })
  width!: number;

  @Column({ type: 'int' })
  height!: number;

  @Index()
  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** 64-bit difference hash as 16 hex characters; near-identical photos differ in few bits. */
  @Index()
  @Column({ type: 'varchar', length: 16 })
  phash!: string;

  /**
   * 32×32 grey thumbnail as base64 (photo-fingerprint.util.ts): duplicate detection compares it under zoom
   * and shift to recognise a re-taken photo of the same scene. Null for photos stored before it existed.
   */
  @Column({ type: 'varchar', length: 1368, nullable: true })
  fingerprint!: string | null;

  @Column({ type: 'simple-json' })
  qualityFlags!: PhotoQualityFlag[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  reportId!: string | null;

  @Index()
  @Column({ type: 'varchar', length: 36, nullable: true })
  ticketEventId!: string | null;
}
