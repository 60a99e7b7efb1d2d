export * from './contract';
export * from './result';
export * from './dispatch';
export * from './client';
export * from './bridge';
