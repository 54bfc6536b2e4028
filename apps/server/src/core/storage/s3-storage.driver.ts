import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { OnModuleDestroy } from '@nestjs/common';
import { Readable } from 'node:stream';
import type { AppConfig } from '../config/app-config';
import type { StorageDriver, StoredObject } from './storage.driver';
import { StorageUnavailableError, StoredObjectNotFoundError } from './storage.error';
import { assertValidStorageKey } from './storage-key.util';

export type S3StorageConfig = NonNullable<AppConfig['storage']['s3']>;

/** A photo upload waits on this; a hung endpoint must fail the request, not hold it for minutes. */
const CONNECT_TIMEOUT_MS = 3_000;
const REQUEST_TIMEOUT_MS = 20_000;

function isNotFound(error: unknown): boolean {
  if (error instanceof NoSuchKey) return true;
  const status = (error as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
  return status === 404;
}

/** Production storage: an S3-compatible service (AWS, MinIO, Aliyun OSS, Tencent COS). */
export class S3StorageDriver implements StorageDriver, OnModuleDestroy {
  private readonly client: S3Client;
  private readonly bucket: string;

  constructor(config: S3StorageConfig) {
    this.bucket = config.bucket;
    this.client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: config.forcePathStyle,
      credentials:
        config.accessKeyId && config.secretAccessKey
          ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
          : undefined,
      // The SDK's default CRC32 checksum headers are refused by several S3-compatible services.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: CONNECT_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    });
  }

  async put(key: string, body: Buffer, contentType: string): Promise<void> {
    assertValidStorageKey(key);
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }),
      );
    } catch (error) {
      throw new StorageUnavailableError('put', key, error);
    }
  }

  async getStream(key: string): Promise<StoredObject> {
    assertValidStorageKey(key);
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(response.Body instanceof Readable)) throw new Error('S3 response body is not a Node.js stream');
      return {
        body: response.Body,
        contentType: response.ContentType ?? 'application/octet-stream',
        size: response.ContentLength,
      };
    } catch (error) {
      if (isNotFound(error)) throw new StoredObjectNotFoundError();
      throw new StorageUnavailableError('get', key, error);
    }
  }

  async getBuffer(key: string): Promise<Buffer> {
    const { body } = await this.getStream(key);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of body) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    } catch (error) {
      throw new StorageUnavailableError('get', key, error);
    }
    return Buffer.concat(chunks);
  }

  async delete(key: string): Promise<void> {
    assertValidStorageKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      if (!isNotFound(error)) throw new StorageUnavailableError('delete', key, error);
    }
  }

  /** Presigning is local computation (no request to the service), so it works even while S3 is down. */
  async signedGetUrl(key: string, ttlSeconds: number): Promise<string> {
    assertValidStorageKey(key);
    try {
      return await getSignedUrl(this.client, new GetObjectCommand({ Bucket: this.bucket, Key: key }), {
        expiresIn: ttlSeconds,
      });
    } catch (error) {
      throw new StorageUnavailableError('sign', key, error);
    }
  }

  onModuleDestroy(): void {
    this.client.destroy();
  }
}
