import { AsyncLocalStorage } from 'node:async_hooks'

import { outsideRequests } from '@/lib/server/outsideRequests'
import { installOutsideRequests } from '@/scripts/outsideRequests.mjs'

// Installed as `npm start` does, before any request.
installOutsideRequests()

const request = new AsyncLocalStorage<{ id: string }>()

/** What a timer set while handling request `id` still holds when it fires. */
const heldByTimer = (id: string, wrap: (fn: () => void) => void) =>
  new Promise<unknown>((resolve) =>
    request.run({ id }, () => wrap(() => void setTimeout(() => resolve(request.getStore()), 1))),
  )

describe('outsideRequests', () => {
  it('keeps a timer set while handling a request from holding that request', async () => {
    expect(await heldByTimer('r1', (fn) => outsideRequests(fn))).toBeUndefined()
  })

  it('is needed: a timer set in the request itself holds it', async () => {
    expect(await heldByTimer('r2', (fn) => fn())).toEqual({ id: 'r2' })
  })

  it('gives back what the function returns', async () => {
    expect(await outsideRequests(async () => 42)).toBe(42)
  })
})
