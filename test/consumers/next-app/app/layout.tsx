import type { ReactNode } from 'react';
import 'react-account-settings/styles.css';
import { Providers } from './providers';

export const metadata = { title: 'Account' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
