// The first factory module, kept so existing imports work: builders now live in
// test/factories/<area>.ts, one module per area.
export { applicationFor, createStudio, type StudioOptions } from './factories/studios.ts';
export type { Place } from './factories/demo.ts';
