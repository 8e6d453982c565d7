// The watchfloor.v1 wire protocol between a console and an endpoint. These
// schemas are the single source of truth: the console validates every frame
// with them, the demo endpoint builds its frames from them, and the JSON
// Schema in docs/schema/ is generated from them (`npm run schema`).
export * from './protocol/actions';
export * from './protocol/catalog';
export * from './protocol/deployments';
export * from './protocol/events';
export * from './protocol/ids';
export * from './protocol/messages';
export * from './protocol/samples';
export * from './protocol/wire';
