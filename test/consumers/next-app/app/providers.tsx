'use client';

import { useState, type ReactNode } from 'react';
import { AccountProvider } from 'react-account-settings/provider';
import { createMemoryAdapter } from 'react-account-settings/adapters/memory';

export function Providers({ children }: { children: ReactNode }) {
  // One adapter per page load, kept across renders. The server renders with a throwaway adapter
  // and no storage; only the browser reads and writes localStorage.
  const [adapter] = useState(() =>
    createMemoryAdapter({ storage: typeof window === 'undefined' ? undefined : window.localStorage }),
  );
  return (
    <AccountProvider adapter={adapter} locale="en-US">
      {children}
    </AccountProvider>
  );
}
