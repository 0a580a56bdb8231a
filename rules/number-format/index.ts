/**
 * `number-format`: number conventions of the source language left in
 * English text.
 *
 * Flagged, with a fix:
 *
 * - a decimal comma: `3,5 million` → `3.5 million`, `2,75 percent` →
 *   `2.75 percent`, `12,5%` → `12.5%`, `€2,99` → `€2.99`. Only when it
 *   cannot be an English number or a list: one to three digits, a comma,
 *   one or two digits (an English thousands group has three), and then a
 *   magnitude or a unit (`million`, `%`, `km`, `times`…, `units.json`) or a
 *   currency sign before it with two digits after the comma;
 * - spaces as thousands separators: `1 000 000` → `1,000,000`, also with the
 *   no-break spaces (U+00A0, U+202F, U+2009) French and Russian typesetting
 *   puts there, and with a decimal comma after them: `1 000,5` → `1,000.5`;
 * - a magnitude or currency abbreviation of the source language right after
 *   a number (`abbreviations.json`): `5 mln` → `5 million`, `bln`, `thsd`,
 *   `trln`, Cyrillic `млн`, `тыс.`, `руб.`, `14999р.` → `14999 rubles`;
 * - the numero sign: `№ 27` → `No. 27`, `№№` → `Nos.`.
 *
 * Not flagged: English thousands separators (`3,500 people`, `1,000`),
 * lists and pairs (`1,2,3`, `[1,1]`, `pages 5,6`), a comma before four or
 * more digits, years and times (`1990, 2000`, `10:30`), version numbers and
 * dotted numbers (`3.5.1`, `192.168.0.1`), phone numbers (`+7 926 531-85-28`,
 * `8 800 555 35 35`), a spaced number after a month or a numbering word
 * (`May 5 200 protesters`, `labels.json`), numbers inside words (`A4,5`).
 *
 * The rule reads the text of each paragraph in one pass: at the first digit
 * of a number it reads the whole number (digit groups and the single
 * separators between them), decides on it, and goes on after it.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {definePhasedRule, paragraphSpans, report} from '../../src/rule-kit.js'
import abbreviationData from './abbreviations.json' with {type: 'json'}
import labelData from './labels.json' with {type: 'json'}
import unitData from './units.json' with {type: 'json'}

const ruleId = 'number-format'

/** Words and signs after a number that make a comma in it a decimal comma. */
const units = new Set(unitData.units.flatMap((entry) => entry.words))

/** Currency signs that, before `3,50`, make the comma a decimal comma. */
const currencyBefore = new Set(unitData.currencyBefore.symbols)

interface Abbreviation {
  word: string
  /** False where careful editors disagree on the English form (currencies). */
  fix?: boolean
  singular?: string
  british?: string
  britishSingular?: string
}

/** Source-language abbreviation (lower case, no full stop) → English. */
const abbreviations = new Map<string, Abbreviation>()
for (const entry of abbreviationData.abbreviations as Array<Abbreviation & {forms: string[]}>) {
  for (const form of entry.forms) abbreviations.set(form, entry)
}

/** Words after which `5 200` is two numbers (a date, a page, a phone). */
const labels = new Set(labelData.labels.flatMap((entry) => entry.words))

/** Characters that separate thousands groups in French and Russian print. */
const spaceSeparators = new Set([' ', '\u00A0', '\u202F', '\u2009'])

export interface NumberFormatOptions {}

/**
 * Phased so that the document decides the currency's spelling (`roubles`
 * once it writes `rouble`, in this paragraph or an earlier one). Looking
 * back is enough for a suggestion, so the rule runs in document order
 * (`inOrder`) and costs the engine no second pass.
 */
export default definePhasedRule<{british: boolean}, NumberFormatOptions>({
  inOrder: true,
  state: () => ({british: false}),
  collect(tree: Root, file: VFile, state) {
    if (state.british) return
    const text = String(file)
    for (const paragraph of paragraphSpans(tree)) {
      if (/rouble/i.test(text.slice(paragraph.start, paragraph.end))) {
        state.british = true
        return
      }
    }
  },
  check(tree: Root, file: VFile, state) {
    const text = String(file)
    for (const paragraph of paragraphSpans(tree)) {
      scanParagraph(file, text, paragraph.start, paragraph.end, state.british)
    }
  }
})

interface NumberToken {
  start: number
  end: number
  /** Digit groups, as offsets. */
  groups: Array<{start: number; end: number}>
  /** The separator after each group but the last. */
  separators: string[]
}

