import { Column, Entity, Index } from 'typeorm';
import { LargeTextColumn } from '../../../core/database/column-types.util';
import { BaseEntity } from '../../../core/database/base.entity';

export type RegionLevel = 'city' | 'district' | 'street';

/** An administrative area with its outline; the city's outline is the service area. */
@Entity('regions')
export class Region extends BaseEntity {
  /** Administrative division code (行政区划代码), e.g. 320102 for 玄武区. */
  @Column({ type: 'varchar', length: 12, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'simple-enum', enum: ['city', 'district', 'street'] })
  level!: RegionLevel;

  @Index()
  @Column({ type: 'varchar', length: 12, nullable: true })
  parentCode!: string | null;

  /** GeoJSON Polygon or MultiPolygon, GCJ-02 [lng, lat]. */
  @LargeTextColumn()
  geometry!: string;

  /** [minLng, minLat, maxLng, maxLat] of the outline, for a cheap first test. */
  @Column({ type: 'simple-json' })
  bbox!: [number, number, number, number];
}
