import { slugify } from '@/lib/slugify'

describe('slugify', () => {
  it.each([
    [
      'Ways to Achieve Pain Relief Through Medical Massage',
      'ways-to-achieve-pain-relief-through-medical-massage',
    ],
    ['What’s New: Dysport/ Filler Party!', 'whats-new-dysport-filler-party'],
    ['Crème Brûlée & Skin', 'creme-brulee-and-skin'],
    ['  --Leading and trailing--  ', 'leading-and-trailing'],
    ['How Long Will the Pain-Relief Last?', 'how-long-will-the-pain-relief-last'],
    ['Ünïcödé 2024', 'unicode-2024'],
  ])('%s -> %s', (input, slug) => {
    expect(slugify(input)).toBe(slug)
  })

  it('gives an empty string when nothing is left', () => {
    expect(slugify('!!!')).toBe('')
    expect(slugify('日本語')).toBe('')
  })

  it('caps length without a trailing hyphen', () => {
    const slug = slugify('word '.repeat(60))
    expect(slug.length).toBeLessThanOrEqual(96)
    expect(slug.endsWith('-')).toBe(false)
  })
})
