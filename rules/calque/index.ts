/**
 * `calque`: a phrase translated word for word from Russian, Ukrainian,
 * Polish or German, where English says it otherwise.
 *
 * Flagged, with a fix (examples from `calques.json`):
 *
 * - `…on the one hand to demonstrate loyalty…, with another — scare` →
 *   `…, on the other hand, scare` (с одной стороны … с другой —);
 * - `already the second for last two weeks` → `… in the last two weeks`;
 * - `in the frames of the programme` → `within the framework of …` (в рамках, w ramach);
 * - a byline `Of: Hans Müller` (German `Von:`) → `By Hans Müller`;
 * - `made a photo with the governor` → `took a photo …` (сделать фото);
 * - `depends from`, `consisted from`, `explain me why`, `in 1985 year`,
 *   `listens music`, `play on the piano`, `the same like`, and the rest of
 *   the list.
 *
 * Flagged without a fix, where English has several renderings:
 * `in the first turn` (first of all / primarily), `reports with reference
 * to` (citing), `criticism in the address of` (against / of).
 *
 * Not flagged: the English uses of the same words, which each pattern's
 * context rules out — `stood in the frame of the door`, `in the frame of
 * reference`, `made the photos public`, `a photo album`, `for last year`,
 * `resulted in the end of the season`, `every host in the Internet`,
 * `finished in the same time`, `for the most part of the year`, `explain
 * them`; and a phrase quoted as a phrase (`“make a photo”`).
 *
 * How it matches: the patterns (see `calques.json` for the notation) are
 * phrase patterns over the parser's word and punctuation tokens, not
 * regular expressions over the text. Each has an anchor, the first run of
 * plain words in its replaced part, indexed by its first word; at each word
 * of a paragraph one hash look-up finds the patterns anchored there, and
 * the rest of each pattern (optional words, classes, bounded gaps, the
 * context before and after) is checked left and right of the anchor. Every
 * check is bounded by the pattern, so the work is linear in the text.
 * (`nlcst-search` found the anchors in a first version, at 1.6 s per MB —
 * five times the parse; the index does the same in a fraction of it.)
 */
import type {Root, RootContent} from 'nlcst'
import {toString} from 'nlcst-to-string'
import type {VFile} from 'vfile'
import {offsets, report} from '../../src/rule-kit.js'
import data from './calques.json' with {type: 'json'}

const ruleId = 'calque'

export interface CalqueEntry {
  id: string
  pattern: string
  replacement: string
  alternatives?: string[]
  fix: boolean
  source: Record<string, string>
  note?: string
  example: {text: string; fixed?: string; actual?: string; origin: string}
  quiet?: string[]
}

export const calques = data.calques as CalqueEntry[]

export interface CalqueOptions {
  /** Entry ids to leave out. */
  skip?: string[]
}

// Word classes a pattern may name as `<name>`.
const numberWords = new Set([
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred'
])
const periods = new Set([
  'seconds', 'minutes', 'hours', 'days', 'nights', 'weeks', 'weekends', 'months', 'years',
  'decades', 'centuries'
])
const months = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september',
  'october', 'november', 'december'
])
const languages = new Set([
  'russian', 'english', 'ukrainian', 'polish', 'german', 'french', 'spanish', 'chinese',
  'belarusian', 'italian', 'japanese', 'kazakh', 'georgian', 'armenian', 'latvian',
  'lithuanian', 'estonian', 'hebrew', 'arabic', 'turkish', 'czech', 'slovak', 'romanian',
  'hungarian', 'finnish', 'swedish', 'norwegian', 'danish', 'dutch', 'portuguese', 'korean',
  'hindi', 'uzbek', 'tatar', 'yiddish', 'latin', 'greek', 'bulgarian', 'serbian', 'croatian'
])
const dashes = new Set(['—', '–', '-', '--', '―'])
const stops = new Set(['.', '!', '?', '…', '...', '?!', '!?'])
const openers = new Set(['“', '"', '‘', "'", '«', '(', '['])
const closers = new Set(['”', '"', '’', "'", '»', ')', ']'])

interface Token {
  word: boolean
  text: string
  /** Lower case, typographic apostrophe made straight. */
  norm: string
  start: number
  end: number
  /** A line break in the space before this token. */
  breakBefore: boolean
}

type Atom =
  | {kind: 'literal'; value: string}
  | {kind: 'class'; name: string}
  | {kind: 'any'}

type Step =
  | {type: 'token'; atoms: Atom[]; optional: boolean; index: number}
  | {type: 'gap'; max: number}
  | {type: 'assert'; atoms: Atom[]; negative: boolean}

interface Compiled {
  entry: CalqueEntry
  steps: Step[]
  /** Steps (by position) of the replaced part, inclusive. */
  spanFrom: number
  spanTo: number
  /** Steps of the anchor, inclusive: consecutive plain words. */
  anchorFrom: number
  anchorTo: number
}

