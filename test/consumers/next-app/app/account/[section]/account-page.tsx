'use client';
import { useParams, useRouter } from 'next/navigation';
import { AccountSettings } from 'react-account-settings/account-settings';

export function AccountPage() {
  const router = useRouter();
  const { section } = useParams<{ section: string }>();
  return (
    <AccountSettings
      section={section}
      getSectionHref={(id) => `/account/${id}`}
      navigate={(href) => router.push(href)}
    />
  );
}
