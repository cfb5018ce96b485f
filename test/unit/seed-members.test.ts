import { describe, expect, it } from 'vitest';
import { createDefaultSeed, createMemoryAdapter, createSeedMembers } from '../../src/adapters/memory';

const fullName = (member: { firstName: string; lastName: string }) => `${member.firstName} ${member.lastName}`;

describe('createSeedMembers: realistic, varied members for any count', () => {
  it('makes the same members on every call', () => {
    expect(createSeedMembers(500)).toEqual(createSeedMembers(500));
    expect(createSeedMembers(3, 10).map((member) => member.id)).toEqual(['10', '11', '12']);
  });

  it('gives 10,000 members 10,000 different names, and neighbours by id share neither name', () => {
    const members = createSeedMembers(10_000);
    expect(new Set(members.map(fullName)).size).toBe(10_000);
    for (let i = 1; i < members.length; i++) {
      expect(members[i]!.firstName).not.toBe(members[i - 1]!.firstName);
      expect(members[i]!.lastName).not.toBe(members[i - 1]!.lastName);
    }
    // Dozens of given and family names, not a handful repeated.
    expect(new Set(members.map((member) => member.firstName)).size).toBeGreaterThan(80);
    expect(new Set(members.map((member) => member.lastName)).size).toBeGreaterThan(100);
  });

  it('keeps emails unique and plain ASCII past the point where names repeat', () => {
    const members = createSeedMembers(25_000);
    const emails = members.map((member) => member.email);
    expect(new Set(emails).size).toBe(25_000);
    for (const email of emails) expect(email).toMatch(/^[a-z]+\.[a-z]+\d*@example\.com$/);
    // The email says whose it is: the given and family name, accents and apostrophes left out.
    const first = members[0]!;
    expect(first.email).toBe(`${first.firstName}.${first.lastName}@example.com`.toLowerCase());
  });

  it('shows a different person on every row of a page sorted by email, as MembersList lists them', async () => {
    const adapter = createMemoryAdapter({ seed: { members: createSeedMembers(10_000) } });
    for (const page of [1, 50, 100]) {
      const { items } = await adapter.listMembers({ page, pageSize: 100 });
      expect(new Set(items.map(fullName)).size).toBe(100);
    }
  });

  it('gives the default seed 41 members with names of their own besides the user', () => {
    const { user, members } = createDefaultSeed();
    expect(members).toHaveLength(42);
    expect(members.filter((member) => member.email !== user.email).map(fullName)).toHaveLength(41);
    expect(new Set(members.map(fullName)).size).toBe(42);
  });
});
