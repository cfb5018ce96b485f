import {
  useRef,
  useState,
  type ChangeEvent,
  type ClipboardEvent,
  type ComponentPropsWithRef,
  type DragEvent,
  type RefCallback,
} from 'react';
import { mergeProps, type MergedProps } from './merge-props';

/** Options of `useFileDrop`. */
export interface UseFileDropOptions {
  /** The `accept` attribute of the file input, such as `image/png,image/jpeg`. */
  accept: string;
  /** Called with the file that was chosen, dropped or pasted. */
  onFile: (file: File | undefined) => void;
  /** Whether files can be dragged over the drop zone now (drop and paste are refused while busy). @default true */
  canDrop?: boolean;
  /** Whether something is under way, so a new file is ignored. @default false */
  isBusy?: boolean;
  /** Which pasted files count (the first that passes is taken). @default every file */
  pasteFilter?: (file: File) => boolean;
}

/** What `getInputProps` gives the hidden file input. */
export interface FileInputProps {
  ref: RefCallback<HTMLInputElement>;
  type: 'file';
  accept: string;
  tabIndex: -1;
  hidden: true;
  onChange: (event: ChangeEvent<HTMLInputElement>) => void;
}

/** What `getDropzoneProps` gives the element files can be dropped on. */
export interface FileDropzoneProps {
  onDragEnter: (event: DragEvent) => void;
  onDragOver: (event: DragEvent) => void;
  onDragLeave: (event: DragEvent) => void;
  onDrop: (event: DragEvent) => void;
  'data-dragging': '' | undefined;
}

/** What `getRootProps` gives the element that takes pasted files. */
export interface FilePasteProps {
  onPaste: (event: ClipboardEvent) => void;
}

/** What `useFileDrop` returns: whether a file is over the zone, the picker, and prop getters. */
export interface UseFileDropResult {
  /** Whether a file is being dragged over the drop zone. */
  isDragging: boolean;
  /** Opens the browser's file picker. */
  openFilePicker: () => void;
  /** Props for the hidden `<input type="file">`, merged with the host's own (the host's handlers run first, refs are composed). */
  getInputProps: <P extends ComponentPropsWithRef<'input'>>(userProps?: P) => MergedProps<FileInputProps, P>;
  /** Props for the element that files can be dropped on, merged with the host's own (the host's handlers run first). */
  getDropzoneProps: <P extends ComponentPropsWithRef<'div'>>(userProps?: P) => MergedProps<FileDropzoneProps, P>;
  /** Props for the element that takes pasted files while focus is inside, merged with the host's own. */
  getRootProps: <P extends ComponentPropsWithRef<'section'>>(userProps?: P) => MergedProps<FilePasteProps, P>;
}

/**
 * One file from a hidden picker, a drop zone or the clipboard: the headless part every file
 * control shares. Choosing the same file twice still reports it; nothing is taken while busy.
 *
 * @example
 * const drop = useFileDrop({ accept: 'text/csv', onFile: (file) => file && importCsv(file) });
 * <div {...drop.getDropzoneProps()}><input {...drop.getInputProps()} /></div>
 */
export function useFileDrop(options: UseFileDropOptions): UseFileDropResult {
  const { accept, onFile, canDrop = true, isBusy = false, pasteFilter } = options;
  const [isDragging, setIsDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement | null>(null);

  return {
    isDragging,
    openFilePicker: () => inputRef.current?.click(),
    getInputProps: (userProps) =>
      mergeProps<FileInputProps, NonNullable<typeof userProps>>(
        {
          ref: (element) => {
            inputRef.current = element;
          },
          type: 'file',
          accept,
          tabIndex: -1,
          hidden: true,
          onChange: (event) => {
            const file = event.target.files?.[0];
            // Clear the input so that choosing the same file again still fires a change.
            event.target.value = '';
            if (!isBusy) onFile(file);
          },
        },
        userProps,
      ),
    getDropzoneProps: (userProps) =>
      mergeProps<FileDropzoneProps, NonNullable<typeof userProps>>(
        {
          onDragEnter: (event) => {
            if (!canDrop || isBusy) return;
            event.preventDefault();
            setIsDragging(true);
          },
          onDragOver: (event) => {
            if (!canDrop || isBusy) return;
            // Without preventDefault the browser refuses the drop.
            event.preventDefault();
            event.dataTransfer.dropEffect = 'copy';
          },
          onDragLeave: (event) => {
            if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
            setIsDragging(false);
          },
          onDrop: (event) => {
            event.preventDefault();
            setIsDragging(false);
            if (!isBusy) onFile(event.dataTransfer.files[0]);
          },
          'data-dragging': isDragging ? '' : undefined,
        },
        userProps,
      ),
    getRootProps: (userProps) =>
      mergeProps<FilePasteProps, NonNullable<typeof userProps>>(
        {
          onPaste: (event) => {
            const file = Array.from(event.clipboardData.files).find((item) => !pasteFilter || pasteFilter(item));
            if (!file || isBusy) return;
            event.preventDefault();
            onFile(file);
          },
        },
        userProps,
      ),
  };
}
