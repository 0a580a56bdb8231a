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
 *   Lukashenko`, `Lukashenka … the kremlin` → `the Kremlin` (the dictionary
 *   knows the word only as a name, or the document capitalises it
 *   elsewhere). The dictionary alone gives a fix only where the text agrees
 *   (a name or number next to it or in its sentence, the word capitalised
 *   elsewhere, a word made from a name such as `russian`); otherwise the
 *   capitalised word is a suggestion (`perform afro`, `the chablis`).
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
 * (`src/words.ts`) and from how the document itself uses each word: per
 * lower-cased word, its capitalised uses mid-sentence and its lower-case
 * uses. The document is read once, piece by piece in order (`inOrder`):
 * each piece's words are counted (the collect phase), then the piece is
 * checked (the check phase). What its own words decide is reported at once;
 * a finding that depends on the whole document's counts (`the Negotiations`
 * needs `negotiations` somewhere, `babariko` needs `Babariko` twice) waits
 * as offsets and strings until the last piece is counted (the finish
 * phase). Counts only grow, so a word already capitalised twice
 * mid-sentence is ruled out at once; only lower-case words the dictionary
 * does not know (a few per thousand words) and a handful of capitals wait.
 *
 * Every word is read, so reading is kept cheap: words come from the tree's
 * paragraph → sentence → word nodes by hand (once per piece), a plain ASCII
 * word is judged from its characters without making a string of it, the
 * counts live in typed arrays keyed by a hash of the word (with whether the
 * word is common, looked up once per word), and a bit set of the
 * dictionary's names rules out nearly every lower-case word before any
 * look-up. Only the few words that may be reported get strings, regular
 * expressions and the dictionary.
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {definePhasedRule, report, type Finding} from '../../src/rule-kit.js'
import {dictionaryNames, isCommonWord, isDictionaryName, properNounForm} from '../../src/words.js'
import britishData from './british-common.json' with {type: 'json'}
import prefixData from './prefixes.json' with {type: 'json'}
import suffixData from './proper-suffixes.json' with {type: 'json'}

const ruleId = 'stray-capitalisation'

/**
 * Prefixes written in lower case before a proper adjective or name
 * (`pro-Russian`, `anti-American`, `post-Soviet`); each entry in the data
 * file carries a real example.
 */
const prefixes = new Set(prefixData.prefixes.map((entry) => entry.prefix))

/**
 * Endings that make a word from a name (`Russia` → `Russian`, `Marx` →
 * `Marxism`): English capitalises such words always.
 */
const properSuffixes = suffixData.suffixes.map((entry) => ({suffix: entry.suffix, base: entry.base}))

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
/** How far (in words) `nameInSentence` looks each way: sentences, not documents. */
const sentenceReach = 40

const longestAbbreviation = Math.max(...[...abbreviations].map((word) => word.length))

/**
 * Where a word stands: at the start of a sentence or line, after a colon,
 * inside a sentence, or somewhere a capital is legitimate for reasons the
 * rule cannot see (after a dash, an opening quote or bracket mid-sentence,
 * an ellipsis, an abbreviation, a symbol).
 */
const start = 0
const colon = 1
const mid = 2
const open = 3

// What a written word is, as bit flags (read once per word, mostly from its
// characters, without making a string of it).

/** Letters with hyphens (an optional `'s`): the words this rule judges. */
const shaped = 1
/** The first part is all lower case. */
const lowerCase = 2
/** The first part is capitalised (`Course`, not `NATO`). */
const capitalised = 4
/** Starts with a capital or a digit (`Finance`, `5`, `NATO`). */
const nameStart = 8
/** Counts in the title-case test of its line (four letters or more). */
const long = 16
/**
 * May be a name in lower case: one word, or a prefix and a word
 * (`pro-russian`), with a lower-case part of three letters or more where a
 * name may stand.
 */
const nameCandidate = 32

/**
 * What the rule needs to know about a spelling in detail: worked out once
 * per distinct spelling (a document repeats its words) and remembered across
 * pieces and documents. Plain lower-case or capitalised words are read from
 * their characters instead; this is for the few that get that far.
 */
interface Facts {
  /** Letters with hyphens (an optional `'s`): the words this rule judges. */
  parts: string[] | undefined
  /** Where `parts` end in the word (before a possessive `'s`). */
  partsEnd: number
  /** Key in the usage counts: `parts` in lower case (`''` for other words). */
  key: string
  /** `hashKey(key)`. */
  hash: number
  /** The bit flags above. */
  flags: number
  /**
   * Per part: the dictionary's capitalised form of a lower-case part of
   * three letters or more (`null` until `properForms` looks them up).
   */
  proper: Array<string | undefined> | undefined | null
  /** Capitalised, yet common in every part (computed on first need). */
  commonCapitalised: boolean | undefined
}

/** What the rule keeps about a document while it reads it piece by piece. */
interface State {
  /** Per lower-cased word: how the document writes it (so far). */
  usage: Counts
  /** The words of the piece at hand (its buffers are reused piece after piece). */
  piece: Piece
  /** The tree `piece` was last read from by `collect`, so that `check` need not read it again. */
  read: Root | undefined
  /** Findings that wait for the whole document's counts (see `decide`). */
  pending: Pending[]
  /**
   * Start and end offsets of lower-case words the dictionary does not know
   * (`babariko`), in pairs: each is reported if the whole document turns out
   * to write it as a name.
   */
  unknown: Int32Array
  unknownCount: number
}

/**
 * A finding whose decision needs counts of the whole document: what it will
 * report, and the key of the word whose uses decide.
 */
interface Pending {
  /** `swapStart`, `capitalMid` or `dictionaryName`: which counts decide. */
  kind: number
  finding: Finding
  key: string
  hash: number
}

/** The capital moved to the next word, unless the document capitalises that word elsewhere too. */
const swapStart = 0
/** A common word capitalised, if the document writes it in lower case elsewhere and capitalises it nowhere else. */
const capitalMid = 1
/** The dictionary's name in lower case: a fix or only a suggestion, by how the document writes it. */
const dictionaryName = 2

