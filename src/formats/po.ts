/**
 * gettext PO catalogues: every translated `msgstr` (and each plural
 * `msgstr[n]`) is a segment; its source is the `msgid` (`msgid_plural`
 * for `msgstr[1]` and up).
 *
 * - The header entry (`msgid ""`) and obsolete entries (`#~`) are not
 *   linted: the header is metadata, obsolete entries are kept only as
 *   history and never shown to anyone.
 * - Fuzzy entries (`#, fuzzy`) are linted, since their text is English that
 *   someone will read and keep, but not checked against their `msgid`:
 *   a fuzzy `msgstr` was written for an older `msgid`.
 * - Empty `msgstr` (not translated yet) are skipped.
 *
 * The file is read by a lexer that follows `gettext-parser`'s, recording
 * where each decoded character of a string came from (`\"`, `\n`, and the
 * joins of a string continued over several lines); `gettext-parser` then
 * parses the file too, and every `msgstr` read here must equal its, so the
 * two never disagree about what a string says. Syntax errors name the line.
 */
import gettextParser from 'gettext-parser'
import {FormatError, maskSource, segmentOf, type Encoder, type Segment} from './segments.js'

interface StringToken {
  type: 'string'
  value: string
  starts: number[]
  ends: number[]
  quote: string
  start: number
  line: number
}

interface OtherToken {
  type: 'comment' | 'key'
  value: string
  obsolete: boolean
  line: number
}

type Token = StringToken | OtherToken

interface PoString {
  value: string
  starts: number[]
  ends: number[]
  quote: string
  start: number
}

interface Entry {
  line: number
  msgctxt?: PoString | undefined
  msgid?: PoString | undefined
  msgidPlural?: PoString | undefined
  msgstr: PoString[]
  obsolete: boolean
  comments: string
}

const keyChar = /[\w\-[\]]/
const keyName = /^(?:msgctxt|msgid(?:_plural)?|msgstr(?:\[\d+])?)$/

/** Tokens with positions; the same states as gettext-parser's lexer. */
function lex(raw: string): Token[] {
  const tokens: Token[] = []
  let state: 'none' | 'comment' | 'key' | 'string' | 'obsolete' = 'none'
  let line = 1
  let current: Token | undefined
  let escaped = false
  let escapeStart = 0
  // Positions are kept for the strings of a msgstr only: the others are never written.
  let mapped = false

  for (let index = 0; index < raw.length; index++) {
    const char = raw[index]!
    if (char === '\n') line++

    switch (state) {
      case 'none':
      case 'obsolete': {
        if (char === '"' || char === "'") {
          current = {type: 'string', value: '', starts: [], ends: [], quote: char, start: index + 1, line}
          const last = tokens[tokens.length - 1]
          if (last?.type === 'key') mapped = last.value.startsWith('msgstr')
          tokens.push(current)
          state = 'string'
        } else if (char === '#') {
          current = {type: 'comment', value: '', obsolete: false, line}
          tokens.push(current)
          state = 'comment'
        } else if (char === '|' && state === 'obsolete') {
          current = {type: 'comment', value: char, obsolete: true, line}
          tokens.push(current)
          state = 'comment'
        } else if (!/\s/.test(char)) {
          current = {type: 'key', value: char, obsolete: state === 'obsolete', line}
          tokens.push(current)
          state = 'key'
        }

        break
      }

      case 'comment': {
        const token = current as OtherToken
        if (char === '\n') {
          state = 'none'
        } else if (char === '~' && token.value === '') {
          token.value += char
          state = 'obsolete'
        } else if (char !== '\r') {
          token.value += char
        }

        break
      }

      case 'string': {
        const token = current as StringToken
        if (escaped) {
          escaped = false
          // A backslash before a line end continues the string.
          if (char === '\n') break
          const decoded = char === 't' ? '\t' : char === 'n' ? '\n' : char === 'r' ? '\r' : char
          token.value += decoded
          if (mapped) {
            token.starts.push(escapeStart)
            token.ends.push(index + 1)
          }
        } else if (char === token.quote) {
          state = 'none'
        } else if (char === '\n') {
          throw new FormatError(
            'end of line within a string (continue a string on the next line with a new pair of quotes)',
            line - 1
          )
        } else if (char === '\\') {
          escaped = true
          escapeStart = index
        } else {
          token.value += char
          if (mapped) {
            token.starts.push(index)
            token.ends.push(index + 1)
          }
        }

        break
      }

      case 'key': {
        const token = current as OtherToken
        if (!keyChar.test(char)) {
          if (!keyName.test(token.value)) {
            throw new FormatError(
              `invalid keyword \`${token.value}\` (an unescaped quote in a string?)`,
              token.line
            )
          }

          state = 'none'
          index--
          if (char === '\n') line--
        } else {
          token.value += char
        }

        break
      }
    }
  }

  if (state === 'string') {
    throw new FormatError('end of file within a string', (current as StringToken).line)
  }

  if (state === 'key' && !keyName.test((current as OtherToken).value)) {
    throw new FormatError(`invalid keyword \`${(current as OtherToken).value}\``, current!.line)
  }

  return tokens
}

