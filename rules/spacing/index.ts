/**
 * `spacing`: spaces and marks that machine translation, tokenisation or
 * scraping put in the wrong place.
 *
 * Flagged, with a fix:
 *
 * - a missing space after a comma, semicolon, colon, full stop, `?` or `!`
 *   between words: `he said,Russia` → `he said, Russia`, `Source:Xinhua` →
 *   `Source: Xinhua`, `St.Petersburg` → `St. Petersburg`, `South
 *   Africa.They` → `South Africa. They`;
 * - a space before a comma or full stop: `However , according` →
 *   `However, according`, `Level 2 .` → `Level 2.`;
 * - a space inside quotation marks: `“ word”` → `“word”`, `" word "` →
 *   `"word"` (straight quotes only when they pair up in the paragraph);
 * - guillemets in English text: `«Kommersant»` → `“Kommersant”` (`‘…’`
 *   inside other quotes);
 * - a doubled full stop: `etc..` → `etc.` after an abbreviation, and
 *   Russian's two-dot ellipsis `forever..` → `forever...` after a word;
 * - what a tokeniser leaves apart: `https: / / host / path` →
 *   `https://host/path`, `and / or` → `and/or`, `u / name` → `u/name`,
 *   `/ /` → `//`, `& gt;` → `>`.
 *
 * Flagged without a fix: a guillemet without its pair.
 *
 * Not flagged: decimals and times (`3.5`, `3,500`, `10:30`, `John 3:16`),
 * abbreviations (`U.S.`, `e.g.`, `i.e.`, `Ph.D.`), URLs, e-mail addresses,
 * domain and file names (`NEWS.ru`, `example.com`, `report.pdf`), product
 * names (`.NET`, `Node.js`, `ASP.NET`, `Mail.Ru`, `Yandex.Direct`), code
 * tokens (`a_b`, `f(a,b)`, `x=1,y=2`, `{a..e}`), ellipses (`...`, `…`),
 * wiki and URI prefixes (`Category:Russia`, `mailto:`), a spaced slash
 * between names (`Evening News / Ziniu News`), and several spaces between
 * sentences (that is `sentence-spacing`).
 *
 * `Name.Word` is only split when the second word opens sentences (`the`,
 * `they`, `it's`… in `lexicon.json`), because `Yandex.Direct` and
 * `Rino.Ink` are names, and initials (`A.Illarionov`, `M.V.Popov`) are
 * left as they are; after a lower-case word or a title abbreviation
 * (`said.Russia`, `St.Petersburg`, `Mr.Smith`) any capitalised word is
 * split.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {paragraphSpans, report} from '../../src/rule-kit.js'
import {isCommonWord} from '../../src/words.js'
import lexicon from './lexicon.json' with {type: 'json'}

const ruleId = 'spacing'

const abbreviations = new Set(lexicon.abbreviations.words)
const sentenceStarters = new Set(lexicon.sentenceStarters.words)
const webSuffixes = new Set(lexicon.webSuffixes.words)
const colonPrefixes = new Set(lexicon.colonPrefixes.words)

/** Characters that make a chunk a URL, a path, markup or code. */
const codeCharacters = new Set(['/', '\\', '_', '=', '#', '<', '>', '{', '}', '|', '~', '^', '*', '&', '+', '@', '`', '(', ')', '[', ']', '$', '%'])

/** Stripped from the start and end of a chunk before looking inside it. */
const openers = new Set(['"', '“', '«', '„', '‘', "'", '(', '[', '{', '¿', '¡', '-', '–', '—'])
const closers = new Set(['"', '”', '»', '’', "'", ')', ']', '}', '.', ',', ';', ':', '!', '?', '…'])

const markNames: Record<string, string> = {
  ',': 'comma',
  ';': 'semicolon',
  ':': 'colon',
  '.': 'full stop',
  '?': 'question mark',
  '!': 'exclamation mark'
}

export interface SpacingOptions {}

