import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory';
import { MemberDetails } from '../../src/components/members-list';
import { AccountProvider } from '../../src/provider/account-provider';

function renderDetails(props: { 'aria-label'?: string } = {}) {
  return render(
    <AccountProvider adapter={createMemoryAdapter()}>
      <MemberDetails memberId="2" timeZone="UTC" {...props} />
    </AccountProvider>,
  );
}

describe('MemberDetails: how the section is named', () => {
  it('is "Member details" while loading, then takes the member\'s name', async () => {
    renderDetails();
    expect(screen.getByRole('region', { name: 'Member details' })).toHaveAttribute('aria-busy', 'true');
    const region = await screen.findByRole('region', { name: 'Ada Lovelace' });
    expect(region).toContainElement(screen.getByRole('heading', { name: 'Ada Lovelace' }));
  });

  it('keeps a name the host gave it', async () => {
    renderDetails({ 'aria-label': 'Selected person' });
    await screen.findByRole('heading', { name: 'Ada Lovelace' });
    expect(screen.getByRole('region', { name: 'Selected person' })).toBeInTheDocument();
  });
});
