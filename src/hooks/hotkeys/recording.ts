/**
 * Whether any HotkeyRecorder is recording. The app's own shortcuts are suspended meanwhile, so
 * the keys a user presses to record a shortcut do not also run an action.
 */
let activeRecorders = 0;

/** Marks a recorder as recording; the returned function marks it done (call it exactly once). */
export function beginRecording(): () => void {
  activeRecorders++;
  let done = false;
  return () => {
    if (done) return;
    done = true;
    activeRecorders--;
  };
}

/** Whether a recorder is recording right now. */
export function isRecordingHotkey(): boolean {
  return activeRecorders > 0;
}
