/** The engine's public surface: plain TypeScript, no Svelte, DOM, Dexie or i18next. */
export * from './module-schema';
export * from './library';
export * from './build-machine';
export * from './scoring';
export * from './saved-state';
export * from './compact';
export * from './scenario';
export * from './load-module';
export * from './shuffle';
export * from './safe-url';
export * from './accreditation';
export * from './instrument';