export default function spacing(_options?: SpacingOptions) {
  return function (tree: Root, file: VFile) {
    const text = String(file)
    for (const {start, end} of paragraphSpans(tree)) {
      // One pass finds the few characters each check acts on; the checks
      // then look only there.
      found.survey(text, start, end)
      if (found.missing.length > 0) missingSpaces(file, text, start, end, found.missing)
      if (found.before.length > 0) spacesBeforeMarks(file, text, start, end, found.before)
      if (found.doubled.length > 0) doubledFullStops(file, text, start, end, found.doubled)
      if (found.tokenisation.length > 0) tokenisation(file, text, start, end, found.tokenisation)
      if (found.quotes.length > 0) quotes(file, text, start, end, found)
    }
  }
}

/** Positions in a paragraph, in order, in an array kept for the next paragraph. */
class Positions {
  length = 0
  private items = new Int32Array(64)

  at(index: number): number {
    return this.items[index]!
  }

  push(position: number): void {
    if (this.length === this.items.length) {
      const items = new Int32Array(this.length * 2)
      items.set(this.items)
      this.items = items
    }

    this.items[this.length++] = position
  }
}

/** Where each check can fire in a paragraph, found in one pass over it. */
class Survey {
  /** Marks (`,;:.?!`) with no white space after them. */
  readonly missing = new Positions()
  /** `,` or `.` after a space or tab. */
  readonly before = new Positions()
  /** The first of two full stops. */
  readonly doubled = new Positions()
  /** `:` after `p` or `s` (a URL scheme), `/` after a space, `&` before one. */
  readonly tokenisation = new Positions()
  /** Quotation marks and guillemets. */
  readonly quotes = new Positions()
  /** `„`: German-style quotes, whose direction `quotes` cannot trust. */
  german = false
  /** `«` or `»`. */
  guillemets = false

  survey(text: string, from: number, to: number): void {
    this.missing.length = 0
    this.before.length = 0
    this.doubled.length = 0
    this.tokenisation.length = 0
    this.quotes.length = 0
    this.german = false
    this.guillemets = false

    for (let index = from; index < to; index++) {
      const code = text.charCodeAt(index)
      // Letters and spaces, most of the text, matter to no check.
      if ((code >= 65 && code <= 122) || code === 32) continue
      switch (code) {
        case 44 /* , */:
        case 46 /* . */: {
          const next = index + 1 < to ? text.charCodeAt(index + 1) : 32
          if (!isSpaceCode(next)) this.missing.push(index)
          if (code === 46 && next === 46 && index > from) this.doubled.push(index)
          const previous = text.charCodeAt(index - 1)
          if (index > from && (previous === 32 || previous === 9)) this.before.push(index)
          break
        }

        case 58 /* : */: {
          // `https: / /…`: a URL scheme ends in `p` or `s`.
          const previous = text.charCodeAt(index - 1) | 0x20
          if (previous === 112 /* p */ || previous === 115 /* s */) this.tokenisation.push(index)
        }

        // Falls through: a colon can miss its space too.
        case 59 /* ; */:
        case 63 /* ? */:
        case 33 /* ! */:
          if (index + 1 < to && !isSpaceCode(text.charCodeAt(index + 1))) this.missing.push(index)
          break
        case 47 /* / */:
          // `and / or`, `/ /`: a slash after a space.
          if (text.charCodeAt(index - 1) === 32) this.tokenisation.push(index)
          break
        case 38 /* & */:
          // `& amp;`: an entity split after its `&`.
          if (text.charCodeAt(index + 1) === 32) this.tokenisation.push(index)
          break
        case 0x201e /* „ */:
          this.german = true
          break
        case 0xab /* « */:
        case 0xbb /* » */:
          this.guillemets = true
          this.quotes.push(index)
          break
        case 34 /* " */:
        case 0x201c /* “ */:
        case 0x201d /* ” */:
          this.quotes.push(index)
          break
        default:
      }
    }
  }
}

const found = new Survey()

/**
 * `said,Russia`: look inside each white-space-delimited chunk that has a
 * mark before its last character (no other chunk can miss a space).
 */
