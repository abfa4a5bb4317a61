// What a generated kaiten.ru audit log contains: every documented category and action, in plausible pairs.

import type { AuditLogAction, AuditLogCategory } from '@kaiten-audit/types'
import type { Random } from '../random.js'

export interface ActionKind {
  category: AuditLogCategory
  action: AuditLogAction
  message: string
  /** Relative frequency: sign-ins dominate a real audit log, trial extensions are rare. */
  weight: number
  /** Performed by the system or an app rather than a signed-in user. */
  system?: boolean
}

/** The vendor page lists categories and actions separately; this is which action plausibly belongs to which category. */
export const ACTION_KINDS: readonly ActionKind[] = [
  { category: 'app', action: 'start', message: 'Application started', weight: 3, system: true },
  { category: 'app', action: 'stop', message: 'Application stopped', weight: 3, system: true },
  { category: 'auth', action: 'sign_in', message: 'Signed in', weight: 120 },
  { category: 'auth', action: 'sign_in_fail', message: 'Failed sign-in attempt', weight: 25 },
  { category: 'auth', action: 'sign_out', message: 'Signed out', weight: 60 },
  { category: 'auth', action: 'request_auth_pin', message: 'Sign-in PIN requested', weight: 10 },
  { category: 'user_profile', action: 'change_password', message: 'Password changed', weight: 6 },
  { category: 'user_profile', action: 'request_change_email', message: 'Email change requested', weight: 3 },
  { category: 'user_profile', action: 'change_email', message: 'Email changed', weight: 3 },
  { category: 'user_management', action: 'invite', message: 'User invited', weight: 8 },
  { category: 'user_management', action: 'invite_fail', message: 'User invitation failed', weight: 2 },
  { category: 'user_management', action: 'deactivate', message: 'User deactivated', weight: 3 },
  { category: 'user_management', action: 'activate', message: 'User activated', weight: 3 },
  { category: 'user_management', action: 'change_permissions', message: 'Permissions changed', weight: 6 },
  {
    category: 'user_management',
    action: 'change_apps_permissions',
    message: 'Application permissions changed',
    weight: 3,
  },
  { category: 'user_management', action: 'grant_access', message: 'Access granted', weight: 5 },
  { category: 'user_management', action: 'revoke_access', message: 'Access revoked', weight: 4 },
  {
    category: 'user_management',
    action: 'transfer_ownership',
    message: 'Company ownership transferred',
    weight: 1,
  },
  { category: 'user_management', action: 'depersonalization', message: 'User depersonalized', weight: 1 },
  { category: 'group_management', action: 'create', message: 'Group created', weight: 4 },
  { category: 'group_management', action: 'delete', message: 'Group deleted', weight: 2 },
  { category: 'group_management', action: 'group_activate', message: 'Group activated', weight: 2 },
  { category: 'group_management', action: 'group_deactivate', message: 'Group deactivated', weight: 2 },
  { category: 'group_management', action: 'add_user', message: 'User added to group', weight: 6 },
  { category: 'group_management', action: 'add_admin', message: 'Group admin added', weight: 2 },
  { category: 'group_management', action: 'admin_add_user', message: 'Admin added user to group', weight: 3 },
  { category: 'group_management', action: 'delete_user', message: 'User removed from group', weight: 4 },
  {
    category: 'group_management',
    action: 'admin_delete_user',
    message: 'Admin removed user from group',
    weight: 2,
  },
  { category: 'group_management', action: 'delete_admin', message: 'Group admin removed', weight: 1 },
  { category: 'service_desk', action: 'set_sd_password', message: 'Service desk password set', weight: 2 },
  {
    category: 'service_desk',
    action: 'change_temporary_sd_password',
    message: 'Temporary service desk password changed',
    weight: 2,
  },
  { category: 'publication', action: 'publish_document', message: 'Document published', weight: 4 },
  {
    category: 'publication',
    action: 'publish_document_group',
    message: 'Document group published',
    weight: 2,
  },
  { category: 'publication', action: 'publish_card', message: 'Card published', weight: 4 },
  { category: 'publication', action: 'unpublish_document', message: 'Document unpublished', weight: 2 },
  {
    category: 'publication',
    action: 'unpublish_document_group',
    message: 'Document group unpublished',
    weight: 1,
  },
  { category: 'publication', action: 'unpublish_card', message: 'Card unpublished', weight: 2 },
  { category: 'publication', action: 'share_entity', message: 'Entity shared', weight: 4 },
  { category: 'publication', action: 'unshare_entity', message: 'Entity unshared', weight: 2 },
  { category: 'publication', action: 'public_link', message: 'Public link created', weight: 3 },
  { category: 'import', action: 'start', message: 'Import started', weight: 2 },
  { category: 'import', action: 'stop', message: 'Import finished', weight: 2 },
  { category: 'company_profile', action: 'extend_trial', message: 'Trial extended', weight: 1 },
]

