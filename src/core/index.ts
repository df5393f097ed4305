export * from './errors.js';
export * from './fitted-model.js';
export * from './freeze.js';
export * from './safe.js';
export * from './time-unit.js';
export * from './validate.js';
