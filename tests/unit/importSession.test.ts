import { randomUUID } from 'node:crypto'

import type { Payload, SanitizedConfig } from 'payload'

import { createSession } from '@/tools/importer/session'
import { importTerms } from '@/tools/importer/steps/terms'
import type { WxrSite } from '@/tools/importer/wxr'

/**
 * A Payload stand-in whose ids are uuid strings, as on MongoDB or SQLite with uuid ids: an
 * importer that compared ids as numbers would skip steps here without failing.
 */
const uuidPayload = () => {
  const docs: Record<string, unknown>[] = []
  const where = (w: Record<string, { equals: unknown }>) => (d: Record<string, unknown>) =>
    Object.entries(w).every(([field, { equals }]) => d[field] === equals)
  const payload = {
    find: async ({ where: w }: { where: Record<string, { equals: unknown }> }) => ({
      docs: docs.filter(where(w)).slice(0, 1),
    }),
    findByID: async ({ id }: { id: string }) => docs.find((d) => d.id === id),
    create: async ({ data }: { data: Record<string, unknown> }) => {
      const doc = { ...data, id: randomUUID() }
      docs.push(doc)
      return doc
    },
    update: async ({ id, data }: { id: string; data: Record<string, unknown> }) => {
      const doc = docs.find((d) => d.id === id)
      Object.assign(doc!, data)
      return doc
    },
  }
  return { docs, payload: payload as unknown as Payload }
}

const site: WxrSite = {
  title: 'Site',
  link: 'https://old.example',
  baseUrl: 'https://old.example',
  wxrVersion: '1.2',
  authors: [],
  categories: [
    { id: 2, slug: 'child', name: 'Child', parent: 'parent', description: '' },
    { id: 1, slug: 'parent', name: 'Parent', parent: null, description: '' },
  ],
  tags: [{ id: 3, slug: 'tag', name: 'Tag', parent: null, description: '' }],
  items: [],
}
const config = {} as SanitizedConfig

describe('import session with string ids', () => {
  it('creates by import key and links a category to its parent by its uuid', async () => {
    const { docs, payload } = uuidPayload()
    const s = createSession(payload, config, site, {})
    await importTerms(s)
    const child = docs.find((d) => d.importKey === 'wordpress:category:2')
    const parent = docs.find((d) => d.importKey === 'wordpress:category:1')
    expect(typeof parent?.id).toBe('string')
    expect(child?.parent).toBe(parent?.id)
    expect(s.ids.categories.get('child')).toBe(child?.id)
    expect(s.report.counts.categories).toEqual({
      imported: 2,
      updated: 0,
      unchanged: 0,
      skipped: 0,
    })
  })

  it('a second run finds every document by its import key and changes nothing', async () => {
    const { docs, payload } = uuidPayload()
    await importTerms(createSession(payload, config, site, {}))
    const again = createSession(payload, config, site, {})
    await importTerms(again)
    expect(docs).toHaveLength(3)
    expect(again.report.changes).toEqual([])
    expect(again.report.counts.tags.unchanged).toBe(1)
  })

  it('a dry run writes nothing and marks what it would create with a null id, not a fake one', async () => {
    const { docs, payload } = uuidPayload()
    const dry = createSession(payload, config, site, { dryRun: true })
    await importTerms(dry)
    expect(docs).toEqual([])
    expect([...dry.ids.categories.values()]).toEqual([null, null])
    expect(dry.report.changes.map((c) => c.action)).toEqual(['imported', 'imported', 'imported'])
  })
})
