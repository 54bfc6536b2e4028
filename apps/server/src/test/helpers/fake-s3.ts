import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

interface S3rverOptions {
  address: string;
  port: number;
  directory: string;
  silent: boolean;
  configureBuckets: Array<{ name: string }>;
}

interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer?: Server;
}

// s3rver ships no type declarations; these are the parts of its API the tests use.
const S3rver = createRequire(__filename)('s3rver') as new (options: S3rverOptions) => S3rverServer;

/** s3rver accepts only this key pair for signed requests. */
const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface FakeS3 {
  endpoint: string;
  bucket: string;
  /** Server environment that points STORAGE_DRIVER=s3 at this server. */
  env: Record<string, string>;
  /** A client of our own, to look into the bucket behind the application's back. */
  client: S3Client;
  objectKeys(): Promise<string[]>;
  /** Stops answering (open connections are cut too), as an outage would. */
  stop(): Promise<void>;
  /** Stops and removes its files. */
  destroy(): Promise<void>;
}

/** A real S3 protocol server on a random loopback port, storing into a temporary directory. */
export async function startFakeS3(bucket = 'ssp-photos'): Promise<FakeS3> {
  const directory = mkdtempSync(path.join(tmpdir(), 'ssp-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: CREDENTIALS });
  let running = true;
  const stop = async () => {
    if (!running) return;
    running = false;
    const closed = server.close();
    server.httpServer?.closeAllConnections();
    await closed;
  };
  return {
    endpoint,
    bucket,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
      S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
    client,
    objectKeys: async () => {
      const listing = await client.send(new ListObjectsV2Command({ Bucket: bucket }));
      return (listing.Contents ?? []).map((object) => object.Key ?? '').sort();
    },
    stop,
    destroy: async () => {
      await stop();
      client.destroy();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
