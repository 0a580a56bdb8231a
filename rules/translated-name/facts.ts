/**
 * What the rule knows of a token's text. A document has hundreds of
 * thousands of words, and the rule looks closely only at the capitalised ones
 * and their neighbours, so everything here is built to be cheap: the facts
 * of a word are bits, worked out when first asked (most words start with a
 * lower-case letter, and only the vocabulary can say anything of them; a
 * glance at their length, first and last letter rules most out), capitalised
 * ASCII words are read character by character, and only the rare others go
 * through the regular expressions, once per distinct word (a memo emptied
 * when it gets large, so that endless distinct words keep memory flat).
 */
import {isDictionaryName} from '../../src/words.js'
import vocabulary from './vocabulary.json' with {type: 'json'}

const attribution = new Set(vocabulary.attribution)
const roles = new Set(vocabulary.roles)
const honorifics = new Set(vocabulary.honorifics)
const contextWords = new Set(vocabulary.context)
const articles = new Set(['a', 'an', 'the'])

const capitalised = /^\p{Lu}\p{Ll}+$/u
const nameLike = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*$/u
const initial = /^\p{Lu}\p{Ll}?$/u

export const isCapitalised = 1
export const isNameLike = 2
export const isInitial = 4
export const isRole = 8
export const isHonorific = 16
export const isAttribution = 32
export const isContext = 64
export const isIndefinite = 128
export const isArticle = 256
/** Set on a token's facts once `isDemonym` is known (not by `factsOf`). */
export const isDemonymKnown = 512
export const isDemonymWord = 1024

/** Vocabulary facts of a word as written (`attribution` is case-sensitive). */
function exactFacts(text: string): number {
  return (
    (honorifics.has(text) ? isHonorific : 0) |
    (attribution.has(text) ? isAttribution : 0) |
    (contextWords.has(text) ? isContext : 0)
  )
}

/** Vocabulary facts of a word in any case (`roles`, articles). */
function loweredFacts(lower: string): number {
  return (
    (roles.has(lower) ? isRole : 0) |
    (lower === 'a' || lower === 'an' ? isIndefinite : 0) |
    (articles.has(lower) ? isArticle : 0)
  )
}

/** A vocabulary word in lower case, with its facts. */
interface VocabularyWord {
  lower: string
  /** `loweredFacts(lower)`. */
  lowered: number
  /** Its spellings with facts as written (`Mr`, `said`, `Russia`): `exactFacts`. */
  exact: Array<[string, number]>
}

/**
 * The vocabulary by the length and the first, second and last letter of its
 * words: most words of a text differ from all of them there, which is cheaper
 * to see (and then to compare) than to look a word up.
 */
const vocabularyByShape = new Map<number, VocabularyWord[]>()
/**
 * The same for length, first and last letter only, as a table read without
 * hashing; `outline` is undefined for words it cannot hold.
 */
const vocabularyOutlines = new Uint8Array(16 * 26 * 26)
let vocabularyBeyondOutlines = false
for (const word of [...attribution, ...roles, ...honorifics, ...contextWords, ...articles]) {
  const lower = word.toLowerCase()
  const place = outline(lower.length, lower.charCodeAt(0), lower.charCodeAt(lower.length - 1))
  if (place === undefined) vocabularyBeyondOutlines = true
  else vocabularyOutlines[place] = 1
  const key = shape(lower.length, lower.charCodeAt(0), lower.charCodeAt(1), lower.charCodeAt(lower.length - 1))
  const list = vocabularyByShape.get(key) ?? []
  vocabularyByShape.set(key, list)
  let entry = list.find((known) => known.lower === lower)
  if (entry === undefined) {
    entry = {lower, lowered: loweredFacts(lower), exact: []}
    list.push(entry)
  }

  const exact = exactFacts(word)
  if (exact && !entry.exact.some(([spelling]) => spelling === word)) entry.exact.push([word, exact])
}

/** Where a length and two lower-case ASCII letters are in `vocabularyOutlines`. */
function outline(length: number, first: number, last: number): number | undefined {
  if (length > 15 || first < 97 || first > 122 || last < 97 || last > 122) return undefined
  return (length * 26 + first - 97) * 26 + last - 97
}

/** A small number for a length and three ASCII characters (`| 0` for none). */
export function shape(length: number, first: number, second: number, last: number): number {
  return (Math.min(length, 63) << 24) | ((first & 255) << 16) | ((second & 255) << 8) | (last & 255)
}

const memoLimit = 50_000
let factsMemo = new Map<string, number>()
let demonymMemo = new Map<string, boolean>()

