import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Actor, type Relation, mayAccess, mayAdminister, mayReadJournalEntry, readableAreas, subjectsSharing } from '../../src/core/access.js';
import { RELATION_ROLES, RELATION_STATUSES, SHARE_AREAS, type ShareArea } from '../../src/core/vocabulary.js';

const ana = 'ana';
const mo = 'mo'; // Ana's mentor
const max = 'max'; // Ana's manager
const eve = 'eve'; // another member
const actor = (personId: string, extra: Partial<Actor> = {}): Actor => ({ personId, active: true, admin: false, ...extra });
const relation = (fields: Partial<Relation> & Pick<Relation, 'supporter'>): Relation => ({
  id: `r-${fields.supporter}`,
  subject: ana,
  role: 'mentor',
  status: 'accepted',
  shares: [],
  ...fields,
});

const relations: Relation[] = [
  relation({ supporter: mo, role: 'mentor', shares: ['skills', 'learning', 'journal'] }),
  relation({ supporter: max, role: 'manager', shares: ['practice'] }),
];

describe('who may read and write whose data', () => {
  it('lets the owner read and write every area of their own data', () => {
    for (const area of SHARE_AREAS) {
      expect(mayAccess(actor(ana), ana, area, 'read', [])).toBe(true);
      expect(mayAccess(actor(ana), ana, area, 'write', [])).toBe(true);
    }
    expect([...readableAreas(actor(ana), ana, [])]).toEqual([...SHARE_AREAS]);
  });

  it('lets a mentor or a manager read exactly the areas shared with them, and write none', () => {
    expect([...readableAreas(actor(mo), ana, relations)].sort()).toEqual(['journal', 'learning', 'skills']);
    expect([...readableAreas(actor(max), ana, relations)]).toEqual(['practice']);
    expect(mayAccess(actor(mo), ana, 'skills', 'read', relations)).toBe(true);
    expect(mayAccess(actor(mo), ana, 'habits', 'read', relations)).toBe(false);
    expect(mayAccess(actor(max), ana, 'skills', 'read', relations)).toBe(false);
    for (const area of SHARE_AREAS) {
      expect(mayAccess(actor(mo), ana, area, 'write', relations)).toBe(false);
      expect(mayAccess(actor(max), ana, area, 'write', relations)).toBe(false);
    }
  });

  it('gives nothing through a relation that is asked, declined or ended, or that runs the other way', () => {
    for (const status of ['pending', 'declined', 'ended'] as const) {
      const rs = [relation({ supporter: mo, status, shares: [...SHARE_AREAS] })];
      expect(readableAreas(actor(mo), ana, rs).size, status).toBe(0);
    }
    // Mo mentors Ana: that shows Mo nothing of Ana's that Ana did not share, and Ana nothing of Mo's.
    expect(readableAreas(actor(ana), mo, relations).size).toBe(0);
  });

  it('gives another member, an administrator and a deactivated account nothing of Ana', () => {
    expect(readableAreas(actor(eve), ana, relations).size).toBe(0);
    const admin = actor(eve, { admin: true });
    expect(readableAreas(admin, ana, relations).size).toBe(0);
    expect(mayAdminister(admin)).toBe(true);
    expect(mayAdminister(actor(eve))).toBe(false);
    // Deactivated: not even their own data, nor what was shared with them, nor the server.
    const gone = actor(mo, { active: false, admin: true });
    expect(readableAreas(gone, ana, relations).size).toBe(0);
    expect(mayAccess(actor(ana, { active: false }), ana, 'habits', 'read', [])).toBe(false);
    expect(mayAdminister(gone)).toBe(false);
  });

  it('shows another person a journal entry only when it is marked shared and the journal is shared', () => {
    expect(mayReadJournalEntry(actor(ana), ana, 'private', [])).toBe(true);
    expect(mayReadJournalEntry(actor(mo), ana, 'shared', relations)).toBe(true);
    expect(mayReadJournalEntry(actor(mo), ana, 'private', relations)).toBe(false);
    expect(mayReadJournalEntry(actor(max), ana, 'shared', relations)).toBe(false);
  });

  it('lists the people who share an area with the actor', () => {
    const team = [...relations, relation({ id: 'r2', subject: 'bo', supporter: max, role: 'manager', shares: ['practice', 'habits'] })];
    expect(subjectsSharing(actor(max), 'practice', team)).toEqual(['ana', 'bo']);
    expect(subjectsSharing(actor(max), 'habits', team)).toEqual(['bo']);
    expect(subjectsSharing(actor(max, { active: false }), 'practice', team)).toEqual([]);
  });
});

describe('the policy on random relations', () => {
  const people = ['ana', 'bo', 'mo', 'max', 'eve'];
  const relationArb = fc.record({
    id: fc.uuid(),
    subject: fc.constantFrom(...people),
    supporter: fc.constantFrom(...people),
    role: fc.constantFrom(...RELATION_ROLES),
    status: fc.constantFrom(...RELATION_STATUSES),
    shares: fc.subarray([...SHARE_AREAS]),
  });
  const actorArb = fc.record({ personId: fc.constantFrom(...people), active: fc.boolean(), admin: fc.boolean() });
  const areaArb = fc.constantFrom<ShareArea>(...SHARE_AREAS);

  it('lets no one but the owner read an area unless an accepted relation of theirs shares it, and no one but the owner write', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...people), areaArb, fc.array(relationArb, { maxLength: 8 }), (who, subject, area, rs) => {
        const shared = rs.some((r) => r.status === 'accepted' && r.subject === subject && r.supporter === who.personId && r.shares.includes(area));
        const owner = who.personId === subject;
        expect(mayAccess(who, subject, area, 'read', rs)).toBe(who.active && (owner || shared));
        expect(mayAccess(who, subject, area, 'write', rs)).toBe(who.active && owner);
      }),
    );
  });

  it('never lets ending a relation or unsharing an area give more', () => {
    fc.assert(
      fc.property(actorArb, fc.constantFrom(...people), fc.array(relationArb, { minLength: 1, maxLength: 8 }), fc.nat(), (who, subject, rs, pick) => {
        const i = pick % rs.length;
        const before = readableAreas(who, subject, rs);
        const ended = rs.map((r, j) => (j === i ? { ...r, status: 'ended' as const } : r));
        const unshared = rs.map((r, j) => (j === i ? { ...r, shares: r.shares.slice(1) } : r));
        for (const after of [readableAreas(who, subject, ended), readableAreas(who, subject, unshared)]) {
          for (const area of after) expect(before.has(area)).toBe(true);
        }
      }),
    );
  });
});
