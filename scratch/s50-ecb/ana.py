import json,sys,collections
S='../shared/bench/stories/'
gold={}
for f in ['ecbplus_dev','allsides_val']:
    for l in open(S+f+'.jsonl'):
        d=json.loads(l); gold[d['id']]=(f,d['cluster'])
def rows(fn):
    for l in open(fn):
        d=json.loads(l)
        ga=gold[d['a']]; gn=gold[d['near']]
        mg=collections.Counter(gold[m] for m in d['members']).most_common(1)[0][0]
        d['same_near']= ga==gn; d['same_story']= ga==mg
        yield d
thr=0.2
for fn in sys.argv[1:]:
    R=[d for d in rows(fn) if d['p']>=0.15]
    print(fn, len(R))
    def clash(d,k):
        a,b,s={'days':('fd','gd',None),'figs':('ff','gf','fsf'),'dates':('fdt','gdt','sdt'),'nums':('fn','gn','sn'),'years':('fy','gy','sy')}[k]
        if k=='days': return d['fd']!=0 and d['gd']!=0 and (d['fd']&d['gd'])==0
        return d[a]>0 and d[b]>0 and d[s]==0
    for label,sel in [('n==1',lambda d:d['n']==1),('n>=2',lambda d:d['n']>=2)]:
        for same in (True,False):
            X=[d for d in R if sel(d) and d['same_story']==same]
            if not X: continue
            out=[label,'same' if same else 'DIFF',len(X)]
            for k in ['days','figs','dates','nums','years']:
                out.append('%s %d'%(k,sum(clash(d,k) for d in X)))
            out.append('union %d'%sum(d['union']>0 for d in X)); out.append('nearc %d'%sum(d['nearc']>0 for d in X))
            ni=[d['nameIn']/d['nameTot'] for d in X if d['nameTot']>0]; nb=[d['nameBack']/d['nameBackTot'] for d in X if d['nameBackTot']>0]
            import statistics as st
            out.append('nameIn med %.2f q25 %.2f'%(st.median(ni),st.quantiles(ni,n=4)[0]) if len(ni)>2 else '')
            out.append('nameBack med %.2f q25 %.2f'%(st.median(nb),st.quantiles(nb,n=4)[0]) if len(nb)>2 else '')
            print('  ',*out)
