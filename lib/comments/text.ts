import { createHash } from 'node:crypto'

/**
 * Text as the moderation rules compare it, so that what looks the same on screen counts as the
 * same: fullwidth and styled letters folded (NFKC), invisible characters (zero-width spaces
 * and joiners, soft hyphens, direction marks) dropped, runs of spaces made one.
 */
export const normalizeText = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .replace(BLANKS, ' ')
    .replace(/\s+/gu, ' ')
    .trim()

/** Characters that show as nothing but are neither spaces nor ignorable (Braille's blank). */
const BLANKS = /[\u2800\u3164\u115F\u1160\uFFA0]/gu

/** The text with blank-looking characters dropped: one hidden inside a word splits it. */
export const withoutBlanks = (text: string): string => text.replace(BLANKS, '')

/**
 * Characters that pass for Latin letters, by the letter they pass for: letters of other scripts
 * with the same shape in common fonts, and the digits and signs spammers swap in. "i" and "l"
 * are one letter here (1, | and I stand for either), so "p1lls" and "pills" read the same.
 */
// prettier-ignore
const LOOKALIKES: Record<string, string> = {
  // Cyrillic
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't',
  у: 'y', х: 'x', ѕ: 's', і: 'i', ї: 'i', ј: 'j', ԁ: 'd', ԛ: 'q', ԝ: 'w', ӏ: 'i', һ: 'h',
  ɡ: 'g', ո: 'n', ս: 'u', օ: 'o',
  // Greek
  α: 'a', β: 'b', ε: 'e', η: 'n', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u',
  χ: 'x', ω: 'w', ϲ: 'c', ϳ: 'j',
  // Small capitals and other Latin letter shapes
  ᴀ: 'a', ʙ: 'b', ᴄ: 'c', ᴅ: 'd', ᴇ: 'e', ғ: 'f', ɢ: 'g', ʜ: 'h', ɪ: 'i', ᴊ: 'j', ᴋ: 'k',
  ʟ: 'i', ᴍ: 'm', ɴ: 'n', ᴏ: 'o', ᴘ: 'p', ʀ: 'r', ꜱ: 's', ᴛ: 't', ᴜ: 'u', ᴠ: 'v', ᴡ: 'w',
  ʏ: 'y', ᴢ: 'z', ɑ: 'a', ɩ: 'i', ɵ: 'o',
  // Latin letters that pass for others, and i/l as one
  l: 'i', ı: 'i', ȷ: 'j', ł: 'i', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe',
  // Digits and signs used for letters
  '0': 'o', '1': 'i', '|': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't',
}

/**
 * Capitals of other scripts by the Latin capital they look like. Read before lower-casing: a
 * Greek capital Nu looks like N, its small letter like v.
 */
// prettier-ignore
const CAPITALS: Record<string, string> = {
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p',
  Τ: 't', Υ: 'y', Χ: 'x', А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p',
  С: 'c', Т: 't', Х: 'x', У: 'y', Ѕ: 's', І: 'i', Ј: 'j',
}

/**
 * What a text reads as, for matching word lists and finding repeats only (never shown, never
 * stored as the comment): normalised, lower case, accents dropped, look-alike letters and
 * digits read as the Latin letter they imitate.
 */
export const skeleton = (text: string): string =>
  normalizeText(text)
    .replace(/./gu, (ch) => CAPITALS[ch] ?? ch)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/./gu, (ch) => LOOKALIKES[ch] ?? ch)

/**
 * Letters written out one at a time ("c a s i n o", "c.a.s.i.n.o"), joined up, so a word list
 * still sees the word.
 */
export const squeezeSpacedLetters = (text: string): string =>
  text.replace(/(?<![\p{L}\p{N}])\p{L}(?:[^\p{L}\p{N}\n]{1,2}\p{L}(?![\p{L}\p{N}])){2,}/gu, (run) =>
    run.replace(/[^\p{L}]/gu, ''),
  )

/**
 * Characters no name needs: controls, line breaks, direction overrides, invisible and blank
 * ones (the ideographic space of CJK names is allowed).
 */
const HIDDEN =
  /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800\u1680\u2000-\u200A\u202F\u205F]/u
/** Joiners inside emoji and some scripts (Persian names use U+200C) are kept between characters. */
const JOINER_BETWEEN =
  /(?<=[\p{L}\p{M}\p{Extended_Pictographic}\u{FE0F}])[\u200C\u200D](?=[\p{L}\p{Extended_Pictographic}])/gu
/** The emoji-style selector after a pictograph (❤️, 🏃‍♀️). */
const EMOJI_STYLE = /(?<=\p{Extended_Pictographic})\u{FE0F}/gu

/** True when a name holds a character that is invisible or changes how text around it shows. */
export const hasHiddenCharacters = (name: string): boolean =>
  HIDDEN.test(name.replace(JOINER_BETWEEN, '').replace(EMOJI_STYLE, ''))

/** True when accents are piled on one letter far past what any language writes. */
export const hasStackedMarks = (name: string): boolean => /\p{M}{4,}/u.test(name.normalize('NFC'))

/** A short digest of how a text reads, to find the same comment posted again in disguise. */
export const fingerprint = (text: string): string =>
  createHash('sha256').update(skeleton(text)).digest('hex').slice(0, 32)
