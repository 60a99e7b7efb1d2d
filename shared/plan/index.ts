export * from './types';
export * from './months';
export * from './range';
export * from './schema';
export * from './rules';
export * from './parse';
export * from './upgrade';
export * from './gate';