function scanParagraph(
  file: VFile,
  text: string,
  from: number,
  to: number,
  british: boolean
): void {
  let index = from

  while (index < to) {
    const char = text[index]!

    if (char === '№') {
      reportNumero(file, text, index, to)
      index += text[index + 1] === '№' ? 2 : 1
      continue
    }

    if (!isDigit(char) || (index > from && isDigit(text[index - 1]!))) {
      index++
      continue
    }

    const token = readNumber(text, index, to)
    index = token.end
    const before = token.start > from ? text[token.start - 1]! : ''
    // A number glued to letters is part of a name or code: `A4,5`, `MP3`.
    if (isLetter(before)) continue

    const fixedNumber = normaliseNumber(text, token, from)
    const abbreviation = readAbbreviation(text, token, to, british)

    if (abbreviation && fixedNumber !== undefined && abbreviation.start === token.end) {
      // `3,5mln`: one edit, so that both changes apply together.
      report(file, {
        ruleId,
        reason: 'Write the number with a decimal point and the magnitude in full',
        start: token.start,
        end: abbreviation.end,
        expected: [fixedNumber + abbreviation.replacement],
        fix: abbreviation.fix
      })
      continue
    }

    if (fixedNumber !== undefined) {
      const decimalOnly = token.separators.every((separator) => separator === ',')
      report(file, {
        ruleId,
        reason: decimalOnly
          ? 'Use a decimal point in English, not a decimal comma'
          : 'Use commas to separate thousands in English, not spaces',
        start: token.start,
        end: token.end,
        expected: [fixedNumber],
        fix: true
      })
    }

    if (abbreviation) {
      report(file, {
        ruleId,
        reason: `Write \`${text.slice(abbreviation.start, abbreviation.end).trim()}\` in full in English`,
        start: abbreviation.start,
        end: abbreviation.end,
        expected: [abbreviation.replacement],
        fix: abbreviation.fix
      })
    }
  }
}

/** Read digit groups joined by single separators: `1 000 000`, `3,5`. */
function readNumber(text: string, start: number, to: number): NumberToken {
  const groups: NumberToken['groups'] = []
  const separators: string[] = []
  let index = start

  while (true) {
    const groupStart = index
    while (index < to && isDigit(text[index]!)) index++
    groups.push({start: groupStart, end: index})
    const separator = text[index]
    if (
      separator !== undefined &&
      index + 1 < to &&
      isDigit(text[index + 1]!) &&
      (separator === ',' || separator === '.' || spaceSeparators.has(separator))
    ) {
      separators.push(separator)
      index++
    } else {
      break
    }
  }

  return {start, end: index, groups, separators}
}

/**
 * The English spelling of a number written the source-language way, or
 * undefined when it is English already or not surely one number.
 */
function normaliseNumber(text: string, token: NumberToken, from: number): string | undefined {
  const {groups, separators} = token
  const length = (index: number) => groups[index]!.end - groups[index]!.start
  const digits = (index: number) => text.slice(groups[index]!.start, groups[index]!.end)
  const after = text[token.end] ?? ''

  // A number that runs on into a code, a range or a phone: `531-85-28`.
  if (after === '/' || after === ':' || after === '_') return undefined
  if (after === '-' && !unitAfter(text, token.end)) return undefined

  // Decimal comma: `3,5 million`, `2,75%`, `€2,99`.
  if (separators.length === 1 && separators[0] === ',') {
    if (length(0) > 3 || length(1) > 2) return undefined
    const sign = token.start > from ? text[token.start - 1]! : ''
    if (unitAfter(text, token.end) || (currencyBefore.has(sign) && length(1) === 2)) {
      return digits(0) + '.' + digits(1)
    }

    return undefined
  }

  // Space-separated thousands, maybe with a decimal comma or point at the end.
  let spaced = separators.length
  const last = separators[separators.length - 1]
  if (last === ',' || last === '.') spaced--
  if (spaced === 0) return undefined
  for (let index = 0; index < spaced; index++) {
    if (!spaceSeparators.has(separators[index]!)) return undefined
  }

  if (length(0) > 3) return undefined
  for (let index = 1; index <= spaced; index++) {
    if (length(index) !== 3) return undefined
  }

  if (spaced < separators.length && length(separators.length) > 2) return undefined

  const before = text[token.start - 1] ?? ''
  if (before === '+' || before === '-' || before === '#') return undefined

  const typeset = separators.slice(0, spaced).every((separator) => separator !== ' ')
  if (!typeset) {
    // Ordinary spaces: `5 200` may be two numbers. Believe it is one only
    // when it has two groups of three (`1 000 000`) or a word, a per cent or
    // a currency sign follows, and no label (`May`, `page`, `tel.`) comes
    // before it.
    if (spaced < 2 && !followedByWordOrUnit(text, token.end)) return undefined
    if (labels.has(wordBefore(text, token.start, from))) return undefined
  }

  let result = digits(0)
  for (let index = 1; index <= spaced; index++) result += ',' + digits(index)
  if (spaced < separators.length) result += '.' + digits(separators.length)
  return result
}

