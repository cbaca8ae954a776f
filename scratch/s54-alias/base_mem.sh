#!/bin/bash
# base memberships with the held-out fold models, own order and shuffles 1,2
B=$1; OUT=$2
for f in ecbplus_dev allsides_val allsides_dated basil newswcl50 duc2003; do
 m=$f; [ $f = duc2003 ] && m=duc2003-tdt_event
 for sh in 0 1 2; do
  nice $B eval cluster --model /tmp/s52-base/cfolds/without-$m.json --shuffle $sh --memberships $OUT/mem-$f-$sh.jsonl /work/wt/shared/bench/stories/$f.jsonl > $OUT/res-$f-$sh.txt 2>&1
 done
done
