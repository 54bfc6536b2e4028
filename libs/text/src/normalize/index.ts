export * from './normalized-text.types';
export * from './normalize-text.util';
export * from './width-fold.util';
