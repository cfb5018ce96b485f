/** The keyboard convention to display: Apple's (⌘, ⌥) or everyone else's (Ctrl, Alt). */
export type Platform = 'mac' | 'other';

interface NavigatorWithUserAgentData {
  userAgentData?: { platform?: string };
  platform?: string;
  userAgent?: string;
}

/** Tells the platform from the browser's navigator; `'other'` where there is none (on a server). */
export function detectPlatform(): Platform {
  if (typeof navigator === 'undefined') return 'other';
  const nav = navigator as NavigatorWithUserAgentData;
  const name = nav.userAgentData?.platform || nav.platform || nav.userAgent || '';
  return /mac|iphone|ipad|ipod/i.test(name) ? 'mac' : 'other';
}
