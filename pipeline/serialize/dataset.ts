// output/dataset.ttl: the dataset's description of itself (DCAT 3, VoID, PROV), built from the
// release file and from the bytes of the files it describes. It cannot describe itself without
// a checksum cycle; SHA256SUMS (checksums.ts) covers it instead (docs/dataset.md).

import { Writer, type Quad } from 'n3';
import type { Iris } from '../iri.ts';
import type { SourceFileInfo } from '../load/index.ts';
import { locate } from '../load/yaml.ts';
import { GraphBuilder, type RecordGraph } from '../map/graph.ts';
import { SPDX } from '../map/vocab.ts';
import type { Release } from '../validate/release.ts';
import type { Digest } from './checksums.ts';
import { describeCatalog } from './dcat.ts';
import { describeBuild } from './prov.ts';
import { prefixes } from './turtle.ts';
import { describeStatistics, type DataStatistics } from './void.ts';

export interface Described {
  release: Release;
  iris: Iris;
  /** What the dumps hold, counted (void.ts statisticsOf, summed over the graph's parts). */
  statistics: DataStatistics;
  /** The ontology as published (serialize/ontology.ts). */
  ontology: readonly Quad[];
  /** Every file written so far, by path under output/, with its size and SHA-256. */
  files: ReadonlyMap<string, Digest>;
  /** Paths of the data dumps and of the published ontology, each a distribution. */
  dumps: readonly string[];
  ontologyFiles: readonly string[];
  /** Path of the ontology's documentation page, its landing page. */
  ontologyPage: string;
  /** Every file the build read (pipeline/load). */
  inputs: readonly SourceFileInfo[];
  pipelineVersion: string;
}

export function describeRelease(d: Described): RecordGraph {
  const g = new GraphBuilder('dataset');
  // A violation of ontology/shapes-metadata.ttl points at the part of the release file it comes from.
  const at = (path: string[]) => locate(d.release.source, path);
  g.at(d.iris.catalog, at(['catalog']));
  g.at(d.iris.dataset, at(['title']));
  g.at(d.iris.publisher(d.release.publisher.id), at(['publisher']));
  g.at(d.iris.sparqlService, at(['sparql_endpoint']));
  d.release.reused.forEach((u, i) => g.at(d.iris.reusedDataset(u.id), locate(d.release.source, ['reused', i])));
  describeCatalog(g, d);
  describeStatistics(g, d);
  describeBuild(g, d);
  return g.build();
}

export function describedTurtle(triples: Quad[], iris: Iris): Promise<string> {
  const writer = new Writer({ prefixes: { ...prefixes(iris), spdx: SPDX('') } });
  writer.addQuads(triples);
  return new Promise((resolve, reject) => writer.end((err, out) => (err ? reject(err) : resolve(out))));
}
