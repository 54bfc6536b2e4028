import type { Readable } from 'node:stream';

/** Injection token of the configured {@link StorageDriver}. */
export const STORAGE_DRIVER = Symbol('STORAGE_DRIVER');

export interface StoredObject {
  body: Readable;
  contentType: string;
  /** Bytes, when the backend says so up front. */
  size?: number;
}

/**
 * Where photo bytes live: local disk in embedded mode, an S3-compatible bucket in production.
 * Keys are relative, slash-separated and checked by {@link assertValidStorageKey}; failures of the backend
 * surface as {@link StorageUnavailableError}, a key that holds nothing as {@link StoredObjectNotFoundError}.
 */
export interface StorageDriver {
  put(key: string, body: Buffer, contentType: string): Promise<void>;
  getStream(key: string): Promise<StoredObject>;
  getBuffer(key: string): Promise<Buffer>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** A URL anyone holding it may GET until it expires; the only way photos leave the server. */
  signedGetUrl(key: string, ttlSeconds: number): Promise<string>;
}
