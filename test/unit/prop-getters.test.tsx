import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { useAvatarUpload } from '../../src/components/avatar-uploader';
import { useHotkeyRecorder } from '../../src/components/hotkey-recorder';
import { useProfileForm } from '../../src/components/profile-form';
import { mergeProps } from '../../src/hooks/merge-props';
import { AccountProvider } from '../../src/provider/account-provider';

interface HostDropzoneProps {
  onDragEnter: (event: DragEvent<HTMLDivElement>) => void;
}

/** A host's own dropzone built on the headless hook, with its own class, style and handler. */
function HostDropzone({ onDragEnter }: HostDropzoneProps) {
  const avatar = useAvatarUpload();
  return (
    <div
      data-testid="dropzone"
      {...avatar.getDropzoneProps({ className: 'host-dropzone', style: { outline: '1px solid' }, onDragEnter })}
    >
      Drop a photo
    </div>
  );
}

interface HostRecorderProps {
  onClick?: (event: MouseEvent<HTMLButtonElement>) => void;
  onInputKeyDown?: (event: KeyboardEvent<HTMLInputElement>) => void;
}

/** A host's own recorder: a button and the typed fallback, both with the host's handlers. */
function HostRecorder({ onClick, onInputKeyDown }: HostRecorderProps) {
  const recorder = useHotkeyRecorder({ actionLabel: 'Submit', defaultValue: 'ctrl+enter' });
  return (
    <div>
      <button {...recorder.getButtonProps({ className: 'host-button', onClick })}>{recorder.display}</button>
      <button type="button" onClick={recorder.startTyping}>
        Type it
      </button>
      {recorder.isTyping ? <input {...recorder.getTextInputProps({ onKeyDown: onInputKeyDown })} /> : null}
      <output>{recorder.value}</output>
    </div>
  );
}

function withProvider(ui: React.ReactElement) {
  return render(
    <AccountProvider adapter={createMemoryAdapter()} platform="other">
      {ui}
    </AccountProvider>,
  );
}

describe('prop getters take the host’s props', () => {
  it('runs the host’s dropzone handler before ours, and ours still runs', () => {
    const seen: boolean[] = [];
    withProvider(<HostDropzone onDragEnter={(event) => seen.push(event.defaultPrevented)} />);
    const dropzone = screen.getByTestId('dropzone');
    fireEvent.dragEnter(dropzone, { dataTransfer: { types: ['Files'] } });
    // Ours calls preventDefault: the host saw the event before that happened.
    expect(seen).toEqual([false]);
    expect(dropzone).toHaveAttribute('data-dragging');
  });

  it('skips our dropzone handler when the host’s calls preventDefault', () => {
    withProvider(<HostDropzone onDragEnter={(event) => event.preventDefault()} />);
    const dropzone = screen.getByTestId('dropzone');
    fireEvent.dragEnter(dropzone, { dataTransfer: { types: ['Files'] } });
    expect(dropzone).not.toHaveAttribute('data-dragging');
  });

  it('keeps the host’s class and style on the dropzone', () => {
    withProvider(<HostDropzone onDragEnter={() => {}} />);
    const dropzone = screen.getByTestId('dropzone');
    expect(dropzone).toHaveClass('host-dropzone');
    expect(dropzone.style.outline).toBe('1px solid');
  });

  it('starts recording after the host’s click handler, unless it called preventDefault', async () => {
    const clicks: string[] = [];
    const { unmount } = withProvider(<HostRecorder onClick={() => clicks.push('host')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' }));
    expect(clicks).toEqual(['host']);
    expect(screen.getByRole('button', { name: 'Press a shortcut… (Esc cancels, Tab leaves)' })).toHaveAttribute(
      'data-state',
      'recording',
    );
    expect(screen.getByRole('button', { name: 'Press a shortcut… (Esc cancels, Tab leaves)' })).toHaveClass(
      'host-button',
    );
    unmount();

    withProvider(<HostRecorder onClick={(event) => event.preventDefault()} />);
    const button = screen.getByRole('button', { name: 'Shortcut for Submit: Ctrl+Enter' });
    await userEvent.click(button);
    expect(button).toHaveAttribute('data-state', 'idle');
  });

  it('lets the host’s Enter in the typed fallback run first, and skip ours with preventDefault', async () => {
    const seen: boolean[] = [];
    const { unmount } = withProvider(<HostRecorder onInputKeyDown={(event) => seen.push(event.defaultPrevented)} />);
    await userEvent.click(screen.getByRole('button', { name: 'Type it' }));
    const input = screen.getByRole('textbox');
    await userEvent.clear(input);
    await userEvent.type(input, 'alt+k{Enter}');
    expect(seen.at(-1)).toBe(false);
    expect(screen.getByRole('status')).toHaveTextContent('alt+k');
    unmount();

    withProvider(
      <HostRecorder
        onInputKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Type it' }));
    const second = screen.getByRole('textbox');
    await userEvent.clear(second);
    await userEvent.type(second, 'alt+k{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('ctrl+enter');
    expect(second).toBeInTheDocument();
  });

  it('composes the host’s ref with the form’s own registration', async () => {
    const ref = createRef<HTMLInputElement>();
    function HostProfile() {
      const profile = useProfileForm();
      return (
        <form onSubmit={profile.save.run}>
          <label htmlFor={profile.inputId('firstName')}>First</label>
          <input {...profile.getInputProps('firstName', { ref, className: 'host-input' })} />
        </form>
      );
    }
    withProvider(<HostProfile />);
    const input = await screen.findByDisplayValue('Heidi');
    expect(ref.current).toBe(input);
    expect(input).toHaveClass('host-input');
    expect(input).toHaveAccessibleName('First');
  });
});

describe('mergeProps', () => {
  it('joins class names, merges styles with the host’s winning, and lets other host values replace ours', () => {
    const merged = mergeProps(
      { className: 'ours', style: { color: 'red', margin: 1 }, id: 'ours', 'aria-label': 'Ours' },
      { className: 'theirs', style: { color: 'blue' }, id: 'theirs' },
    );
    expect(merged).toEqual({
      className: 'ours theirs',
      style: { color: 'blue', margin: 1 },
      id: 'theirs',
      'aria-label': 'Ours',
    });
  });
});
