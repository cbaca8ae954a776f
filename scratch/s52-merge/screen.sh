#!/bin/bash
# screen.sh PL PE FILE ORDERS... : base fold model of FILE with places_apart PL, people_apart PE
S=/work/shared/bench/stories; F=/tmp/s52-base/cfolds
pl=$1; pe=$2; f=$3; shift 3
m=/tmp/s52-merge/m/p$pl-q$pe-$f.json
python3 -c "import json;m=json.load(open('$F/without-$f.json'));m['places_apart']=$pl;m['people_apart']=$pe;json.dump(m,open('$m','w'))"
out=""
for o in "$@"; do
  r=$(nice ${SL:-/tmp/s52-merge/sl} eval cluster --model $m --shuffle $o $S/$f.jsonl 2>&1 | grep -o "B3 P [0-9.]* R [0-9.]* F1 [0-9.]*")
  out="$out | o$o $r"
done
echo "pl=$pl pe=$pe $f $out"
