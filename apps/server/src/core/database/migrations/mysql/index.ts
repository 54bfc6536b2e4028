import { InitialSchema1795750236113 } from './1795750236113-initial-schema';

/** MySQL/MariaDB migrations in order; `npm run migration:generate -- <Name>` appends to this list. */
export const MYSQL_MIGRATIONS = [
  InitialSchema1795750236113,
];
