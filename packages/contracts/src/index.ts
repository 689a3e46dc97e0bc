export * from './errors.ts';
export * from './i18n.ts';
export * from './common.ts';
export * from './identity.ts';
export * from './org.ts';
export * from './health.ts';
export * from './catalog.ts';
