export * from './errors';
export * from './categories';
export * from './users';
export * from './health';
