import { referencePost } from '@/tools/seed/content/referencePost'
import { demoPosts } from '@/tools/seed/content/demoPosts'
import { type ContentBlock, document } from '@/tools/seed/lexical'

type Node = { type: string; tag?: string; children?: Node[]; text?: string; value?: unknown }

const blocks: ContentBlock[] = referencePost.blocks
const root = document(blocks, () => 42).root as unknown as Node
const nodes = root.children ?? []

describe('reference post content', () => {
  it('has the original structure: 11 H2 sections, one H3, three bullet lists, one inline image', () => {
    const count = (pred: (n: Node) => boolean) => nodes.filter(pred).length
    expect(count((n) => n.type === 'heading' && n.tag === 'h2')).toBe(11)
    expect(count((n) => n.type === 'heading' && n.tag === 'h3')).toBe(1)
    expect(count((n) => n.type === 'list')).toBe(3)
    expect(count((n) => n.type === 'upload')).toBe(1)
  })

  it('keeps headings in the original order', () => {
    const headings = nodes.filter((n) => n.type === 'heading').map((n) => n.children?.[0]?.text)
    expect(headings[0]).toBe('How to Achieve Pain Relief Through Medical Massage?')
    expect(headings).toContain('Technique Application')
    expect(headings.at(-1)).toBe('How Often Should You Visit Massage Therapy for a Pain Condition?')
  })

  it('holds the bullet list items as list items, not text with bullets', () => {
    const lists = nodes.filter((n) => n.type === 'list')
    expect(lists.map((l) => l.children?.length)).toEqual([4, 3, 4])
    const texts = lists.flatMap((l) => l.children ?? []).map((li) => li.children?.[0]?.text ?? '')
    expect(texts.every((t) => !t.startsWith('•'))).toBe(true)
  })

  it('links the inline image to the uploaded media', () => {
    const upload = nodes.find((n) => n.type === 'upload')
    expect(upload).toMatchObject({ relationTo: 'media', value: 42 })
  })

  it('keeps the closing note apart from the body, for the site settings', () => {
    expect(referencePost.closingNote.heading).toBe('A Note From Replenish Aesthetics and Wellness')
    const text = nodes
      .flatMap((n) => n.children ?? [])
      .map((t) => t.text ?? '')
      .join(' ')
    expect(text).not.toContain('A Note From Replenish')
    expect(text).not.toContain('Unable to locate Global Block')
  })
})

describe('demo posts', () => {
  it('are enough for Recent Posts and a second index page', () => {
    expect(demoPosts.length).toBeGreaterThanOrEqual(6)
    expect(new Set(demoPosts.map((p) => p.title)).size).toBe(demoPosts.length)
  })

  it('each has alt text for its image', () => {
    for (const post of demoPosts) expect(post.imageAlt.length).toBeGreaterThan(10)
  })
})

describe('document()', () => {
  it('refuses an image that has no upload', () => {
    expect(() =>
      document([{ type: 'image', alt: 'x' }], () => {
        throw new Error('no upload for x')
      }),
    ).toThrow('no upload for x')
  })
})
