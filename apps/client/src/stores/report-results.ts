import type { CreateReportResponse } from '@ssp/contracts';

/**
 * The answer to the last submit, handed to the result page in memory: right after a submit on a bad
 * network, asking the server again for what it just said is the request most likely to fail. A result
 * page opened any other way (H5 reload) loads the report instead.
 */
let lastResult: CreateReportResponse | null = null;

export function rememberReportResult(result: CreateReportResponse): void {
  lastResult = result;
}

export function rememberedReportResult(reportId: string): CreateReportResponse | null {
  return lastResult?.id === reportId ? lastResult : null;
}
