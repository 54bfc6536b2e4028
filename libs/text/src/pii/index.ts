export * from './pii.types';
export * from './id-card.util';
export * from './find-personal-data.util';