function missingSpaces(file: VFile, text: string, from: number, to: number, marks: Positions): void {
  let done = from
  for (let index = 0; index < marks.length; index++) {
    const mark = marks.at(index)
    if (mark < done) continue
    let start = mark
    while (start > from && !isSpaceCode(text.charCodeAt(start - 1))) start--
    let end = mark + 1
    while (end < to && !isSpaceCode(text.charCodeAt(end))) end++
    checkChunk(file, text, start, end)
    done = end
  }
}

function checkChunk(file: VFile, text: string, start: number, end: number): void {
  let coreStart = start
  let coreEnd = end
  while (coreStart < coreEnd && openers.has(text[coreStart]!)) coreStart++
  while (coreEnd > coreStart && closers.has(text[coreEnd - 1]!)) coreEnd--
  if (coreEnd - coreStart < 5) return

  // URLs, e-mail addresses, paths and code keep their marks.
  for (let index = coreStart; index < coreEnd; index++) {
    const char = text[index]!
    if (codeCharacters.has(char)) return
  }

  if (text.startsWith('www.', coreStart)) return
  // `'node:fs'`, `"connect:session"`: a quoted token is a literal.
  if (isStraightQuote(text[start]!) && isStraightQuote(text[coreEnd] ?? '')) return

  let index = coreStart
  while (index < coreEnd) {
    if (markNames[text[index]!] === undefined) {
      index++
      continue
    }

    let runEnd = index
    while (runEnd < coreEnd && markNames[text[runEnd]!] !== undefined) runEnd++
    if (index > coreStart && runEnd < coreEnd) {
      checkJoint(file, text, coreStart, coreEnd, index, runEnd)
    }

    index = runEnd
  }
}

/** Marks at `start`–`end` between two parts of a chunk: a missing space? */
function checkJoint(
  file: VFile,
  text: string,
  coreStart: number,
  coreEnd: number,
  start: number,
  end: number
): void {
  const marks = text.slice(start, end)

  // `respond”;then`: the word before a closing quote or bracket.
  let leftEnd = start
  if (leftEnd > coreStart && '”’»)]"\''.includes(text[leftEnd - 1]!)) leftEnd--
  let leftStart = leftEnd
  while (leftStart > coreStart && isWordPart(text[leftStart - 1]!)) leftStart--
  const left = text.slice(leftStart, leftEnd)
  const afterDot = leftStart > coreStart && text[leftStart - 1] === '.'

  let rightStart = end
  if ((marks === ',' || marks === ':') && (text[rightStart] === '“' || text[rightStart] === '«')) {
    rightStart++
  }

  let rightEnd = rightStart
  while (rightEnd < coreEnd && isWordPart(text[rightEnd]!)) rightEnd++
  const right = text.slice(rightStart, rightEnd)

  const leftKind = kindOf(left)
  if (kindOf(right) !== 'word' || letterCount(right) < 2 || leftKind === 'other') return
  // `bodyParser`, `readFile`: identifiers, not words.
  if (isCamelCase(left) || isCamelCase(right)) return

  let missing = false
  if (marks === ',' || marks === ';') {
    // `TL;DR`, `CAAC,IAAI`: abbreviations and codes, not a list of words.
    missing =
      (leftKind === 'digits' || letterCount(left) >= 2) &&
      !(isAllCaps(left) && isAllCaps(right))
  } else if (marks === ':') {
    // `test:cov`, `connect:session`: lower case on both sides is a
    // namespaced name, unless a sentence goes on after it (`noted:the`).
    missing =
      leftKind === 'word' &&
      letterCount(left) >= 2 &&
      !colonPrefixes.has(left.toLowerCase()) &&
      (!(isLowerInitial(left) && isLowerInitial(right)) || sentenceStarters.has(right.toLowerCase()))
  } else if (marks === '.') {
    missing = isTitleCase(right) && !webSuffixes.has(right.toLowerCase()) && fullStopEndsSentence(left, leftKind, afterDot, right)
  } else if (/^[?!]+$/.test(marks)) {
    missing =
      leftKind === 'word' &&
      letterCount(left) >= 2 &&
      (isLowerInitial(left) || sentenceStarters.has(right.toLowerCase()))
  }

  if (!missing) return

  report(file, {
    ruleId,
    reason: `Add a space after the ${markNames[marks[0]!]} in \`${text.slice(leftStart, rightEnd)}\``,
    start,
    end,
    expected: [marks + ' '],
    fix: true
  })
}

