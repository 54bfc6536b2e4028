export * from './word-rule.types';
export * from './word-rule.error';
export * from './word-matcher.util';
export * from './mask-text.util';
export * from './default-word-rules.data';
