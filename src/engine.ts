/**
 * The engine: runs the prepared rules over a document piece by piece, so
 * that time and memory stay linear and flat however long the document is.
 *
 * Pieces are paragraph-sized (see `cutPieces`). When every rule's check
 * needs only what came before (`inOrder`), each piece is parsed once,
 * collected from and checked. Otherwise rules that need facts from the
 * whole document collect them from every piece first, then every piece is
 * checked: the piece trees of a short document are kept between the two
 * passes, a long one is parsed again rather than held in memory (a whole
 * nlcst tree costs ~150 bytes per character). Last, rules report what
 * needed the whole document (`finish`).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {parsePieces} from './parse.js'
import {loadDictionary} from './words.js'
import type {PreparedRules} from './preset.js'

/** Documents up to this many characters keep their trees between passes. */
const keepTreesUpTo = 256 * 1024

export function lintDocument(file: VFile, prepared: PreparedRules): void {
  const text = String(file)
  loadDictionary()
  const runs = prepared.begin()
  const collectors = runs.filter((run) => run.collect)

  if (collectors.every((run) => run.inOrder)) {
    for (const tree of parsePieces(text)) {
      for (const run of collectors) run.collect!(tree, file)
      for (const run of runs) run.check(tree, file)
    }
  } else {
    const kept: Root[] | undefined = text.length <= keepTreesUpTo ? [] : undefined
    for (const tree of parsePieces(text)) {
      for (const run of collectors) run.collect!(tree, file)
      kept?.push(tree)
    }

    for (const tree of kept ?? parsePieces(text)) {
      for (const run of runs) run.check(tree, file)
    }
  }

  for (const run of runs) run.finish?.(file)
  prepared.finish(file)
}
