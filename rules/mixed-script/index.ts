/**
 * `mixed-script`: Cyrillic (and Greek) letters where English text needs
 * Latin ones.
 *
 * Two findings:
 *
 * - **look-alike letters inside a word**: a word of Latin letters with a
 *   Cyrillic or Greek look-alike inside, from a keyboard layout or OCR:
 *   `Мoscow` (Cyrillic М) → `Moscow`, `Lukashenkо` → `Lukashenko`,
 *   `Αthens` → `Athens`. The fix swaps each look-alike for its Latin letter
 *   (`homoglyphs.json`); a Cyrillic-only word that reads as an English word
 *   in an English sentence (`Не that has` with Cyrillic Н, е) is fixed too.
 *   A mixed word whose Cyrillic letters have no Latin twin (`Яndex`) is
 *   flagged without a fix.
 * - **Cyrillic left untranslated**: a Cyrillic word or phrase in English
 *   text (`said Источник`, `Дм.Быков - No way out`, `(дата обращения:`).
 *   For a name the transliteration is proposed as a suggestion, never as an
 *   automatic fix (`Дм.Быков` → `Dm.Bikov`: an editor may know the usual
 *   spelling, `Bykov`). A capitalised word counts as a name when it is not
 *   at a sentence start, stands with other capitalised words, is quoted (a
 *   title), or ends like a surname (`names.json`). Transliteration comes
 *   from `cyrillic-to-translit-js` (Russian, or Ukrainian for words with
 *   і, ї, є, ґ).
 *
 * Not flagged: the original quoted beside its translation
 * (`the newspaper «Коммерсантъ» (Kommersant)`, `“Война и мир” (War and
 * Peace)`, `Kommersant («Коммерсантъ»)`, `Человек живет/Something Better`),
 * a paragraph mostly in Cyrillic (a quotation of the original, not
 * English text), Cyrillic in URLs and e-mail addresses, a currency or
 * magnitude abbreviation after a number (`300 тыс.`, left to
 * `number-format`), Greek letters on their own (`α`, `π`, `Δx`) and Greek
 * letters in units (`μm`).
 *
 * One pass over each paragraph that has a Cyrillic or Greek letter at all
 * (nearly none has, and one scan tells): words are runs of letters; a run of
 * Cyrillic words joined by spaces, hyphens, full stops or commas is one
 * finding.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import translitModule from 'cyrillic-to-translit-js'
import {paragraphSpans, report} from '../../src/rule-kit.js'
import {isCommonWord, isDictionaryName} from '../../src/words.js'
import abbreviationData from '../number-format/abbreviations.json' with {type: 'json'}
import homoglyphData from './homoglyphs.json' with {type: 'json'}
import nameData from './names.json' with {type: 'json'}

const ruleId = 'mixed-script'

/** Cyrillic look-alike → Latin letter, and the reverse. */
const cyrillicToLatin = new Map<string, string>()
const latinToCyrillic = new Map<string, string>()
for (const group of homoglyphData.cyrillic) {
  for (const [cyrillic, latin] of Object.entries(group.letters)) {
    cyrillicToLatin.set(cyrillic, latin)
    if (!latinToCyrillic.has(latin)) latinToCyrillic.set(latin, cyrillic)
  }
}

/** Greek look-alike → Latin letter. */
const greekToLatin = new Map<string, string>()
for (const group of homoglyphData.greek) {
  for (const [greek, latin] of Object.entries(group.letters)) greekToLatin.set(greek, latin)
}

/** Endings that mark a capitalised Cyrillic word as a surname, longest first. */
const surnameEndings = nameData.surnameEndings
  .flatMap((group) => group.endings)
  .sort((a, b) => b.length - a.length)

/** Abbreviations `number-format` handles after a number (`тыс`, `р`). */
const numberAbbreviations = new Set(
  abbreviationData.abbreviations.flatMap((entry) => entry.forms)
)

