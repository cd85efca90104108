// PROV part of dataset.ttl: the build is a prov:Activity that used every file it read (each
// with its SHA-256) and the pipeline at its version, and generated each dump (dcat.ts says
// prov:wasGeneratedBy on each distribution). It has no start or end time: a time would come
// from the clock, and two builds of one release must give the same bytes.

import { GraphBuilder, iri, plain, text, typed } from '../map/graph.ts';
import { DCAT, DCT, PROV, RDFS, SCHEMA } from '../map/vocab.ts';
import type { Described } from './dataset.ts';
import { addChecksum } from './spdx.ts';

export function describeBuild(g: GraphBuilder, d: Described): void {
  const { iris, release: r } = d;
  const B = iris.build(r.version);
  g.types(B, PROV('Activity'));
  g.add(B, RDFS('label'), text(`Construction de la version ${r.version} d'iscm-lod`, 'fr'), text(`Build of iscm-lod release ${r.version}`, 'en'));

  const P = iris.pipeline(d.pipelineVersion);
  g.types(P, PROV('Entity'), SCHEMA('SoftwareSourceCode'));
  g.add(P, RDFS('label'), text(`Chaîne de traitement iscm-lod ${d.pipelineVersion}`, 'fr'), text(`iscm-lod pipeline ${d.pipelineVersion}`, 'en'));
  g.add(P, SCHEMA('version'), plain(d.pipelineVersion));
  g.add(B, PROV('used'), iri(P));

  for (const f of d.inputs) {
    const F = iris.buildInput(r.version, f.path);
    g.types(F, PROV('Entity'));
    g.add(F, DCT('identifier'), plain(f.path));
    g.add(F, DCAT('byteSize'), typed(f.bytes, 'nonNegativeInteger'));
    addChecksum(g, iris, F, f.sha256);
    g.add(B, PROV('used'), iri(F));
  }
}