const strayCapitalisation = definePhasedRule<State>({
  state: () => {
    // Built before the first piece is parsed (see src/heap.ts).
    nameBits ??= dictionaryNameBits()
    return {
      usage: new Counts(),
      piece: new Piece(),
      read: undefined,
      pending: [],
      unknown: new Int32Array(64),
      unknownCount: 0
    }
  },

  // Pieces come in order: counting a piece's words before checking it means
  // `check` sees the counts of this piece and all earlier ones, and what
  // needs later pieces too waits in `pending` and `unknown` for `finish`.
  inOrder: true,

  // Count how the document writes each word.
  collect(tree, file, state) {
    const text = String(file)
    const {piece, usage} = state
    piece.read(tree, text)
    state.read = tree
    const {count, flags, places, lines, spaced, starts, partsEnds} = piece

    for (let index = 0; index < count; index++) {
      const word = flags[index]!
      if ((word & shaped) === 0) continue
      if (word & lowerCase) {
        // Lower-case uses are read only for words of three letters or more.
        if (partsEnds[index]! >= 3) {
          const slot = usage.slotAt(piece, text, index, true)
          usage.lower[slot] = usage.lower[slot]! + 1
        }

        continue
      }

      if (places[index] !== mid || (word & capitalised) === 0 || piece.isTitle(index)) continue
      const slot = usage.slotAt(piece, text, index, true)
      usage.capitalisedMid[slot] = usage.capitalisedMid[slot]! + 1
      const next = index + 1
      if (
        next === count ||
        !spaced[next] ||
        lines[next] !== lines[index] ||
        (flags[next]! & nameStart) === 0
      ) {
        usage.capitalisedAlone[slot] = usage.capitalisedAlone[slot]! + 1
        usage.forms[slot] ??= text.slice(starts[index]!, starts[index]! + partsEnds[index]!)
      }
    }
  },

  check(tree, file, state) {
    const text = String(file)
    if (state.read !== tree) state.piece.read(tree, text)
    state.read = undefined
    checkPiece(state.piece, text, file, state)
  },

  finish(file, state) {
    decide(String(file), file, state)
  }
})

export default strayCapitalisation

/**
 * Report the findings of one piece that its own words decide, and keep
 * those that depend on how the whole document writes a word (whose counts
 * are complete only in `finish`). Counts only grow, so a word the document
 * already capitalises twice mid-sentence is ruled out at once.
 */