type Translit = {transform(input: string, spaceReplacement?: string): string}
// The package is CommonJS: its export is the factory itself.
const makeTranslit = translitModule as unknown as (config?: {preset: 'ru' | 'uk'}) => Translit
const russian = makeTranslit({preset: 'ru'})
const ukrainian = makeTranslit({preset: 'uk'})

export interface MixedScriptOptions {}

export default function mixedScript(_options?: MixedScriptOptions) {
  return function (tree: Root, file: VFile) {
    const text = String(file)
    for (const {start, end} of paragraphSpans(tree)) {
      // Every finding needs a Cyrillic or Greek letter: most paragraphs
      // have none and are passed over with one cheap scan.
      if (hasCyrillicOrGreek(text, start, end)) {
        scanParagraph(file, text, start, end)
      }
    }
  }
}

type Script = 'latin' | 'cyrillic' | 'greek' | 'other'

interface Word {
  start: number
  end: number
  latin: number
  cyrillic: number
  greek: number
}

function scanParagraph(file: VFile, text: string, from: number, to: number): void {
  // A paragraph mostly in Cyrillic is not English text: a quotation of the
  // original, or a source segment. Untranslated-text findings need English.
  // Words are counted, not letters, so that a short sentence with a long
  // name (`He met Алексей Навальный`) still counts as English.
  let latinWords = 0
  let cyrillicWords = 0
  let inWord = false
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    const script = scriptOf(code)
    if (script === 'none') {
      inWord = isWordChar(code) && inWord
      continue
    }

    if (!inWord) {
      if (script === 'latin') latinWords++
      else if (script === 'cyrillic') cyrillicWords++
    }

    inWord = true
  }

  const english = latinWords > cyrillicWords
  const webChunks = new WebChunks(text, from, to)
  let run: Word[] = []

  const closeRun = () => {
    if (run.length > 0 && english) reportRun(file, text, from, to, run, webChunks)
    run = []
  }

  let index = from
  while (index < to) {
    if (!isWordChar(text.charCodeAt(index))) {
      index++
      continue
    }

    const word: Word = {start: index, end: index, latin: 0, cyrillic: 0, greek: 0}
    while (index < to && isWordChar(text.charCodeAt(index))) {
      const script = scriptOf(text.charCodeAt(index))
      if (script === 'latin') word.latin++
      else if (script === 'cyrillic') word.cyrillic++
      else if (script === 'greek') word.greek++
      index++
    }

    word.end = index

    if (word.cyrillic > 0 && word.latin === 0) {
      const previous = run[run.length - 1]
      if (previous && !joinsRun(text, previous.end, word.start)) closeRun()
      run.push(word)
      continue
    }

    closeRun()
    if (word.latin === 0) continue
    if (webChunks.isWeb(word.start)) continue
    if (word.cyrillic > 0) reportMixedWord(file, text, word, english)
    else if (word.greek > 0) reportGreekWord(file, text, word)
  }

  closeRun()
}

/** A Latin word with Cyrillic letters in it (or the reverse). */
function reportMixedWord(file: VFile, text: string, word: Word, english: boolean): void {
  const value = text.slice(word.start, word.end)
  const latin = swapLetters(value, cyrillicToLatin, 'cyrillic')

  if (
    latin !== undefined &&
    (word.latin >= word.cyrillic || isCommonWord(latin) || isDictionaryName(latin))
  ) {
    report(file, {
      ruleId,
      reason: `Replace the Cyrillic look-alike letters in \`${value}\` with Latin ones`,
      start: word.start,
      end: word.end,
      expected: [latin],
      fix: true
    })
    return
  }

  // Mostly Cyrillic with Latin look-alikes: a Cyrillic word, typed with a
  // mixed keyboard layout, and left untranslated.
  // In a paragraph that is not English, only the Latin fix is ours to make.
  if (!english) return
  const cyrillic = swapLetters(value, latinToCyrillic, 'latin')
  const suggestion = cyrillic !== undefined && isCapitalised(cyrillic) ? transliterate(cyrillic) : undefined
  report(file, {
    ruleId,
    reason: `\`${value}\` mixes Cyrillic and Latin letters`,
    start: word.start,
    end: word.end,
    expected: suggestion ? [suggestion] : [],
    fix: false,
    note: cyrillic === undefined
      ? 'Some Cyrillic letters here have no Latin look-alike: retype the word.'
      : 'A Cyrillic word with Latin look-alike letters, left untranslated.'
  })
}

