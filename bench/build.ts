import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const SOURCES = ['app', 'components', 'lib', 'collections', 'globals', 'access', 'fields', 'hooks']
const CONFIGS = ['payload.config.ts', 'next.config.ts', 'package-lock.json']

/** No build, or a source file changed after the last one: measuring it would mislead. */
export const buildIsStale = (): boolean => {
  if (!existsSync('.next/BUILD_ID')) return true
  const built = statSync('.next/BUILD_ID').mtimeMs
  const newer = (file: string): boolean => {
    const stat = statSync(file)
    if (!stat.isDirectory()) return stat.mtimeMs > built
    return readdirSync(file).some((name) => newer(path.join(file, name)))
  }
  return [...SOURCES, ...CONFIGS].some((entry) => existsSync(entry) && newer(entry))
}

/** Builds when asked to or when the build is missing or older than the sources. */
export const ensureBuild = (force = false): void => {
  if (!force && !buildIsStale()) return
  process.stdout.write('Building (npm run build)…\n')
  execSync('npm run build', { stdio: 'inherit' })
}
