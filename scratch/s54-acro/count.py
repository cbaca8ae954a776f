"""count.py: how many articles of the six development files carry an initialism
that gives no term on main (dotted "U.S.", or an undotted capital word that spells
a stop word, "US", "WHO"), and how many same-story / different-story pairs share one
(the rule of internal/cluster/initialisms.go, re-done here). Prints counts only."""
import json, re, sys, itertools, collections
S = '/work/wt/shared/bench/stories/'
src = open('/work/wt/acro/internal/text/stopwords.go').read()
stop = set(src.split('`')[1].split())
WORD = re.compile(r'(?<!\w)(?:[A-Z]\.){2,}(?!\w)|\w+')
def caps(w):
    return len(w.replace('.', '')) >= 2 and all(c.isupper() or c == '.' for c in w)
def dropped(text):
    """the initialism terms main drops: {term: set of forms}"""
    ws = WORD.findall(text)
    out = collections.defaultdict(set)
    for i, w in enumerate(ws):
        if '.' in w:
            out[w.replace('.', '').lower()].add('dotted')
        elif caps(w) and w.lower() in stop:
            if (i > 0 and caps(ws[i-1])) or (i + 1 < len(ws) and caps(ws[i+1])):
                continue
            out[w.lower()].add('undotted')
    return out
for f in ['ecbplus_dev', 'allsides_val', 'allsides_dated', 'basil', 'newswcl50', 'duc2003']:
    arts = [json.loads(l) for l in open(S + f + '.jsonl')]
    if f == 'duc2003':
        arts = [a for a in arts if a.get('cluster_kind') == 'tdt_event']
    gold = [a.get('story') or a.get('cluster') or a.get('gold') for a in arts]
    if gold[0] is None:
        print('keys', list(arts[0].keys())); sys.exit()
    d = [dropped((a.get('title') or '') + '\n' + (a.get('text') or '')) for a in arts]
    terms = collections.Counter(t for x in d for t in x)
    n_with = sum(1 for x in d if x)
    n_us = sum(1 for x in d if 'us' in x)
    same = diff = same_sh = diff_sh = same_us = diff_us = same_two = diff_two = 0
    for i, j in itertools.combinations(range(len(arts)), 2):
        sh = set(d[i]) & set(d[j])
        s = gold[i] == gold[j]
        if s: same += 1
        else: diff += 1
        if sh:
            if s: same_sh += 1
            else: diff_sh += 1
        if 'us' in sh:
            if s: same_us += 1
            else: diff_us += 1
        # written two ways: one only dotted, the other only undotted, for some shared term
        two = any(d[i][t] != d[j][t] and len(d[i][t]) == 1 and len(d[j][t]) == 1 for t in sh)
        if two:
            if s: same_two += 1
            else: diff_two += 1
    print(f"{f}: {len(arts)} articles, {n_with} with a dropped initialism ({n_us} 'us'); "
          f"top {terms.most_common(8)}; pairs same {same}: share {same_sh} (us {same_us}, written two ways {same_two}); "
          f"different {diff}: share {diff_sh} (us {diff_us}, two ways {diff_two})")
