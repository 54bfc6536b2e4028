export * from './spam-signal.types';
export * from './spam-thresholds';
export * from './spam-signals.util';
