/**
 * V8 settings for mtlint's own processes (the CLI, the language server and
 * the bench), imported first so that they hold before any text is read.
 *
 * The engine parses a document piece by piece and drops each piece's tree
 * before the next, so nearly every object dies young. V8's allocation-site
 * pretenuring samples which sites' objects survive a young-generation
 * collection; when one happens while a piece's tree is still being read, it
 * can judge the parser's sites long-lived and from then on allocate every
 * tree in the old generation, where only a full collection frees it. On
 * 8 MB of text that doubled the peak memory (~200 MB → ~400 MB), at random
 * from run to run. Turning pretenuring off keeps trees in the young
 * generation; it changes nothing else.
 *
 * A library cannot change a host's V8 flags for it: programs that call
 * `check` on very large texts can start node with
 * `--no-allocation-site-pretenuring` themselves.
 */
import v8 from 'node:v8'

v8.setFlagsFromString('--no-allocation-site-pretenuring')
