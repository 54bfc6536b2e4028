export * from './types';
export * from './validation.util';
export * from './distance.util';
export * from './geohash.util';
export * from './polygon.util';
export * from './coords.util';
