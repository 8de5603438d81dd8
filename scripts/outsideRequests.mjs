import { AsyncResource } from 'node:async_hooks'

// A way to run code outside any request, installed by `npm start` before Next loads. Node hands
// the request's async context (Next's stores: the request, its response, everything it rendered)
// to every timer created while handling it, and keeps it as long as the timer lives. The comment
// limits' memory counters set a timer per key for their window (ten minutes), so each comment
// kept its whole request alive for ten minutes: the soak's heap grew by ~37 kB per comment.
// Bound here, at start-up, the runner's context is the process's own, with no request in it.
// lib/server/outsideRequests.ts is the app's side.

const KEY = Symbol.for('inkwell.outsideRequests')

export const installOutsideRequests = () => {
  globalThis[KEY] ??= AsyncResource.bind((/** @type {() => unknown} */ fn) => fn())
}
