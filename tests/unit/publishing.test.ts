import { XMLValidator } from 'fast-xml-parser'

import { REUSABLE_BLOCK_SLUG } from '@/lib/content/blocks'
import { plainText, reusableBlockIds, unresolvedBlocks } from '@/lib/content/lexical'
import { reviewCutoff } from '@/lib/content/problems'
import type { PostView } from '@/lib/data/views'
import { escapeXml, renderRss } from '@/lib/feeds/rss'
import { parseArchivePage } from '@/lib/pageNumber'
import { isValidPreviewSecret, previewSecret, safeReturnPath } from '@/lib/preview'
import { searchQuerySchema } from '@/lib/schemas/search'
import { highlight, snippet } from '@/lib/search/highlight'
import { foldWord, queryWords, wordList, wordsOf } from '@/lib/search/words'
import { document, reusableBlock } from '@/tools/seed/lexical'
import { postStructuredData } from '@/lib/structuredData'

const withBlock = (blockValue: unknown) => {
  const doc = document(
    [
      { type: 'h2', text: 'Title' },
      { type: 'p', text: 'Body  text.' },
    ],
    () => 0,
  )
  const block = reusableBlock(1) as { fields: Record<string, unknown> }
  block.fields.block = blockValue
  ;(doc.root as { children: unknown[] }).children.push(block)
  return doc
}

describe('content helpers', () => {
  it('plainText keeps the words, one line per block', () => {
    expect(plainText(withBlock(4) as never)).toBe('Title\nBody text.')
    expect(plainText(null)).toBe('')
  })

  it('reusableBlockIds finds inserted blocks, populated or not, each once', () => {
    expect(reusableBlockIds(withBlock(4) as never, REUSABLE_BLOCK_SLUG)).toEqual(['4'])
    expect(
      reusableBlockIds(withBlock({ id: 7, content: {} }) as never, REUSABLE_BLOCK_SLUG),
    ).toEqual(['7'])
  })

  it('unresolvedBlocks names blocks that did not load', () => {
    expect(unresolvedBlocks(withBlock(4) as never, REUSABLE_BLOCK_SLUG)).toEqual(['4'])
    expect(unresolvedBlocks(withBlock(null) as never, REUSABLE_BLOCK_SLUG)).toEqual(['unknown'])
    expect(
      unresolvedBlocks(withBlock({ id: 4, content: {} }) as never, REUSABLE_BLOCK_SLUG),
    ).toEqual([])
  })
})

describe('search helpers', () => {
  it('queryWords folds case, accents and plurals, drops repeats, keeps at most eight', () => {
    expect(queryWords('  Massages  massage MASSAGE Thérapies ')).toEqual(['massag', 'therapi'])
    expect(queryWords('   ')).toEqual([])
    expect(queryWords('a b c d e f g h i j')).toHaveLength(8)
  })

  it('foldWord meets singular and plural in one form, and leaves short words alone', () => {
    const same = [
      ['stretch', 'stretches'],
      ['ache', 'aches'],
      ['knee', 'knees'],
      ['therapy', 'therapies'],
      ['tendon', 'tendons'],
      ['class', 'classes'],
    ]
    for (const [one, many] of same) expect(foldWord(one!)).toBe(foldWord(many!))
    const more = [
      ['eye', 'eyes'],
      ['toe', 'toes'],
      ['age', 'ages'],
      ['calorie', 'calories'],
      ['movie', 'movies'],
      ['tie', 'ties'],
      ['fly', 'flies'],
      ['box', 'boxes'],
      ['physiotherapy', 'physiotherapies'],
    ]
    for (const [one, many] of more) expect(foldWord(one!)).toBe(foldWord(many!))
    // A plural never folds into another, common word.
    for (const [plural, word] of [
      ['toes', 'to'],
      ['uses', 'us'],
      ['ones', 'on'],
      ['does', 'do'],
    ]) {
      expect(foldWord(plural!)).not.toBe(foldWord(word!))
    }
    expect(foldWord('yes')).toBe('yes')
    expect(foldWord('was')).toBe('was')
    expect(foldWord('status')).toBe('status')
  })

  it('wordsOf splits on anything but letters and digits, and drops data too long to be a word', () => {
    expect(wordsOf(`Post 4711: warm-up & cool-down, ${'x'.repeat(65)} naïve`)).toEqual([
      'post',
      '4711',
      'warm',
      'up',
      'cool',
      'down',
      'naiv',
    ])
    expect(wordsOf('one two three', 2)).toEqual(['one', 'two'])
    // Scripts written without spaces are split by the platform's dictionary.
    expect(wordsOf('東京都に住んでいます')).toContain('東京')
    expect(queryWords('東京')).toEqual(['東京'])
    // Compatibility forms that decompose into several words still make one word.
    expect(wordsOf('ﷺ')).toHaveLength(1)
    expect(wordsOf('ﷺ')[0]).not.toMatch(/\s/)
    // A query word too long for a post to store is kept, so it finds nothing rather than all.
    expect(queryWords(`lung ${'z'.repeat(70)}`)).toEqual(['lung', 'z'.repeat(70)])
    expect(wordList(['a', 'b'])).toBe(' a b ')
    expect(wordList([])).toBe(' ')
  })

  it('highlight marks whole words that search matched, whatever their case or number', () => {
    expect(highlight('Massages and mass, massage.', queryWords('massage'))).toEqual([
      { text: 'Massages', match: true },
      { text: ' and mass, ', match: false },
      { text: 'massage', match: true },
      { text: '.', match: false },
    ])
    expect(highlight('Stretch (b) c', queryWords('stretches b'))).toEqual([
      { text: 'Stretch', match: true },
      { text: ' (', match: false },
      { text: 'b', match: true },
      { text: ') c', match: false },
    ])
    expect(highlight('massaged', queryWords('massage'))).toEqual([
      { text: 'massaged', match: false },
    ])
  })

  it('snippet centres on the place with the most words and cuts at words', () => {
    const text = `${'alpha '.repeat(60)}needle here and haystack too ${'omega '.repeat(60)}`
    const cut = snippet(text, queryWords('needle haystacks'), 80)
    expect(cut).toContain('needle here and haystack')
    expect(cut.startsWith('… ')).toBe(true)
    expect(cut.endsWith(' …')).toBe(true)
    expect(cut.length).toBeLessThanOrEqual(80 + 4)
    expect(snippet('short text', ['x'])).toBe('short text')
  })

  it('the query schema trims, caps the length and defaults the page', () => {
    expect(searchQuerySchema.parse({ q: '  pain ', page: '2' })).toEqual({ q: 'pain', page: 2 })
    expect(searchQuerySchema.parse({ q: undefined, page: 'x' })).toEqual({ q: '', page: 1 })
    expect(searchQuerySchema.parse({ q: 'x'.repeat(101) }).q).toBe('')
  })
})

