import { InitialSchema1795750236113 } from './1795750236113-initial-schema';
import { CoreLoop1795751522955 } from './1795751522955-core-loop';
import { AdminAudit1795751878780 } from './1795751878780-admin-audit';
import { IntakePipeline1796107648910 } from './1796107648910-intake-pipeline';
import { DedupeIndex1796108506894 } from './1796108506894-dedupe-index';
import { RoutingRules1796109118955 } from './1796109118955-routing-rules';
import { Outbox1796109396971 } from './1796109396971-outbox';
import { PhotoFingerprint1796110463634 } from './1796110463634-photo-fingerprint';
import { PhotoHashIndex1796110650049 } from './1796110650049-photo-hash-index';
import { WorkCalendar1796111084313 } from './1796111084313-work-calendar';
import { PhotoCleanupIndex1796121287489 } from './1796121287489-photo-cleanup-index';
import { StatsFigures1796121615041 } from './1796121615041-stats-figures';
import { Open311Api1796122243451 } from './1796122243451-open311-api';
import { SlaScanIndex1796122575440 } from './1796122575440-sla-scan-index';
import { StatsDailyRollups1796125550787 } from './1796125550787-stats-daily-rollups';
import { PhotoReportIndex1796126865825 } from './1796126865825-photo-report-index';

/** SQLite migrations in order; `npm run migration:generate -- <Name>` appends to this list. */
export const SQLITE_MIGRATIONS = [
  InitialSchema1795750236113,
  CoreLoop1795751522955,
  AdminAudit1795751878780,
  IntakePipeline1796107648910,
  DedupeIndex1796108506894,
  RoutingRules1796109118955,
  Outbox1796109396971,
  PhotoFingerprint1796110463634,
  PhotoHashIndex1796110650049,
  WorkCalendar1796111084313,
  PhotoCleanupIndex1796121287489,
  StatsFigures1796121615041,
  Open311Api1796122243451,
  SlaScanIndex1796122575440,
  StatsDailyRollups1796125550787,
  PhotoReportIndex1796126865825,
];
