#!/bin/bash
# held.sh BIN OUT : the base fold models (/tmp/s52-base/cfolds, fit held still) on the six files, orders 0-2 (0-10 for the undated two)
B=$1; OUT=$2; mkdir -p $OUT
for f in ecbplus_dev allsides_val allsides_dated basil newswcl50 duc2003; do
 m=$f; [ $f = duc2003 ] && m=duc2003-tdt_event
 orders="0 1 2"; [ $f = ecbplus_dev -o $f = allsides_val ] && orders="0 1 2 3 4 5 6 7 8 9 10"
 for sh in $orders; do
  nice $B eval cluster --model /tmp/s52-base/cfolds/without-$m.json --shuffle $sh --memberships $OUT/mem-$f-$sh.jsonl /work/wt/shared/bench/stories/$f.jsonl > $OUT/res-$f-$sh.txt 2>&1
 done
done
echo done > $OUT/DONE
