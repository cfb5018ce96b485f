export {
  IMAGE_HEADER_MAX_BYTES,
  readImageHeader,
  sniffImageType,
  type ImageHeaderResult,
  type ImageType,
  type SniffedType,
} from './read-image-header';
export {
  formatFileSize,
  imageTypeName,
  listImageTypes,
  validateAvatarFile,
  type AvatarLimits,
  type AvatarRejectionDetails,
  type AvatarRejectionCode,
  type AvatarValidationResult,
} from './validate-avatar-file';
