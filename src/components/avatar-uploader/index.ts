export { AvatarUploader, type AvatarUploaderProps } from './avatar-uploader';
export {
  useAvatarUpload,
  type AvatarDropzoneProps,
  type AvatarInputProps,
  type AvatarPhase,
  type AvatarNotice,
  type AvatarRootProps,
  type UseAvatarUploadOptions,
  type UseAvatarUploadResult,
} from '../../hooks/use-avatar-upload';
export {
  useFileDrop,
  type FileDropzoneProps,
  type FileInputProps,
  type FilePasteProps,
  type UseFileDropOptions,
  type UseFileDropResult,
} from '../../hooks/use-file-drop';
