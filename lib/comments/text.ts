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
    .replace(/\s+/gu, ' ')
    .trim()

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
  // Latin letters that pass for others, and i/l as one
  l: 'i', ı: 'i', ȷ: 'j', ł: 'i', ø: 'o', đ: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe',
  // Digits and signs used for letters
  '0': 'o', '1': 'i', '|': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', $: 's', '7': 't',
}

/**
 * What a text reads as, for matching word lists and finding repeats only (never shown, never
 * stored as the comment): normalised, lower case, accents dropped, look-alike letters and
 * digits read as the Latin letter they imitate.
 */
export const skeleton = (text: string): string =>
  normalizeText(text)
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/./gu, (ch) => LOOKALIKES[ch] ?? ch)

/** Characters that no name needs: controls, line breaks, direction overrides, invisible ones. */
const FORMAT_OR_CONTROL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u
/** Joiners inside emoji and some scripts (Persian names use U+200C) are kept between characters. */
const JOINER_BETWEEN =
  /(?<=[\p{L}\p{M}\p{Extended_Pictographic}\u{FE0F}])[\u200C\u200D](?=[\p{L}\p{Extended_Pictographic}])/gu

/** True when a name holds a character that is invisible or changes how text around it shows. */
export const hasHiddenCharacters = (name: string): boolean =>
  FORMAT_OR_CONTROL.test(name.replace(JOINER_BETWEEN, ''))

/** A short digest of how a text reads, to find the same comment posted again in disguise. */
export const fingerprint = (text: string): string =>
  createHash('sha256').update(skeleton(text)).digest('hex').slice(0, 32)
