import { createContext, useContext } from 'react';
import { createOverridesChannel, type OverridesChannel } from './overrides-channel';
import { createRecordingState, type RecordingState } from './recording';

/** What the hotkey hooks under one provider share: saved overrides to rebind on, and whether a recorder records. */
export interface HotkeysCoordination {
  /** Where a HotkeyEditor announces saved overrides to the `useHotkeys` of the same provider. */
  overrides: OverridesChannel;
  /** Whether a HotkeyRecorder of the same provider is recording (its `useHotkeys` pause meanwhile). */
  recording: RecordingState;
}

/** A fresh coordination, one per `AccountProvider`. */
export function createHotkeysCoordination(): HotkeysCoordination {
  return { overrides: createOverridesChannel(), recording: createRecordingState() };
}

/** Outside any provider, hooks share one page-wide coordination, as they did before there were providers to hold it. */
export const HotkeysContext = createContext<HotkeysCoordination>(createHotkeysCoordination());

/** The nearest provider's hotkey coordination, or the page-wide one outside a provider. */
export function useHotkeysCoordination(): HotkeysCoordination {
  return useContext(HotkeysContext);
}
