/**
 * What the source-aware rules (`source-name`, `source-numbers`,
 * `untranslated`) share: the source text of each translated segment, and
 * how to read names and numbers out of a source and its translation.
 *
 * The source reaches the rules through `file.data.mtlintSources`: a list of
 * `{start, end, source}`, each a range of the linted document (a PO
 * `msgstr`, an XLIFF `<target>`, a JSON value, or a line, paragraph or the
 * whole of a plain-text file linted with `--source`) and the source text it
 * translates. Without it these rules are silent.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {definePhasedRule, type PhasedPlugin} from './rule-kit.js'
import cyrillicToTranslit from 'cyrillic-to-translit-js'

/** A translated range of the document and the source it translates. */
export interface SourcePair {
  start: number
  end: number
  source: string
}

declare module 'vfile' {
  interface DataMap {
    mtlintSources: SourcePair[]
  }
}

/**
 * The pairs whose range starts in this piece of the document, each given
 * once although the engine calls a rule on every piece. `state.next` is the
 * index of the first pair not yet handled (pieces come in document order).
 */
export function* pairsInPiece(
  tree: Root,
  file: VFile,
  state: {next: number}
): Generator<SourcePair> {
  const pairs = file.data.mtlintSources
  if (!pairs || pairs.length === 0) return
  const end = tree.position?.end.offset ?? Number.POSITIVE_INFINITY
  while (state.next < pairs.length) {
    const pair = pairs[state.next]!
    if (pair.start >= end) return
    state.next++
    yield pair
  }
}

/**
 * A source-aware rule: `checkPair` sees each (source, target) pair of the
 * document once, in document order.
 */
export function definePairRule(
  checkPair: (file: VFile, text: string, pair: SourcePair) => void
): PhasedPlugin<{next: number}, undefined> {
  return definePhasedRule<{next: number}>({
    inOrder: true,
    state: () => ({next: 0}),
    check(tree, file, state) {
      const text = String(file)
      for (const pair of pairsInPiece(tree, file, state)) checkPair(file, text, pair)
    }
  })
}

/**
 * Pair a plain-text translation with its source: line by line when both
 * have the same number of non-blank lines (an aligned file, one segment a
 * line), else paragraph by paragraph when the counts of paragraphs agree,
 * else the whole text with the whole source.
 */
export function alignSource(text: string, source: string): SourcePair[] {
  for (const split of [splitLines, splitParagraphs]) {
    const targets = split(text)
    const sources = split(source)
    if (targets.length > 0 && targets.length === sources.length) {
      return targets.map((range, index) => ({
        start: range.start,
        end: range.end,
        source: source.slice(sources[index]!.start, sources[index]!.end)
      }))
    }
  }

  return [{start: 0, end: text.length, source}]
}

interface Range {
  start: number
  end: number
}

function splitLines(text: string): Range[] {
  const ranges: Range[] = []
  let start = 0
  for (let index = 0; index <= text.length; index++) {
    if (index === text.length || text.charCodeAt(index) === 10) {
      const range = trimRange(text, start, index)
      if (range) ranges.push(range)
      start = index + 1
    }
  }

  return ranges
}

function splitParagraphs(text: string): Range[] {
  const ranges: Range[] = []
  let start = 0
  let index = 0
  while (index <= text.length) {
    if (index === text.length) {
      const range = trimRange(text, start, index)
      if (range) ranges.push(range)
      break
    }

    if (text.charCodeAt(index) === 10) {
      // A blank line ends the paragraph.
      let next = index + 1
      while (next < text.length && /[ \t\r]/.test(text[next]!)) next++
      if (next < text.length && text.charCodeAt(next) === 10) {
        const range = trimRange(text, start, index)
        if (range) ranges.push(range)
        start = next + 1
        index = next + 1
        continue
      }
    }

    index++
  }

  return ranges
}

function trimRange(text: string, start: number, end: number): Range | undefined {
  while (start < end && /\s/.test(text[start]!)) start++
  while (end > start && /\s/.test(text[end - 1]!)) end--
  return start < end ? {start, end} : undefined
}

// ---------------------------------------------------------------------------
// Words

export interface Token {
  value: string
  start: number
  end: number
  /** First word of a sentence (after `.`, `!`, `?`, `…`, `:` or the start). */
  initial: boolean
}

