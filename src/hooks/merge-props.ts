import { composeEventHandlers } from '@radix-ui/primitive';
import { composeRefs } from '@radix-ui/react-compose-refs';
import type { CSSProperties, Ref } from 'react';

/**
 * What a prop getter returns when the host passed its own props: ours, with the host's other
 * props beside them (the host's value wins for anything that is not a handler, class, style or ref).
 */
export type MergedProps<Ours, Theirs> = Ours & Omit<Theirs, keyof Ours>;

type AnyProps = Record<string, unknown>;
type Handler = (event: { defaultPrevented?: boolean }) => unknown;

const isHandlerName = (name: string) => /^on[A-Z]/.test(name);

/**
 * Merges the host's props into a prop getter's: for each `on…` handler both gave, the host's runs
 * first and ours is skipped when it called `event.preventDefault()` (Radix's
 * `composeEventHandlers`); class names are joined, styles merged (the host's win), refs composed;
 * for anything else the host's value replaces ours.
 */
export function mergeProps<Ours extends object, Theirs extends object>(
  ours: Ours,
  theirs: Theirs | undefined,
): MergedProps<Ours, Theirs> {
  if (!theirs) return ours as MergedProps<Ours, Theirs>;
  const merged: AnyProps = { ...(ours as AnyProps) };
  const own = ours as AnyProps;
  for (const [name, value] of Object.entries(theirs)) {
    const ourValue = own[name];
    if (typeof value === 'function' && typeof ourValue === 'function' && isHandlerName(name)) {
      merged[name] = composeEventHandlers(value as Handler, ourValue as Handler);
    } else if (name === 'className') {
      merged[name] = [ourValue, value].filter(Boolean).join(' ') || undefined;
    } else if (name === 'style') {
      merged[name] = { ...(ourValue as CSSProperties | undefined), ...(value as CSSProperties | undefined) };
    } else if (name === 'ref' && ourValue !== undefined && value !== undefined) {
      merged[name] = composeRefs(ourValue as Ref<unknown>, value as Ref<unknown>);
    } else if (value !== undefined) {
      merged[name] = value;
    }
  }
  return merged as MergedProps<Ours, Theirs>;
}
