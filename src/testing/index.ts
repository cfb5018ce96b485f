export { describeAdapterConformance, type AdapterConformanceOptions } from './conformance';
export { makeBmp, makePng } from './image-fixtures';
