/** The parts of a person that initials are made from. */
export interface NamedPerson {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
}

/** A person's initials for a photo placeholder: from the name, else the email's first letter, else "?". */
export function initialsOf(person: NamedPerson | undefined): string {
  if (!person) return '';
  const fromName = [person.firstName, person.lastName]
    .map((part) => (part ?? '').trim().charAt(0))
    .join('')
    .toUpperCase();
  return fromName || (person.email ?? '').trim().charAt(0).toUpperCase() || '?';
}
