import type { Meta, StoryObj } from '@storybook/react-vite';
import { useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConfirmDialog } from '../src/components/shared/confirm-dialog';
import { overrideId } from '../src/core/hotkeys';
import { useHotkeys } from '../src/hooks/hotkeys';
import { labelStudioDefaultHotkeys } from '../src/label-studio';

// Three of Label Studio's actions: Enter focuses the first region, Escape exits region mode, R picks the rectangle tool.
const DEFINITIONS = labelStudioDefaultHotkeys.filter((definition) =>
  ['region:focus', 'region:exit', 'tool:rect'].includes(definition.element),
);

/** A host page that reports the last shortcut it ran, with a button that opens a confirm dialog. */
function ShortcutTester() {
  const [last, setLast] = useState('none yet');
  const [open, setOpen] = useState(false);
  useHotkeys(
    Object.fromEntries(DEFINITIONS.map((definition) => [overrideId(definition), () => setLast(definition.label)])),
    { definitions: DEFINITIONS },
  );
  return (
    <div>
      <p role="status">Last shortcut: {last}</p>
      <button type="button" onClick={() => setOpen(true)}>
        Delete annotation
      </button>
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Delete this annotation?"
        description="Its regions are deleted too."
        confirmLabel="Delete"
        cancelLabel="Cancel"
        onConfirm={() => setOpen(false)}
        destructive
      />
    </div>
  );
}

const meta = {
  title: 'Hotkeys/useHotkeys',
  component: ShortcutTester,
  parameters: {
    docs: {
      description: {
        component:
          "`useHotkeys` runs the host's handlers for the user's shortcuts (from `react-account-settings/use-hotkeys`). Here it binds three of Label Studio's: Enter (Focus First Region), Escape (Exit Region Mode) and R (Rectangle Tool). Keys the focused control uses, and every key while the confirm dialog is open, run nothing.",
      },
    },
  },
} satisfies Meta<typeof ShortcutTester>;

export default meta;
type Story = StoryObj<typeof meta>;

/** R pressed on the page runs Rectangle Tool. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Last shortcut: none yet');
    await userEvent.keyboard('r');
    await expect(canvas.getByRole('status')).toHaveTextContent('Last shortcut: Rectangle Tool');
  },
};

/** Enter on the focused button presses the button (the dialog opens) and runs no shortcut; R in the open dialog runs nothing either. */
export const KeysForControlsAndDialogs: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const body = within(canvasElement.ownerDocument.body);
    canvas.getByRole('button', { name: 'Delete annotation' }).focus();
    await userEvent.keyboard('{Enter}');
    const dialog = await body.findByRole('alertdialog', { name: 'Delete this annotation?' });
    await userEvent.keyboard('r');
    await expect(canvas.getByRole('status', { hidden: true })).toHaveTextContent('Last shortcut: none yet');

    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(dialog).not.toBeInTheDocument());
    await expect(canvas.getByRole('status')).toHaveTextContent('Last shortcut: none yet');
    await userEvent.keyboard('r');
    await expect(canvas.getByRole('status')).toHaveTextContent('Last shortcut: Rectangle Tool');
  },
};
