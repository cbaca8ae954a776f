#!/bin/bash
# cmp.sh DIR...: B-cubed F1 per file and order (duc2003: the TDT events), and the 11-order mean for the undated two
for f in ecbplus_dev allsides_val allsides_dated basil newswcl50 duc2003; do
 for d in "$@"; do
  line="$f $(basename $d):"; sum=0; n=0
  for sh in 0 1 2 3 4 5 6 7 8 9 10; do
   r=$d/res-$f-$sh.txt; [ -f $r ] || continue
   if [ $f = duc2003 ]; then v=$(grep tdt_event $r | grep -o "B3 P [0-9.]* R [0-9.]* F1 [0-9.]*" | awk '{print $NF}'); else v=$(grep -o "B3 P [0-9.]* R [0-9.]* F1 [0-9.]*" $r | head -1 | awk '{print $NF}'); fi
   line="$line $v"; sum=$(echo "$sum + $v" | bc -l); n=$((n+1))
  done
  [ $n -gt 3 ] && line="$line mean $(printf %.4f $(echo "$sum / $n" | bc -l))"
  echo "$line"
 done
done
