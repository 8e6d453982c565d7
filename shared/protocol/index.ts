// The watchfloor.v1 wire protocol between a console and an endpoint. These
// schemas are the single source of truth: the console validates every frame
// with them, the demo endpoint builds its frames from them, and the JSON
// Schema in docs/schema/ is generated from them (`npm run schema`).
export * from './actions';
export * from './catalog';
export * from './deployments';
export * from './events';
export * from './ids';
export * from './json-limits';
export * from './messages';
export * from './samples';
export * from './wire';
