import { toAuthorRefs, toImage, toPostSummary, toSettingsView } from '@/lib/data/views'
import { authorLabel, formatDate, shortText } from '@/lib/format'
import type { Author, Media, SiteSetting } from '@/payload-types'

const media = {
  id: 1,
  alt: 'A calm room',
  url: '/api/media/file/a.webp',
  width: 1600,
  height: 900,
} as Media
const author = { id: 7, name: 'Maya Alvarez', slug: 'maya-alvarez', credentials: 'LMT' } as Author

describe('toImage', () => {
  it('maps a populated upload', () => {
    expect(toImage(media)).toEqual({
      url: '/api/media/file/a.webp',
      alt: 'A calm room',
      width: 1600,
      height: 900,
    })
  })
  it('keeps our own uploads relative even when Payload made them absolute', () => {
    const absolute = { ...media, url: 'https://blog.clinic.example/api/media/file/a.webp' }
    expect(toImage(absolute)?.url).toBe('/api/media/file/a.webp')
    expect(toImage({ ...media, url: 'https://cdn.example/x.webp' })?.url).toBe(
      'https://cdn.example/x.webp',
    )
  })
  it('is null for an unpopulated id, a deleted upload or one without dimensions', () => {
    expect(toImage(3)).toBeNull()
    expect(toImage(null)).toBeNull()
    expect(toImage({ ...media, width: null })).toBeNull()
  })
})

describe('toPostSummary', () => {
  it('keeps only what a card shows, with authors as names and slugs', () => {
    const summary = toPostSummary({
      id: 5,
      title: 'T',
      slug: 't',
      excerpt: 'E',
      publishedAt: '2023-12-01T15:00:00.000Z',
      featuredImage: media,
      authors: [author, 99],
    })
    expect(summary).toEqual({
      // A string, as MongoDB's are: the card's comment count is looked up by it.
      id: '5',
      title: 'T',
      slug: 't',
      excerpt: 'E',
      publishedAt: '2023-12-01T15:00:00.000Z',
      image: toImage(media),
      authors: [{ name: 'Maya Alvarez', slug: 'maya-alvarez', credentials: 'LMT' }],
    })
  })

  it('drops authors without a slug rather than linking nowhere', () => {
    expect(toAuthorRefs([{ ...author, slug: null }])).toEqual([])
  })
})

describe('formatting', () => {
  it('formats dates as the original page did', () => {
    expect(formatDate('2023-12-01T15:00:00.000Z')).toBe('December 1, 2023')
  })
  it('adds credentials after the name', () => {
    expect(authorLabel({ name: 'Maya Alvarez', credentials: 'LMT' })).toBe('Maya Alvarez, LMT')
    expect(authorLabel({ name: 'Jordan Lee', credentials: null })).toBe('Jordan Lee')
  })
})

describe('toSettingsView', () => {
  const full = {
    id: 1,
    siteName: 'Replenish Aesthetics and Wellness',
    tagline: 'Medical massage',
    closingNote: { heading: 'A Note From Replenish Aesthetics and Wellness', body: 'We care.' },
    callToAction: { text: 'Ready to schedule?', linkLabel: 'Call', linkUrl: 'tel:+15550100123' },
  } as SiteSetting

  it('passes filled sections through', () => {
    expect(toSettingsView(full)).toEqual({
      siteName: 'Replenish Aesthetics and Wellness',
      tagline: 'Medical massage',
      closingNote: { heading: 'A Note From Replenish Aesthetics and Wellness', body: 'We care.' },
      callToAction: { text: 'Ready to schedule?', linkLabel: 'Call', linkUrl: 'tel:+15550100123' },
    })
  })

  it('hides sections staff left empty or blank, and never leaves the site nameless', () => {
    const empty = {
      id: 1,
      siteName: '',
      tagline: '',
      closingNote: { heading: 'A note', body: '  ' },
      callToAction: { text: '', linkLabel: 'Call', linkUrl: '/x' },
    } as SiteSetting
    expect(toSettingsView(empty)).toEqual({
      siteName: 'inkwell',
      tagline: null,
      closingNote: null,
      callToAction: null,
    })
  })
})

describe('shortText', () => {
  it('puts a text on one line and cuts it to the length, ending in an ellipsis', () => {
    expect(shortText('  Two\n\nlines  ', 80)).toBe('Two lines')
    expect(shortText('abcdef', 6)).toBe('abcdef')
    expect(shortText('abcdefg', 6)).toBe('abcde…')
  })
})
