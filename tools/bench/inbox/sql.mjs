// The SQL side of the inbox benchmark: the raw page query, EXPLAIN, the server's own TypeORM query
// captured in-process, and a processlist sampler that shows which statements are in flight.
import { createRequire } from 'node:module';
import { SERVER_MAIN } from '../lib/server.mjs';

/** Columns of a table in ordinal order. */
async function columnsOf(pool, database, table) {
  const [rows] = await pool.query(
    'SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION',
    [database, table],
  );
  return /** @type {Array<{name: string}>} */ (rows).map((row) => row.name);
}

/**
 * The staff inbox page as ONE statement: every column of the ticket, its category and its department
 * (what the server's leftJoinAndSelect reads), the same WHERE, ORDER BY and LIMIT (page + 1 look-ahead).
 */
export async function rawPageSql(pool, database) {
  const select = [];
  for (const [table, alias] of [['tickets', 't'], ['categories', 'category'], ['departments', 'department']]) {
    for (const column of await columnsOf(pool, database, table)) select.push(`\`${alias}\`.\`${column}\` AS \`${alias}_${column}\``);
  }
  return (
    `SELECT ${select.join(', ')} FROM \`tickets\` \`t\` ` +
    'LEFT JOIN `categories` `category` ON `category`.`id` = `t`.`categoryId` ' +
    'LEFT JOIN `departments` `department` ON `department`.`id` = `t`.`departmentId` ' +
    'WHERE `t`.`departmentId` = ? AND `t`.`status` = ? ' +
    'ORDER BY `t`.`resolveBy` ASC, `t`.`id` ASC LIMIT ?'
  );
}

/** EXPLAIN of a statement as printable rows. */
export async function explain(pool, sql, params) {
  const [rows] = await pool.query(`EXPLAIN ${sql}`, params);
  return /** @type {Array<Record<string, unknown>>} */ (rows);
}

export function printExplain(title, rows) {
  console.log(title);
  const keys = ['id', 'select_type', 'table', 'type', 'key', 'key_len', 'ref', 'rows', 'Extra'];
  const cells = rows.map((row) => keys.map((key) => (row[key] === null || row[key] === undefined ? '' : String(row[key]))));
  const widths = keys.map((key, i) => Math.max(key.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `  ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')}`;
  console.log(line(keys));
  for (const c of cells) console.log(line(c));
}

/** Shortens a statement for display: the select list becomes "…". */
export function shapeOf(sql) {
  return sql
    .replace(/\s+/g, ' ')
    .replace(/SELECT (DISTINCT )?(.*?) FROM/gi, (_, distinct, list) => `SELECT ${distinct ?? ''}${list.length > 60 ? '…' : list} FROM`)
    .replace(/'[^']*'/g, '?')
    .replace(/\b\d+\b/g, 'N')
    .slice(0, 400);
}

/**
 * The server's own TicketsRepository (from apps/server/dist) on an in-process TypeORM DataSource built
 * with the server's own options, with a logger that records the SQL it sends. Returns null (and why)
 * when the build does not have what this needs.
 */
export async function serverRepository(databaseUrl) {
  const requireServer = createRequire(SERVER_MAIN);
  try {
    requireServer('reflect-metadata');
    const { buildDataSourceOptions } = requireServer('./core/database/data-source.factory');
    const { ALL_ENTITIES } = requireServer('./app.entities');
    const { TicketsRepository } = requireServer('./modules/tickets/tickets.repository');
    const { DataSource } = requireServer('typeorm');
    /** @type {Array<{ query: string, parameters: unknown[] }>} */
    const captured = [];
    let capturing = false;
    const logger = {
      logQuery: (query, parameters) => {
        if (capturing) captured.push({ query, parameters: parameters ?? [] });
      },
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    const options = await buildDataSourceOptions({ engine: 'mysql', url: databaseUrl, migrateOnStart: false }, ALL_ENTITIES);
    const dataSource = new DataSource({ ...options, logging: ['query'], logger });
    await dataSource.initialize();
    const repository = new TicketsRepository(dataSource);
    return {
      repository,
      /** Runs `work` and returns the statements it sent. */
      async capture(work) {
        captured.length = 0;
        capturing = true;
        try {
          await work();
        } finally {
          capturing = false;
        }
        return [...captured];
      },
      close: () => dataSource.destroy(),
    };
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Samples `information_schema.PROCESSLIST` for statements running in `database` every `intervalMs`,
 * counting their shapes: a poor man's SQL profiler that shows what the server is waiting on.
 */
export function sampleProcesslist(pool, database, intervalMs = 10) {
  const shapes = new Map();
  let samples = 0;
  let busySamples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const [rows] = await pool.query(
        "SELECT INFO AS info FROM information_schema.PROCESSLIST WHERE DB = ? AND COMMAND = 'Query' AND INFO NOT LIKE '%information_schema.PROCESSLIST%'",
        [database],
      );
      samples++;
      if (/** @type {any[]} */ (rows).length > 0) busySamples++;
      for (const row of /** @type {Array<{info: string | null}>} */ (rows)) {
        if (!row.info) continue;
        const shape = shapeOf(row.info);
        shapes.set(shape, (shapes.get(shape) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, busySamples, shapes: [...shapes.entries()].sort((a, b) => b[1] - a[1]) };
    },
  };
}
