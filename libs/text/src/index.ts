export * from './normalize';
export * from './words';
export * from './pii';
export * from './spam';
export * from './classifier';
export * from './similarity';
