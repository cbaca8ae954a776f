#!/bin/bash
# screen.sh BIN PL PE FILE ORDERS... : base fold model of FILE with places_apart PL, people_apart PE (s52-merge's stage)
S=/work/wt/shared/bench/stories; F=/tmp/s52-base/cfolds
bin=$1; pl=$2; pe=$3; f=$4; shift 4
mkdir -p /tmp/s54-alias/m; m=/tmp/s54-alias/m/p$pl-q$pe-$f.json
python3 -c "import json;m=json.load(open('$F/without-$f.json'));m['places_apart']=$pl;m['people_apart']=$pe;json.dump(m,open('$m','w'))"
out=""
for o in "$@"; do
  r=$(nice $bin eval cluster --model $m --shuffle $o $S/$f.jsonl 2>&1 | grep -o "F1 [0-9.]*" | head -1)
  out="$out $r"
done
echo "$(basename $bin) pl=$pl pe=$pe $f $out"