/** Whether a unit or magnitude follows the number at `end`. */
function unitAfter(text: string, end: number): boolean {
  let index = end
  if (text[index] === '-' || spaceSeparators.has(text[index] ?? '')) index++
  const char = text[index] ?? ''
  if (units.has(char)) return true
  if (char === '°') return true
  let wordEnd = index
  while (wordEnd < text.length && isLetter(text[wordEnd]!)) wordEnd++
  if (wordEnd === index) return false
  const word = text.slice(index, wordEnd).toLowerCase()
  return units.has(word) || abbreviations.has(word)
}

interface AbbreviationMatch {
  start: number
  end: number
  replacement: string
  fix: boolean
}

/**
 * A source-language abbreviation right after the number (`5 mln`,
 * `5mln.`, `14999р.`), with its replacement. A full stop after it belongs
 * to it when the sentence goes on (`5 mln. dollars`, `(14999р.)`), and is
 * kept as the sentence's end otherwise (`lost 5 mln.`).
 */
function readAbbreviation(
  text: string,
  token: NumberToken,
  to: number,
  british: boolean
): AbbreviationMatch | undefined {
  let start = token.end
  const glued = !spaceSeparators.has(text[start] ?? '')
  if (!glued) start++
  let end = start
  while (end < to && isLetter(text[end]!)) end++
  if (end === start) return undefined
  const written = text.slice(start, end)
  const entry = abbreviations.get(written.toLowerCase())
  if (!entry) return undefined

  let word = british && entry.british ? entry.british : entry.word
  if (text.slice(token.start, token.end) === '1') {
    word = (british ? entry.britishSingular : undefined) ?? entry.singular ?? word
  }

  if (written[0] !== written[0]!.toLowerCase() && written.length > 1 && written.slice(1) === written.slice(1).toLowerCase()) {
    word = word[0]!.toUpperCase() + word.slice(1)
  }

  if (text[end] === '.' && text[end + 1] !== '.' && fullStopIsAbbreviation(text, end + 1, to)) {
    end++
  }

  return {
    start: glued ? token.end : start,
    end,
    replacement: (glued ? ' ' : '') + word,
    fix: entry.fix !== false
  }
}

/** Whether a full stop ending at `index` marks an abbreviation, not a sentence end. */
function fullStopIsAbbreviation(text: string, index: number, to: number): boolean {
  const next = text[index]
  if (index >= to || next === undefined || next === '\n') return false
  if (next === ')' || next === ',' || next === ';' || next === ':' || next === ']') return true
  if (next !== ' ' && next !== '\u00A0') return false
  const following = text[index + 1] ?? ''
  return isDigit(following) || (isLetter(following) && following === following.toLowerCase() && following !== following.toUpperCase())
}

function reportNumero(file: VFile, text: string, index: number, to: number): void {
  const double = text[index + 1] === '№'
  const end = index + (double ? 2 : 1)
  const glued = end < to && isDigit(text[end]!)
  report(file, {
    ruleId,
    reason: 'Write `No.` for the numero sign in English',
    start: index,
    end,
    expected: [(double ? 'Nos.' : 'No.') + (glued ? ' ' : '')],
    fix: true
  })
}

/** Whether a word, a per cent sign or a currency sign follows a number. */
function followedByWordOrUnit(text: string, end: number): boolean {
  let index = end
  if (spaceSeparators.has(text[index] ?? '')) index++
  const char = text[index] ?? ''
  return isLetter(char) || units.has(char)
}

/** The word before a number (lower case, without a full stop), or ''. */
function wordBefore(text: string, start: number, from: number): string {
  let end = start
  while (end > from && spaceSeparators.has(text[end - 1]!)) end--
  if (end > from && text[end - 1] === '.') end--
  let begin = end
  while (begin > from && isLetter(text[begin - 1]!)) begin--
  return text.slice(begin, end).toLowerCase()
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9'
}

function isLetter(char: string): boolean {
  return char !== '' && char.toLowerCase() !== char.toUpperCase()
}