const compiled = calques.map(compile)

export default function calque(options?: CalqueOptions) {
  const skip = new Set(options?.skip ?? [])
  // Patterns by the first word of their anchor, each with its anchor words.
  const byFirstWord = new Map<string, Compiled[]>()
  for (const pattern of compiled) {
    if (skip.has(pattern.entry.id)) continue
    const first = pattern.steps[pattern.anchorFrom]!
    if (first.type !== 'token') continue
    for (const atom of first.atoms) {
      if (atom.kind !== 'literal') continue
      const list = byFirstWord.get(atom.value) ?? []
      if (!list.includes(pattern)) list.push(pattern)
      byFirstWord.set(atom.value, list)
    }
  }

  return function (tree: Root, file: VFile) {
    const text = String(file)
    const reported = new Set<string>()

    for (const paragraph of tree.children) {
      if (paragraph.type !== 'ParagraphNode') continue
      const tokens = tokenize(paragraph.children, text)

      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index]!
        if (!token.word) continue
        const patterns = byFirstWord.get(token.norm)
        if (!patterns) continue
        for (const pattern of patterns) {
          const found = matchAt(pattern, tokens, index)
          if (!found) continue
          const key = found.start + ':' + found.end
          if (reported.has(key)) continue
          reported.add(key)
          emit(file, text, pattern, found)
        }
      }
    }
  }
}

interface Match {
  start: number
  end: number
  /** The matched phrase around the span, up to any gap: for the message. */
  phraseStart: number
  phraseEnd: number
  /** Per span word (1-based order): its text and matched alternative. */
  words: Array<{text: string; alternative: number} | undefined>
}

function emit(file: VFile, text: string, pattern: Compiled, found: Match): void {
  const {entry} = pattern
  const actual = text.slice(found.start, found.end)
  const replacement = keepCase(actual, fill(entry.replacement, found))
  const sources = Object.entries(entry.source)
    .map(([language, phrase]) => `${language} \`${phrase}\``)
    .join(', ')
  const phrase = text.slice(found.phraseStart, found.phraseEnd)
  const english =
    text.slice(found.phraseStart, found.start) + replacement + text.slice(found.end, found.phraseEnd)
  report(file, {
    ruleId,
    reason: `\`${phrase}\` is a word-for-word translation (${sources}): English says \`${english}\``,
    start: found.start,
    end: found.end,
    expected: [replacement, ...(entry.alternatives ?? [])],
    fix: entry.fix,
    note: entry.note
  })
}

/** Fill `{N}` and `{N:a|b}` from the span's words; tidy the spaces left. */
function fill(template: string, found: Match): string {
  return template
    .replace(/\{(\d+)(?::([^}]*))?\}/g, (_, number: string, choices: string | undefined) => {
      const word = found.words[Number(number) - 1]
      if (!word) return ''
      if (choices === undefined) return word.text
      const options = choices.split('|')
      return options[word.alternative] ?? options[options.length - 1]!
    })
    .replace(/ {2,}/g, ' ')
    .trim()
}

/** The fix keeps a capital at the start (`In the frames` → `Within …`) and all capitals. */
function keepCase(actual: string, replacement: string): string {
  const letters = actual.replace(/[^\p{L}]/gu, '')
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    return replacement.toUpperCase()
  }

  const first = actual.match(/\p{L}/u)?.[0]
  if (first && first !== first.toLowerCase() && /^\p{Ll}/u.test(replacement)) {
    return replacement[0]!.toUpperCase() + replacement.slice(1)
  }

  return replacement
}

/**
 * Match `pattern` with its anchor starting at token `from`: the anchor,
 * then the steps after it left to right and those before it right to left.
 */
