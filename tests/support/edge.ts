import { chmod, copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { freePort } from './ports'
import { spawnGroup } from './processes'

/**
 * The scale-out parts, started for real on loopback ports of their own (Debian's redis-server
 * and varnishd, installed by .ci/run) and stopped by pid: for the drill and the edge bench.
 */
export type Process = { port: number; url: string; stop: () => Promise<void>; logs: () => string }

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })

/** Starts a program and waits until it listens on its port; stop() ends it and cleans up. */
const run = async (
  command: string,
  args: string[],
  port: number,
  { cleanup, env = {} }: { cleanup?: () => Promise<void>; env?: Record<string, string> } = {},
): Promise<Process> => {
  const group = spawnGroup(command, args, env)
  const stop = async () => {
    await group.end()
    await cleanup?.()
  }
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline && group.running()) {
    if (await listening(port)) {
      return { port, url: `http://127.0.0.1:${port}`, stop, logs: group.logs }
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await stop()
  throw new Error(`${command} did not start:\n${group.logs()}`)
}

/** redis-server on a free loopback port, nothing saved to disk. */
export const startRedis = async (port?: number): Promise<Process & { redisUrl: string }> => {
  const p = port ?? (await freePort())
  const redis = await run(
    'redis-server',
    ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    p,
  )
  return { ...redis, redisUrl: `redis://127.0.0.1:${p}` }
}

const repoVarnishDir = path.resolve('deploy/varnish')

/**
 * Varnish with the project's VCL (deploy/varnish/inkwell.vcl) in front of the given app ports.
 * The backends are the shipped backends.vcl (app1 and app2) pointed at those ports on this
 * machine (one port serves as both), written beside a copy of the VCL in a temp folder.
 */
export const startVarnish = async (
  appPorts: number[],
  { port, purgeSecret }: { port?: number; purgeSecret?: string } = {},
): Promise<Process> => {
  const ports = appPorts.length === 1 ? [appPorts[0], appPorts[0]] : appPorts
  if (ports.length !== 2) throw new Error('deploy/varnish/backends.vcl names two instances')
  const shipped = await readFile(path.join(repoVarnishDir, 'backends.vcl'), 'utf8')
  const local = shipped.replace(
    /\.host = "app(\d)";(\s*)\.port = "3000";/g,
    (_match, n: string, gap: string) =>
      `.host = "127.0.0.1";${gap}.port = "${ports[Number(n) - 1]}";`,
  )
  if (local === shipped) throw new Error('backends.vcl no longer has the expected backends')
  const dir = await mkdtemp(path.join(tmpdir(), 'inkwell-varnish-'))
  // Varnish's worker process drops root and must still read what is compiled here.
  await chmod(dir, 0o755)
  await writeFile(path.join(dir, 'backends.vcl'), local, { mode: 0o644 })
  // A copy of the VCL too: Varnish reads it as its own unprivileged user, who may not reach
  // the repository (a checkout under /root, or in a private temp folder).
  await copyFile(path.join(repoVarnishDir, 'inkwell.vcl'), path.join(dir, 'inkwell.vcl'))
  await chmod(path.join(dir, 'inkwell.vcl'), 0o644)
  const listen = port ?? (await freePort())
  return run(
    'varnishd',
    [
      '-F',
      '-a',
      `127.0.0.1:${listen}`,
      '-f',
      path.join(dir, 'inkwell.vcl'),
      '-p',
      `vcl_path=${dir}`,
      '-p',
      'http_gzip_support=off',
      '-n',
      path.join(dir, 'work'),
      '-s',
      'malloc,256m',
    ],
    listen,
    {
      cleanup: () => rm(dir, { recursive: true, force: true }),
      env: purgeSecret ? { EDGE_PURGE_SECRET: purgeSecret } : {},
    },
  )
}
