"""moved.py BASE VARIANT FILE ORDER: the pairs a variant's memberships moved against the base's
(same-story pairs joined / split, different-story pairs joined / split), counts only."""
import json, sys, itertools
def load(p):
    m = {}
    for l in open(p):
        r = json.loads(l)
        if r.get('gold') is None:
            continue
        m[r['id']] = (r['story'], r['gold'])
    return m
b, v = load(sys.argv[1]), load(sys.argv[2])
ids = sorted(set(b) & set(v))
c = {'same joined': 0, 'same split': 0, 'diff joined': 0, 'diff split': 0}
for i, j in itertools.combinations(ids, 2):
    same = b[i][1] == b[j][1]
    jb, jv = b[i][0] == b[j][0], v[i][0] == v[j][0]
    if jb == jv:
        continue
    c[('same ' if same else 'diff ') + ('joined' if jv else 'split')] += 1
print(sys.argv[3], sys.argv[4], c)