/** A Latin word with a Greek look-alike in it: `Αthens`. */
function reportGreekWord(file: VFile, text: string, word: Word): void {
  if (word.greek >= word.latin) return
  const value = text.slice(word.start, word.end)
  const latin = swapLetters(value, greekToLatin, 'greek')
  // Only when the result is a known word: `μm`, `βeta` stay.
  if (latin === undefined || !(isCommonWord(latin) || isDictionaryName(latin))) return
  report(file, {
    ruleId,
    reason: `Replace the Greek look-alike letters in \`${value}\` with Latin ones`,
    start: word.start,
    end: word.end,
    expected: [latin],
    fix: true
  })
}

/** A run of Cyrillic words in English text. */
function reportRun(
  file: VFile,
  text: string,
  from: number,
  to: number,
  run: Word[],
  webChunks: WebChunks
): void {
  const start = run[0]!.start
  const end = run[run.length - 1]!.end
  if (webChunks.isWeb(start)) return

  const value = text.slice(start, end)

  // `300 тыс.`: number-format writes these out.
  if (run.length === 1 && numberAbbreviations.has(value.toLowerCase()) && digitBefore(text, start, from)) {
    return
  }

  // `Не that has`: look-alike letters making an English word.
  const latinWords = run.map((word) =>
    swapLetters(text.slice(word.start, word.end), cyrillicToLatin, 'cyrillic')
  )
  if (latinWords.every((word) => word !== undefined && isEnglishLookAlike(word))) {
    for (const [index, word] of run.entries()) {
      report(file, {
        ruleId,
        reason: `\`${text.slice(word.start, word.end)}\` is written in Cyrillic letters that look Latin`,
        start: word.start,
        end: word.end,
        expected: [latinWords[index]!],
        fix: true
      })
    }

    return
  }

  const quote = quotesAround(text, start, end, from, to)
  if (isGlossed(text, quote.start, quote.end, from, to)) return

  const capitalised = run.every((word) => isCapitalised(text.slice(word.start, word.end)))
  const name =
    capitalised &&
    (run.length > 1 ||
      quote.quoted ||
      !atSentenceStart(text, quote.start, from) ||
      hasSurnameEnding(value))
  const suggestion = name ? transliterate(value) : undefined

  report(file, {
    ruleId,
    reason: name
      ? `The name \`${value}\` is left in Cyrillic`
      : `\`${value}\` is left untranslated (Cyrillic)`,
    start,
    end,
    expected: suggestion ? [suggestion] : [],
    fix: false,
    note: name
      ? 'The transliteration is a suggestion: check the usual English spelling of the name.'
      : undefined
  })
}

/**
 * Whether the original stands beside its translation: `«Коммерсантъ»
 * (Kommersant)`, `Kommersant («Коммерсантъ»)`, `Человек живет/Something
 * Better`. `start`/`end` include the quotes around the run, if any.
 */
