import { AccountSettings } from 'react-account-settings/account-settings';

// A Server Component: no 'use client' here. AccountSettings is a client component, and the
// provider from the layout reaches it.
export default function AccountPage() {
  return (
    <main>
      <h1>Account</h1>
      <AccountSettings />
    </main>
  );
}
