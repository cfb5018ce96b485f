import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { useFileDrop } from '../../src/components/avatar-uploader';

function CsvDrop({ isBusy = false }: { isBusy?: boolean }) {
  const [names, setNames] = useState<string[]>([]);
  const drop = useFileDrop({
    accept: 'text/csv',
    isBusy,
    onFile: (file) => file && setNames((all) => [...all, file.name]),
    pasteFilter: (file) => file.type === 'text/csv',
  });
  return (
    <section {...drop.getRootProps()} aria-label="Import">
      <div {...drop.getDropzoneProps()} data-testid="zone">
        <input {...drop.getInputProps()} data-testid="input" />
        <button type="button" onClick={drop.openFilePicker}>
          Choose
        </button>
      </div>
      <p>{names.join(', ') || 'none'}</p>
      <p>{drop.isDragging ? 'dragging' : 'still'}</p>
    </section>
  );
}

const csv = (name: string) => new File(['a,b'], name, { type: 'text/csv' });

describe('useFileDrop', () => {
  it('takes a chosen file, and the same file chosen twice counts twice', async () => {
    const user = userEvent.setup();
    render(<CsvDrop />);
    const input = screen.getByTestId<HTMLInputElement>('input');
    expect(input.accept).toBe('text/csv');
    await user.upload(input, csv('a.csv'));
    await user.upload(input, csv('a.csv'));
    expect(screen.getByText('a.csv, a.csv')).toBeTruthy();
  });

  it('shows dragging while a file is over the zone and takes the dropped file', () => {
    render(<CsvDrop />);
    const zone = screen.getByTestId('zone');
    fireEvent.dragEnter(zone, { dataTransfer: { files: [], dropEffect: 'none' } });
    expect(screen.getByText('dragging')).toBeTruthy();
    expect(zone.hasAttribute('data-dragging')).toBe(true);
    fireEvent.drop(zone, { dataTransfer: { files: [csv('dropped.csv')] } });
    expect(screen.getByText('still')).toBeTruthy();
    expect(screen.getByText('dropped.csv')).toBeTruthy();
  });

  it('takes the first pasted file that passes the filter, and nothing while busy', () => {
    const { rerender } = render(<CsvDrop />);
    const root = screen.getByRole('region', { name: 'Import' });
    const image = new File(['x'], 'x.png', { type: 'image/png' });
    fireEvent.paste(root, { clipboardData: { files: [image, csv('pasted.csv')] } });
    expect(screen.getByText('pasted.csv')).toBeTruthy();
    rerender(<CsvDrop isBusy />);
    fireEvent.drop(screen.getByTestId('zone'), { dataTransfer: { files: [csv('late.csv')] } });
    fireEvent.paste(root, { clipboardData: { files: [csv('late.csv')] } });
    expect(screen.getByText('pasted.csv')).toBeTruthy();
  });
});
