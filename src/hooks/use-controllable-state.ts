import { useEffect, useRef, useState } from 'react';

/**
 * A value a parent may control (`value` + `onChange`) or leave to the component
 * (`defaultValue`), as Radix's useControllableState: one setter for both.
 */
export function useControllableState<T>(
  value: T | undefined,
  defaultValue: T,
  onChange: ((value: T) => void) | undefined,
): [T, (next: T) => void] {
  const [own, setOwn] = useState(defaultValue);
  const isControlled = value !== undefined;
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const set = (next: T) => {
    if (!isControlled) setOwn(next);
    onChangeRef.current?.(next);
  };
  return [isControlled ? value : own, set];
}
