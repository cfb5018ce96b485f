export interface NewUser {
  email: string;
  /** null: nobody can log in as this user. */
  password: string | null;
  /** The legacy API token to use instead of a random one. */
  token?: string;
  firstName?: string;
  lastName?: string;
  /** Join this existing organization; default: the first one. */
  organizationId?: number;
  /** Create a new organization with this title (the user is its owner). */
  organizationTitle?: string;
}

export interface AddedUser {
  id: number;
  email: string;
  /** The legacy API token. */
  token: string;
  organizationId: number;
}

/** Creates a user (with legacy token and membership) in a data directory's database. */
export function addUser(dataDir: string, user: NewUser): AddedUser;
