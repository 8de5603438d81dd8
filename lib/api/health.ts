import type { Endpoint } from 'payload'

import { type Readiness, checkReadiness } from '../server/readiness'

/** Never kept by Next, Varnish or any cache between: each answer is about this moment. */
const NO_STORE = { 'cache-control': 'no-store' }

/**
 * GET /api/health: the process answers. Touches no database, so a slow database never gets an
 * instance restarted; that is readiness's business.
 */
export const healthEndpoint: Endpoint = {
  path: '/health',
  method: 'get',
  handler: () => Response.json({ status: 'ok' }, { headers: NO_STORE }),
}

/**
 * The check under way, shared by every probe that arrives meanwhile: anyone may ask, and a flood
 * of probes must cost one database query at a time, not one each (nor pile up behind a slow one).
 */
let underWay: Promise<Readiness> | null = null
const readinessNow = (payload: Parameters<typeof checkReadiness>[0]): Promise<Readiness> => {
  underWay ??= checkReadiness(payload).finally(() => {
    underWay = null
  })
  return underWay
}

/**
 * GET /api/health/ready: whether this instance should get traffic (lib/server/readiness.ts).
 * 200 `{ status: 'ready', checks }`, or 503 naming the check that failed, never why in detail:
 * the public can ask it.
 */
export const readinessEndpoint: Endpoint = {
  path: '/health/ready',
  method: 'get',
  handler: async (req) => {
    const { ready, checks } = await readinessNow(req.payload)
    return Response.json(
      { status: ready ? 'ready' : 'unavailable', checks },
      { status: ready ? 200 : 503, headers: NO_STORE },
    )
  },
}
