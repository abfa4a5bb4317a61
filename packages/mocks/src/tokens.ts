// Bearer tokens the mocks accept. Anything else is answered with 401.

/** The bearer tokens the fakes accept, with and without the access each API requires. */
export const MOCK_TOKENS = {
  kaitenSh: {
    /** A service-account token with the `read:instances` scope. */
    valid: 'ksh_mock_read_instances_0123456789abcdef',
    /** A valid service-account token without `read:instances`: 403. */
    withoutScope: 'ksh_mock_no_scope_0123456789abcdef',
  },
  kaitenRu: {
    /** A user with access to the company's "Audit log" section. */
    valid: 'kaiten-ru-mock-audit-admin-0123456789abcdef',
    /** A valid user without "Audit log" access: 403. */
    withoutAccess: 'kaiten-ru-mock-no-audit-access-0123456789abcdef',
  },
} as const

/** The token of an `Authorization: Bearer <token>` header, or null when the header is absent or not a bearer. */
export function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization')
  if (!header) return null
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return match?.[1] ?? null
}
