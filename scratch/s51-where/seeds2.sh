#!/bin/bash
# seeds2.sh W FILE: orders 3-10 with the s49 fold model and lead_names_apart W
S=/work/shared/bench/stories; w=$1; f=$2
for o in 3 4 5 6 7 8 9 10; do
 r=$(nice /tmp/s51-where/sl eval cluster --model /tmp/s51-where/m/w$w-$f.json --shuffle $o $S/$f.jsonl 2>&1 | grep "B3" | sed 's/.*B3/B3/;s/pairwise.*//')
 echo "w=$w $f o=$o $r"
done