/** Entries of the catalogue, as gettext-parser groups tokens into them. */
function entriesOf(tokens: Token[]): Entry[] {
  const entries: Entry[] = []
  let last: Entry | undefined
  let context: PoString | undefined
  let contextComments = ''
  let pendingComments = ''
  let previous: Token | undefined

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!
    if (token.type === 'comment') {
      pendingComments =
        previous?.type === 'comment' ? pendingComments + '\n' + token.value : token.value
      previous = token
      continue
    }

    if (token.type === 'string') {
      throw new FormatError('a string without a keyword before it', token.line)
    }

    const comments = previous?.type === 'comment' ? pendingComments : ''
    previous = token
    // The key's value: the strings right after it, joined.
    const value: PoString = {value: '', starts: [], ends: [], quote: '"', start: -1}
    while (tokens[index + 1]?.type === 'string') {
      const part = tokens[++index] as StringToken
      if (value.start === -1) {
        value.start = part.start
        value.quote = part.quote
      }

      value.value += part.value
      for (let k = 0; k < part.starts.length; k++) {
        value.starts.push(part.starts[k]!)
        value.ends.push(part.ends[k]!)
      }

      previous = part
    }

    if (value.start === -1) {
      throw new FormatError(`\`${token.value}\` without a string`, token.line)
    }

    const key = token.value.toLowerCase()
    if (key === 'msgctxt') {
      context = value
      contextComments = comments
    } else if (key === 'msgid') {
      last = {
        line: token.line,
        msgctxt: context,
        msgid: value,
        msgstr: [],
        obsolete: token.obsolete,
        comments: contextComments || comments
      }
      context = undefined
      contextComments = ''
      entries.push(last)
    } else if (key === 'msgid_plural') {
      if (!last) throw new FormatError('`msgid_plural` before any `msgid`', token.line)
      last.msgidPlural = value
      context = undefined
    } else {
      if (!last) throw new FormatError('`msgstr` before any `msgid`', token.line)
      last.msgstr.push(value)
      context = undefined
    }
  }

  return entries
}

/** PO string escaping, for a fix written back into a `msgstr`. */
function encoderFor(quote: string): Encoder {
  return (value) =>
    value.replace(/[\\\n\t\r"']/g, (char) => {
      if (char === '\\') return '\\\\'
      if (char === '\n') return '\\n'
      if (char === '\t') return '\\t'
      if (char === '\r') return '\\r'
      return char === quote ? '\\' + char : char
    })
}

export function extractPo(raw: string): Segment[] {
  const entries = entriesOf(lex(raw))
  const table = parseWithLibrary(raw)
  const segments: Segment[] = []

  for (const entry of entries) {
    if (entry.obsolete || !entry.msgid) continue
    if (entry.msgid.value === '' && !entry.msgctxt) continue // the header
    const fuzzy = /^,.*\bfuzzy\b/m.test(entry.comments)
    const reference = table.translations[entry.msgctxt?.value ?? '']?.[entry.msgid.value]
    if (reference && !sameStrings(reference.msgstr, entry.msgstr)) {
      // Only a duplicate msgid can make these differ (the library keeps the
      // last one): check that, else refuse to guess.
      const duplicates = entries.filter(
        (other) =>
          !other.obsolete &&
          other.msgid?.value === entry.msgid!.value &&
          other.msgctxt?.value === entry.msgctxt?.value
      )
      if (duplicates.length < 2) {
        throw new FormatError('this entry reads differently with gettext-parser; not linted', entry.line)
      }
    }

    entry.msgstr.forEach((msgstr, index) => {
      if (msgstr.value.trim() === '') return
      const source = index > 0 && entry.msgidPlural ? entry.msgidPlural : entry.msgid!
      segments.push(
        segmentOf(msgstr.value, msgstr.starts, msgstr.ends, msgstr.start, [encoderFor(msgstr.quote)], {
          source: fuzzy ? undefined : maskSource(source.value),
          joinableGaps: true
        })
      )
    })
  }

  return segments
}

function parseWithLibrary(raw: string) {
  try {
    return gettextParser.po.parse(raw)
  } catch (error) {
    const line = (error as {lineNumber?: number}).lineNumber
    throw new FormatError(String((error as Error).message).replace(/^Error parsing PO data: /, ''), line)
  }
}

function sameStrings(a: string[], b: PoString[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]!.value)
}
