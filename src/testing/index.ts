export {
  DEFAULT_CONFORMANCE_RULES,
  describeAdapterConformance,
  toConformanceRules,
  type AdapterConformanceOptions,
  type ConformanceRules,
  type ConformanceScope,
} from './conformance';
export { makeBmp, makePng, type MakePngOptions } from './image-fixtures';
