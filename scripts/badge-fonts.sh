#!/usr/bin/env bash
# Rebuilds the badge fonts in src/Summit.Server/Infrastructure/Printing/Fonts from Debian's Noto packages (SIL OFL 1.1):
# fonts-noto-core as shipped, and the Simplified Chinese face of fonts-noto-cjk's collections subset to what the SC face
# maps (no hinting, no locl forms of the other regions). Needs root for apt-get; see docs/adr/0015-badge-text-shaping.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
OUT=src/Summit.Server/Infrastructure/Printing/Fonts
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq --no-install-recommends fonts-noto-cjk python3-fonttools > /dev/null
(cd "$WORK" && apt-get download fonts-noto-core > /dev/null && dpkg -x fonts-noto-core_*.deb core)

for family in NotoSans NotoSansArabic NotoSansHebrew NotoSansDevanagari NotoSansThai; do
    for weight in Regular Bold; do
        cp "$WORK/core/usr/share/fonts/truetype/noto/$family-$weight.ttf" "$OUT/"
    done
done
for weight in Regular Bold; do
    # Face 2 of the collection is Noto Sans CJK SC.
    /usr/bin/python3 -m fontTools.subset "/usr/share/fonts/opentype/noto/NotoSansCJK-$weight.ttc" --font-number=2 \
        --unicodes='*' --layout-features='kern,liga,ccmp,palt,halt,vert,vrt2,vkrn,vpal,vhal' --no-hinting --desubroutinize \
        --output-file="$OUT/NotoSansCJKsc-$weight.otf"
done
ls -l "$OUT"
