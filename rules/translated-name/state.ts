/**
 * What the rule keeps while it reads a document: the lexicon and options it
 * starts from, and the speakers, name slots and notes on capitalised words
 * it finds, which `finish` decides on once the whole document is read.
 */
import {shape} from './facts.js'
import lexiconData from './lexicon.json' with {type: 'json'}

export interface LexiconEntry {
  surname: string
  variants?: string[]
  given?: string[]
  words: string[]
  cyrillic?: string
  /**
   * `attested` and `reported` entries may fix on their own in a document
   * about the region, `plausible` ones only when the document names the
   * person; `user` entries (the `lexicon` option) fix wherever they are in a
   * name slot.
   */
  evidence?: 'attested' | 'reported' | 'plausible' | 'user'
}

export interface Options {
  /** More surnames MT translates; they fix in any document. */
  lexicon?: LexiconEntry[]
  /** How far back (in characters) a speaker may be named. Default 3000. */
  window?: number
}

export interface State {
  entries: Map<string, Array<Required<LexiconEntry>>>
  window: number
  /** What the document shows about its capitalised words, where it shows anything. */
  notes: Map<string, Notes>
  /** Spellings of the lexicon's surnames (surname and variants), and their length, first and last letter. */
  spellings: Set<string>
  spellingShapes: Set<number>
  /** Those of them the document uses. */
  present: Set<string>
  /** The document's runs of two or more capitalised words, each once. */
  nameRuns: Map<string, NameRun>
  /** The name slots that hold a capitalised word, in document order. */
  slots: Slot[]
  /**
   * Speakers in document order. The speakers before a slot are looked up
   * when its paragraph is read (see `collectParagraph`), so those more than
   * `window` characters back are dropped (`dropOldSpeakers`) and memory
   * stays flat.
   */
  speakers: Speaker[]
  /** The document is about Russia, Ukraine or Belarus. */
  slavic: boolean
}

export function createState(options: Options | undefined): State {
  const entries = new Map<string, Array<Required<LexiconEntry>>>()
  const all = [
    ...(lexiconData.entries as LexiconEntry[]),
    ...(options?.lexicon ?? []).map((entry) => ({...entry, evidence: 'user' as const}))
  ]
  for (const entry of all) {
    const full: Required<LexiconEntry> = {
      variants: [],
      given: [],
      cyrillic: '',
      evidence: 'plausible',
      ...entry
    }
    for (const word of full.words) {
      const list = entries.get(word) ?? []
      list.push(full)
      entries.set(word, list)
    }
  }

  const spellings = new Set<string>()
  for (const list of entries.values()) {
    for (const entry of list) {
      for (const spelling of [entry.surname, ...entry.variants]) spellings.add(spelling)
    }
  }

  return {
    entries,
    window: options?.window ?? 3000,
    notes: new Map(),
    spellings,
    spellingShapes: new Set([...spellings].map((spelling) => spellingShape(spelling))),
    present: new Set(),
    nameRuns: new Map(),
    slots: [],
    speakers: [],
    slavic: false
  }
}

/**
 * A run of capitalised words in a speaker's place (`analyst Pavel Usov`,
 * `Usov said`). Whether it is a name, and so a speaker, the dictionary says
 * when that is first asked (`speakerStart`).
 */
export interface Speaker {
  words: string[]
  /** Where each word starts. */
  starts: number[]
  /** Whether the run is a speaker if the name starts at each word (see `beforeSpeaker`). */
  speaks: boolean[]
  /** Where the name starts (-1: no speaker), once asked. */
  start?: number
}

/**
 * A capitalised word in a name slot (see `findSlot`), found while its
 * paragraph's tokens are at hand; whether it is a translated name needs the
 * whole document and is decided in `finish`.
 */
export interface Slot {
  word: string
  /** Where the replaced text starts (at `a` in `concludes a Mustache`). */
  start: number
  end: number
  kind: 'verb' | 'given' | 'initial' | 'headline' | 'role'
  /** An article (`a`, `an`) is part of the replaced text. */
  article: boolean
  /** For a lexicon word after its person's given name (`Dmitry Sands`): that person. */
  givenEntry: Required<LexiconEntry> | undefined
  /** Surnames of the speakers named before it, most recent first (`recentSpeakers`). */
  speakers?: string[]
}

/** What the document shows about a capitalised word (or a hyphenated name). */
export interface Notes {
  /** Used mid-sentence outside any name slot (`of Meta`, `Meta's shares`). */
  nameUse: boolean
  /** Shown to be a real surname (`Mr Frost`). */
  realName: boolean
  /**
   * The capitalised words written right before it (`Tom` of `Tom Green`):
   * it is a real surname if one of them is a given name, which the
   * dictionary is asked only about the few words found in a slot.
   */
  givenBefore: Set<string> | undefined
  /**
   * The runs of capitalised words it would be part of the name of (`Xi` of
   * `President Xi Jinping`); whether a run is a name is asked the same way.
   */
  runs: NameRun[] | undefined
}

export interface NameRun {
  words: string[]
  /** Whether the run is a name (see `nameStart`), once asked. */
  name?: boolean
}

/**
 * Whether `word` is a spelling of a lexicon surname; most words differ from
 * all of them in length, first or last letter, which is cheaper to see.
 */
export function mayBeSpelling(state: State, word: string): boolean {
  return state.spellingShapes.has(spellingShape(word)) && state.spellings.has(word)
}

function spellingShape(word: string): number {
  return shape(word.length, word.charCodeAt(0), 0, word.charCodeAt(word.length - 1))
}

/** How the document spells the lexicon entry's surname, if it names it. */
export function spelledInDocument(entry: Required<LexiconEntry>, state: State): string | undefined {
  for (const spelling of [entry.surname, ...entry.variants]) {
    if (state.present.has(spelling)) return spelling
  }

  return undefined
}
