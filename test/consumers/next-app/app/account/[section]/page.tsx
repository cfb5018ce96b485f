import { AccountPage } from './account-page';

// The README's router example: each section has its own URL, and the menu's links go through
// Next's router.
export default function SectionPage() {
  return <AccountPage />;
}
