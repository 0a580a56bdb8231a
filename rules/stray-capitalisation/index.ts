/**
 * `stray-capitalisation`: case that machine translation left on the wrong
 * word.
 *
 * Three findings:
 *
 * - **swapped sentence start**: a sentence (or a statement after a colon)
 *   starts with a lower-case word and the capital sits on the next, common
 *   word: `of Course, they` → `Of course, they`; `the Question is` →
 *   `The question is`; `analyst: the So-called` → `analyst: The so-called`.
 * - **capital on a common word mid-sentence**: `mostly Pro-Russian` →
 *   `pro-Russian` (a prefix before a proper adjective or name); `the
 *   Negotiations will` is flagged without a fix when the document writes
 *   `negotiations` elsewhere and never capitalises it elsewhere, and the
 *   word before ends no sentence (titles and institutions look the same,
 *   so the rule cannot be sure).
 * - **proper noun in lower case**: `alexander Lukashenko` → `Alexander
 *   Lukashenko`, `the kremlin` → `the Kremlin` (the dictionary knows the
 *   word only as a name, or the document capitalises it elsewhere).
 *
 * Not flagged: titles and names of several words (`President Putin`,
 * `Prime Minister`, `the Ministry of Finance`, `Union State` — a capital next
 * to another capital is part of a name), words the dictionary also knows as
 * names (`the West`, `May`, `Bill`), a word the document capitalises
 * mid-sentence more than once (`the Government … the Government`), headline
 * and title-case lines or quotations, ALL CAPS, sentence starts (also after
 * a colon, an opening quote or a dash), and anything next to a URL, handle or
 * file name.
 *
 * "Common word or name" comes from the Hunspell dictionary in `dictionary-en`
 * (`src/words.ts`) and from how the document itself uses each word: one pass
 * counts, per lower-cased word, its capitalised uses mid-sentence and its
 * lower-case uses (the collect phase), the second reports (the check phase).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {definePhasedRule, offsets, report} from '../../src/rule-kit.js'
import {isCommonWord, isDictionaryName, properNounForm} from '../../src/words.js'
import britishData from './british-common.json' with {type: 'json'}
import prefixData from './prefixes.json' with {type: 'json'}

const ruleId = 'stray-capitalisation'

/**
 * Prefixes written in lower case before a proper adjective or name
 * (`pro-Russian`, `anti-American`, `post-Soviet`); each entry in the data
 * file carries a real example.
 */
const prefixes = new Set(prefixData.prefixes.map((entry) => entry.prefix))

/**
 * Common words in British spelling that the US dictionary knows only as
 * names (`grey`, `tyre`): never given a capital.
 */
const britishCommon = new Set(britishData.words.map((entry) => entry.word))

/**
 * Small words that join the parts of a name (`Ministry of Finance`, `Bank
 * for International Settlements`): a capital on either side of one of these
 * belongs to the same name.
 */
const joiners = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'del', 'la', 'le', 'von', 'van', 'der', 'du', 'da', '&'])

/**
 * Determiners other than `the`: before a lower-case word that the
 * dictionary knows as a name they show a common-noun use (`my holt`, `a
 * jacuzzi`), so the word keeps its lower case.
 */
const determiners = new Set(['a', 'an', 'my', 'your', 'his', 'her', 'its', 'our', 'their', 'this', 'that', 'these', 'those', 'some', 'any', 'every', 'each', 'no', 'another'])

/**
 * Words after which no sentence ends: articles, determiners, possessives,
 * prepositions that are not also verb particles (not `on`, `over`, `in`),
 * coordinating conjunctions, intensifiers. A capital right
 * after one of them (`the Negotiations`, `very Different`, `or Adjusted`)
 * cannot be a sentence start that lost its full stop, which is how most
 * mid-line capitals in MT output arise (`in the country Place to be
 * announced`).
 */
const boundWords = new Set([
  'the', 'a', 'an', 'this', 'these', 'those', 'my', 'your', 'his', 'its', 'our', 'their', 'some',
  'any', 'no', 'every', 'each', 'another', 'of', 'to', 'for', 'with', 'from', 'at', 'into', 'onto',
  'between', 'during', 'against', 'without', 'among', 'towards', 'toward', 'upon', 'and', 'or',
  'nor', 'very', 'quite', 'rather'
])