const wordPattern = /[\p{L}\p{M}]+(?:[-'’][\p{L}\p{M}]+)*/gu

/** The words of `text`, in one pass. */
export function wordsOf(text: string): Token[] {
  const tokens: Token[] = []
  let lastEnd = 0
  let initial = true
  for (const match of text.matchAll(wordPattern)) {
    if (tokens.length > 0) {
      const between = text.slice(lastEnd, match.index)
      // `В. Соловей`: a full stop after an initial ends no sentence.
      const afterInitial = /^\p{Lu}$/u.test(tokens[tokens.length - 1]!.value) && /^\.\s*$/.test(between)
      initial = !afterInitial && /[.!?…:][^\p{L}\p{N}]*$/u.test(between)
    }
    tokens.push({value: match[0], start: match.index, end: match.index + match[0].length, initial})
    lastEnd = match.index + match[0].length
  }

  return tokens
}

export const cyrillic = /\p{Script=Cyrillic}/u

const translit = (cyrillicToTranslit as unknown as (options?: {preset?: string}) => {
  transform: (value: string, spaceReplacement?: string) => string
})({preset: 'ru'})

/**
 * English press spelling of a Cyrillic word: the library's transliteration
 * with the endings English newspapers use (`Дмитрий` → `Dmitry`, `Соловей` →
 * `Solovey`, `Григорьев` → `Grigoryev`).
 */
export function transliterate(word: string): string {
  return translit.transform(
    word
      .replace(/ь([её])/g, (_, vowel: string) => (vowel === 'е' ? 'ye' : 'yo'))
      .replace(/(?:ий|ый)$/, 'y')
      .replace(/ей$/, 'ey')
  )
}

/**
 * A spelling-blind key for matching a name across transliterations
 * (`Dmitry`/`Dmitrii`/`Dmitriy`, `Grigoryev`/`Grigorev`, `Solovey`/
 * `Solovei`): lower case, `kh`/`zh`/`ts` folded, vowels and `y`/`j`
 * dropped after the first letter, doubled letters collapsed.
 */
export function nameKey(word: string): string {
  const lower = word
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/kh/g, 'h')
    .replace(/ks/g, 'x')
  let key = lower[0] ?? ''
  for (let index = 1; index < lower.length; index++) {
    const char = lower[index]!
    if ('aeiouyj\'’-'.includes(char)) continue
    if (key[key.length - 1] !== char) key += char
  }

  return key
}

// ---------------------------------------------------------------------------
// Numbers

export interface NumberToken {
  start: number
  end: number
  raw: string
  /** The digits alone (`3,5` → `35`). */
  digits: string
  /** Every value the written number may stand for, rounded. */
  values: number[]
  /** The value read as written in the source language, formatted for English. */
  english?: string | undefined
  /** Whether it has a decimal separator. */
  decimal: boolean
}

const spaceLike = new Set([' ', '\u00A0', '\u202F', '\u2009'])

const scales: Array<[RegExp, number]> = [
  [/^(?:тыс|тысяч\p{L}*|thousands?|k)$/u, 1e3],
  [/^(?:млн|миллион\p{L}*|mln|millions?|m)$/u, 1e6],
  [/^(?:млрд|миллиард\p{L}*|bln|bn|billions?)$/u, 1e9],
  [/^(?:трлн|триллион\p{L}*|trillions?|tn)$/u, 1e12]
]

const cjkScales: Record<string, number> = {十: 10, 百: 100, 千: 1e3, 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8}

/**
 * The numbers written with digits in `text`. A number glued to a word
 * (`A4`, `COVID-19`, `Су-35`) is a name, not a quantity, and left out
 * unless `glued` (the source side takes them: `Евро-2020` ↔ `Euro 2020`).
 * Each number gets every value it may stand for: `3,5` is 3.5; `1,000`
 * 1000 or 1.0; `1 000 000` a million; `3,5 тыс.` also 3500; `1990s` also
 * 90; and the digit groups on their own (`18.00` → 18 and 0), so that a
 * time or a phone number written another way still matches.
 */
export function numbersIn(text: string, options: {glued?: boolean} = {}): NumberToken[] {
  const tokens: NumberToken[] = []
  let index = 0
  const length = text.length

  while (index < length) {
    if (!isDigit(text.charCodeAt(index))) {
      index++
      continue
    }

    const start = index
    const groups: string[] = []
    const separators: string[] = []
    let group = start
    while (index < length && isDigit(text.charCodeAt(index))) index++
    groups.push(text.slice(group, index))

    for (;;) {
      const char = text[index]
      if (
        (char === '.' || char === ',') &&
        isDigit(text.charCodeAt(index + 1))
      ) {
        separators.push(char)
        group = ++index
        while (index < length && isDigit(text.charCodeAt(index))) index++
        groups.push(text.slice(group, index))
        continue
      }

      if (
        char !== undefined &&
        spaceLike.has(char) &&
        groups[0]!.length <= 3 &&
        separators.every((s) => spaceLike.has(s)) &&
        isDigit(text.charCodeAt(index + 1)) &&
        isDigit(text.charCodeAt(index + 2)) &&
        isDigit(text.charCodeAt(index + 3)) &&
        !isDigit(text.charCodeAt(index + 4))
      ) {
        separators.push(char)
        group = ++index
        index += 3
        groups.push(text.slice(group, index))
        continue
      }

      break
    }

    const end = index
    const before = text.slice(Math.max(0, start - 2), start)
    if (!options.glued && /\p{L}$|\p{L}[-‑]$/u.test(before)) continue

    const raw = text.slice(start, end)
    const read = readNumber(groups, separators)
    const values = new Set<number>(read.values)
    for (const part of groups) values.add(Number(part))

    // A magnitude word after it: `3,5 млн`, `2 million`.
    const next = /^[ \u00A0\u202F]?(\p{L}+)/u.exec(text.slice(end, end + 24))
    if (next) {
      const word = next[1]!.toLowerCase()
      for (const [pattern, scale] of scales) {
        if (pattern.test(word)) for (const value of read.values) values.add(value * scale)
      }
    }

    // Chinese magnitudes glued to the number: `3万` is 30,000.
    const cjkScale = cjkScales[text[end] === '余' || text[end] === '多' ? (text[end + 1] ?? '') : (text[end] ?? '')]
    if (cjkScale) for (const value of read.values) values.add(value * cjkScale)

    // A time: `14:00` may be `2 p.m.`.
    const hour = Number(raw)
    if (separators.length === 0 && hour > 12 && hour < 24 && /^[:.]\d\d/.test(text.slice(end, end + 3))) {
      values.add(hour - 12)
    }

    // A year may be written short in the source: `92年`, `в 92-м` ↔ `1992`.
    if (separators.length === 0 && raw.length === 4 && hour >= 1900 && hour < 2100) values.add(hour % 100)

    // A decade: `1990s`, `90s`, `90-х`.
    if (separators.length === 0 && /^(?:s|-?[хx])(?!\p{L})/u.test(text.slice(end, end + 3))) {
      values.add(Number(raw) % 100)
    }

    tokens.push({
      start,
      end,
      raw,
      digits: groups.join(''),
      values: [...values].map(round),
      english: read.english,
      decimal: read.decimal
    })
  }

  return tokens
}

function readNumber(
  groups: string[],
  separators: string[]
): {values: number[]; english?: string | undefined; decimal: boolean} {
  if (separators.length === 0) return {values: [Number(groups[0])], decimal: false}
  const marks = separators.filter((s) => s === '.' || s === ',')
  const spaced = separators.some((s) => spaceLike.has(s))
  const last = marks[marks.length - 1]
  const lastGroup = groups[groups.length - 1]!

  // Spaces alone: thousands.
  if (marks.length === 0) {
    const joined = groups.join('')
    return {values: [Number(joined)], english: withCommas(joined), decimal: false}
  }

  const distinct = new Set(marks)
  if (distinct.size === 2 || spaced) {
    // `1,234.5`, `1.234,5`, `1 234,5`: the last mark is the decimal one.
    if (separators[separators.length - 1] !== last || marks.filter((m) => m === last).length > 1) {
      return {values: [], decimal: false}
    }

    const integer = groups.slice(0, -1).join('')
    const value = Number(`${integer}.${lastGroup}`)
    return {values: [value], english: `${withCommas(integer)}.${lastGroup}`, decimal: true}
  }

  if (marks.length > 1) {
    // `1,000,000` / `1.000.000`, or a date or version (`15.03.2020`).
    if (groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3) {
      const joined = groups.join('')
      return {values: [Number(joined)], english: withCommas(joined), decimal: false}
    }

    return {values: [], decimal: false}
  }

  // One mark.
  const decimal = Number(`${groups[0]}.${lastGroup}`)
  const english = `${groups[0]}.${lastGroup}`
  if (lastGroup.length === 3 && groups[0]!.length <= 3 && groups[0] !== '0') {
    return {values: [decimal, Number(groups.join(''))], english, decimal: true}
  }

  return {values: [decimal], english, decimal: true}
}

function withCommas(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',')
}

