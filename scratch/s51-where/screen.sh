#!/bin/bash
# screen.sh W FILE... : the s49-ecb fold models with lead_names_apart W, each order
W=$1; shift
S=/work/shared/bench/stories; F=/tmp/s49-ecb/folds
mkdir -p /tmp/s51-where/m
for f in "$@"; do
  python3 -c "import json,sys;m=json.load(open('$F/without-$f.json'));m['lead_names_apart']=$W;json.dump(m,open('/tmp/s51-where/m/w$W-$f.json','w'))"
  for o in 0 1 2; do
    r=$(nice /tmp/s51-where/sl eval cluster --model /tmp/s51-where/m/w$W-$f.json --shuffle $o --placement-log /tmp/s51-where/st-w$W-$f-$o.jsonl $S/$f.jsonl 2>&1 | grep "B3" | sed 's/.*B3/B3/;s/pairwise.*//')
    echo "w=$W $f o=$o $r"
  done
done
