// The address the standalone servers listen on, and the origin clients reach them at.

import { isIP } from 'node:net'

// A DNS name of letters, digits and hyphens in dot-separated labels; anything with a scheme, port or space is not one.
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i

/** What a listen host may be, for error messages. */
export const LISTEN_HOST_ALLOWED = 'an IP address or a host name, e.g. 127.0.0.1, ::1, 0.0.0.0 or localhost'

/** True for an IPv4 or IPv6 address or a DNS host name: what `server.listen` can bind. */
export function isListenHost(text: string): boolean {
  return isIP(text) !== 0 || HOST_NAME.test(text)
}

/** `http://host:port`, with an IPv6 address in brackets as URLs require. */
export function httpOrigin(host: string, port: number): string {
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`
}
