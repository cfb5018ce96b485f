export { AvatarUploader, type AvatarUploaderProps } from './avatar-uploader';
export {
  useAvatarUpload,
  type AvatarDropzoneProps,
  type AvatarInputProps,
  type AvatarPhase,
  type AvatarRootProps,
  type UseAvatarUploadOptions,
  type UseAvatarUploadResult,
} from '../../hooks/use-avatar-upload';
