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
  let activeRecorders = 0;
  return {
    begin() {
      activeRecorders++;
      let done = false;
      return () => {
        if (done) return;
        done = true;
        activeRecorders--;
      };
    },
    isRecording: () => activeRecorders > 0,
  };
}