describe('archive pages', () => {
  it.each([
    [undefined, 1],
    [[], 1],
    [['page', '2'], 2],
    [['page', '1'], null],
    [['page', '0'], null],
    [['page', 'x'], null],
    [['other', '2'], null],
    [['page', '2', 'x'], null],
  ])('%j -> %s', (segments, page) => expect(parseArchivePage(segments)).toBe(page))
})

describe('RSS', () => {
  it('escapes markup and strips characters XML forbids', () => {
    expect(escapeXml('<b>"Tom" & \'Jerry\'</b>\u0001')).toBe(
      '&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;',
    )
    // Noncharacters and a lone surrogate, as a hostile comment could carry them.
    expect(escapeXml('a\uFFFFb\uFFFEc\uD800d 😀')).toBe('abcd 😀')
  })

  it('renders a well-formed feed even from hostile titles', () => {
    const xml = renderRss({
      title: 'Clinic & Co',
      link: 'https://clinic.example/',
      selfLink: 'https://clinic.example/feed.xml',
      description: 'News',
      items: [
        {
          title: '</title><script>alert(1)</script>',
          link: 'https://clinic.example/posts/a?x=1&y=2',
          guid: 'https://clinic.example/posts/a',
          description: 'A & B',
          publishedAt: '2026-01-02T03:04:05.000Z',
          author: 'Maya',
          categories: ['Wellness'],
        },
      ],
    })
    expect(XMLValidator.validate(xml)).toBe(true)
    expect(xml).toContain('<pubDate>Fri, 02 Jan 2026 03:04:05 GMT</pubDate>')
    expect(xml).not.toContain('<script>')
  })
})

describe('preview links', () => {
  it('a secret is tied to its post', () => {
    const secret = previewSecret('s3cret', 'a-post')
    expect(isValidPreviewSecret('s3cret', 'a-post', secret)).toBe(true)
    expect(isValidPreviewSecret('s3cret', 'another-post', secret)).toBe(false)
    expect(isValidPreviewSecret('other', 'a-post', secret)).toBe(false)
    expect(isValidPreviewSecret('s3cret', 'a-post', '')).toBe(false)
  })

  it.each([
    ['/posts/a', '/posts/a'],
    ['//evil.example/x', '/'],
    ['https://evil.example', '/'],
    ['/posts/a"><script>', '/'],
    [null, '/'],
  ])('exit path %j -> %s', (path, expected) => expect(safeReturnPath(path)).toBe(expected))
})

describe('medical review', () => {
  it('the cutoff is the given number of days before now', () => {
    expect(reviewCutoff(2, Date.parse('2026-01-10T00:00:00Z'))).toBe('2026-01-08T00:00:00.000Z')
  })
})

describe('structured data', () => {
  const post = {
    title: 'A <Title>',
    slug: 'a-title',
    excerpt: 'Short.',
    publishedAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-02-01T00:00:00.000Z',
    image: { url: '/api/media/file/a.webp', alt: 'A', width: 10, height: 5 },
    authors: [{ name: 'Maya Alvarez', slug: 'maya', credentials: 'LMT' }],
    tags: [],
    categories: [],
    review: {
      by: { name: 'Jordan Lee', slug: 'jordan', credentials: 'RN' },
      lastReviewedAt: '2026-03-04T00:00:00.000Z',
    },
    meta: { title: null, description: null, image: null },
  } as unknown as PostView

  it('names the author and, when reviewed, the reviewer and date', () => {
    const data = postStructuredData(post, 'Clinic', [{ name: 'Home', path: '/' }])
    const [posting, medical, crumbs] = data['@graph'] as Record<string, unknown>[]
    expect(posting).toMatchObject({ '@type': 'BlogPosting', headline: 'A <Title>' })
    expect(posting!.author).toEqual([expect.objectContaining({ name: 'Maya Alvarez' })])
    expect(medical).toMatchObject({ '@type': 'MedicalWebPage', lastReviewed: '2026-03-04' })
    expect(medical!.reviewedBy).toEqual(expect.objectContaining({ name: 'Jordan Lee' }))
    expect(crumbs).toMatchObject({ '@type': 'BreadcrumbList' })
  })

  it('has no MedicalWebPage when nobody reviewed the post', () => {
    const data = postStructuredData({ ...post, review: null }, 'Clinic', [])
    expect((data['@graph'] as { '@type': string }[]).map((n) => n['@type'])).toEqual([
      'BlogPosting',
      'BreadcrumbList',
    ])
  })
})
