import multipart from '@fastify/multipart';
import { ErrorCode } from '@ssp/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../../core/errors/domain.error';

/** The form field `wx.uploadFile` sends the photo in (its `name` option). */
export const UPLOAD_FIELD = 'file';

/**
 * One photo per request, plus a few small text fields (`wx.uploadFile` may add `formData`). busboy
 * enforces these while streaming, so an oversized upload stops at `maxBytes + 1` bytes read.
 */
export function uploadLimits(maxBytes: number) {
  return { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 50 };
}

/**
 * Adds multipart parsing to the Fastify instance Nest runs on; routes read bodies with `request.parts()`
 * themselves, so no other route starts accepting files. Deliberately not awaited: awaiting a plugin
 * makes Fastify settle the routes Nest has added so far, and they would keep Fastify's default error
 * handler instead of the one Nest sets later in `init()`. Queued, it loads when the server starts.
 */
export function registerMultipart(fastify: FastifyInstance, maxBytes: number): void {
  if (fastify.hasRequestDecorator('isMultipart')) return;
  void fastify.register(multipart, { limits: uploadLimits(maxBytes) });
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

function fromMultipartError(error: unknown, maxBytes: number): unknown {
  if (error instanceof DomainError) return error;
  switch (codeOf(error)) {
    case 'FST_REQ_FILE_TOO_LARGE':
      return new DomainError(ErrorCode.PAYLOAD_TOO_LARGE, `照片不能超过 ${(maxBytes / 1024 / 1024).toFixed(1)} MB`, { maxBytes });
    case 'FST_FILES_LIMIT':
      return new DomainError(ErrorCode.VALIDATION_FAILED, '一次只能上传一张照片');
    case 'FST_PARTS_LIMIT':
    case 'FST_FIELDS_LIMIT':
      return new DomainError(ErrorCode.VALIDATION_FAILED, '表单字段过多');
    default:
      // busboy reports a broken body (bad boundary, cut-off part) as a plain Error without a code.
      return error instanceof Error
        ? new DomainError(ErrorCode.VALIDATION_FAILED, '上传内容不完整或格式有误，请重试')
        : error;
  }
}

/** Reads the single photo of a multipart request into memory (bounded by `maxBytes`). */
export async function readSingleUpload(request: FastifyRequest, maxBytes: number): Promise<Buffer> {
  if (!request.isMultipart()) {
    throw new DomainError(ErrorCode.UNSUPPORTED_MEDIA_TYPE, `请以 multipart/form-data 上传照片（字段名 ${UPLOAD_FIELD}）`);
  }
  let photo: Buffer | undefined;
  try {
    for await (const part of request.parts({ limits: uploadLimits(maxBytes) })) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== UPLOAD_FIELD) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `照片应放在字段 ${UPLOAD_FIELD} 中`, { field: part.fieldname });
      }
      photo = await part.toBuffer();
    }
  } catch (error) {
    throw fromMultipartError(error, maxBytes);
  }
  if (!photo) throw new DomainError(ErrorCode.VALIDATION_FAILED, `没有收到照片（字段名 ${UPLOAD_FIELD}）`);
  if (photo.length === 0) throw new DomainError(ErrorCode.VALIDATION_FAILED, '照片文件是空的');
  return photo;
}