/**
 * Whether the full stop in `left.Right` ends a sentence or an abbreviation
 * (so a space is missing), rather than joining a name (`Yandex.Direct`).
 */
function fullStopEndsSentence(left: string, kind: Kind, afterDot: boolean, right: string): boolean {
  const starter = sentenceStarters.has(right.toLowerCase())
  // After digits or an initial, only a sentence start: `2019.The`,
  // `U.S.The`, but not `A.Illarionov` (Russian style for `A. Illarionov`,
  // which post-editors leave as it is) or `1.Introduction`.
  if (kind === 'digits' || afterDot || letterCount(left) === 1) return starter
  // `St.Petersburg`, `Mr.Smith`.
  if (abbreviations.has(left.toLowerCase())) return true
  // `said.Russia`, `second.In`; not `fs.Dirent` (code).
  if (isLowerInitial(left)) return isCommonWord(left)
  // `Africa.They`, but not `Yandex.Direct`.
  return starter
}

/** `However , according`, `Level 2 .`: white space before `,` or `.`. */
function spacesBeforeMarks(file: VFile, text: string, from: number, to: number, marks: Positions): void {
  for (let at = 0; at < marks.length; at++) {
    const index = marks.at(at)
    const mark = text[index]!

    let before = index - 1
    while (before >= from && (text[before] === ' ' || text[before] === '\t')) before--
    if (before < from) continue
    const previous = text[before]!
    if (!isLetterOrDigit(previous) && !')]”’"»%'.includes(previous)) continue

    const next = index + 1 < to ? text[index + 1]! : ''
    let expected = mark
    if (mark === '.') {
      // ` ...` is an ellipsis, ` .NET`, ` .5`, ` .com` are words.
      if (next !== '' && !isSpace(next) && !closers.has(next)) continue
      if (next === '.') continue
    } else if (isLetter(next)) {
      expected = ', '
    } else if (next !== '' && !isSpace(next) && !closers.has(next)) {
      continue
    }

    // `see https://example.com .` keeps the URL apart from the full stop.
    if (precededByWebChunk(text, before, from)) continue

    report(file, {
      ruleId,
      reason: `Remove the space before the ${markNames[mark]}`,
      start: before + 1,
      end: index + 1,
      expected: [expected],
      fix: true
    })
  }
}

/**
 * `forever..`: two full stops after a word. After an abbreviation
 * (`etc..`, `U.S..`) one is too many. After another word it is Russian's
 * two-dot ellipsis (`ах..`, `навсегда..`) copied by MT: English writes
 * three (`Ah... guys`, `forever...`), as the gold corrections in `corpus/` do.
 * Ranges in code (`{a..e}`) are left alone.
 */
function doubledFullStops(file: VFile, text: string, from: number, to: number, pairs: Positions): void {
  // Where the next pair may start: past an ellipsis, or a pair reported.
  let next = from + 1
  for (let at = 0; at < pairs.length; at++) {
    let index = pairs.at(at)
    if (index < next) continue
    next = index + 1
    if (text[index - 1] === '.' || text[index + 2] === '.') {
      // An ellipsis `...` or longer: skip past it.
      while (index + 1 < to && text[index + 1] === '.') index++
      next = index + 1
      continue
    }

    if (!isLetter(text[index - 1]!)) continue
    // `{a..e}`, `A..C`: a range in code, not the end of a sentence.
    const after = index + 2 < to ? text[index + 2]! : ' '
    if (!isSpace(after) && !closers.has(after)) continue
    let wordStart = index
    while (wordStart > from && isLetter(text[wordStart - 1]!)) wordStart--
    const word = text.slice(wordStart, index)
    const afterDot = wordStart > from && text[wordStart - 1] === '.'
    const abbreviation = afterDot || abbreviations.has(word.toLowerCase())

    report(file, {
      ruleId,
      reason: abbreviation
        ? `One full stop after the abbreviation \`${word}.\` is enough`
        : 'Two full stops: write an ellipsis (`...`) or one full stop',
      start: index,
      end: index + 2,
      expected: abbreviation ? ['.'] : ['...', '.'],
      fix: true,
      note: abbreviation ? undefined : 'Russian writes `..` for a short ellipsis; English writes `...`.'
    })
    next = index + 2
  }
}

