/**
 * The rule registry: every rule the `mtlint` preset attaches, in the order
 * they run. Each rule is a retext plugin in `rules/<id>/index.ts`, with its
 * doc in `rules/<id>/README.md`.
 */
import type {Root} from 'nlcst'
import type {Plugin} from 'unified'
import type {VFileMessage} from 'vfile-message'
import {paragraphsWithWideSpace, sentencesWithArticle, sentencesWithRepeat} from './narrow.js'
import {doubledFunctionWord} from './repeated-words/fix.js'
import retextIndefiniteArticle from 'retext-indefinite-article'
import retextRepeatedWords from 'retext-repeated-words'
import retextSentenceSpacing from 'retext-sentence-spacing'
import numberFormat from './number-format/index.js'
import mixedScript from './mixed-script/index.js'
import spacing from './spacing/index.js'
import strayCapitalisation from './stray-capitalisation/index.js'
import translatedName from './translated-name/index.js'
import nameConsistency from './name-consistency/index.js'
import dashAttribution from './dash-attribution/index.js'
import calque from './calque/index.js'
import sourceName from './source-name/index.js'
import sourceNumbers from './source-numbers/index.js'
import untranslated from './untranslated/index.js'

export interface RuleDefinition {
  /** The rule id: the `ruleId` of its messages and its key in options. */
  id: string
  /** One line for the rules list. */
  description: string
  plugin: Plugin<[any?], Root>
  /**
   * For plugins from the ecosystem: their messages are re-labelled as
   * mtlint's (`source`, `ruleId`, `url`), and `fix` is set as given here.
   * `narrow`, with default options, hands the plugin only the part of a
   * tree where it can fire: the same findings, without walking every node.
   */
  /**
   * Off unless a config turns it on (`rules: {id: true}`): for rules that
   * are not about MT errors and cost more than they find.
   */
  off?: boolean
  external?: {
    /** Whether a message's `expected[0]` is safe to apply. */
    fix: boolean | ((message: VFileMessage) => boolean)
    narrow?: (tree: Root) => Root
  }
}

export const rules: RuleDefinition[] = [
  {
    id: 'repeated-words',
    description: 'A word repeated by mistake (`the the`), from retext-repeated-words.',
    plugin: retextRepeatedWords as Plugin<[any?], Root>,
    external: {fix: doubledFunctionWord, narrow: sentencesWithRepeat}
  },
  {
    id: 'indefinite-article',
    description: '`a` where `an` is needed and the reverse, from retext-indefinite-article (off by default).',
    plugin: retextIndefiniteArticle as Plugin<[any?], Root>,
    external: {fix: true, narrow: sentencesWithArticle},
    off: true
  },
  {
    id: 'sentence-spacing',
    description: 'More than one space between sentences, from retext-sentence-spacing.',
    plugin: retextSentenceSpacing as Plugin<[any?], Root>,
    external: {fix: true, narrow: paragraphsWithWideSpace}
  },
  {
    id: 'stray-capitalisation',
    description: 'Case left on the wrong word: `of Course` at a sentence start, `mostly Pro-Russian`, `the kremlin`.',
    plugin: strayCapitalisation as Plugin<[any?], Root>
  },
  {
    id: 'translated-name',
    description: 'A surname MT rendered as a common word: `concludes a Mustache` (Usov), `said Sands` (Peskov).',
    plugin: translatedName as Plugin<[any?], Root>
  },
  {
    id: 'name-consistency',
    description: 'One name spelled two ways in a document (`Lukashenka`/`Lukashenko`): the majority spelling for the others.',
    plugin: nameConsistency as Plugin<[any?], Root>
  },
  {
    id: 'dash-attribution',
    description: 'Direct speech punctuated with Russian dashes: `…of Russia, — he said.`, `“Too early” – he said`, `…discuss this concludes Jerman.`',
    plugin: dashAttribution as Plugin<[any?], Root>
  },
  {
    id: 'calque',
    description: 'Word-for-word translations of Russian, Ukrainian, Polish and German phrases: `in the frames of`, `for last two weeks`, `make a photo`, `Of: <Name>`.',
    plugin: calque as Plugin<[any?], Root>
  },
  {
    id: 'number-format',
    description: 'Source-language number formats: decimal comma (`3,5 million`), spaced thousands (`1 000 000`), `mln`/`bln`, `№`.',
    plugin: numberFormat as Plugin<[any?], Root>
  },
  {
    id: 'mixed-script',
    description: 'Cyrillic look-alike letters in English words (`Мoscow`), and Cyrillic left untranslated.',
    plugin: mixedScript as Plugin<[any?], Root>
  },
  {
    id: 'spacing',
    description: 'Spacing artefacts: `said,Russia`, `word ,`, `“ word”`, guillemets `«…»`, `etc..`.',
    plugin: spacing as Plugin<[any?], Root>
  },
  {
    id: 'source-name',
    description: 'A name of the Cyrillic source translated as a common word (`Усов` → `a Mustache`); needs the source (PO, XLIFF, `--source`).',
    plugin: sourceName as Plugin<[any?], Root>
  },
  {
    id: 'source-numbers',
    description: 'A number that is not in the source (`3,5` → `35`); needs the source (PO, XLIFF, `--source`).',
    plugin: sourceNumbers as Plugin<[any?], Root>
  },
  {
    id: 'untranslated',
    description: 'A translation identical to its non-English source; needs the source (PO, XLIFF, `--source`).',
    plugin: untranslated as Plugin<[any?], Root>
  }
]
