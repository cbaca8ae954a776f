package text

// IsStopWord reports whether the lower-case word w is a function word in one of
// the languages storyline meets most (English, German, French, Spanish,
// Italian, Portuguese, Russian). Stop words are dropped from index terms; the
// extractors do not rely on them alone.
func IsStopWord(w string) bool { return stopWords[w] }

var stopWords = toSet(`
a about above after again against all almost also although always am among an and another any are around as at
back be became because become been before being below between both but by can could did do does doing done down
during each either else enough even ever every few for from further get gets got had has have having he her here
hers herself him himself his how however i if in into is it its itself just last least less like made make many
may me might more most much must my myself near neither never new no nor not now of off often on once one only
or other others our ours ourselves out over own per perhaps quite rather said same says see seen several she
should since so some still such than that the their theirs them themselves then there these they this those
though through thus to too toward towards under until up upon us very via was we well were what when where
whether which while who whom whose why will with within without would yet you your yours yourself yourselves
der die das den dem des ein eine einer eines einem einen und oder aber nicht ist sind war waren wird werden hat
haben mit von zu zur zum im in auf für an aus bei nach über unter vor durch sich auch als wie dass es er sie wir
ihr ich noch nur so schon wenn um bis am beim vom
le la les un une des du de et ou mais ne pas est sont était été sera ont avait avec pour par sur dans au aux ce
cette ces qui que quoi dont il elle ils elles nous vous je se sa son ses leur leurs plus comme en y
el los las unos unas del al y o pero no es son fue era ser ha han con por para sobre entre su sus lo que como
más se le les ya muy
il lo gli uno una di da dei delle della dello e ma non è sono era ha hanno con per su tra fra che chi come più
o os as um uma do da dos das em no na nos nas é são foi com por para sobre que mais ao
и в во не что он она оно они на я с со как а то все так его но да ты к у же вы за бы по только ее мне было вот
от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был была были него до вас нибудь
опять уж вам ведь там потом себя ничего ей может тут где есть надо ней для мы тебя их чем сам чтобы без будто
чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем
это при
`)