/**
 * What Moses-style tokenisation leaves in MT output, and post-editors undo:
 *
 * - a URL cut into tokens: `https: / / i.imgur.com / KuF2vmZ.jpg` →
 *   `https://i.imgur.com/KuF2vmZ.jpg` (underscores too: `id\ _ 608`);
 * - a slash between two lower-case words: `and / or` → `and/or`,
 *   `girls / women`, and Reddit's `u / name`, `r / name`;
 * - a double slash split: `Structure / / Politics` → `Structure // Politics`;
 * - an HTML entity split after its `&`: `& gt;` → `>`, `& amp;` → `&`.
 *
 * A slash between capitalised words or phrases (`Evening News / Ziniu
 * News`) is left alone: spaced slashes between names are English.
 */
function tokenisation(file: VFile, text: string, from: number, to: number, marks: Positions): void {
  // URLs repaired so far: slashes inside them are not reported again.
  let repairedUntil = from
  // Past a `/ /` reported.
  let next = from

  for (let at = 0; at < marks.length; at++) {
    const index = marks.at(at)
    if (index < next) continue
    const char = text[index]!

    if (char === ':' && index > repairedUntil) {
      const end = repairUrl(file, text, index, from, to)
      if (end > index) repairedUntil = end
      continue
    }

    if (char === '/' && index >= repairedUntil && text[index - 1] === ' ') {
      if (text[index + 1] === ' ' && text[index + 2] === '/') {
        report(file, {
          ruleId,
          reason: 'Remove the space inside `//`',
          start: index,
          end: index + 3,
          expected: ['//'],
          fix: true
        })
        next = index + 3
        continue
      }

      if (text[index + 1] === ' ') slashBetweenWords(file, text, index, from, to)
      continue
    }

    if (char === '&' && text[index + 1] === ' ') splitEntity(file, text, index, to)
  }
}

/** `https: / / host / path`: join the tokens of a URL; returns its end. */
function repairUrl(file: VFile, text: string, colon: number, from: number, to: number): number {
  let schemeStart = colon
  while (schemeStart > from && isAsciiLetter(text[schemeStart - 1]!)) schemeStart--
  const scheme = text.slice(schemeStart, colon).toLowerCase()
  if (scheme !== 'http' && scheme !== 'https' && scheme !== 'ftp') return colon
  if (schemeStart > from && isLetterOrDigit(text[schemeStart - 1]!)) return colon

  // Tokens after the scheme: `/`, `/`, host, `/`, part, … Separators are `/`
  // and `_`; a part follows a separator; the URL ends at the first token
  // that is neither (or that does not look like part of a URL).
  let end = colon + 1
  let expectPart = false
  let slashes = 0
  let parts = 0
  let spaced = false
  let index = colon + 1

  while (index < to) {
    let tokenStart = index
    while (tokenStart < to && (text[tokenStart] === ' ' || text[tokenStart] === '	')) tokenStart++
    if (tokenStart === to) break
    let tokenEnd = tokenStart
    while (tokenEnd < to && !isSpace(text[tokenEnd]!)) tokenEnd++
    const token = text.slice(tokenStart, tokenEnd)
    if (token === '') break
    const gap = tokenStart > index

    if (token === '/' || token === '_') {
      if (slashes < 2 && token === '/') slashes++
      expectPart = true
    } else if (slashes < 2) {
      // `https://` itself needs two slashes first.
      break
    } else if (token.startsWith('/')) {
      // `liberta /)`: a slash glued to what ends the URL.
      if (gap) {
        spaced = true
        end = tokenStart
      }

      break
    } else if (expectPart && isUrlPart(token)) {
      expectPart = false
      parts++
    } else {
      break
    }

    if (gap) {
      spaced = true
      // The fix ends where the last white space ends: tokens stay as they are.
      end = tokenStart
    }

    index = tokenEnd
  }

  if (!spaced || slashes < 2 || parts === 0) return colon
  const actual = text.slice(colon + 1, end)
  const expected = actual.replace(/[ \t]+/g, '')
  if (expected === actual) return colon
  report(file, {
    ruleId,
    reason: `Remove the spaces inside the URL \`${text.slice(schemeStart, colon + 1) + expected}…\``,
    start: colon + 1,
    end,
    expected: [expected],
    fix: true
  })
  return end
}

