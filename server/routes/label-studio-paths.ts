// Every path the server answers, spelled as Label Studio's URL patterns spell it (users/urls.py,
// organizations/urls.py, jwt_auth/urls.py, projects/urls.py, DRF's DefaultRouter): some end in a
// slash and some don't. An extra slash is a 404 there, and so it is here. A request that lacks the
// slash of a path that has one is served as if it had it, without a redirect, as Label Studio's
// `CommonMiddlewareAppendSlashWithoutRedirect` does. Routes register with these strings only.

/** The server's paths, one entry per route, in Fastify's `:param` syntax. */
export const LABEL_STUDIO_PATHS = {
  health: '/api/health',
  sessionLogin: '/api/session/login',
  sessionLogout: '/api/session/logout',
  sessionSignup: '/api/session/signup',
  signUpPolicy: '/api/session/signup-policy',
  signup: '/user/signup/',
  whoami: '/api/current-user/whoami',
  legacyToken: '/api/current-user/token',
  resetLegacyToken: '/api/current-user/reset-token/',
  hotkeys: '/api/current-user/hotkeys/',
  users: '/api/users/',
  user: '/api/users/:id/',
  avatar: '/api/users/:id/avatar/',
  avatarFile: '/data/avatars/:file',
  tokens: '/api/token/',
  tokenBlacklist: '/api/token/blacklist/',
  tokenRotate: '/api/token/rotate/',
  tokenRefresh: '/api/token/refresh/',
  jwtSettings: '/api/jwt/settings',
  memberships: '/api/organizations/:id/memberships',
  membership: '/api/organizations/:id/memberships/:userPk/',
  invite: '/api/invite',
  resetInvite: '/api/invite/reset-token',
  projects: '/api/projects/',
} as const;

/** A path pattern as a whole-path regular expression (a `:param` is one segment). */
function patternOf(path: string): RegExp {
  const source = path
    .split(/(:[A-Za-z]+)/)
    .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

const PATTERNS: readonly RegExp[] = Object.values(LABEL_STUDIO_PATHS).map(patternOf);

/**
 * The URL a request is served at: itself, or, when its path matches no route but does with a
 * slash appended, that path with the slash (query kept). For Fastify's `rewriteUrl`.
 */
export function appendSlashIfRouted(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (path.endsWith('/') || PATTERNS.some((pattern) => pattern.test(path))) return url;
  const slashed = `${path}/`;
  return PATTERNS.some((pattern) => pattern.test(slashed)) ? slashed + url.slice(path.length) : url;
}
