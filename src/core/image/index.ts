export {
  IMAGE_HEADER_MAX_BYTES,
  readImageHeader,
  sniffImageType,
  type ImageHeaderResult,
  type ImageType,
  type SniffedType,
} from './read-image-header';
export { checkImageComplete, type ImageCompletenessResult } from './check-image-complete';
export {
  fileSizeUnitFor,
  formatFileSize,
  imageTypeName,
  listImageTypes,
  validateAvatarFile,
  type AvatarLimits,
  type AvatarRejectionDetails,
  type AvatarRejectionCode,
  type AvatarValidationResult,
  type FileSizeUnit,
} from './validate-avatar-file';
