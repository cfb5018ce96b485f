export { AvatarUploader, type AvatarUploaderProps } from './avatar-uploader';
export {
  useAvatarUpload,
  type AvatarPhase,
  type UseAvatarUploadOptions,
  type UseAvatarUploadResult,
} from '../../hooks/use-avatar-upload';
