import { describe, expect, it } from 'vitest'
import { parseMockBanner } from '../src/mock-process.js'

// As `pnpm mock` prints it, after turbo's build lines.
const banner = `
 Tasks:    3 successful, 3 total
kaiten.sh (Kaiten Cloud) audit trails
  base URL            http://127.0.0.1:40001/api
  token               ksh_mock_read_instances_0123456789abcdef
  token without scope ksh_mock_no_scope_0123456789abcdef   (403)
  instances           acme-production, acme-staging, globex-production
  curl -H 'Authorization: Bearer ksh_mock_read_instances_0123456789abcdef' 'http://127.0.0.1:40001/api/instances/acme-production/audit-trails?limit=2'

kaiten.ru (Kaiten) audit logs
  base URL            http://127.0.0.1:40002/api/latest
  token               kaiten-ru-mock-audit-admin-0123456789abcdef
  token without access kaiten-ru-mock-no-audit-access-0123456789abcdef   (403)
  rate limit          5 requests per second per token

seed 1. Requests are logged to stderr. Ctrl+C stops both servers.
`

describe('parseMockBanner', () => {
  it('reads both base URLs, every token and the instances', () => {
    expect(parseMockBanner(banner)).toEqual({
      kaitenSh: {
        baseUrl: 'http://127.0.0.1:40001/api',
        token: 'ksh_mock_read_instances_0123456789abcdef',
        tokenWithoutScope: 'ksh_mock_no_scope_0123456789abcdef',
        instances: ['acme-production', 'acme-staging', 'globex-production'],
      },
      kaitenRu: {
        baseUrl: 'http://127.0.0.1:40002/api/latest',
        token: 'kaiten-ru-mock-audit-admin-0123456789abcdef',
        tokenWithoutAccess: 'kaiten-ru-mock-no-audit-access-0123456789abcdef',
      },
    })
  })

  it('says so when the banner is not there', () => {
    expect(() => parseMockBanner('ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL')).toThrow(/banner not found/)
  })
})