/** Twelve significant digits: `315.1 * 1e8` and `31.51 * 1e9` are one value. */
function round(value: number): number {
  return Number(value.toPrecision(12))
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57
}

/**
 * Russian words for numbers (and CJK numerals): a source that spells a
 * number out may have it in digits in the translation (`пять` → `5`,
 * `четырёх тысяч` → `4,000`, `стопроцентной` → `100%`, `сутки` → `24
 * hours`).
 */
const numberWord =
  /^(?:ноль|нуль|один|одна|одно|одного|одной|одному|одним|одном|одни|одних|два|две|двух|двум|двумя|три|трех|трёх|трем|трём|тремя|четыре|четырех|четырёх|четырем|четырём|четырьмя|пять|шесть|семь|восемь|девять|десять|пяти|шести|семи|восьми|девяти|десяти|пятью|шестью|семью|восемью|девятью|десятью|\p{L}+надцат\p{L}*|двадцат\p{L}*|тридцат\p{L}*|сорок\p{L}?|\p{L}+десят\p{L}*|девяност\p{L}?|сто|ста|сотн\p{L}*|сотен|двест\p{L}*|трист\p{L}*|четырест\p{L}*|\p{L}+сот|тысяч\p{L}*|миллион\p{L}*|миллиард\p{L}*|полтор\p{L}*|половин\p{L}*|пол|пару|пара|пары|дважды|трижды|вдвое|втрое|перв\p{L}+|втор\p{L}+|трет\p{L}+|четверт\p{L}+|пят\p{L}+|шест\p{L}+|седьм\p{L}+|восьм\p{L}+|девят\p{L}+|десят\p{L}+|раз|дюжин\p{L}*|век\p{L}*|столети\p{L}*|сутк\p{L}*|суток|полчаса|(?:одно|дву|двух|трех|трёх|четырех|четырёх|пяти|шести|семи|восьми|девяти|десяти|тысяче|стопроцент|столет|стократ|полу)\p{L}{3,})$/u

