import { describe, expect, it } from 'vitest'
import { httpOrigin, isListenHost } from '../src/listen-address.js'
import { startMockServers } from '../src/server.js'

describe('listen addresses', () => {
  it.each([
    ['127.0.0.1', 8080, 'http://127.0.0.1:8080'],
    ['::1', 8080, 'http://[::1]:8080'],
    ['0.0.0.0', 1, 'http://0.0.0.0:1'],
    ['localhost', 3000, 'http://localhost:3000'],
  ])('%s port %d is served at %s', (host, port, origin) => {
    expect(httpOrigin(host, port)).toBe(origin)
  })

  it.each(['127.0.0.1', '::1', '::', '0.0.0.0', 'localhost', 'mock.internal', 'a-1.b'])(
    'accepts %s',
    (host) => {
      expect(isListenHost(host)).toBe(true)
    },
  )

  it.each(['', 'a b', 'http://x', 'x:80', '-a', 'a..b', '[::1]', 'a/b'])('refuses %j', (host) => {
    expect(isListenHost(host)).toBe(false)
  })

  it('startMockServers names the host it cannot listen on, before opening any port', async () => {
    await expect(startMockServers({ host: 'a b' })).rejects.toThrow(
      /host: "a b" is not allowed; allowed: an IP address or a host name/,
    )
  })
})