function checkPiece(piece: Piece, text: string, file: VFile, state: State): void {
  const {usage} = state
  const {count, flags, starts, ends, places, spaced, lines, partsEnds} = piece

  for (let index = 0; index < count; index++) {
    const word = flags[index]!
    if ((word & shaped) === 0) continue
    const place = places[index]!

    // A swapped start decides both words, reported or not: when the
    // document capitalises the next word elsewhere, neither word gives
    // another finding (the first is a common word, the second a word
    // capitalised more than once).
    if (
      (place === start || place === colon) &&
      word & lowerCase &&
      checkSwappedStart(index)
    ) {
      index++
      continue
    }

    if (place === mid && word & capitalised) checkCapitalisedMid(index)
    if (word & nameCandidate && place !== open) checkLowerName(index)
  }

  /**
   * `of Course` at a sentence start: the capital moved one word on.
   * Returns whether the two words are such a case, which is reported
   * unless the document capitalises the second word elsewhere too.
   */
  function checkSwappedStart(index: number): boolean {
    const next = index + 1
    if (next === count) return false
    if ((flags[next]! & (shaped | capitalised)) !== (shaped | capitalised)) return false
    if (!spaced[next] || lines[next] !== lines[index]) return false
    const word = piece.factsAt(text, index)
    if (word.parts!.length !== 1 || word.partsEnd !== ends[index]! - starts[index]!) return false
    if (piece.isTitle(next) || nextToName(next)) return false
    const after = piece.factsAt(text, next)
    const nextUse = usage.slotOf(after.key, after.hash, false)
    // The document writes it capitalised mid-sentence elsewhere too (its
    // own use here counts once): a name. The pieces so far may show it
    // already; else it waits for the whole document's count.
    if (nextUse >= 0 && usage.capitalisedMid[nextUse]! > 1) return false
    // The dictionary last: its look-ups are the costly part.
    if (!isCommonWord(word.parts![0]!) || !isCommonCapitalised(after)) return false

    const value = text.slice(starts[index]!, ends[index]!)
    const nextValue = text.slice(starts[next]!, ends[next]!)
    const fixed = upperFirst(value) + text.slice(ends[index]!, starts[next]!) + lowerFirst(nextValue)
    wait(swapStart, after, {
      ruleId,
      reason:
        'The capital belongs to the sentence start: `' +
        value +
        ' ' +
        nextValue +
        '` should be `' +
        upperFirst(value) +
        ' ' +
        lowerFirst(nextValue) +
        '`',
      start: starts[index]!,
      end: ends[next]!,
      expected: [fixed],
      fix: true
    })
    return true
  }

  /** `mostly Pro-Russian`, `the Negotiations will`. */
  function checkCapitalisedMid(index: number): void {
    const previous = index - 1
    // Only after a lower-case word of the same sentence, with nothing but
    // space between: other capitals start quotes, lists, names.
    if (!spaced[index] || previous < 0 || (flags[previous]! & lowerCase) === 0) return
    if (piece.isTitle(index) || nextToName(index)) return
    const word = piece.factsAt(text, index)
    const parts = word.parts!

    // `Pro-Russian`: a prefix before a proper adjective or name.
    if (parts.length > 1 && prefixes.has(parts[0]!.toLowerCase())) {
      const rest = parts.slice(1)
      if (rest.every((part) => isCapitalised(part) && isName(part))) {
        const expected = lowerFirst(text.slice(starts[index]!, ends[index]!))
        report(file, {
          ruleId,
          reason:
            'A prefix before a name is written in lower case: `' + expected + '`',
          start: starts[index]!,
          end: starts[index]! + parts[0]!.length,
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
    // The counts decide in `finish`; the pieces so far may rule it out.
    if (word.partsEnd < 4) return
    const use = usage.slotOf(word.key, word.hash, false)
    if (use >= 0 && usage.capitalisedMid[use]! > 1) return
    if (!boundWords.has(piece.keyAt(text, previous))) return
    // Several capitals close by: a title written into the line (`How to
    // Benefit from the Basic Module`, `Our Way in the Dark`).
    if (capitalsNear(index) >= 2) return
    if (!isCommonCapitalised(word)) return

    const written = text.slice(starts[index]!, starts[index]! + word.partsEnd)
    const expected = lowerFirst(written)
    wait(capitalMid, word, {
      ruleId,
      reason:
        'A common word capitalised mid-sentence: `' +
        written +
        '`, written `' +
        expected +
        '` elsewhere in this text',
      start: starts[index]!,
      end: starts[index]! + word.partsEnd,
      expected: [expected],
      fix: false,
      note: 'If this is not a name or a title, write it in lower case.'
    })
  }

  /**
   * `the kremlin`, `alexander Lukashenko`, `babariko` where the text writes
   * `Babariko`. The dictionary alone is weaker evidence than the text: it
   * also lists as names kinds of things that English often writes in lower
   * case (`the lemon and the chablis`, `perform afro`), and a writer may use
   * lower case on purpose. So the dictionary's capitals are a fix only
   * where the text agrees that this is a name written in lower case by
   * mistake: the word stands next to a name or a number (`alexander
   * Lukashenko`, `intel pentium 3`), its sentence writes another name
   * capitalised (`Lukashenka spoke about relations with the kremlin`), the
   * text writes this word capitalised elsewhere at least as often as not,
   * or the word is made from another name (`pro-russian` ← Russia,
   * `gnosticism` ← Gnostic), which English capitalises always. Elsewhere
   * they are a suggestion.
   */
  function checkLowerName(index: number): void {
    if (!urlSafe(piece, text, index)) return
    // Without the dictionary's capital a word is a name only if the
    // document writes it as one (`babariko` … `Babariko`), which is known
    // only in `finish`: the word waits there if it can be one (one part,
    // not a common word). A bit test rules out most words for the dictionary.
    const dictionary = hasDictionaryName(piece, index) ? dictionaryForm(piece, text, index) : undefined
    if (dictionary === undefined) {
      const facts = piece.facts[index]
      if (facts && facts.parts!.length !== 1) return
      if (!usage.uncommonAt(piece, text, index)) return
      if (state.unknownCount + 2 > state.unknown.length) {
        const larger = new Int32Array(state.unknown.length * 2)
        larger.set(state.unknown)
        state.unknown = larger
      }

      state.unknown[state.unknownCount++] = starts[index]!
      state.unknown[state.unknownCount++] = starts[index]! + partsEnds[index]!
      return
    }

    const word = piece.factsAt(text, index)
    const sure = derivedFromName(word) || nearName(index) || nameInSentence(index)
    const whole = text.slice(starts[index]!, starts[index]! + word.partsEnd)
    const finding: Finding = {
      ruleId,
      reason: 'A name in lower case: `' + whole + '` should be `' + dictionary + '`',
      start: starts[index]!,
      end: starts[index]! + word.partsEnd,
      expected: [dictionary],
      fix: true
    }
    // The text around it agrees that it is a name; else the document's
    // other uses may (only for a word of one part).
    if (sure || word.parts!.length !== 1) {
      if (!sure) finding.note = suggestionNote
      finding.fix = sure
      report(file, finding)
    } else {
      wait(dictionaryName, word, finding)
    }
  }

  /** Keep a finding for `decide`, with the word whose counts decide it. */
  function wait(kind: number, word: Facts, finding: Finding): void {
    state.pending.push({kind, finding, key: word.key, hash: word.hash})
  }

  /**
   * Another word of the sentence (at most `sentenceReach` words away) is a
   * name written capitalised.
   */
  function nameInSentence(index: number): boolean {
    const line = lines[index]!
    for (let other = index - 1; other >= 0 && other >= index - sentenceReach; other--) {
      if (lines[other] !== line) break
      if (isNameAt(piece, text, other)) return true
      if (places[other] === start) break
    }

    for (let other = index + 1; other < count && other <= index + sentenceReach; other++) {
      if (lines[other] !== line || places[other] === start) break
      if (isNameAt(piece, text, other)) return true
    }

    return false
  }

  /**
   * The word before or after is a name or a number (`alexander
   * Lukashenko`, `pentium 3`, `vladimir putin`); a capital at a sentence
   * start does not count.
   */
  function nearName(index: number): boolean {
    const line = lines[index]!
    const after = index + 1
    if (after < count && spaced[after] && lines[after] === line) {
      if (flags[after]! & nameStart) return true
      if (flags[after]! & nameCandidate && dictionaryForm(piece, text, after) !== undefined) return true
    }

    const before = index - 1
    if (before >= 0 && spaced[index] && lines[before] === line) {
      if (flags[before]! & nameStart && places[before] !== start && places[before] !== colon) return true
      if (flags[before]! & nameCandidate && dictionaryForm(piece, text, before) !== undefined) return true
    }

    return false
  }

  /**
   * Whether the word at `index` touches another capitalised word (or a
   * number), directly or across a joiner (`Ministry of Finance`): then it
   * is part of a name or title.
   */
  function nextToName(index: number): boolean {
    const line = lines[index]!
    const after = index + 1
    if (after < count && spaced[after] && lines[after] === line) {
      if (flags[after]! & nameStart) return true
      // `Ministry of Finance`, `Commission on the Causes`.
      const further = index + 2
      if (isJoiner(after) && further < count && spaced[further]) {
        if (flags[further]! & nameStart) return true
        const furthest = index + 3
        if (isJoiner(further) && furthest < count && spaced[furthest] && flags[furthest]! & nameStart) {
          return true
        }
      }
    }

    const before = index - 1
    if (spaced[index] && before >= 0 && lines[before] === line) {
      if (flags[before]! & nameStart && places[before] !== start && places[before] !== colon) {
        return true
      }

      const earlier = index - 2
      if (isJoiner(before) && spaced[before] && earlier >= 0) {
        if (flags[earlier]! & nameStart) return true
        const earliest = index - 3
        if (isJoiner(earlier) && spaced[earlier] && earliest >= 0 && flags[earliest]! & nameStart) {
          return true
        }
      }
    }

    return false
  }

  /** `of`, `the`, `de`…: all joiners are three letters or fewer. */
  function isJoiner(index: number): boolean {
    return partsEnds[index]! <= 3 && flags[index]! & shaped ? joiners.has(piece.keyAt(text, index)) : false
  }

  /** Capitalised words among the three before and the three after. */
  function capitalsNear(index: number): number {
    const line = lines[index]!
    let capitals = 0
    for (let other = Math.max(0, index - 3); other <= index + 3 && other < count; other++) {
      const near = flags[other]!
      if (other === index || lines[other] !== line || (near & shaped) === 0) continue
      const pronoun = ends[other]! - starts[other]! === 1 && text.charCodeAt(starts[other]!) === 73 /* I */
      if (!pronoun && (near & lowerCase) === 0) capitals++
    }

    return capitals
  }
}

/**
 * Once the whole document is counted: report the findings that waited for
 * its counts, then the lower-case words it writes elsewhere as names.
 */
function decide(text: string, file: VFile, state: State): void {
  const {usage, pending, unknown} = state

  for (const {kind, finding, key, hash} of pending) {
    const use = usage.slotOf(key, hash, false)
    if (kind === swapStart) {
      if (use < 0 || usage.capitalisedMid[use]! <= 1) report(file, finding)
    } else if (kind === capitalMid) {
      if (use >= 0 && usage.capitalisedMid[use]! <= 1 && usage.lower[use]! > 0) report(file, finding)
    } else {
      const sure = use >= 0 && (documentForm(usage, use) !== undefined || documentAgrees(usage, use))
      finding.fix = sure
      if (!sure) finding.note = suggestionNote
      report(file, finding)
    }
  }

  for (let index = 0; index < state.unknownCount; index += 2) {
    const from = unknown[index]!
    const to = unknown[index + 1]!
    const key = text.slice(from, to).toLowerCase()
    const use = usage.slotOf(key, hashKey(key), false)
    const form = use < 0 ? undefined : documentForm(usage, use)
    if (form === undefined) continue
    const whole = text.slice(from, to)
    report(file, {
      ruleId,
      reason: 'A name in lower case: `' + whole + '` should be `' + form + '` as elsewhere in this text',
      start: from,
      end: to,
      expected: [form],
      fix: true
    })
  }

  state.pending = []
  state.unknownCount = 0
}

/**
 * How the document writes the word at `use` when it writes it as a name
 * (see `Counts.isDocumentName`), capitalised: `Babariko`. Its own evidence
 * must outweigh the lower-case uses: a term written both ways (`the
 * alocasia plant, Alocasia`) is left alone.
 */
function documentForm(usage: Counts, use: number): string | undefined {
  if (!usage.isDocumentName(use)) return undefined
  const form = usage.forms[use]
  return form !== undefined && isCapitalised(form) ? form : undefined
}

/**
 * The document writes the word capitalised on its own at least as often
 * as in lower case: it agrees with the dictionary that it is a name.
 */
function documentAgrees(usage: Counts, use: number): boolean {
  const alone = usage.capitalisedAlone[use]!
  return alone > 0 && alone >= usage.lower[use]!
}

const suggestionNote =
  'The dictionary knows this word only as a name; capitalise it if it names one here.'

/** The word is not part of a URL, an address, a handle or a file name. */
function urlSafe(piece: Piece, text: string, index: number): boolean {
  const before = text.charCodeAt(piece.starts[index]! - 1)
  const end = piece.ends[index]!
  const after = text.charCodeAt(end)
  if (isPathBefore(before) || isPathAfter(after)) return false
  return !(after === 46 /* . */ && isWordCode(text.charCodeAt(end + 1)))
}

/**
 * The lower-case word at `index` with the capitals the dictionary gives it
 * (`kremlin` → `Kremlin`, `pro-russian` → `pro-Russian`), or undefined.
 * Not after a dash, a symbol or an opening quote mid-sentence (`the word
 * "chikibamboni"`), in a URL, for a common word in British spelling
 * (`grey`, `centre`), or after an article or possessive, which shows a
 * name used as a common noun (`my holt`, `a jacuzzi`; `the` aside: `the
 * kremlin`).
 */
function dictionaryForm(piece: Piece, text: string, index: number): string | undefined {
  if ((piece.flags[index]! & nameCandidate) === 0 || piece.places[index] === open) return undefined
  if (!hasDictionaryName(piece, index) || !urlSafe(piece, text, index)) return undefined
  const word = piece.factsAt(text, index)
  const parts = word.parts!
  const proper = properForms(word)
  if (!proper) return undefined
  const common =
    piece.spaced[index] === 1 && index > 0 && determiners.has(piece.keyAt(text, index - 1))
  if (common) return undefined
  let fixed = parts.length === 2 ? parts[0]! + '-' : ''
  let changed = false
  for (let position = parts.length === 1 ? 0 : 1; position < parts.length; position++) {
    const part = parts[position]!
    const form = proper[position]
    if (form && isCapitalised(form) && !isCommonSpelling(part)) {
      fixed += form
      changed = true
    } else {
      fixed += part
    }
  }

  return changed ? fixed : undefined
}

/**
 * A part the dictionary capitalises is made from another name in the
 * dictionary by an ending of `proper-suffixes.json` (`russian` ← Russia +
 * n, `ukrainian` ← Ukraine, `gnosticism` ← Gnostic + ism).
 */
function derivedFromName(word: Facts): boolean {
  const parts = word.parts!
  const proper = properForms(word)
  if (!proper) return false
  for (let position = parts.length === 1 ? 0 : 1; position < parts.length; position++) {
    const part = parts[position]!
    if (!proper[position]) continue
    for (const {suffix, base} of properSuffixes) {
      if (part.length < suffix.length + 3 || !part.endsWith(suffix)) continue
      if (isDictionaryName(part.slice(0, -suffix.length) + base)) return true
    }
  }

  return false
}

/**
 * The capitalised word at `index` is a name: one the dictionary knows only
 * as a name (`Moscow`) or does not know at all (`Lukashenka`, `NATO`), not
 * a common word (`The`, `Government`) or a single letter (`I`).
 */
function isNameAt(piece: Piece, text: string, index: number): boolean {
  const flags = piece.flags[index]!
  if ((flags & (shaped | nameStart)) !== (shaped | nameStart) || piece.partsEnds[index]! < 2) return false
  const word = piece.factsAt(text, index)
  if (word.parts!.length !== 1) return false
  return properNounForm(word.key) !== undefined || !isCommonWord(word.key)
}

/**
 * The words of one piece of the document, in order, with where each stands
 * in its sentence, its line and its quotation. The arrays are reused from
 * piece to piece (only the first `count` entries are this piece's), so
 * reading a piece allocates next to nothing.
 */
class Piece {
  count = 0
  starts = new Int32Array(256)
  /** Without a sentence-final full stop. */
  ends = new Int32Array(256)
  /** Where the letters end (before a possessive `'s`), from the start. */
  partsEnds = new Int32Array(256)
  flags = new Int32Array(256)
  /** `hashKey` of the word's key. */
  hashes = new Int32Array(256)
  /** The word's facts when it was read through them (not plain ASCII). */
  facts: Array<Facts | undefined> = []
  places = new Int8Array(256)
  /** 1: only white space between this word and the previous one. */
  spaced = new Int8Array(256)
  lines = new Int32Array(256)
  quotes = new Int32Array(256)
  /** Per line and per quotation: words of four letters or more, and how many of them are not lower case. */
  lineLong: number[] = []
  lineCapitalised: number[] = []
  quoteLong: number[] = []
  quoteCapitalised: number[] = []

  /** Reading state: where the next word stands, its line and quotation. */
  private place = start
  private line = -1
  private quote = 0
  private lineCount = 0
  private quoteCount = 1

  /**
   * Read a piece's words in order and note, for each, where it stands in
   * its sentence: the gap of punctuation and space before a word decides.
   * parse-english does not start a sentence at a lower-case letter
   * (`ended. of Course` is one sentence), so full stops are read here.
   */
  read(tree: Root, text: string): void {
    this.count = 0
    this.lineCount = 0
    this.quoteCount = 1
    this.quoteLong[0] = 0
    this.quoteCapitalised[0] = 0
    this.place = start
    this.line = -1
    this.quote = 0

    const paragraphs = tree.children
    for (let paragraphIndex = 0; paragraphIndex < paragraphs.length; paragraphIndex++) {
      const paragraph = paragraphs[paragraphIndex]!
      if (paragraph.type !== 'ParagraphNode') continue
      const gapStart = paragraph.position?.start.offset
      if (gapStart === undefined || paragraph.position!.end.offset === undefined) continue
      let paragraphStart = true
      const sentences = paragraph.children

      for (let sentenceIndex = 0; sentenceIndex < sentences.length; sentenceIndex++) {
        const sentence = sentences[sentenceIndex]!
        if (sentence.type !== 'SentenceNode') continue
        const children = sentence.children
        for (let childIndex = 0; childIndex < children.length; childIndex++) {
          const child = children[childIndex]!
          if (child.type !== 'WordNode') continue
          const position = child.position
          const wordStart = position?.start.offset
          const wordEnd = position?.end.offset
          if (wordStart === undefined || wordEnd === undefined) continue
          this.add(text, wordStart, wordEnd, gapStart, paragraphStart)
          paragraphStart = false
        }
      }
    }
  }

  /** Add the word at `wordStart`–`wordEnd`, reading the gap before it. */
  private add(
    text: string,
    wordStart: number,
    wordEnd: number,
    gapStart: number,
    paragraphStart: boolean
  ): void {
    const count = this.count
    if (count === this.starts.length) this.grow()
    let from = count > 0 ? this.ends[count - 1]! : gapStart
    if (paragraphStart || this.line < 0) {
      // A new paragraph: only what follows its last line break counts.
      let lastBreak = wordStart - 1
      while (lastBreak >= from && text.charCodeAt(lastBreak) !== 10) lastBreak--
      from = lastBreak + 1
      this.newLine()
    }

    // Most often the gap is a single space, which changes nothing.
    const isSpaced =
      wordStart - from === 1 && text.charCodeAt(from) === 32 ? 1 : this.gap(text, from, wordStart)

    // parse-english keeps a sentence-final full stop in the word
    // (`ended.`); it belongs to the gap after it.
    let end = wordEnd
    if (end - wordStart > 1 && text.charCodeAt(end - 1) === 46) end--

    // Plain words are read from their characters; others (hyphens,
    // letters beyond ASCII) through their remembered facts.
    let word = scanWord(text, wordStart, end)
    let wordFacts: Facts | undefined
    if (word < 0) {
      wordFacts = factsOf(text.slice(wordStart, end))
      word = wordFacts.flags
      this.hashes[count] = wordFacts.hash
      this.partsEnds[count] = wordFacts.partsEnd
    } else {
      this.hashes[count] = scanned.hash
      this.partsEnds[count] = scanned.partsEnd
    }

    const line = this.line
    const quote = this.quote
    this.starts[count] = wordStart
    this.ends[count] = end
    this.flags[count] = word
    this.facts[count] = wordFacts
    this.places[count] = this.place
    this.spaced[count] = isSpaced
    this.lines[count] = line
    this.quotes[count] = quote
    this.count = count + 1

    if (word & long) {
      const notLower = word & lowerCase ? 0 : 1
      this.lineLong[line] = this.lineLong[line]! + 1
      this.lineCapitalised[line] = this.lineCapitalised[line]! + notLower
      if (quote > 0) {
        this.quoteLong[quote] = this.quoteLong[quote]! + 1
        this.quoteCapitalised[quote] = this.quoteCapitalised[quote]! + notLower
      }
    }

    // After a number, a code or a symbol-laden token, no sure place.
    this.place = word & shaped ? mid : open
  }

  /**
   * Read the gap between the previous word and the next (from `from` to
   * `to`): line breaks, sentence ends, colons, quotes. Returns 1 when it is
   * only white space.
   */
  private gap(text: string, from: number, to: number): number {
    let isSpaced = 1
    const count = this.count
    const previousEnd = count > 0 ? this.ends[count - 1]! : -1
    for (let at = from; at < to; at++) {
      const code = text.charCodeAt(at)
      if (code === 10) {
        this.newLine()
      } else if (code === 32 || code === 9 || code === 13 || code === 0xa0) {
        continue
      } else {
        isSpaced = 0
        if (code === 46 /* . */ || code === 33 /* ! */ || code === 63 /* ? */) {
          if (code !== 46) {
            this.place = start
          } else {
            const ellipsis =
              text.charCodeAt(at + 1) === 46 || (at > 0 && text.charCodeAt(at - 1) === 46)
            const abbreviation =
              at === previousEnd && isAbbreviation(text, this.starts[count - 1]!, previousEnd)
            this.place = ellipsis || abbreviation ? open : start
          }
        } else if (code === 58 /* : */) {
          this.place = colon
        } else if (code === 44 /* , */ || code === 59 /* ; */) {
          this.place = mid
        } else {
          const char = text.charAt(at)
          if (isClosing(char, text, at)) {
            if (char === '”' || char === '"' || char === '»' || char === '’') {
              this.quote = 0
              // `"What?" said John.`: after a quoted sentence the
              // attribution goes on in lower case.
              if (this.place === start) this.place = open
            }
          } else if (isOpening(char, text, at)) {
            if (this.place === mid) this.place = open
            if (char === '“' || char === '"' || char === '«' || char === '‘') {
              const quote = this.quoteCount++
              this.quoteLong[quote] = 0
              this.quoteCapitalised[quote] = 0
              this.quote = quote
            }
          } else {
            // Dashes, symbols: a capital after them may be right.
            this.place = open
          }
        }
      }
    }

    return isSpaced
  }

  /** Twice the room for words. */
  private grow(): void {
    const size = this.starts.length * 2
    const larger = <T extends Int32Array | Int8Array>(array: T): T => {
      const copy = new (array.constructor as new (size: number) => T)(size)
      copy.set(array)
      return copy
    }

    this.starts = larger(this.starts)
    this.ends = larger(this.ends)
    this.partsEnds = larger(this.partsEnds)
    this.flags = larger(this.flags)
    this.hashes = larger(this.hashes)
    this.places = larger(this.places)
    this.spaced = larger(this.spaced)
    this.lines = larger(this.lines)
    this.quotes = larger(this.quotes)
  }

  private newLine(): void {
    const line = this.lineCount++
    this.lineLong[line] = 0
    this.lineCapitalised[line] = 0
    this.line = line
    this.place = start
    this.quote = 0
  }

  /** The word is on a headline or in a quoted title. */
  isTitle(index: number): boolean {
    const line = this.lines[index]!
    if (titleLike(this.lineLong[line]!, this.lineCapitalised[line]!)) return true
    const quote = this.quotes[index]!
    return quote > 0 && titleLike(this.quoteLong[quote]!, this.quoteCapitalised[quote]!)
  }

  /** The facts of the word at `index`, for the few words judged in detail. */
  factsAt(text: string, index: number): Facts {
    return this.facts[index] ?? factsOf(text.slice(this.starts[index]!, this.ends[index]!))
  }

  /** The key of the word at `index` (`''` for numbers, codes, symbols). */
  keyAt(text: string, index: number): string {
    return this.flags[index]! & shaped ? this.factsAt(text, index).key : ''
  }
}

/** A headline or title: most of its longer words are capitalised. */
function titleLike(long: number, capitalised: number): boolean {
  return long >= 2 && capitalised * 5 >= long * 3
}

/**
 * How the document writes each word (per key: the word's letters in lower
 * case), in an open-addressing table on `hashKey(key)` with the keys'
 * characters in one buffer: a plain word is found by comparing its
 * characters with the key's, so no string or object is made or visited for
 * it. A key's counts sit at its slot in the count arrays.
 */
class Counts {
  /** Capitalised uses inside a sentence, outside headlines. */
  capitalisedMid = new Int32Array(256)
  /**
   * Of those, the ones not followed by another capitalised word: a name
   * (`Babariko`), not a title before one (`Archpriest Avvakum`).
   */
  capitalisedAlone = new Int32Array(256)
  /** Lower-case uses (of words of three letters or more). */
  lower = new Int32Array(256)
  /** The capitalised spelling first seen standing alone mid-sentence. */
  forms: Array<string | undefined> = []
  /**
   * Whether the key, written in lower case, is a common word (see
   * `isCommonSpelling`): 0 not yet looked up, 1 common, 2 not.
   */
  spelling = new Int8Array(256)

  /** Per slot: the key's hash, or -1 when the slot is free. */
  private hashes = new Int32Array(256).fill(-1)
  /** Per slot: where the key's characters are in `keys`, and how many. */
  private keyStarts = new Int32Array(256)
  private keyLengths = new Int32Array(256)
  private keys = new Uint16Array(2048)
  private keysUsed = 0
  private used = 0
  /** 32 minus the number of bits of a slot index. */
  private shift = 24

  /** The slot of the word at `index` in `piece`; -1 when it has none and `make` is false. */
  slotAt(piece: Piece, text: string, index: number, make: boolean): number {
    const facts = piece.facts[index]
    if (facts) return this.slotOf(facts.key, facts.hash, make)
    if (make && this.used * 2 >= this.hashes.length) this.grow()
    const hash = piece.hashes[index]!
    const from = piece.starts[index]!
    const length = piece.partsEnds[index]!
    const mask = this.hashes.length - 1
    for (let slot = mix(hash) >>> this.shift; ; slot = (slot + 1) & mask) {
      const stored = this.hashes[slot]!
      if (stored === -1) {
        if (!make) return -1
        this.claim(slot, hash, length)
        const keys = this.keys
        let at = this.keyStarts[slot]!
        for (let position = from; position < from + length; position++) {
          const code = text.charCodeAt(position)
          keys[at++] = code >= 65 && code <= 90 ? code + 32 : code
        }

        return slot
      }

      if (stored === hash && this.keyLengths[slot] === length && this.sameText(slot, text, from)) {
        return slot
      }
    }
  }

  /** The slot of `key`; -1 when it has none and `make` is false. */
  slotOf(key: string, hash: number, make: boolean): number {
    if (make && this.used * 2 >= this.hashes.length) this.grow()
    const mask = this.hashes.length - 1
    for (let slot = mix(hash) >>> this.shift; ; slot = (slot + 1) & mask) {
      const stored = this.hashes[slot]!
      if (stored === -1) {
        if (!make) return -1
        this.claim(slot, hash, key.length)
        const start = this.keyStarts[slot]!
        for (let position = 0; position < key.length; position++) {
          this.keys[start + position] = key.charCodeAt(position)
        }

        return slot
      }

      if (stored === hash && this.keyLengths[slot] === key.length && this.sameKey(slot, key)) {
        return slot
      }
    }
  }

  /**
   * A name by the document's own evidence: written capitalised, standing
   * alone, twice or more, and more often than in lower case.
   */
  isDocumentName(slot: number): boolean {
    const alone = this.capitalisedAlone[slot]!
    return alone >= 2 && alone > this.lower[slot]!
  }

  /**
   * Whether the lower-case word at `index` in `piece`, counted already, is
   * not a common word in US or British spelling: looked up once per key.
   */
  uncommonAt(piece: Piece, text: string, index: number): boolean {
    const slot = this.slotAt(piece, text, index, false)
    if (slot < 0) return false
    let spelling = this.spelling[slot]!
    if (spelling === 0) {
      spelling = isCommonSpelling(piece.factsAt(text, index).parts![0]!) ? 1 : 2
      this.spelling[slot] = spelling
    }

    return spelling === 2
  }

  /** Take a free slot for a key of `length` characters. */
  private claim(slot: number, hash: number, length: number): void {
    if (this.keysUsed + length > this.keys.length) {
      const keys = new Uint16Array(Math.max(this.keys.length * 2, this.keysUsed + length))
      keys.set(this.keys)
      this.keys = keys
    }

    this.hashes[slot] = hash
    this.keyStarts[slot] = this.keysUsed
    this.keyLengths[slot] = length
    this.keysUsed += length
    this.used++
  }

  /** The key at `slot` equals the ASCII word at `from` in lower case (lengths are equal). */
  private sameText(slot: number, text: string, from: number): boolean {
    const keys = this.keys
    const start = this.keyStarts[slot]!
    const length = this.keyLengths[slot]!
    for (let position = 0; position < length; position++) {
      const code = text.charCodeAt(from + position)
      if (keys[start + position] !== (code >= 65 && code <= 90 ? code + 32 : code)) return false
    }

    return true
  }

  /** The key at `slot` equals `key` (lengths are equal). */
  private sameKey(slot: number, key: string): boolean {
    const start = this.keyStarts[slot]!
    for (let position = 0; position < key.length; position++) {
      if (this.keys[start + position] !== key.charCodeAt(position)) return false
    }

    return true
  }

  /** Twice the slots; every key moves to its place in the larger table. */
  private grow(): void {
    const {hashes, keyStarts, keyLengths, capitalisedMid, capitalisedAlone, lower, forms, spelling} = this
    const size = hashes.length * 2
    this.hashes = new Int32Array(size).fill(-1)
    this.keyStarts = new Int32Array(size)
    this.keyLengths = new Int32Array(size)
    this.capitalisedMid = new Int32Array(size)
    this.capitalisedAlone = new Int32Array(size)
    this.lower = new Int32Array(size)
    this.spelling = new Int8Array(size)
    this.forms = []
    this.shift--
    const mask = size - 1
    for (let old = 0; old < hashes.length; old++) {
      const hash = hashes[old]!
      if (hash === -1) continue
      let slot = mix(hash) >>> this.shift
      while (this.hashes[slot] !== -1) slot = (slot + 1) & mask
      this.hashes[slot] = hash
      this.keyStarts[slot] = keyStarts[old]!
      this.keyLengths[slot] = keyLengths[old]!
      this.capitalisedMid[slot] = capitalisedMid[old]!
      this.capitalisedAlone[slot] = capitalisedAlone[old]!
      this.lower[slot] = lower[old]!
      this.spelling[slot] = spelling[old]!
      if (forms[old] !== undefined) this.forms[slot] = forms[old]
    }
  }
}

/** A 30-bit hash of a key, as `scanWord` computes it from the word's characters. */
function hashKey(key: string): number {
  let hash = 0
  for (let index = 0; index < key.length; index++) {
    hash = (Math.imul(hash, 31) + key.charCodeAt(index)) | 0
  }

  return hash & 0x3fffffff
}

/** Spreads a key's hash over all 32 bits, for bit sets indexed by its top bits. */
function mix(hash: number): number {
  return Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0
}

/** What `scanWord` found besides the flags. */
const scanned = {hash: 0, partsEnd: 0}

/**
 * Read a word from its characters when it is plain ASCII without a hyphen
 * (`the`, `Course`, `Russia's`, `2020`, `e.g`): its flags (with its key's
 * hash and where its letters end in `scanned`), or -1 when it must be read
 * through `factsOf`. Gives exactly what `factsOf` would.
 */
function scanWord(text: string, from: number, to: number): number {
  let hash = 0
  let letters = 0
  let upperAfterHead = false
  let lettersEnd = to
  const head = text.charCodeAt(from)
  if (head >= 128) return -1
  const headUpper = head >= 65 && head <= 90

  for (let position = from; position < to; position++) {
    const code = text.charCodeAt(position)
    if (code >= 97 && code <= 122) {
      hash = (Math.imul(hash, 31) + code) | 0
      letters++
    } else if (code >= 65 && code <= 90) {
      hash = (Math.imul(hash, 31) + code + 32) | 0
      if (letters > 0) upperAfterHead = true
      letters++
    } else if (
      (code === 39 || code === 0x2019) &&
      letters > 0 &&
      position + 2 === to &&
      text.charCodeAt(position + 1) === 115 /* s */
    ) {
      // A possessive `'s`.
      lettersEnd = position
      break
    } else if (code >= 128 || code === 45 /* - */) {
      return -1
    } else {
      // A digit, a full stop, an apostrophe inside: not a word this rule judges.
      for (let rest = position + 1; rest < to; rest++) if (text.charCodeAt(rest) >= 128) return -1
      return headUpper || (head >= 48 && head <= 57) ? nameStart : 0
    }
  }

  if (letters === 0) return -1
  scanned.hash = hash & 0x3fffffff
  scanned.partsEnd = lettersEnd - from
  let flags = shaped
  if (headUpper) {
    flags |= nameStart
    if (letters > 1 && !upperAfterHead) flags |= capitalised
  } else if (!upperAfterHead) {
    flags |= lowerCase
    if (letters >= 3) flags |= nameCandidate
  }

  if (letters >= 4) flags |= long
  return flags
}

/**
 * Whether the dictionary may have a capitalised form of the word at `index`
 * (`kremlin`): exact for words read through facts; for plain words a bit
 * set of the dictionary's names' hashes rules out all but a few.
 */
function hasDictionaryName(piece: Piece, index: number): boolean {
  const facts = piece.facts[index]
  if (facts) return properForms(facts) !== undefined
  return hasNameBit(piece.hashes[index]!)
}

/** Whether a key with this hash may be one the dictionary knows only as a name. */
function hasNameBit(hash: number): boolean {
  nameBits ??= dictionaryNameBits()
  const bit = mix(hash) >>> 12
  return (nameBits[bit >>> 5]! & (1 << (bit & 31))) !== 0
}

let nameBits: Uint32Array | undefined

/**
 * The bit set for `hasDictionaryName`: the hashes of the words the
 * dictionary stores only capitalised (`Kremlin`; not `May`, also `may`).
 */
function dictionaryNameBits(): Uint32Array {
  const bits = new Uint32Array(0x8000)
  for (const key of dictionaryNames()) {
    if (properNounForm(key) === undefined) continue
    const bit = mix(hashKey(key)) >>> 12
    bits[bit >>> 5] = bits[bit >>> 5]! | (1 << (bit & 31))
  }

  return bits
}

// Facts per spelling, remembered; emptied when large so that endless
// distinct words (hostile input) keep memory flat.
const factsLimit = 50_000
let factsMemo = new Map<string, Facts>()

function factsOf(value: string): Facts {
  let facts = factsMemo.get(value)
  if (facts) return facts
  const shape = /^(\p{L}+(?:-\p{L}+)*)(?:['’]s)?$/u.exec(value)
  const head = value.charAt(0)
  const startsName =
    /\d/.test(head) || (head !== head.toLowerCase() && head.toUpperCase() === head)

  if (shape) {
    const letters = shape[1]!
    const parts = letters.split('-')
    const first = parts.length === 1 ? 0 : 1
    let flags = shaped
    if (startsName) flags |= nameStart
    if (isLower(parts[0]!)) flags |= lowerCase
    if (isCapitalised(parts[0]!)) flags |= capitalised
    if (letters.length >= 4) flags |= long
    if (parts.length === 1 || (parts.length === 2 && prefixes.has(parts[0]!))) {
      for (let position = first; position < parts.length; position++) {
        const part = parts[position]!
        if (part.length >= 3 && isLower(part)) flags |= nameCandidate
      }
    }

    const key = letters.toLowerCase()
    facts = {
      parts,
      partsEnd: letters.length,
      key,
      hash: hashKey(key),
      flags,
      proper: null,
      commonCapitalised: undefined
    }
  } else {
    facts = {
      parts: undefined,
      partsEnd: value.length,
      key: '',
      hash: 0,
      flags: startsName ? nameStart : 0,
      proper: undefined,
      commonCapitalised: undefined
    }
  }

  if (factsMemo.size >= factsLimit) factsMemo = new Map()
  factsMemo.set(value, facts)
  return facts
}

/**
 * The dictionary's capitalised forms of a name candidate's parts (see
 * `Facts.proper`), looked up on first need.
 */
function properForms(facts: Facts): Array<string | undefined> | undefined {
  if (facts.proper !== null) return facts.proper
  let proper: Array<string | undefined> | undefined
  const parts = facts.parts
  if (parts && facts.flags & nameCandidate) {
    for (let position = parts.length === 1 ? 0 : 1; position < parts.length; position++) {
      const part = parts[position]!
      if (part.length < 3 || !isLower(part)) continue
      const form = properNounForm(part)
      if (form) {
        proper ??= []
        proper[position] = form
      }
    }
  }

  facts.proper = proper
  return proper
}

/** `e.g.`, `U.S.`, `J. Smith`, `etc.`, `Mr.`: a full stop that ends no sentence. */
function isAbbreviation(text: string, from: number, to: number): boolean {
  if (to - from === 1) return true
  for (let position = from; position < to; position++) {
    if (text.charCodeAt(position) === 46) return true
  }

  return to - from <= longestAbbreviation && abbreviations.has(text.slice(from, to).toLowerCase())
}

/**
 * A capitalised word that the dictionary knows only in lower case, in every
 * part (`Course`, `So-called`, `Negotiations`); not `West`, `May`, `Bill`.
 */
function isCommonCapitalised(word: Facts): boolean {
  word.commonCapitalised ??= commonCapitalised(word.parts)
  return word.commonCapitalised
}

function commonCapitalised(parts: string[] | undefined): boolean {
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

/** Before a word: a character of a URL, an address, a handle or a path (`/@#_\\=.:~`). */
function isPathBefore(code: number): boolean {
  return code === 46 || code === 58 || isPathAfter(code)
}

/** After a word: `/@#_\\=~`. */
function isPathAfter(code: number): boolean {
  return code === 47 || code === 64 || code === 35 || code === 95 || code === 92 || code === 61 || code === 126
}

/** `[A-Za-z0-9_]`. */
function isWordCode(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95
  )
}