function matchAt(pattern: Compiled, tokens: Token[], from: number): Match | undefined {
  const {steps, anchorFrom, anchorTo} = pattern
  const bound = new Map<number, {at: number; alternative: number}>()

  // The anchor: consecutive words, each one of its step's spellings.
  let at = from
  for (let step = anchorFrom; step <= anchorTo; step++) {
    const current = steps[step]!
    if (current.type !== 'token') return undefined
    const alternative = matchToken(current.atoms, tokens[at])
    if (alternative < 0 || (at > from && tokens[at]!.breakBefore)) return undefined
    bound.set(step, {at, alternative})
    at++
  }

  const to = at - 1
  const after = steps.slice(anchorTo + 1).map((step, offset) => ({step, position: anchorTo + 1 + offset}))
  const before = steps
    .slice(0, anchorFrom)
    .map((step, position) => ({step, position}))
    .reverse()
  if (!walk(after, 0, to + 1, 1, tokens, bound)) return undefined
  if (!walk(before, 0, from - 1, -1, tokens, bound)) return undefined

  let first = Number.POSITIVE_INFINITY
  let last = -1
  const words: Match['words'] = []
  for (let position = pattern.spanFrom; position <= pattern.spanTo; position++) {
    const step = steps[position]!
    if (step.type !== 'token') continue
    const hit = bound.get(position)
    words.push(hit ? {text: tokens[hit.at]!.text, alternative: hit.alternative} : undefined)
    if (!hit) continue
    first = Math.min(first, hit.at)
    last = Math.max(last, hit.at)
  }

  if (last < 0) return undefined
  const start = tokens[first]!.start
  const end = tokens[last]!.end
  let phraseFirst = first
  let phraseLast = last
  for (let position = pattern.spanFrom - 1; position >= 0 && steps[position]!.type !== 'gap'; position--) {
    const hit = bound.get(position)
    if (hit) phraseFirst = Math.min(phraseFirst, hit.at)
  }

  for (let position = pattern.spanTo + 1; position < steps.length && steps[position]!.type !== 'gap'; position++) {
    const hit = bound.get(position)
    if (hit) phraseLast = Math.max(phraseLast, hit.at)
  }

  // A phrase quoted as a phrase (`“make a photo”`) is talked about, not used.
  const opener = tokens[phraseFirst - 1]
  const closer = tokens[phraseLast + 1]
  if (
    opener &&
    closer &&
    openers.has(opener.text) &&
    closers.has(closer.text) &&
    opener.end === tokens[phraseFirst]!.start &&
    closer.start === tokens[phraseLast]!.end
  ) {
    return undefined
  }


  return {start, end, words, phraseStart: tokens[phraseFirst]!.start, phraseEnd: tokens[phraseLast]!.end}
}

/**
 * Match `steps` from token `at` going in `direction`, binding consumed
 * tokens. An optional word is taken when it is there; gaps are tried
 * shortest first. Both are bounded by the pattern, so the search is too.
 */
function walk(
  steps: Array<{step: Step; position: number}>,
  index: number,
  at: number,
  direction: 1 | -1,
  tokens: Token[],
  bound: Map<number, {at: number; alternative: number}>
): boolean {
  if (index === steps.length) return true
  const {step, position} = steps[index]!

  if (step.type === 'assert') {
    const holds = assertion(step.atoms, tokens, at, direction)
    return holds !== step.negative && walk(steps, index + 1, at, direction, tokens, bound)
  }

  if (step.type === 'gap') {
    for (let skip = 0; skip <= step.max; skip++) {
      const next = at + skip * direction
      if (next < -1 || next > tokens.length) break
      if (walk(steps, index + 1, next, direction, tokens, bound)) return true
    }

    return false
  }

  // An optional word that is there is taken, for good: `in the frame of
  // the door` must not match by leaving `the` out to dodge `!door`.
  const alternative = matchToken(step.atoms, tokens[at])
  if (alternative >= 0) {
    bound.set(position, {at, alternative})
    if (walk(steps, index + 1, at + direction, direction, tokens, bound)) return true
    bound.delete(position)
    return false
  }

  return step.optional && walk(steps, index + 1, at, direction, tokens, bound)
}

/** The index of the alternative `token` matches, or -1. */
function matchToken(atoms: Atom[], token: Token | undefined): number {
  if (!token) return -1
  for (let index = 0; index < atoms.length; index++) {
    if (atomMatches(atoms[index]!, token)) return index
  }

  return -1
}

