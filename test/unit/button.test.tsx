import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Button } from '../../src/components/shared/button';

describe('Button', () => {
  it('stays focusable while unavailable, says why, and ignores clicks', async () => {
    const onClick = vi.fn();
    render(
      <>
        <Button unavailable unavailableReasonId="why" aria-describedby="hint" onClick={onClick}>
          Create
        </Button>
        <p id="hint">Up to 3 tokens.</p>
        <p id="why">You already have 3.</p>
      </>,
    );
    const button = screen.getByRole('button', { name: 'Create' });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveAccessibleDescription('Up to 3 tokens. You already have 3.');
    await userEvent.tab();
    expect(button).toHaveFocus();
    await userEvent.click(button);
    await userEvent.keyboard('{Enter}');
    expect(onClick).not.toHaveBeenCalled();
  });

  it('runs its action once available, and the reason is no longer its description', async () => {
    const onClick = vi.fn();
    render(
      <>
        <Button unavailable={false} unavailableReasonId="why" onClick={onClick}>
          Create
        </Button>
        <p id="why">You already have 3.</p>
      </>,
    );
    const button = screen.getByRole('button', { name: 'Create' });
    expect(button).toHaveAttribute('aria-disabled', 'false');
    expect(button).toHaveAccessibleDescription('');
    await userEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is busy and ignores clicks while pending, and a pending submit button does not submit', async () => {
    const onSubmit = vi.fn((event: SubmitEvent) => event.preventDefault());
    const { container } = render(
      <form aria-label="Profile">
        <label>
          Name <input defaultValue="Ada" />
        </label>
        <Button type="submit" pending>
          Save
        </Button>
      </form>,
    );
    container.querySelector('form')!.addEventListener('submit', onSubmit);
    const button = screen.getByRole('button', { name: 'Save' });
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await userEvent.click(button);
    await userEvent.type(screen.getByRole('textbox', { name: 'Name' }), '{Enter}');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('writes no aria-disabled when availability is not given', () => {
    render(<Button>Close</Button>);
    expect(screen.getByRole('button', { name: 'Close' })).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('button', { name: 'Close' })).toHaveAttribute('type', 'button');
  });
});
