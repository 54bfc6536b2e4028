import { InitialSchema1795750236113 } from './1795750236113-initial-schema';

/** SQLite migrations in order; `npm run migration:generate -- <Name>` appends to this list. */
export const SQLITE_MIGRATIONS = [
  InitialSchema1795750236113,
];
