import { nameContaining } from '@/lib/comments/clinicNames'
import { countLinks, findListedWord, parseWordList, screenComment } from '@/lib/comments/signals'
import { fingerprint, hasHiddenCharacters, normalizeText, skeleton } from '@/lib/comments/text'

describe('countLinks', () => {
  it.each([
    ['no links here', 0],
    ['see https://example.com', 1],
    ['http://a.example and www.b.example and https://c.example/x?y=1', 3],
    ['javascript:alert(1) is not a web link', 0],
  ])('%s -> %i', (text, n) => expect(countLinks(text)).toBe(n))
})

describe('text as the rules read it', () => {
  it('folds fullwidth letters, drops invisible characters, collapses spaces', () => {
    expect(normalizeText('ｃａｓｉｎｏ\u200b  night\u00ad\n\tout ')).toBe('casino night out')
  })
  it('reads look-alike letters, accents and digits as the Latin letters they imitate', () => {
    expect(skeleton('саsіnо')).toBe(skeleton('casino')) // Cyrillic а, с, і, о
    expect(skeleton('CÁSÍNÖ')).toBe(skeleton('casino'))
    expect(skeleton('c4s1n0')).toBe(skeleton('casino'))
    expect(skeleton('p1lls')).toBe(skeleton('pills'))
  })
  it('gives the same fingerprint to the same comment in disguise, another to another', () => {
    expect(fingerprint('Great  post!')).toBe(fingerprint('Gre\u200bat post!'))
    expect(fingerprint('Great post!')).toBe(fingerprint('Grеat post!')) // Cyrillic е
    expect(fingerprint('Great post!')).not.toBe(fingerprint('Great talk!'))
  })
  it('finds names with controls, direction overrides, line breaks or invisible characters', () => {
    for (const name of [
      'Rosa\u202eesoR',
      'Rosa\nPatient',
      'Rosa\u200b',
      '\u2066Rosa',
      'A\u00adB',
    ]) {
      expect([name, hasHiddenCharacters(name)]).toEqual([name, true])
    }
  })
  it('finds variation selectors, grapheme joiners, fillers and blanks that show as nothing', () => {
    for (const name of [
      'Victoria\ufe00\ufe01',
      'Ro\u034fsa',
      'Maya\u3164Alvarez',
      '\u2800',
      'Ro\u17b4sa',
    ]) {
      expect([name, hasHiddenCharacters(name)]).toEqual([name, true])
    }
  })
  it('keeps joiners inside emoji and names that need them', () => {
    for (const name of ['Rosa 🏃‍♀️', 'علی‌رضا', 'José Martínez', 'Zoë Brontë-Ngô']) {
      expect([name, hasHiddenCharacters(name)]).toEqual([name, false])
    }
  })
})

describe('names of the clinic', () => {
  const names = ['Replenish Aesthetics and Wellness', 'Maya Alvarez', 'The clinic', 'Al']
  it.each([
    ['Maya Alvarez', 'Maya Alvarez'],
    ['Dr. Maya Alvarez', 'Maya Alvarez'],
    ['Maya\u2800Alvarez', 'Maya Alvarez'],
    ['MAYA ALVAREZ', 'Maya Alvarez'],
    ['Mаyа Аlvаrеz', 'Maya Alvarez'], // Cyrillic а, е
    ['Replenish Aesthetics and Wellness Team', 'Replenish Aesthetics and Wellness'],
    ['the-clinic', 'The clinic'],
  ])('%s is read as %s', (given, found) => {
    expect(nameContaining(given, names)).toBe(found)
  })
  it.each(['Maya', 'Rosa Patient', 'Alan Smith'])('%s is a reader', (given) => {
    expect(nameContaining(given, names)).toBeNull()
  })
})

