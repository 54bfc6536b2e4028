import {
  WORD_RULE_CATEGORIES,
  WORD_RULE_LEVELS,
  WORD_RULE_MATCH_MODES,
  type WordRuleCategory,
  type WordRuleLevel,
  type WordRuleMatchMode,
} from '@ssp/contracts';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../../../core/database/base.entity';

/** One word or phrase of the text filter (ARCHITECTURE.md §6 step 2), edited by admins. */
@Entity('word_rules')
export class WordRule extends BaseEntity {
  /** As the admin typed it; matched after normalisation (width, case, traditional → simplified). */
  @Column({ type: 'varchar', length: 64, unique: true })
  pattern!: string;

  @Column({ type: 'simple-enum', enum: WORD_RULE_LEVELS })
  level!: WordRuleLevel;

  @Column({ type: 'simple-enum', enum: WORD_RULE_CATEGORIES })
  category!: WordRuleCategory;

  @Column({ type: 'simple-enum', enum: WORD_RULE_MATCH_MODES, default: 'substring' })
  matchMode!: WordRuleMatchMode;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;
}