function isGlossed(text: string, start: number, end: number, from: number, to: number): boolean {
  // After: `(Latin…)`, `[Latin…]` or `/ Latin`.
  let after = skipSpaces(text, end, to, 1)
  if (text[after] === ',') after = skipSpaces(text, after + 1, to, 1)
  const next = text[after]
  if (next === '(' || next === '[') {
    const close = next === '(' ? ')' : ']'
    for (let index = after + 1; index < to && index < after + 200 && text[index] !== close; index++) {
      if (scriptOf(text.charCodeAt(index)) === 'latin') return true
    }
  }

  if (next === '/' && hasLatinNear(text, after + 1, to, 1)) return true

  // Before: `Latin (` with an optional label (`Russian:`, `lit.`), or `Latin /`.
  let before = skipSpaces(text, start - 1, from - 1, -1)
  if (text[before] === '/' && hasLatinNear(text, before - 1, from - 1, -1)) return true
  if (text[before] === ':' || text[before] === '.') {
    const limit = Math.max(from - 1, before - 24)
    before--
    while (before > limit && isLabelChar(text.charCodeAt(before))) before--
  }

  if (text[before] === '(' || text[before] === '[') {
    const closing = skipSpaces(text, end, to, 1)
    const close = text[closing]
    if (close === ')' || close === ']' || close === ',' || close === ';') {
      return hasLatinNear(text, before - 1, from - 1, -1)
    }
  }

  return false
}

/** The run with the quotation marks right around it, if it has them. */
function quotesAround(
  text: string,
  start: number,
  end: number,
  from: number,
  to: number
): {start: number; end: number; quoted: boolean} {
  const open = text[start - 1] ?? ''
  let close = text[end] ?? ''
  let closeAt = end
  // A full stop or comma may sit inside the closing quote: `«Русь».`
  if ((close === '.' || close === ',') && isClosingQuote(text[end + 1] ?? '')) {
    closeAt = end + 1
    close = text[closeAt]!
  }

  if (start - 1 >= from && closeAt < to && isOpeningQuote(open) && isClosingQuote(close)) {
    return {start: start - 1, end: closeAt + 1, quoted: true}
  }

  return {start, end, quoted: false}
}

/**
 * Remembers, per white-space-delimited chunk, whether it is a URL, an
 * e-mail address or a handle, so each chunk is read once.
 */
class WebChunks {
  private chunkStart = -1
  private chunkEnd = -1
  private web = false

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number
  ) {}

  /** Positions come in document order, so each chunk is scanned once. */
  isWeb(position: number): boolean {
    if (position >= this.chunkStart && position < this.chunkEnd) return this.web
    let start = position
    const floor = Math.max(this.from, this.chunkEnd)
    while (start > floor && !isSpace(this.text.charCodeAt(start - 1))) start--
    let end = position
    while (end < this.to && !isSpace(this.text.charCodeAt(end))) end++
    const chunk = this.text.slice(start, end)
    this.chunkStart = start
    this.chunkEnd = end
    this.web = chunk.includes('://') || chunk.includes('@') || chunk.startsWith('www.')
    return this.web
  }
}

/** Cyrillic words join into one run across spaces, hyphens, `.` and `,`. */
function joinsRun(text: string, end: number, start: number): boolean {
  if (start - end > 3) return false
  for (let index = end; index < start; index++) {
    const char = text[index]!
    if (!' \u00A0-‐.,\'’'.includes(char)) return false
  }

  return true
}

/** Swap letters of `script` through `map`; undefined when one has no twin. */
function swapLetters(value: string, map: Map<string, string>, script: Script): string | undefined {
  let result = ''
  for (const char of value) {
    if (scriptOf(char.charCodeAt(0)) === script) {
      const swapped = map.get(char)
      if (swapped === undefined) return undefined
      result += swapped
    } else {
      result += char
    }
  }

  return result
}

/** `He`, `a`, `I`: a Cyrillic look-alike word that is an English word. */
function isEnglishLookAlike(word: string): boolean {
  if (word.length === 1) return word === 'a' || word === 'A' || word === 'I'
  return isCommonWord(word) || isDictionaryName(word)
}

