import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory';
import type { ProfilePatch } from '../../src/adapters/types';
import { useMutation } from '../../src/hooks/use-mutation';

function SaveButton({ adapter, onSaved }: { adapter: MemoryAdapter; onSaved?: () => void }) {
  const [name, setName] = useState('Grace');
  const save = useMutation((patch: ProfilePatch, signal) => adapter.updateProfile(patch, { signal }));
  return (
    <div>
      <label>
        First name
        <input value={name} onChange={(event) => setName(event.target.value)} />
      </label>
      <button
        type="button"
        aria-busy={save.isPending}
        onClick={async () => {
          const result = await save.run({ firstName: name });
          if (result?.ok) onSaved?.();
        }}
      >
        Save
      </button>
      <button type="button" onClick={save.cancel}>
        Cancel
      </button>
      <p role="status">{save.status}</p>
      {save.error ? <p role="alert">{save.error.message}</p> : null}
    </div>
  );
}

describe('useMutation', () => {
  /** An adapter whose updateProfile waits until the test lets it go, and says whether it was aborted. */
  function heldAdapter() {
    const adapter = createMemoryAdapter();
    let release: () => void = () => {};
    let signal: AbortSignal | undefined;
    let calls = 0;
    const held: MemoryAdapter = {
      ...adapter,
      updateProfile: async (patch, options) => {
        calls++;
        signal = options?.signal;
        await new Promise<void>((resolve) => (release = resolve));
        return adapter.updateProfile(patch, options);
      },
    };
    return {
      adapter,
      held,
      release: () => release(),
      wasAborted: () => signal?.aborted === true,
      calls: () => calls,
    };
  }

  it('saves once for a double click', async () => {
    const { adapter, held, release, calls } = heldAdapter();
    render(<SaveButton adapter={held} />);
    await userEvent.dblClick(screen.getByRole('button', { name: 'Save' }));
    // The first save is still on its way when the second click lands.
    expect(screen.getByRole('status')).toHaveTextContent('pending');
    release();
    expect(await screen.findByText('success')).toBeInTheDocument();
    expect(calls()).toBe(1);
    expect((await adapter.getCurrentUser()).firstName).toBe('Grace');
  });

  it('reports a failure and keeps what the user typed', async () => {
    const adapter = createMemoryAdapter();
    render(<SaveButton adapter={adapter} />);
    const input = screen.getByRole('textbox', { name: 'First name' });
    await userEvent.clear(input);
    await userEvent.type(input, 'x'.repeat(257));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Some profile fields are not valid.');
    expect(input).toHaveValue('x'.repeat(257));
  });

  it('shows nothing for a cancelled save and changes nothing', async () => {
    const { adapter, held, release, wasAborted } = heldAdapter();
    render(<SaveButton adapter={held} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByRole('status')).toHaveTextContent('pending');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByRole('status')).toHaveTextContent('idle');
    expect(wasAborted()).toBe(true);
    // The backend answers only after the cancel: the page still shows nothing and nothing changed.
    release();
    await expect.poll(async () => (await adapter.getCurrentUser()).firstName).toBe('Heidi');
    expect(screen.getByRole('status')).toHaveTextContent('idle');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('aborts the save when the component unmounts', async () => {
    const { adapter, held, release, wasAborted } = heldAdapter();
    const { unmount } = render(<SaveButton adapter={held} />);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    unmount();
    expect(wasAborted()).toBe(true);
    release();
    await expect.poll(async () => (await adapter.getCurrentUser()).firstName).toBe('Heidi');
  });
});
