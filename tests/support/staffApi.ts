import type { Payload } from 'payload'

import { type TestServer, withTestSite } from './server'

// What staffSecurityAccounts and staffSecurityAnswers share: the dashboard's side of the security
// review (sign-in, locks, redirects, headers, refusals) against one server per file.

export let server: TestServer
export let payload: Payload
let ipCounter = 0

// The test stands in for one proxy, so each sign-in attempt can come from its own address.
export const staffSecuritySite = () =>
  withTestSite({ serverOnlyEnv: { TRUSTED_PROXY_HOPS: '1' } }, (site) => {
    ;({ server, payload } = site)
  })

export const nextIp = () => `192.0.2.${(ipCounter += 1)}`
export const api = (path: string, init?: RequestInit) => fetch(`${server.url}/api${path}`, init)
export const json = (headers: Record<string, string>) => ({
  ...headers,
  'content-type': 'application/json',
})
