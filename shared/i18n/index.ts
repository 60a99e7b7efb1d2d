export * from './messages.en';
export * from './messages.zh-CN';
export * from './translate';
export * from './format';
