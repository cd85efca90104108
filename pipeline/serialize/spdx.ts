// The SPDX checksum node that DCAT uses for a file's SHA-256, shared by the distributions
// (dcat.ts) and the build's input files (prov.ts).

import type { Iris } from '../iri.ts';
import { GraphBuilder, iri, typed } from '../map/graph.ts';
import { SPDX } from '../map/vocab.ts';

export function addChecksum(g: GraphBuilder, iris: Iris, of: string, sha256hex: string): void {
  const C = iris.checksum(of);
  g.types(C, SPDX('Checksum'));
  g.add(C, SPDX('algorithm'), iri(SPDX('checksumAlgorithm_sha256')));
  g.add(C, SPDX('checksumValue'), typed(sha256hex, 'hexBinary'));
  g.add(of, SPDX('checksum'), iri(C));
}
