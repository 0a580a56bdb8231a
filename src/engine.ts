/**
 * The engine: runs the prepared rules over a document piece by piece, so
 * that time and memory stay linear and flat however long the document is.
 *
 * Pieces are paragraph-sized (see `cutPieces`). Rules that need facts from
 * the whole document collect them from every piece first, then every piece
 * is checked. The piece trees of a short document are kept between the two
 * passes; a long one is parsed again for the second pass rather than held
 * in memory (a whole nlcst tree costs ~150 bytes per character).
 */
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {parsePieces} from './parse.js'
import type {PreparedRules} from './preset.js'

/** Documents up to this many characters keep their trees between passes. */
const keepTreesUpTo = 256 * 1024

export function lintDocument(file: VFile, prepared: PreparedRules): void {
  const text = String(file)
  const runs = prepared.begin()
  const collectors = runs.filter((run) => run.collect)
  let kept: Root[] | undefined

  if (collectors.length > 0) {
    kept = text.length <= keepTreesUpTo ? [] : undefined
    for (const tree of parsePieces(text)) {
      for (const run of collectors) run.collect!(tree, file)
      kept?.push(tree)
    }
  }

  for (const tree of kept ?? parsePieces(text)) {
    for (const run of runs) run.check(tree, file)
  }

  prepared.finish(file)
}
