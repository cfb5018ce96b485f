/**
 * Whether a HotkeyRecorder of one provider is recording. That provider's shortcuts are suspended
 * meanwhile, so the keys a user presses to record a shortcut do not also run an action.
 */
export interface RecordingState {
  /** Marks a recorder as recording; the returned function marks it done (call it exactly once). */
  begin: () => () => void;
  /** Whether a recorder is recording right now. */
  isRecording: () => boolean;
}

/** A recording state of its own, for one provider. */
export function createRecordingState(): RecordingState {
  // One token per recorder that is recording; ending twice deletes nothing more.
  const recorders = new Set<object>();
  return {
    begin() {
      const token = {};
      recorders.add(token);
      return () => {
        recorders.delete(token);
      };
    },
    isRecording: () => recorders.size > 0,
  };
}
