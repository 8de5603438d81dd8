import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'

// ARCHITECTURE.md names files in backticks; a move that leaves it behind fails here.
const text = readFileSync(path.resolve('ARCHITECTURE.md'), 'utf8')
const named = [...text.matchAll(/`([^`\s]+)`/g)]
  .map((m) => m[1]!)
  .filter(
    (token) => /^[\w().[\]-]+\/[\w().[\]/-]*$/.test(token) || /\.(ts|tsx|mjs|vcl)$/.test(token),
  )

describe('ARCHITECTURE.md', () => {
  it('names files and folders', () => {
    expect(named.length).toBeGreaterThan(40)
  })

  it.each(named)('%s exists', (name) => {
    expect(existsSync(path.resolve(name))).toBe(true)
  })
})
