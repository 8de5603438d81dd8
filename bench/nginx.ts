import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { gzipSync } from 'node:zlib'

import { freePort } from '@/tests/support/ports'
import { spawnGroup } from '@/tests/support/processes'

/**
 * The config for one page served as a file: Debian's defaults for sending files (sendfile,
 * tcp_nopush, a worker per core), no access log, and every path nginx writes inside `dir`, so
 * it runs as root or as any user. gzip_static sends index.html.gz to clients that accept gzip.
 */
export const nginxConfig = (dir: string, port: number): string => `worker_processes auto;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/temp/body;
  proxy_temp_path ${dir}/temp/proxy;
  fastcgi_temp_path ${dir}/temp/fastcgi;
  uwsgi_temp_path ${dir}/temp/uwsgi;
  scgi_temp_path ${dir}/temp/scgi;
  types { text/html html; }
  default_type application/octet-stream;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:${port};
    root ${dir}/www;
    gzip_static on;
  }
}
`

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Debian's nginx serving `html` (and its gzip, written next to it) at `/` on a free loopback
 * port, from its own temp folder; stop() ends it by pid and removes the folder.
 */
export const startNginx = async (html: string) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'inkwell-nginx-'))
  // Started as root, nginx's workers run as nobody and must still read the page.
  await chmod(dir, 0o755)
  await mkdir(path.join(dir, 'www'), { mode: 0o755 })
  await mkdir(path.join(dir, 'temp'))
  await writeFile(path.join(dir, 'www/index.html'), html, { mode: 0o644 })
  await writeFile(path.join(dir, 'www/index.html.gz'), gzipSync(html), { mode: 0o644 })
  const port = await freePort()
  await writeFile(path.join(dir, 'nginx.conf'), nginxConfig(dir, port))

  const nginx = spawnGroup('nginx', ['-c', path.join(dir, 'nginx.conf'), '-g', 'daemon off;'])
  const stop = async () => {
    // Without `daemon`, the child is nginx's master; its group holds the workers too.
    await nginx.end()
    await rm(dir, { recursive: true, force: true })
  }

  const url = `http://127.0.0.1:${port}/`
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline && nginx.running()) {
    try {
      const response = await fetch(url)
      await response.body?.cancel()
      if (response.ok) return { url, stop }
    } catch {
      // not listening yet
    }
    await sleep(100)
  }
  await stop()
  throw new Error(`nginx did not start:\n${nginx.logs()}`)
}