/**
 * The facts of a word. ASCII words (nearly all) are read character by
 * character, which is cheaper than any look-up; the rest are worked out with
 * the regular expressions, once per distinct word.
 */
export function factsOf(text: string): number {
  const {length} = text
  if (length === 0) return 0
  const first = text.charCodeAt(0)
  const last = text.charCodeAt(length - 1)
  // Most words start with an ASCII character that is no capital: no pattern
  // above can match them, only the vocabulary may know them.
  if (first < 128 && !(first >= 65 && first <= 90) && last < 128) return vocabularyFactsOf(text, first, last)
  // `[A-Z][a-z]+(-[A-Z][a-z]+)*`: capital at a part's start, then lower case.
  let nameLikeSoFar = true
  let hyphens = 0
  let partStart = true
  let partLength = 0
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index)
    if (code >= 128) return memoFacts(text)
    if (!nameLikeSoFar) continue
    if (partStart) {
      if (code < 65 || code > 90) nameLikeSoFar = false
      partStart = false
      partLength = 1
    } else if (code >= 97 && code <= 122) {
      partLength++
    } else if (code === 45 /* - */ && partLength >= 2) {
      hyphens++
      partStart = true
    } else {
      nameLikeSoFar = false
    }
  }

  const nameLikeWord = nameLikeSoFar && !partStart && partLength >= 2
  return (
    (nameLikeWord ? isNameLike : 0) |
    (nameLikeWord && hyphens === 0 ? isCapitalised : 0) |
    // `[A-Z][a-z]?`
    (first >= 65 && first <= 90 && (length === 1 || (length === 2 && last >= 97 && last <= 122)) ? isInitial : 0) |
    vocabularyFactsOf(text, first, last)
  )
}

/**
 * The vocabulary's facts of a word whose first and last characters are
 * ASCII: `exactFacts(text) | loweredFacts(lower)`.
 */
function vocabularyFactsOf(text: string, first: number, last: number): number {
  const {length} = text
  const second = length > 1 ? text.charCodeAt(1) : Number.NaN
  // Past the first two, other characters lower-case to ASCII at the same
  // length or make no vocabulary word.
  if (second >= 128) return exactFacts(text) | loweredFacts(text.toLowerCase())
  const lowerFirst = lowerAscii(first)
  const lowerLast = lowerAscii(last)
  const place = outline(length, lowerFirst, lowerLast)
  if (place === undefined ? !vocabularyBeyondOutlines : vocabularyOutlines[place] === 0) return 0
  const list = vocabularyByShape.get(shape(length, lowerFirst, lowerAscii(second), lowerLast))
  if (list === undefined) return 0
  for (const word of list) if (word.lower === text) return word.lowered | exactOf(word, text)
  // Not a vocabulary word in lower case: perhaps in another case (`The`).
  const lower = text.toLowerCase()
  if (lower === text) return 0
  for (const word of list) if (word.lower === lower) return word.lowered | exactOf(word, text)
  return 0
}

function exactOf(word: VocabularyWord, text: string): number {
  for (const [spelling, facts] of word.exact) if (spelling === text) return facts
  return 0
}

/** ASCII lower case: `| 32` for A-Z. */
function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code | 32 : code
}

function memoFacts(text: string): number {
  let facts = factsMemo.get(text)
  if (facts !== undefined) return facts
  const lower = text.toLowerCase()
  facts =
    (capitalised.test(text) ? isCapitalised : 0) |
    (nameLike.test(text) ? isNameLike : 0) |
    (initial.test(text) ? isInitial : 0) |
    exactFacts(text) |
    loweredFacts(lower)
  if (factsMemo.size >= memoLimit) factsMemo = new Map()
  factsMemo.set(text, facts)
  return facts
}

/**
 * A nationality or place adjective (`Belarusian`, `Russian`, `Ukrainian`,
 * `Chinese`): the word minus its suffix is a place the dictionary knows.
 */
export function isDemonym(word: string): boolean {
  // Every suffix ends in n, e, h or i: most words are no demonym at once.
  const last = word.charCodeAt(word.length - 1)
  if (last !== 110 && last !== 101 && last !== 104 && last !== 105) return false
  let known = demonymMemo.get(word)
  if (known !== undefined) return known
  const match = /^(\p{Lu}\p{Ll}+?)(ian|ean|an|n|ese|ish|i)$/u.exec(word)
  const stem = match?.[1]
  known =
    stem !== undefined &&
    [stem, stem + 'a', stem + 'e', stem + 'ia', stem + 'y'].some(
      (place) => place.length > 2 && isDictionaryName(place)
    )
  if (demonymMemo.size >= memoLimit) demonymMemo = new Map()
  demonymMemo.set(word, known)
  return known
}
