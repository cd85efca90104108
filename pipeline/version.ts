// The pipeline's own version, from package.json: the build's provenance (serialize/prov.ts)
// names the code that made a release as well as the files it read.

import pkg from '../package.json' with { type: 'json' };

export const PIPELINE_VERSION: string = pkg.version;
