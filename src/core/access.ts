/**
 * Who may see or change whose data: the one place grow decides it (design.md §3a). Pure: the
 * services load the actor and the relations, ask here, and act on the answer; routes, the CLI and
 * the web never decide. The local single-user mode is the same rule with one account: the owner.
 *
 * The rule of team mode is privacy: nothing is shared unless its owner shared it, area by area and
 * relation by relation. An administrator runs the server (members, invitations, the audit log) and
 * reads no one's data for it. What an actor may not read does not exist for them: services answer
 * as for an unknown id (errors.notFound), never with a hint that it is there.
 */
import { type RelationRole, type RelationStatus, SHARE_AREAS, type ShareArea, type Visibility } from './vocabulary.js';

/** The account acting: who signed in (or whose token it is). */
export interface Actor {
  personId: string;
  /** A deactivated member may do nothing at all, whatever their relations. */
  active: boolean;
  admin: boolean;
}

/**
 * A relation between two people: `supporter` is the `subject`'s mentor or manager, asked for by
 * one of them and accepted by the other. The subject alone chooses what it shares.
 */
export interface Relation {
  id: string;
  subject: string;
  supporter: string;
  role: RelationRole;
  status: RelationStatus;
  shares: readonly ShareArea[];
}

export type Access = 'read' | 'write';

/** The areas of `subject` that `actor` may read: every area for one's own data, else what accepted relations share. */
export function readableAreas(actor: Actor, subject: string, relations: readonly Relation[]): ReadonlySet<ShareArea> {
  if (!actor.active) return new Set();
  if (actor.personId === subject) return ALL_AREAS;
  const areas = new Set<ShareArea>();
  for (const r of relations) {
    if (r.status !== 'accepted' || r.subject !== subject || r.supporter !== actor.personId) continue;
    for (const area of r.shares) areas.add(area);
  }
  return areas;
}

/**
 * Whether `actor` may read or write `area` of `subject`'s data. Only the owner writes their data;
 * a mentor or a manager reads the areas shared with them in an accepted relation, nothing else.
 */
export function mayAccess(actor: Actor, subject: string, area: ShareArea, access: Access, relations: readonly Relation[]): boolean {
  if (!actor.active) return false;
  if (actor.personId === subject) return true;
  return access === 'read' && readableAreas(actor, subject, relations).has(area);
}

/**
 * Whether a journal entry of `subject` is there for `actor`: all of one's own; another person's
 * only when it is marked shared and the journal is shared with the actor.
 */
export function mayReadJournalEntry(actor: Actor, subject: string, visibility: Visibility, relations: readonly Relation[]): boolean {
  if (actor.active && actor.personId === subject) return true;
  return visibility === 'shared' && mayAccess(actor, subject, 'journal', 'read', relations);
}

/** Running the server: members, invitations, the audit log. Not a way into anyone's data. */
export const mayAdminister = (actor: Actor): boolean => actor.active && actor.admin;

/** The people whose `area` the actor may read besides their own (the People page, a manager's team). */
export function subjectsSharing(actor: Actor, area: ShareArea, relations: readonly Relation[]): string[] {
  if (!actor.active) return [];
  const subjects = new Set<string>();
  for (const r of relations) if (r.status === 'accepted' && r.supporter === actor.personId && r.shares.includes(area)) subjects.add(r.subject);
  return [...subjects].sort();
}

const ALL_AREAS: ReadonlySet<ShareArea> = new Set(SHARE_AREAS);