describe('word lists', () => {
  it('parses one per line or comma-separated, lower-cased, blanks dropped', () => {
    expect(parseWordList('Casino\n\n viagra , cheap pills \n')).toEqual([
      'casino',
      'viagra',
      'cheap pills',
    ])
    expect(parseWordList(null)).toEqual([])
  })
  it('matches whole words and phrases only', () => {
    expect(findListedWord(['Best CASINO in town'], ['casino'])).toBe('casino')
    expect(findListedWord(['occasional soreness'], ['casino'])).toBeNull()
    expect(findListedWord(['buy cheap pills now'], ['cheap pills'])).toBe('cheap pills')
    expect(findListedWord(['name', 'body with viagra'], ['viagra'])).toBe('viagra')
  })
  it.each([
    ['zero-width space', 'best cas\u200bino'],
    ['soft hyphen', 'best cas\u00adino'],
    ['Cyrillic look-alikes', 'best саsіnо'],
    ['fullwidth letters', 'best ｃａｓｉｎｏ'],
    ['accents', 'best càsíno'],
    ['digits for letters', 'best c4s1n0'],
  ])('is not evaded by %s', (_how, text) => {
    expect(findListedWord([text], ['casino'])).toBe('casino')
  })
  it.each([
    ['Greek capitals', 'best CASIΝO'],
    ['small capitals', 'best ᴄᴀsɪɴᴏ'],
    ['a Braille blank inside', 'best cas⠀ino'],
    ['letters spaced out', 'best c a s i n o'],
    ['letters dotted apart', 'best c.a.s.i.n.o'],
    ['a Latin alpha', 'best cɑsino'],
  ])('is not evaded by %s either', (_how, text) => {
    expect(findListedWord([text], ['casino'])).toBe('casino')
  })
  it('does not join ordinary short words into one', () => {
    expect(findListedWord(['I am a cat in a box'], ['iamacat'])).toBeNull()
  })
  it('matches a phrase across extra spaces and line breaks', () => {
    expect(findListedWord(['buy cheap   \n pills'], ['cheap pills'])).toBe('cheap pills')
  })
})

describe('screenComment', () => {
  const base = {
    maxLinks: 2,
    disallowedWords: ['casino'],
    moderationWords: ['refund'],
    returning: 'new' as const,
    trustApproved: true,
  }
  const proven = { ...base, returning: 'proven' as const }
  const PROVEN = 'returning commenter: this browser and email have an approved comment'
  it('marks disallowed words as spam, whatever else', () => {
    expect(screenComment({ ...proven, texts: ['Great casino'] })).toEqual({
      status: 'spam',
      signals: ['disallowed word: casino'],
    })
  })
  it('holds more than the allowed number of links, saying how many', () => {
    const r = screenComment({
      ...proven,
      texts: ['https://a.example https://b.example https://c.example'],
    })
    expect(r).toEqual({ status: 'pending', signals: ['3 links', PROVEN] })
  })
  it('counts fullwidth links too', () => {
    expect(countLinks('ｈｔｔｐｓ://a.example and https://b.example')).toBe(2)
  })
  it('allows exactly the maximum number of links', () => {
    expect(
      screenComment({ ...proven, texts: ['https://a.example https://b.example'] }).status,
    ).toBe('approved')
  })
  it('holds moderation words', () => {
    expect(screenComment({ ...proven, texts: ['I want a refund'] })).toEqual({
      status: 'pending',
      signals: ['matched word: refund', PROVEN],
    })
  })
  it('holds for reasons found elsewhere (a flood, a name of the clinic), even when proven', () => {
    expect(screenComment({ ...proven, texts: ['Thanks!'], holds: ['6 comments'] })).toEqual({
      status: 'pending',
      signals: ['6 comments', PROVEN],
    })
  })
  it('approves a proven returning commenter at once, unless the setting is off', () => {
    expect(screenComment({ ...proven, texts: ['Thanks!'] }).status).toBe('approved')
    expect(screenComment({ ...proven, texts: ['Thanks!'], trustApproved: false })).toEqual({
      status: 'pending',
      signals: [PROVEN],
    })
  })
  it('an email with approved comments proves nothing: held, and the moderator is told why', () => {
    expect(screenComment({ ...base, returning: 'email-only', texts: ['Thanks!'] })).toEqual({
      status: 'pending',
      signals: ['email has approved comments, but not from this browser'],
    })
  })
  it('holds a first comment, saying so', () => {
    expect(screenComment({ ...base, texts: ['Thanks!'] })).toEqual({
      status: 'pending',
      signals: ['first comment from this email'],
    })
  })
})