/** `and / or`, `girls / women`, `u / name`: a slash with spaces between words. */
function slashBetweenWords(file: VFile, text: string, slash: number, from: number, to: number): void {
  let leftStart = slash - 1
  while (leftStart > from && isLetter(text[leftStart - 1]!)) leftStart--
  const left = text.slice(leftStart, slash - 1)
  const beforeLeft = leftStart > from ? text[leftStart - 1]! : ' '
  if (left === '' || !(isSpace(beforeLeft) || '(,;“"\''.includes(beforeLeft))) return

  const rightStart = slash + 2
  let rightEnd = rightStart
  while (rightEnd < to && (isLetterOrDigit(text[rightEnd]!) || text[rightEnd] === '_')) rightEnd++
  const right = text.slice(rightStart, rightEnd)
  const afterRight = rightEnd < to ? text[rightEnd]! : ' '
  if (right === '' || afterRight === '/' || isLetter(afterRight)) return

  const handle = (left === 'u' || left === 'r') && isLetterOrDigit(right[0]!)
  const words =
    letterCount(left) >= 2 &&
    kindOf(right) === 'word' &&
    letterCount(right) >= 2 &&
    left === left.toLowerCase() &&
    right === right.toLowerCase()
  if (!handle && !words) return

  report(file, {
    ruleId,
    reason: `Remove the spaces around the slash in \`${left} / ${right}\``,
    start: slash - 1,
    end: slash + 2,
    expected: ['/'],
    fix: true
  })
}

/** HTML entities a tokeniser split after the `&`. */
const entities: Record<string, string> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0', '#39': "'", '#34': '"'}

function splitEntity(file: VFile, text: string, ampersand: number, to: number): void {
  const start = ampersand + 2
  let end = start
  while (end < to && end - start < 5 && text[end] !== ';' && !isSpace(text[end]!)) end++
  if (text[end] !== ';') return
  const decoded = entities[text.slice(start, end)]
  if (decoded === undefined) return
  report(file, {
    ruleId,
    reason: `\`${text.slice(ampersand, end + 1)}\` is an HTML entity split by tokenisation`,
    start: ampersand,
    end: end + 1,
    expected: [decoded],
    fix: true
  })
}

/** A token that can continue a URL after a slash: not `(date`, `—`, `«`. */
function isUrlPart(token: string): boolean {
  const first = token[0]!
  return isAsciiLetter(first) || isDigit(first) || '%~.-+=?#&\\'.includes(first)
}

function isAsciiLetter(char: string): boolean {
  return (char >= 'a' && char <= 'z') || (char >= 'A' && char <= 'Z')
}

/**
 * Spaces inside quotation marks (`“ word”`), and guillemets in English
 * (`«word»` → `“word”`). Curly quotes show their direction; straight ones
 * are paired in order, only in a paragraph where they pair up cleanly.
 */
