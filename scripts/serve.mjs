#!/usr/bin/env node
// `npm start`: the production server. It is `next start` with three additions:
// - The reader's address. Next only fills in X-Forwarded-For when a request has none, so a
//   client exposed directly could name any address it liked and escape every per-address limit.
//   Here the address of the connection itself is always appended, and TRUSTED_PROXY_HOPS says
//   how many entries before it were written by proxies of ours (0 when nothing is in front).
// - Headers for shared caches and the edge (edgeHeaders.mjs).
// - Compression that compresses a cached page once rather than per reader (compression.mjs).
// - Graceful shutdown on SIGTERM and SIGINT (shutdown.mjs): requests in flight finish, readiness
//   (GET /api/health/ready) answers 503, the database closes, the process exits 0.
//   node scripts/serve.mjs [-p PORT] [-H HOSTNAME] [--worker]
//
// `npm run worker` (--worker) is the jobs runner of a setup with several instances: the same
// build, running the jobs queue (scheduled publishing) and serving no reader. It listens on
// this machine only (WORKER_PORT, default 3100) for one request, its own jobs asking to expire
// cache tags (lib/server/revalidate.ts), which reach every instance through Redis and every edge,
// and the health checks (GET /api/health, /api/health/ready), for the container's health check.
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { stampClientAddress } from './clientAddress.mjs'
import { createCompression } from './compression.mjs'
import { startHeapLog } from './heapLog.mjs'
import { installOutsideRequests } from './outsideRequests.mjs'
import { applyEdgePolicy } from './edgeHeaders.mjs'
import { closeWhenShuttingDown, gracefulShutdown, shutdownState } from './shutdown.mjs'

// Before Next and React load: they pick their production builds from it.
process.env.NODE_ENV = 'production'
const { default: next } = await import('next')

const arg = (short, long) => {
  const i = process.argv.findIndex((a) => a === short || a === long)
  return i >= 0 ? process.argv[i + 1] : undefined
}
const worker = process.argv.includes('--worker')
if (worker) process.env.JOBS_AUTORUN = 'true'
const port = Number(
  arg('-p', '--port') ?? (worker ? process.env.WORKER_PORT || 3100 : process.env.PORT || 3000),
)
const hostname =
  arg('-H', '--hostname') ?? (worker ? '127.0.0.1' : process.env.HOSTNAME || '0.0.0.0')
// The worker is reached only from this machine, by itself: no proxy of ours in front of it.
const hops = worker ? 0 : Math.max(0, Number(process.env.TRUSTED_PROXY_HOPS ?? 0) || 0)
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// Before Next loads the app: Payload's onInit registers its closing here (lib/server/shutdown.ts),
// and the limits run their counters outside requests (lib/server/outsideRequests.ts).
shutdownState()
installOutsideRequests()
const app = next({ dev: false, dir, hostname, port })
const handle = app.getRequestHandler()
await app.prepare()
// Checked once Next has read any .env file: without it no session could be signed, and every
// request would fail. Better not to start.
if (!process.env.PAYLOAD_SECRET) {
  console.error('PAYLOAD_SECRET is not set. Set it to a long random string (see README).')
  process.exit(1)
}

const instanceName = process.env.INSTANCE_NAME || undefined
const compression = createCompression()
// The only addresses the worker answers, exactly as sent (Next would resolve
// `/api/revalidate/../users`).
const workerRoutes = new Set(['POST /api/revalidate', 'GET /api/health', 'GET /api/health/ready'])
const server = http.createServer((req, res) => {
  if (worker && !workerRoutes.has(`${req.method} ${req.url}`)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The jobs worker serves no pages.\n')
    return
  }
  closeWhenShuttingDown(res)
  stampClientAddress(req, hops)
  applyEdgePolicy(res, instanceName)
  compression.handle(req, res, () => void handle(req, res))
})
server.listen(port, hostname, () => {
  const shown = hostname === '0.0.0.0' ? 'localhost' : hostname
  // Next's own server records this; the jobs runner uses it to refresh this server's pages.
  process.env.__NEXT_PRIVATE_ORIGIN = `http://${shown}:${port}`
  console.log(
    worker
      ? `inkwell jobs worker running (expiry requests on http://${shown}:${port})`
      : `inkwell ready on http://${shown}:${port} (trusted proxy hops: ${hops})`,
  )
})

startHeapLog()
const stop = gracefulShutdown(server)
process.on('SIGTERM', () => void stop('SIGTERM'))
process.on('SIGINT', () => void stop('SIGINT'))
