// INKWELL_HEAP_LOG_MS=30000 (with node --expose-gc): every so often, a full garbage collection
// and then one log line of what is still in use, for telling a leak from a heap that has not been
// collected yet. RSS alone cannot: V8 grows its heap long before it collects, and keeps the pages
// afterwards. `npm run soak` turns it on and reads the lines; an operator chasing memory can too.
// The collection pauses the server for tens of milliseconds, so it is off unless asked for.

const MB = 1024 * 1024
const round = (bytes) => Math.round((bytes / MB) * 10) / 10

/** Starts the log if INKWELL_HEAP_LOG_MS asks for it; says why not if gc() is missing. */
export const startHeapLog = (everyMs = Number(process.env.INKWELL_HEAP_LOG_MS)) => {
  if (!(everyMs > 0)) return
  const gc = globalThis.gc
  if (typeof gc !== 'function') {
    console.warn('INKWELL_HEAP_LOG_MS needs node --expose-gc (NODE_OPTIONS=--expose-gc).')
    return
  }
  setInterval(() => {
    gc()
    const { heapUsed, external, arrayBuffers } = process.memoryUsage()
    const line = {
      at: Date.now(),
      heapUsedMb: round(heapUsed),
      externalMb: round(external),
      arrayBuffersMb: round(arrayBuffers),
    }
    console.log(`inkwell-heap ${JSON.stringify(line)}`)
  }, everyMs).unref()
}