function quotes(file: VFile, text: string, from: number, to: number, found: Survey): void {
  // German-style `„…“` closes with `“`: direction cannot be trusted.
  // Guillemets are right in a paragraph in Russian (a quoted original).
  const german = found.german
  let russian = false
  if (found.guillemets) {
    let latin = 0
    let cyrillic = 0
    for (let index = from; index < to; index++) {
      const code = text.charCodeAt(index)
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) latin++
      else if (code >= 0x400 && code <= 0x4ff) cyrillic++
    }

    russian = cyrillic > latin
  }

  let curlyOpen = false
  const guillemets: Array<{at: number; inner: boolean}> = []
  const straight: number[] = []

  for (let at = 0; at < found.quotes.length; at++) {
    const index = found.quotes.at(at)
    const code = text.charCodeAt(index)

    if (code === 0x201c /* “ */ && !german) {
      // A second `“` while one is open is a closing quote typed the wrong way.
      if (!curlyOpen) spaceAfterOpening(file, text, index, to, '“', '”')
      curlyOpen = !curlyOpen
    } else if (code === 0x201d /* ” */ && !german) {
      if (curlyOpen) spaceBeforeClosing(file, text, index, from, '”', '“')
      curlyOpen = false
    } else if (code === 0xab /* « */ && !russian) {
      guillemets.push({at: index, inner: curlyOpen})
    } else if (code === 0xbb /* » */ && !russian) {
      const open = guillemets.pop()
      if (open) {
        replaceGuillemets(file, text, open.at, index, open.inner || guillemets.length > 0)
      } else {
        unpairedGuillemet(file, text, index, from, to)
      }
    } else if (code === 34 /* " */) {
      straight.push(index)
    }
  }

  for (const open of guillemets) unpairedGuillemet(file, text, open.at, from, to)
  straightQuotes(file, text, straight, from, to)
}

function replaceGuillemets(
  file: VFile,
  text: string,
  open: number,
  close: number,
  inner: boolean
): void {
  let openEnd = open + 1
  while (openEnd < close && (text[openEnd] === ' ' || text[openEnd] === '\u00A0')) openEnd++
  let closeStart = close
  while (closeStart > openEnd && (text[closeStart - 1] === ' ' || text[closeStart - 1] === '\u00A0')) closeStart--

  const [left, right] = inner ? ['‘', '’'] : ['“', '”']
  for (const [start, end, expected] of [
    [open, openEnd, left],
    [closeStart, close + 1, right]
  ] as const) {
    report(file, {
      ruleId,
      reason: `Use English quotation marks (${left}…${right}), not guillemets`,
      start,
      end,
      expected: [expected],
      fix: true
    })
  }
}

function unpairedGuillemet(file: VFile, text: string, at: number, from: number, to: number): void {
  // `Home » News » Politics`: a separator in scraped navigation, not a quote.
  const before = at > from ? text[at - 1]! : ' '
  const after = at + 1 < to ? text[at + 1]! : ' '
  if (isSpace(before) && isSpace(after)) return
  report(file, {
    ruleId,
    reason: 'A guillemet without its pair: use English quotation marks',
    start: at,
    end: at + 1,
    expected: [text[at] === '«' ? '“' : '”'],
    fix: false
  })
}

function spaceAfterOpening(file: VFile, text: string, at: number, to: number, mark: string, closing: string): void {
  let end = at + 1
  while (end < to && (text[end] === ' ' || text[end] === '\u00A0')) end++
  if (end === at + 1 || end >= to) return
  const next = text[end]!
  if (next === closing || isSpace(next)) return
  report(file, {
    ruleId,
    reason: 'Remove the space after the opening quotation mark',
    start: at,
    end,
    expected: [mark],
    fix: true
  })
}

function spaceBeforeClosing(file: VFile, text: string, at: number, from: number, mark: string, opening: string): void {
  let start = at
  while (start > from && (text[start - 1] === ' ' || text[start - 1] === '\u00A0')) start--
  if (start === at || start === from) return
  const previous = text[start - 1]!
  if (previous === opening || isSpace(previous)) return
  report(file, {
    ruleId,
    reason: 'Remove the space before the closing quotation mark',
    start,
    end: at + 1,
    expected: [mark],
    fix: true
  })
}

