import { readFileSync } from 'node:fs'
import path from 'node:path'

/**
 * Payload refuses to run beside another version of itself, and its official plugins are
 * published for some versions only, so every Payload package moves together: one exact
 * version in package.json, and the same one everywhere in the lockfile.
 */
const root = process.cwd()
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>
  devDependencies?: Record<string, string>
}
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>
}
const isPayload = (name: string) => name === 'payload' || name.startsWith('@payloadcms/')

describe('Payload packages', () => {
  const declared = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(
    ([name]) => isPayload(name),
  )
  const version = pkg.dependencies.payload

  it('are pinned to one exact version in package.json', () => {
    expect(version).toMatch(/^\d+\.\d+\.\d+$/)
    expect(declared.length).toBeGreaterThan(5)
    for (const [name, range] of declared) expect(`${name}@${range}`).toBe(`${name}@${version}`)
  })

  it('resolve to that version everywhere in the lockfile', () => {
    const installed = Object.entries(lock.packages)
      .map(([key, entry]) => [key.split('node_modules/').pop() ?? '', entry.version] as const)
      .filter(([name]) => isPayload(name))
    expect(installed.length).toBeGreaterThanOrEqual(declared.length)
    for (const [name, v] of installed) expect(`${name}@${v}`).toBe(`${name}@${version}`)
  })
})