function transliterate(value: string): string | undefined {
  const lower = value.toLowerCase()
  const ukrainianLetters = /[іїєґ]/.test(lower) && !/[ыэъё]/.test(lower)
  const result = (ukrainianLetters ? ukrainian : russian).transform(value)
  // Letters the preset does not know stay Cyrillic: no suggestion then.
  for (let index = 0; index < result.length; index++) {
    const script = scriptOf(result.charCodeAt(index))
    if (script === 'cyrillic' || script === 'other') return undefined
  }

  return result
}

function hasSurnameEnding(value: string): boolean {
  const lower = value.toLowerCase()
  return surnameEndings.some((ending) => lower.length > ending.length + 2 && lower.endsWith(ending))
}

/** Whether the word at `start` opens a sentence (or the paragraph). */
function atSentenceStart(text: string, start: number, from: number): boolean {
  let index = start - 1
  while (index >= from && ' \u00A0\t"“«„(\'‘-–—'.includes(text[index]!)) index--
  if (index < from) return true
  const char = text[index]!
  return char === '.' || char === '!' || char === '?' || char === '…' || char === '\n'
}

function digitBefore(text: string, start: number, from: number): boolean {
  let index = start - 1
  if (index >= from && (text[index] === ' ' || text[index] === '\u00A0')) index--
  return index >= from && text[index]! >= '0' && text[index]! <= '9'
}

function hasLatinNear(text: string, index: number, limit: number, step: 1 | -1): boolean {
  const at = skipSpaces(text, index, limit, step)
  return at !== limit && scriptOf(text.charCodeAt(at)) === 'latin'
}

function skipSpaces(text: string, index: number, limit: number, step: 1 | -1): number {
  while (index !== limit && isSpace(text.charCodeAt(index))) index += step
  return index
}

function isCapitalised(word: string): boolean {
  const first = word[0] ?? ''
  return first !== first.toLowerCase()
}

/** Latin letters, spaces and full stops of a label: `(Russian: `, `(lit. `. */
function isLabelChar(code: number): boolean {
  return scriptOf(code) === 'latin' || code === 46 /* . */ || code === 32
}

function isOpeningQuote(char: string): boolean {
  return '«“„"\'‘‹'.includes(char) && char !== ''
}

function isClosingQuote(char: string): boolean {
  return '»”“"\'’›'.includes(char) && char !== ''
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x202f
}

/** Letters and combining marks (`Москва́`) make up words. */
function isWordChar(code: number): boolean {
  return scriptOf(code) !== 'none' || (code >= 0x300 && code <= 0x36f)
}

/** A superset of the code points `scriptOf` calls Cyrillic or Greek. */
function hasCyrillicOrGreek(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index)
    if (code < 0x370) continue
    if (
      code <= 0x52f ||
      (code >= 0x1c80 && code <= 0x1c8f) ||
      (code >= 0x1f00 && code <= 0x1fff) ||
      (code >= 0x2de0 && code <= 0x2dff) ||
      (code >= 0xa640 && code <= 0xa69f)
    ) {
      return true
    }
  }

  return false
}

function scriptOf(code: number): Script | 'none' {
  if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) return 'latin'
  if (code < 0xc0) return 'none'
  if (code <= 0x24f) return code === 0xd7 || code === 0xf7 ? 'none' : 'latin'
  if (code >= 0x1e00 && code <= 0x1eff) return 'latin'
  if ((code >= 0x400 && code <= 0x52f) || (code >= 0x1c80 && code <= 0x1c8f) || (code >= 0x2de0 && code <= 0x2dff) || (code >= 0xa640 && code <= 0xa69f)) {
    // U+0482–U+0489 are Cyrillic signs and combining marks, not letters.
    return code >= 0x482 && code <= 0x489 ? 'none' : 'cyrillic'
  }

  if ((code >= 0x370 && code <= 0x3ff) || (code >= 0x1f00 && code <= 0x1fff)) {
    return code === 0x37e || code === 0x387 || code === 0x375 ? 'none' : 'greek'
  }

  const char = String.fromCharCode(code)
  return char.toLowerCase() !== char.toUpperCase() ? 'other' : 'none'
}