export const APP_NAMES = ['Timesheets', 'Gantt', 'Jira Import', 'Telegram Bot', 'Slack'] as const

const FIRST_NAMES = [
  'Anna',
  'Boris',
  'Chen',
  'Daria',
  'Elena',
  'Farid',
  'Grace',
  'Hugo',
  'Irina',
  'Jonas',
  'Kira',
  'Leo',
  'Maria',
  'Nikolai',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sergei',
  'Tatiana',
] as const
const LAST_NAMES = [
  'Ivanova',
  'Smirnov',
  'Kuznetsova',
  'Popov',
  'Lee',
  'Garcia',
  'Novak',
  'Petrova',
  'Sokolov',
  'Weber',
  'Morozova',
  'Volkov',
  'Fischer',
  'Kim',
  'Orlova',
] as const

export interface GeneratedUser {
  id: number
  uid: string
  fullName: string
  username: string
  email: string
  /** Deleted users keep their stored `author_*` fields on old events but have no current data (`author: null`). */
  deleted: boolean
  /** Renamed users: events before the rename stored the old username. */
  formerUsername?: string
}

export function generateUsers(random: Random, count: number): GeneratedUser[] {
  const users: GeneratedUser[] = []
  const taken = new Set<string>()
  let id = 100
  for (let index = 0; index < count; index++) {
    const first = random.pick(FIRST_NAMES)
    const last = random.pick(LAST_NAMES)
    let username = `${first}.${last}`.toLowerCase()
    for (let n = 2; taken.has(username); n++) username = `${first}.${last}${n}`.toLowerCase()
    taken.add(username)
    const deleted = index % 9 === 4
    const renamed = !deleted && index % 11 === 6
    id += random.int(1, 7)
    users.push({
      id,
      uid: random.uuid(),
      fullName: `${first} ${last}`,
      username,
      email: `${username}@example.com`,
      deleted,
      ...(renamed ? { formerUsername: `${first[0]}${last}`.toLowerCase() } : {}),
    })
  }
  return users
}

/** An address from the documentation ranges (RFC 5737 / RFC 3849), so nothing real is ever named. */
export function remoteAddress(random: Random): string {
  if (random.chance(0.1)) return `2001:db8::${random.int(1, 0xffff).toString(16)}`
  return `${random.pick(['192.0.2', '198.51.100', '203.0.113'])}.${random.int(1, 254)}`
}

/** A details object shaped by the action, or null where an action carries none. */
export function detailsFor(
  kind: ActionKind,
  random: Random,
  users: readonly GeneratedUser[],
): Record<string, unknown> | null {
  const target = random.pick(users)
  switch (kind.category) {
    case 'auth':
      if (kind.action === 'sign_in_fail')
        return { reason: random.pick(['wrong_password', 'unknown_user', 'blocked', 'expired_pin']) }
      if (kind.action === 'sign_in') return { method: random.pick(['password', 'pin', 'sso', 'google']) }
      return null
    case 'user_management':
      if (kind.action === 'change_permissions')
        return { user_id: target.id, from: 'member', to: random.pick(['admin', 'reader', 'owner']) }
      return { user_id: target.id, user_uid: target.uid }
    case 'group_management':
      return { group_id: random.int(1, 60), group_name: `Team ${random.int(1, 60)}` }
    case 'publication':
      return {
        entity_id: random.int(1000, 99_999),
        entity_type: kind.action.includes('card') ? 'card' : 'document',
      }
    case 'import':
      return { source: random.pick(['jira', 'trello', 'csv']), items: random.int(10, 5000) }
    case 'company_profile':
      return { days: random.pick([7, 14, 30]) }
    case 'app':
    case 'user_profile':
    case 'service_desk':
      return random.chance(0.5) ? null : { note: kind.message }
    default:
      return null
  }
}
