import { createConnection } from 'mysql2/promise';

export type MysqlFlavor = 'mysql' | 'mariadb';

/**
 * TypeORM needs to know whether it talks to MySQL or MariaDB: with the wrong driver it reads MariaDB's
 * column defaults wrongly and reports schema drift that is not there. The server's version string tells.
 */
export async function detectMysqlFlavor(url: string): Promise<MysqlFlavor> {
  if (url.startsWith('mariadb:')) return 'mariadb';
  const connection = await createConnection({ uri: url, connectTimeout: 10_000 });
  try {
    const [rows] = await connection.query('SELECT VERSION() AS version');
    const version = (rows as Array<{ version: string }>)[0]?.version ?? '';
    return version.toLowerCase().includes('mariadb') ? 'mariadb' : 'mysql';
  } finally {
    await connection.end();
  }
}
