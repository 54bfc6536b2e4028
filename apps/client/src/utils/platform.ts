/**
 * Taro replaces `process.env.TARO_ENV` with a literal at build time, so the other platform's branch
 * is dropped from each bundle (no WeChat-only component in H5, no DOM code in the mini program).
 */
export function isWeapp(): boolean {
  return process.env.TARO_ENV === 'weapp';
}
