export { createLabelStudioAdapter, type LabelStudioAdapterOptions } from './label-studio-adapter';
export type { LabelStudioAuth } from './http';