/**
 * Lower-case abbreviations that end in a full stop but do not end a
 * sentence (`e.g. the`); abbreviations with an inner dot (`e.g.`, `U.S.`)
 * and one-letter initials are recognised by their shape.
 */
const abbreviations = new Set(['etc', 'vs', 'cf', 'approx', 'incl', 'esp', 'ca', 'resp', 'viz', 'al', 'no', 'vol', 'pp', 'fig', 'ed', 'eds', 'ref', 'st', 'mr', 'mrs', 'ms', 'dr', 'prof', 'jr', 'sr', 'gen', 'col', 'lt', 'sgt', 'capt', 'gov', 'sen', 'rep', 'rev', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'])

/**
 * Where a word stands: at the start of a sentence or line, after a colon,
 * inside a sentence, or somewhere a capital is legitimate for reasons the
 * rule cannot see (after a dash, an opening quote or bracket mid-sentence,
 * an ellipsis, an abbreviation, a symbol).
 */
type Place = 'start' | 'colon' | 'mid' | 'open'

interface Word {
  /** The word as written, without a sentence-final full stop. */
  value: string
  start: number
  end: number
  place: Place
  /** Only white space between this word and the previous one. */
  spaced: boolean
  /** Letters with hyphens (an optional `'s`): the words this rule judges. */
  parts: string[] | undefined
  /** Where `parts` end in `value` (before a possessive `'s`). */
  partsEnd: number
  /** Key in the usage counts: `parts` in lower case. */
  key: string
  /** Line or quotation the word is on, for the title-case test. */
  line: number
  quote: number
}

interface Usage {
  /** Capitalised uses inside a sentence, outside headlines. */
  capitalisedMid: number
  /**
   * Of those, the ones not followed by another capitalised word: a name
   * (`Babariko`), not a title before one (`Archpriest Avvakum`).
   */
  capitalisedAlone: number
  /** Lower-case uses anywhere. */
  lower: number
  /** The capitalised spelling seen mid-sentence (for proper nouns). */
  form: string | undefined
}

/** What the rule keeps about a document between its two passes. */
interface State {
  /** Per lower-cased word: how the document writes it. */
  usage: Map<string, Usage>
}

/** A piece of the document read into words, with its lines and quotations. */
interface Piece {
  words: Word[]
  lineStats: Stats[]
  quoteStats: Stats[]
}

interface Stats {
  /** Words of four letters or more. */
  long: number
  /** Of those, the ones that are not lower case. */
  capitalised: number
}

const strayCapitalisation = definePhasedRule<State>({
  state: () => ({usage: new Map()}),

  // First pass, over every piece: count how the document writes each word.
  collect(tree, file, state) {
    const text = String(file)
    const piece = readSpans(spansOf(tree), text)
    for (const [index, word] of piece.words.entries()) {
      if (!word.parts) continue
      const key = word.key
      let entry = state.usage.get(key)
      if (!entry) {
        entry = {capitalisedMid: 0, capitalisedAlone: 0, lower: 0, form: undefined}
        state.usage.set(key, entry)
      }

      const first = word.parts[0]!
      if (isLower(first)) entry.lower++
      else if (word.place === 'mid' && isCapitalised(first) && !isTitle(piece, word)) {
        entry.capitalisedMid++
        const next = piece.words[index + 1]
        if (!next || !next.spaced || next.line !== word.line || !startsName(next)) {
          entry.capitalisedAlone++
          entry.form ??= word.value.slice(0, word.partsEnd)
        }
      }
    }
  },

  check(tree, file, state) {
    const text = String(file)
    checkPiece(readSpans(spansOf(tree), text), text, file, state.usage)
  }
})

export default strayCapitalisation

function checkPiece(piece: Piece, text: string, file: VFile, usage: Map<string, Usage>): void {
  const {words} = piece

  for (let index = 0; index < words.length; index++) {
    const word = words[index]!
    if (!word.parts) continue
    const next = words[index + 1]
    const use = usage.get(word.key) ?? {capitalisedMid: 0, capitalisedAlone: 0, lower: 0, form: undefined}

    if (
      (word.place === 'start' || word.place === 'colon') &&
      checkSwappedStart(word, index, next)
    ) {
      index++
      continue
    }

    if (word.place === 'mid' && !isTitle(piece, word)) checkCapitalisedMid(word, index, use)
    checkLowerName(word, index, use)
  }

  /**
   * `of Course` at a sentence start: the capital moved one word on.
   * Returns whether it reported.
   */
  function checkSwappedStart(word: Word, index: number, next: Word | undefined): boolean {
    if (!next || !next.parts || !next.spaced || next.line !== word.line) return false
    if (!word.parts || word.parts.length !== 1 || word.partsEnd !== word.value.length) {
      return false
    }

    const first = word.parts[0]!
    if (!isLower(first) || !isCommonWord(first) || isTitle(piece, next)) return false
    if (!isCommonCapitalised(next)) return false
    const nextUse = usage.get(next.key)
    // The document writes it capitalised mid-sentence elsewhere too (its
    // own use here counts once): a name.
    if (nextUse && nextUse.capitalisedMid > 1) return false
    if (nextToName(index + 1)) return false

    const fixed = upperFirst(word.value) + text.slice(word.end, next.start) + lowerFirst(next.value)
    report(file, {
      ruleId,
      reason:
        'The capital belongs to the sentence start: `' +
        word.value +
        ' ' +
        next.value +
        '` should be `' +
        upperFirst(word.value) +
        ' ' +
        lowerFirst(next.value) +
        '`',
      start: word.start,
      end: next.end,
      expected: [fixed],
      fix: true
    })
    return true
  }

  /** `mostly Pro-Russian`, `the Negotiations will`. */
  function checkCapitalisedMid(word: Word, index: number, use: Usage): void {
    const parts = word.parts!
    const previous = words[index - 1]
    // Only after a lower-case word of the same sentence, with nothing but
    // space between: other capitals start quotes, lists, names.
    if (!word.spaced || !previous || !previous.parts || !isLower(previous.parts[0]!)) return
    if (!isCapitalised(parts[0]!)) return
    if (nextToName(index)) return

    // `Pro-Russian`: a prefix before a proper adjective or name.
    if (parts.length > 1 && prefixes.has(parts[0]!.toLowerCase())) {
      const rest = parts.slice(1)
      if (rest.every((part) => isCapitalised(part) && isName(part))) {
        const expected = lowerFirst(word.value)
        report(file, {
          ruleId,
          reason:
            'A prefix before a name is written in lower case: `' + expected + '`',
          start: word.start,
          end: word.start + parts[0]!.length,
          expected: [lowerFirst(parts[0]!)],
          fix: true
        })
        return
      }
    }

    // A capitalised common word is as often a title, an institution or a
    // brand (`the President`, `the Earth`, `on Telegram`) as an MT slip, so
    // it is only flagged, and only when the document itself writes the
    // word in lower case elsewhere and capitalises it nowhere else; and
    // only after a word that ends no sentence, since a capital after any
    // other word is most often a sentence start that lost its full stop.
    // Short words are left out: a capital on `For`, `His`, `You` mid-line
    // is a merged sentence or reverence, not a stray capital.
    if (!isCommonCapitalised(word) || word.partsEnd < 4) return
    if (use.capitalisedMid > 1 || use.lower === 0) return
    if (!boundWords.has(previous.key)) return
    // Several capitals close by: a title written into the line (`How to
    // Benefit from the Basic Module`, `Our Way in the Dark`).
    if (capitalsNear(index) >= 2) return

    const expected = lowerFirst(word.value.slice(0, word.partsEnd))
    report(file, {
      ruleId,
      reason:
        'A common word capitalised mid-sentence: `' +
        word.value.slice(0, word.partsEnd) +
        '`, written `' +
        expected +
        '` elsewhere in this text',
      start: word.start,
      end: word.start + word.partsEnd,
      expected: [expected],
      fix: false,
      note: 'If this is not a name or a title, write it in lower case.'
    })
  }

  /** `the kremlin`, `alexander Lukashenko`. */
  function checkLowerName(word: Word, index: number, use: Usage): void {
    const parts = word.parts!
    // After a dash, a symbol or an opening quote mid-sentence the word may
    // be a mention (`the word "chikibamboni"`), a path or a handle.
    if (word.place === 'open' || !urlSafe(word)) return
    // In a compound only the part after a prefix can be a name
    // (`pro-russian`); `al-Assad`, `neo-fascist` keep their lower case.
    const first = parts.length === 1 ? 0 : 1
    if (parts.length > 2 || (parts.length === 2 && !prefixes.has(parts[0]!))) return
    const whole = word.value.slice(0, word.partsEnd)
    let fixed = parts.length === 2 ? parts[0]! + '-' : ''
    let changed = false
    let fromDocument = false

    for (const part of parts.slice(first)) {
      let replacement = part
      if (part.length >= 3 && isLower(part)) {
        // Two cheap look-ups first; the spelling check only for candidates.
        const proper = properNounForm(part)
        // The document's own evidence must outweigh this use: a term
        // written both ways (`the alocasia plant, Alocasia`) is left alone.
        const documentForm =
          first === 0 && use.capitalisedAlone >= 2 && use.capitalisedAlone > use.lower
            ? use.form
            : undefined
        if ((proper || documentForm) && !isCommonSpelling(part)) {
          // `my holt`, `a jacuzzi`: a name used as a common noun takes an
          // article or a possessive; a name proper does not (`the` aside:
          // `the kremlin`).
          const previous = words[index - 1]
          const common =
            word.spaced && previous !== undefined && determiners.has(previous.key)
          if (proper && isCapitalised(proper) && !common) {
            replacement = proper
          } else if (documentForm && isCapitalised(documentForm)) {
            replacement = documentForm
            fromDocument = true
          }
        }
      }

      if (replacement !== part) changed = true
      fixed += replacement
    }

    if (!changed) return
    report(file, {
      ruleId,
      reason:
        'A name in lower case: `' +
        whole +
        '` should be `' +
        fixed +
        '`' +
        (fromDocument ? ' as elsewhere in this text' : ''),
      start: word.start,
      end: word.start + word.partsEnd,
      expected: [fixed],
      fix: true
    })
  }

  /**
   * Whether the word at `index` touches another capitalised word (or a
   * number), directly or across a joiner (`Ministry of Finance`): then it
   * is part of a name or title.
   */
  function nextToName(index: number): boolean {
    const word = words[index]!
    const after = words[index + 1]
    if (after && after.spaced && after.line === word.line) {
      if (startsName(after)) return true
      // `Ministry of Finance`, `Commission on the Causes`.
      const further = words[index + 2]
      if (joiners.has(after.key) && further && further.spaced) {
        if (startsName(further)) return true
        const furthest = words[index + 3]
        if (joiners.has(further.key) && furthest && furthest.spaced && startsName(furthest)) {
          return true
        }
      }
    }

    const before = words[index - 1]
    if (word.spaced && before && before.line === word.line) {
      if (startsName(before) && before.place !== 'start' && before.place !== 'colon') {
        return true
      }

      const earlier = words[index - 2]
      if (joiners.has(before.key) && before.spaced && earlier) {
        if (startsName(earlier)) return true
        const earliest = words[index - 3]
        if (joiners.has(earlier.key) && earlier.spaced && earliest && startsName(earliest)) {
          return true
        }
      }
    }

    return false
  }

  /** Capitalised words among the three before and the three after. */
  function capitalsNear(index: number): number {
    const line = words[index]!.line
    let count = 0
    for (let other = index - 3; other <= index + 3; other++) {
      const near = words[other]
      if (other === index || !near || near.line !== line || !near.parts) continue
      if (near.value !== 'I' && !isLower(near.parts[0]!)) count++
    }

    return count
  }

  /** The word is not part of a URL, an address, a handle or a file name. */
  function urlSafe(word: Word): boolean {
    const before = text.charAt(word.start - 1)
    const after = text.charAt(word.end)
    if (/[/@#_\\=.:~]/.test(before) || /[/@#_\\=~]/.test(after)) return false
    return !(after === '.' && /\w/.test(text.charAt(word.end + 1)))
  }
}

/** A word's place in the text, from the tree or from the word scanner. */
interface Span {
  start: number
  end: number
  /** Where the gap before the first word starts. */
  gapStart: number
  paragraphStart: boolean
}

/** The words of a piece of the tree, as spans. */
function spansOf(tree: Root): Span[] {
  const spans: Span[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    const span = offsets(paragraph)
    if (!span) continue
    let paragraphStart = true
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      for (const child of sentence.children) {
        if (child.type !== 'WordNode') continue
        const at = offsets(child)
        if (!at) continue
        spans.push({start: at.start, end: at.end, gapStart: span.start, paragraphStart})
        paragraphStart = false
      }
    }
  }

  return spans
}

/**
 * Read a piece's words in order and note, for each, where it stands in
 * its sentence: the gap of punctuation and space before a word decides.
 * parse-english does not start a sentence at a lower-case letter
 * (`ended. of Course` is one sentence), so full stops are read here. Both
 * passes read the same way, from word spans: the collect pass gets them
 * from the engine's word scanner, the check pass from the tree.
 */
function readSpans(spans: Span[], text: string): Piece {
  const piece: Piece = {words: [], lineStats: [], quoteStats: [{long: 0, capitalised: 0}]}
  const {words, lineStats, quoteStats} = piece
  let place: Place = 'start'
  let line = -1
  let quote = 0
  let previous: Word | undefined

  for (const span of spans) {
    let from = previous ? previous.end : span.gapStart
    if (span.paragraphStart || line < 0) {
      // A new paragraph: only what follows its last line break counts.
      let lastBreak = span.start - 1
      while (lastBreak >= from && text.charCodeAt(lastBreak) !== 10) lastBreak--
      from = lastBreak + 1
      place = 'start'
      line = lineStats.push({long: 0, capitalised: 0}) - 1
      quote = 0
    }

    // Read the gap between the previous word and this one (most often a
    // single space, which changes nothing).
    let spaced = true
    const simple = span.start - from === 1 && text.charCodeAt(from) === 32
    for (let position = simple ? span.start : from; position < span.start; position++) {
      const char = text.charAt(position)
      if (char === '\n') {
        place = 'start'
        line = lineStats.push({long: 0, capitalised: 0}) - 1
        quote = 0
      } else if (char === ' ' || char === '\t' || char === '\r' || char === '\u00a0') {
        continue
      } else {
        spaced = false
        if (char === '.' || char === '!' || char === '?') {
          const ellipsis = text.charAt(position + 1) === '.' || text.charAt(position - 1) === '.'
          const abbreviation = position === previous?.end && char === '.' && isAbbreviation(previous.value)
          place = (ellipsis || abbreviation) && char === '.' ? 'open' : 'start'
        } else if (char === ':') {
          place = 'colon'
        } else if (char === ',' || char === ';') {
          place = 'mid'
        } else if (isClosing(char, text, position)) {
          if (char === '”' || char === '"' || char === '»' || char === '’') {
            quote = 0
            // `"What?" said John.`: after a quoted sentence the
            // attribution goes on in lower case.
            if (place === 'start') place = 'open'
          }
        } else if (isOpening(char, text, position)) {
          if (place === 'mid') place = 'open'
          if (char === '“' || char === '"' || char === '«' || char === '‘') {
            quote = quoteStats.push({long: 0, capitalised: 0}) - 1
          }
        } else {
          // Dashes, symbols: a capital after them may be right.
          place = 'open'
        }
      }
    }

    // parse-english keeps a sentence-final full stop in the word
    // (`ended.`); it belongs to the gap after it.
    let end = span.end
    if (end - span.start > 1 && text.charAt(end - 1) === '.') end--
    const value = text.slice(span.start, end)
    const shape = /^(\p{L}+(?:-\p{L}+)*)(?:['’]s)?$/u.exec(value)
    const parts = shape ? shape[1]!.split('-') : undefined
    const word: Word = {
      value,
      start: span.start,
      end,
      place,
      spaced,
      parts,
      partsEnd: shape ? shape[1]!.length : value.length,
      key: shape ? shape[1]!.toLowerCase() : '',
      line,
      quote
    }
    words.push(word)

    if (parts && word.partsEnd >= 4) {
      const capitalised = isLower(parts[0]!) ? 0 : 1
      lineStats[line]!.long++
      lineStats[line]!.capitalised += capitalised
      if (quote > 0) {
        quoteStats[quote]!.long++
        quoteStats[quote]!.capitalised += capitalised
      }
    }

    // After a number, a code or a symbol-laden token, no sure place.
    place = parts ? 'mid' : 'open'
    previous = word
  }

  return piece
}

/** `e.g.`, `U.S.`, `J. Smith`, `etc.`, `Mr.`: a full stop that ends no sentence. */
function isAbbreviation(value: string): boolean {
  return value.includes('.') || value.length === 1 || abbreviations.has(value.toLowerCase())
}

/** The word is on a headline or in a quoted title. */
function isTitle(piece: Piece, word: Word): boolean {
  return (
    titleLike(piece.lineStats[word.line]) ||
    (word.quote > 0 && titleLike(piece.quoteStats[word.quote]))
  )
}

/** A headline or title: most of its longer words are capitalised. */
function titleLike(stats: Stats | undefined): boolean {
  if (!stats) return false
  return stats.long >= 2 && stats.capitalised * 5 >= stats.long * 3
}

/**
 * A capitalised word that the dictionary knows only in lower case, in every
 * part (`Course`, `So-called`, `Negotiations`); not `West`, `May`, `Bill`.
 */
function isCommonCapitalised(word: Word): boolean {
  const parts = word.parts
  if (!parts || !isCapitalised(parts[0]!)) return false
  if (parts[0]!.length < 2) return false
  for (const [position, part] of parts.entries()) {
    if (position > 0 && !isLower(part)) return false
    if (!isCommonWord(part)) return false
    // `So-called`: a compound of common words is common even when its head
    // alone can be a name; a single word must not be one (`West`, `May`).
    if (parts.length === 1 && isDictionaryName(part)) return false
  }

  return true
}

/**
 * Whether a lower-case word is a common English word in US or British
 * spelling. The dictionary is American: British spellings it lacks
 * (`centre`, `colour`, `organised`, `travelled`, `defence`, `programme`)
 * are mapped to their American form first, and the few it knows only as
 * names (`grey`, `tyre`) come from the data file.
 */
function isCommonSpelling(word: string): boolean {
  if (isCommonWord(word) || britishCommon.has(word)) return true
  const american = word
    .replace(/our/g, 'or')
    .replace(/(?<=[^aeiou])re(s|d)?$/, 'er$1')
    .replace(/is(e|es|ed|ing|ation|ations)$/, 'iz$1')
    .replace(/ys(e|es|ed|ing)$/, 'yz$1')
    .replace(/ogue(s)?$/, 'og$1')
    .replace(/ence(s)?$/, 'ense$1')
    .replace(/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2')
    .replace(/mme(s)?$/, 'm$1')
  return american !== word && isCommonWord(american)
}

/** A part that names something: the dictionary has it only capitalised, or does not know it. */
function isName(part: string): boolean {
  return properNounForm(part) !== undefined || !isCommonWord(part)
}

/** The word starts with a capital or a digit (`Finance`, `Article 5`, `NATO`). */
function startsName(word: Word): boolean {
  const first = word.value.charAt(0)
  return /\d/.test(first) || (first !== first.toLowerCase() && first.toUpperCase() === first)
}

function isCapitalised(part: string): boolean {
  const head = part.charAt(0)
  const rest = part.slice(1)
  return head !== head.toLowerCase() && rest === rest.toLowerCase() && rest !== rest.toUpperCase()
}

/** All lower case (with at least one letter that has case). */
function isLower(part: string): boolean {
  return lowerWord.test(part)
}

const lowerWord = /^\p{Ll}+$/u

function upperFirst(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1)
}

function lowerFirst(value: string): string {
  return value.charAt(0).toLowerCase() + value.slice(1)
}

function isOpening(char: string, text: string, position: number): boolean {
  if ('“‘«([{'.includes(char)) return true
  if (char === '"' || char === "'") {
    const before = position > 0 ? text.charAt(position - 1) : ' '
    return /[\s([{“‘«—–-]/.test(before)
  }

  return false
}

function isClosing(char: string, text: string, position: number): boolean {
  if ('”’»)]}'.includes(char)) return true
  if (char === '"' || char === "'") return !isOpening(char, text, position)
  return false
}