/**
 * `" word "`: straight quotes paired in order. Only when every opening
 * quote stands after a space or an opener and every closing one before a
 * space or a mark, and no two quotes touch: otherwise the pairing (or an
 * inch sign) is in doubt.
 */
function straightQuotes(file: VFile, text: string, positions: number[], from: number, to: number): void {
  if (positions.length === 0 || positions.length % 2 === 1) return
  // `doing? "" Nothing. ""`: quotes typed together close one line of
  // dialogue and open the next, so pairing them in order is in doubt.
  for (let index = 1; index < positions.length; index++) {
    if (positions[index] === positions[index - 1]! + 1) return
  }

  for (let index = 0; index < positions.length; index += 2) {
    const open = positions[index]!
    const close = positions[index + 1]!
    const beforeOpen = open > from ? text[open - 1]! : ' '
    const afterClose = close + 1 < to ? text[close + 1]! : ' '
    if (isLetterOrDigit(beforeOpen) || isLetterOrDigit(afterClose)) return
  }

  for (let index = 0; index < positions.length; index += 2) {
    const open = positions[index]!
    const close = positions[index + 1]!
    if (close - open < 3) continue
    spaceAfterOpening(file, text, open, close, '"', '"')
    spaceBeforeClosing(file, text, close, open + 1, '"', '"')
  }
}

/** Whether the chunk ending at `end` (inclusive) is a URL or an address. */
function precededByWebChunk(text: string, end: number, from: number): boolean {
  let start = end
  while (start > from && !isSpace(text[start - 1]!)) start--
  const chunk = text.slice(start, end + 1)
  return chunk.includes('://') || chunk.includes('@') || chunk.startsWith('www.')
}

type Kind = 'word' | 'digits' | 'other'

/** `word`: starts with a letter, letters, apostrophes and hyphens only. */
function kindOf(part: string): Kind {
  if (part === '') return 'other'
  let digits = 0
  for (const char of part) {
    if (isDigit(char)) digits++
    else if (!isLetter(char) && char !== "'" && char !== '’' && char !== '-') return 'other'
  }

  if (digits === part.length) return 'digits'
  return digits === 0 && isLetter(part[0]!) ? 'word' : 'other'
}

/** `Russia`, `It's`: a capital, then lower case. */
function isTitleCase(word: string): boolean {
  const first = word[0]!
  if (first === first.toLowerCase()) return false
  for (let index = 1; index < word.length; index++) {
    const char = word[index]!
    if (isLetter(char) && char !== char.toLowerCase()) return false
  }

  return true
}

function isCamelCase(word: string): boolean {
  for (let index = 1; index < word.length; index++) {
    const char = word[index]!
    const previous = word[index - 1]!
    if (isLetter(char) && char !== char.toLowerCase() && isLetter(previous) && previous !== previous.toUpperCase()) {
      return true
    }
  }

  return false
}

function isAllCaps(word: string): boolean {
  return word === word.toUpperCase() && word !== word.toLowerCase()
}

function isStraightQuote(char: string): boolean {
  return char === '"' || char === "'"
}

function isLowerInitial(word: string): boolean {
  const first = word[0]!
  return first !== first.toUpperCase()
}

function letterCount(word: string): number {
  let count = 0
  for (const char of word) if (isLetter(char)) count++
  return count
}

function isWordPart(char: string): boolean {
  return isLetterOrDigit(char) || char === "'" || char === '’' || char === '-'
}

function isLetterOrDigit(char: string): boolean {
  return isLetter(char) || isDigit(char)
}

function isLetter(char: string): boolean {
  return char.toLowerCase() !== char.toUpperCase()
}

function isDigit(char: string): boolean {
  return char >= '0' && char <= '9'
}

/** `isSpace` on a char code. */
function isSpaceCode(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0x202f
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u00A0' || char === '\u202F'
}