const cjkNumeral = /[〇零一二两三四五六七八九十百千万亿]/u

export interface Spelled {
  /** Some number is written in words: small numbers may be in digits. */
  small: boolean
  /** Magnitudes written in words (`тысяч` → 1000): their multiples too. */
  scales: number[]
}

/** What numbers the source writes in words. */
export function spelledNumbers(source: string): Spelled {
  const spelled: Spelled = {small: cjkNumeral.test(source), scales: []}
  for (const match of source.matchAll(/\p{L}+/gu)) {
    const word = match[0].toLowerCase()
    if (!numberWord.test(word)) continue
    spelled.small = true
    if (word.startsWith('тысяч')) spelled.scales.push(1e3)
    else if (word.startsWith('миллион')) spelled.scales.push(1e6)
    else if (word.startsWith('миллиард')) spelled.scales.push(1e9)
  }

  return spelled
}

/** Roman numerals in a source (`XX век`, with Cyrillic `Х` too). */
export function romanNumbers(source: string): number[] {
  const values: number[] = []
  for (const match of source.matchAll(/(?<![\p{L}])[IVXLCDMХІ]{1,8}(?![\p{L}])/gu)) {
    const value = roman(match[0].replace(/Х/g, 'X').replace(/І/g, 'I'))
    if (value !== undefined) values.push(value)
  }

  return values
}

const cjkDigits: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9
}
const cjkUnits: Record<string, number> = {十: 10, 百: 100, 千: 1e3}
const cjkSections: Record<string, number> = {万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8}

/** Chinese numerals in a source (`两百五十万` → 2,500,000, `十万` → 100,000). */
export function chineseNumbers(source: string): number[] {
  const values: number[] = []
  for (const match of source.matchAll(/[零〇一二两兩三四五六七八九十百千万萬亿億]+/gu)) {
    // Digits alone are read one by one: `二〇二三` is 2023, `九二` 92.
    if (!/[十百千万萬亿億]/u.test(match[0]) && match[0].length > 1) {
      values.push(Number([...match[0]].map((char) => cjkDigits[char]).join('')))
      continue
    }

    // Two digits in a row give a range (`一万六七千`: 16 or 17 thousand).
    const pair = /[一二两兩三四五六七八九]{2}/u.exec(match[0])
    if (pair) values.push(chineseNumber(match[0].slice(0, pair.index + 1) + match[0].slice(pair.index + 2)))
    values.push(chineseNumber(match[0]))
  }

  return values
}

function chineseNumber(numeral: string): number {
  let total = 0
  let section = 0
  let digit = 0
  {
    for (const char of numeral) {
      if (char in cjkDigits) {
        digit = cjkDigits[char]!
      } else if (char in cjkUnits) {
        section += (digit || 1) * cjkUnits[char]!
        digit = 0
      } else {
        const scale = cjkSections[char]!
        total = scale === 1e8 ? (total + section + digit) * scale : total + (section + digit) * scale
        section = 0
        digit = 0
      }
    }
  }

  return total + section + digit
}

function roman(value: string): number | undefined {
  const digits: Record<string, number> = {I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000}
  let total = 0
  for (let index = 0; index < value.length; index++) {
    const current = digits[value[index]!]!
    const next = digits[value[index + 1] ?? ''] ?? 0
    total += current < next ? -current : current
  }

  return total > 0 && total < 4000 ? total : undefined
}