function atomMatches(atom: Atom, token: Token): boolean {
  if (atom.kind === 'any') return token.word
  if (atom.kind === 'literal') return token.norm === atom.value
  const {text, norm} = token
  switch (atom.name) {
    case 'dash':
      return !token.word && dashes.has(text)
    case 'comma':
      return text === ','
    case 'colon':
      return text === ':'
    case 'qmark':
      return text === '?'
    case 'pipe':
      return text === '|'
    case 'punct':
      return !token.word
    case 'end':
      return !token.word && stops.has(text)
    case 'word':
      return token.word
    case 'cap':
      return token.word && /^\p{Lu}/u.test(text)
    case 'num':
      return token.word && (/^\d+$/.test(text) || numberWords.has(norm))
    case 'year':
      return /^(?:1\d|20)\d\d$/.test(text)
    case 'decade':
      return /^\d{2,4}['’]?s$/.test(text)
    case 'period':
      return periods.has(norm)
    case 'month':
      return months.has(norm)
    case 'lang':
      return languages.has(norm)
    default:
      return false
  }
}

/**
 * A zero-width check on the next token in `direction` (the one at `at`):
 * `<eol>` is a line or paragraph edge, `<start>` a sentence start (looking
 * back past opening quotes and brackets), `<end>` a sentence end or a line
 * edge; anything else is matched as a token.
 */
function assertion(atoms: Atom[], tokens: Token[], at: number, direction: 1 | -1): boolean {
  for (const atom of atoms) {
    if (atom.kind === 'class') {
      if (atom.name === 'eol' && atEdge(tokens, at, direction)) return true
      if (atom.name === 'end' && atEdge(tokens, at, direction)) return true
      if (atom.name === 'start' && direction === -1 && atSentenceStart(tokens, at)) return true
    }

    const token = tokens[at]
    if (token && !atEdge(tokens, at, direction) && atomMatches(atom, token)) return true
  }

  return false
}

/** No token at `at` on this line, looking in `direction`. */
function atEdge(tokens: Token[], at: number, direction: 1 | -1): boolean {
  if (at < 0 || at >= tokens.length) return true
  return direction === 1 ? tokens[at]!.breakBefore : tokens[at + 1]?.breakBefore === true
}

function atSentenceStart(tokens: Token[], at: number): boolean {
  let index = at
  while (index >= 0 && !atEdge(tokens, index, -1) && openers.has(tokens[index]!.text)) index--
  if (atEdge(tokens, index, -1)) return true
  const token = tokens[index]!
  if (!token.word) return stops.has(token.text)
  // The parser glues a full stop to a word before a lower-case word: `ended.`.
  return /\p{Ll}\.$/u.test(token.text) && token.text.indexOf('.') === token.text.length - 1
}

/** Read a pattern of `calques.json` into steps, its span and its anchor. */
function compile(entry: CalqueEntry): Compiled {
  const steps: Step[] = []
  let spanFrom = -1
  let spanTo = -1
  let tokenIndex = 0

  for (let part of entry.pattern.split(' ')) {
    if (part.startsWith('[')) {
      spanFrom = steps.length
      part = part.slice(1)
    }

    let closes = false
    if (part.endsWith(']')) {
      closes = true
      part = part.slice(0, -1)
    }

    if (part.startsWith('...')) {
      steps.push({type: 'gap', max: Number(part.slice(3))})
    } else if (part.startsWith('&') || part.startsWith('!')) {
      steps.push({type: 'assert', atoms: atoms(part.slice(1)), negative: part[0] === '!'})
    } else if (part.startsWith('?')) {
      steps.push({type: 'token', atoms: atoms(part.slice(1)), optional: true, index: tokenIndex++})
    } else {
      steps.push({type: 'token', atoms: atoms(part), optional: false, index: tokenIndex++})
    }

    if (closes) spanTo = steps.length - 1
  }

  if (spanFrom < 0 || spanTo < spanFrom) throw new Error(`calque ${entry.id}: no [span]`)

  // The anchor: the first run of required plain words, inside the span if possible.
  const anchor = plainRun(steps, spanFrom, spanTo) ?? plainRun(steps, 0, steps.length - 1)
  if (!anchor) throw new Error(`calque ${entry.id}: no plain word to anchor on`)
  return {entry, steps, spanFrom, spanTo, anchorFrom: anchor[0], anchorTo: anchor[1]}
}

function plainRun(steps: Step[], from: number, to: number): [number, number] | undefined {
  for (let start = from; start <= to; start++) {
    if (!isPlain(steps[start]!)) continue
    let end = start
    while (end + 1 <= to && isPlain(steps[end + 1]!)) end++
    return [start, end]
  }

  return undefined
}

function isPlain(step: Step): boolean {
  return (
    step.type === 'token' &&
    !step.optional &&
    step.atoms.every((atom) => atom.kind === 'literal' && !/[^\p{L}\p{N}'-]/u.test(atom.value))
  )
}

function atoms(spec: string): Atom[] {
  return spec.split('|').map((value): Atom => {
    if (value === '*') return {kind: 'any'}
    if (value.startsWith('<') && value.endsWith('>')) return {kind: 'class', name: value.slice(1, -1)}
    return {kind: 'literal', value: normalise(value)}
  })
}

function normalise(word: string): string {
  return word.toLowerCase().replace(/’/g, "'")
}

/** The paragraph's words and punctuation; spaces folded into `breakBefore`. */
function tokenize(children: readonly RootContent[], text: string): Token[] {
  const tokens: Token[] = []
  let breakBefore = false
  const stack = [...children].reverse()
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'SentenceNode') {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!)
      continue
    }

    const place = offsets(node)
    if (!place) continue
    if (node.type === 'WhiteSpaceNode') {
      if (text.slice(place.start, place.end).includes('\n')) breakBefore = true
      continue
    }

    const value = toString(node)
    tokens.push({
      word: node.type === 'WordNode',
      text: value,
      norm: normalise(value),
      start: place.start,
      end: place.end,
      breakBefore
    })
    breakBefore = false
  }

  return tokens
}
