import { createConnection } from 'mysql2/promise';

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/**
 * Creates an empty utf8mb4 database beside the one a URL names (same server and credentials), for
 * tests and the migration generator; `drop` removes it again.
 */
export async function createScratchMysqlDatabase(serverUrl: string, name: string): Promise<ScratchDatabase> {
  if (!/^[a-z0-9_]{1,64}$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  const url = new URL(serverUrl);
  url.protocol = 'mysql:';
  const adminUrl = new URL(url.toString());
  adminUrl.pathname = '/';
  const connect = () => createConnection({ uri: adminUrl.toString(), connectTimeout: 5000 });
  const connection = await connect();
  try {
    await connection.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await connection.end();
  }
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const dropper = await connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await dropper.end();
      }
    },
  };
}
