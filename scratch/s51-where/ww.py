import json,sys,re,math,collections
S='/work/shared/bench/stories/'
STOP=set("""the a an and or but in on at of to for with by from as is was are were be been he she it they we i you his her their its our this that these those there here when where what who which while after before mr mrs ms dr jr sr st said says monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december it's also not no new one two three first last more most some all any if than then so yet both each other such only just about into over under up down out off can could would should will may might must do does did has have had   ap reuters afp cnn associated press update updated""".split())
def sents(t):
    return [s for s in re.split(r'(?<=[.!?])\s+',t.replace('\n',' ')) if s.strip()]
def words(s): return re.findall(r"[A-Za-z][A-Za-z'\-\.]*[A-Za-z]|[A-Za-z]",s)
def lead_names(a, nlead=2):
    out=set()
    ss=sents(a.get('text') or '')[:nlead]
    for k,s in enumerate(ss):
        ws=words(s)
        for i,w in enumerate(ws):
            if i==0 and not (k==0 and w.isupper() and len(w)>2): continue  # dateline kept
            if len(w)<2 or not w[0].isupper(): continue
            lw=w.lower().strip('.')
            if lw in STOP: continue
            out.add(lw)
    # headline words (title case: only if not first word and not all title-case headline?)
    t=a.get('title') or ''
    ws=words(t)
    tc = sum(1 for w in ws if w[0].isupper())>0.6*max(1,len(ws))
    if not tc:
        for i,w in enumerate(ws):
            if i==0 or not w[0].isupper(): continue
            lw=w.lower().strip('.')
            if lw not in STOP: out.add(lw)
    return out
def load(f):
    arts={}
    for l in open(S+f+'.jsonl'):
        a=json.loads(l); arts[a['id']]=a
    return arts
def prep(f):
    arts=load(f)
    ln={i:lead_names(a) for i,a in arts.items()}
    df=collections.Counter()
    for s in ln.values(): df.update(s)
    N=len(arts)
    idf={k:math.log((N+1)/(v+1))+1 for k,v in df.items()}
    gold={}
    return arts,ln,idf
def share(A,B,idf):
    # IDF-weighted share of A's names that B gives
    tot=sum(idf[x] for x in A)
    if tot==0: return None
    return sum(idf[x] for x in A if x in B)/tot
def replay(stepsf):
    stories=collections.defaultdict(list); where={}
    for l in open(stepsf):
        r=json.loads(l)
        k=r['kind']
        snap={'stories':None}
        if k in('new','join'):
            yield r, list(stories[r['story']])
            stories[r['story']].append(r['article']); where[r['article']]=r['story']
        elif k=='merge':
            yield r, (list(stories[r['story']]), list(stories[r['other']]))
            for a in list(stories[r['other']]):
                stories[r['story']].append(a); where[a]=r['story']
            stories[r['other']]=[]
        else:
            yield r, None
            for a in r.get('moved') or []:
                s=where.get(a)
                if s and a in stories[s]: stories[s].remove(a)
                stories[r.get('other') or r['story']].append(a); where[a]=r.get('other') or r['story']
