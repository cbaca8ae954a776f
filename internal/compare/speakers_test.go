package compare

import (
	"testing"

	"github.com/storyline-news/storyline/internal/news"
)

// TestSpeakers checks who the quotes of short articles are given to. The
// articles are written for the test; each case is one way news attributes
// words.
func TestSpeakers(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // speaker of each quote, in order
	}{
		{"name after the quote",
			"“We will rebuild the bridge this year,” Mayor Ada Marsh said on Monday.",
			[]string{"Ada Marsh"}},
		{"someone of the possessor's is not the possessor",
			"Ada Marsh resigned on Monday.\n\n“She will not comment,” her spokesman said.\n\n“We are proud of her,” her family said.",
			[]string{"", ""}},
		{"someone of the possessor's named with that noun",
			"Ada Marsh resigned on Monday, said spokesman Tomas Brandt.\n\n“She will not comment,” her spokesman said.",
			[]string{"Tomas Brandt"}},
		{"a relative of the possessor's is not the possessor",
			"Ada Marsh died on Monday.\n\n“She was kind,” her mother said.\n\n“She was brave,” her daughter said.",
			[]string{"", ""}},
		{"a husband of the possessor's is not the last man named",
			"Ada Marsh died on Monday. Mr. Kroon, her neighbour, called the police.\n\n“She was kind,” her husband said.",
			[]string{""}},
		{"a relative of the possessor's named with that noun",
			"Ada Marsh died on Monday. Her husband, Tomas Brandt, spoke later.\n\n“She was kind,” her husband said.",
			[]string{"Tomas Brandt"}},
		{"verb before the name",
			"“We will rebuild the bridge this year,” said Ada Marsh, the mayor of Calder.",
			[]string{"Ada Marsh"}},
		{"name and verb before the quote",
			"Ada Marsh, the mayor, told reporters: “We will rebuild the bridge this year.”",
			[]string{"Ada Marsh"}},
		{"pronoun of the right gender",
			"Ada Marsh met Tomas Brandt on Monday. Mr. Brandt said little.\n\n“We will rebuild the bridge this year,” she said.",
			[]string{"Ada Marsh"}},
		{"pronouns go on with the speaker of the quotes before",
			"Tomas Brandt spoke first.\n\n“The bridge is closed,” Mr. Brandt said. Saying Ada Marsh had agreed, he said it was “the only safe choice for now.”\n\n“We will rebuild it,” he added.",
			[]string{"Tomas Brandt", "Tomas Brandt", "Tomas Brandt"}},
		{"a surname with a title is the person of that gender",
			"Bill Clinton and Hillary Rodham Clinton released their returns.\n\n“We have been fortunate in every way,” Mrs. Clinton said.",
			[]string{"Hillary Rodham Clinton"}},
		{"a surname alone is the person named most",
			"Ted Cruz spoke in Houston. Ted Cruz had criticised a photo of his wife, Heidi Cruz.\n\n“I will tell the truth,” Cruz said.",
			[]string{"Ted Cruz"}},
		{"a pronoun in a sentence opened by a person's 's is that person",
			"The plan gives Piet Kroon, the harbour master, broad powers.\n\nMayor Ada Marsh's wish for support was plain when she named three allies, although she insisted that “they do not decide.”",
			[]string{"Ada Marsh"}},
		{"but not when what the person has is a person",
			"Piet Kroon has defended the plan for weeks. Tomas Brandt's spokesman posted a statement on Monday in which he called the vote “a grave mistake.”",
			[]string{"Piet Kroon"}},
		{"a pronoun after a description subject is the person described",
			"Gov. Tomas Brandt spoke on Monday.\n\nThe governor said Mayor Piet Kroon had misled voters.\n\n“We will rebuild the bridge this year,” he said.",
			[]string{"Tomas Brandt"}},
		{"a description that is only a modifier is no subject",
			"Tomas Brandt spoke on Monday.\n\nThe Republican effort comes as Mayor Piet Kroon presses for money.\n\n“We will rebuild the bridge this year,” he said.",
			[]string{"Piet Kroon"}},
		{"a plain surname is not the son when the father is known by a title",
			"President Brandt spoke on Monday. His son, Tomas Brandt Jr., stood beside him.\n\n“We will rebuild the bridge this year,” Mr. Brandt said.",
			[]string{"Brandt"}},
		{"a plain surname is not a relative named after the person of that surname",
			"Governor Tomas Brandt met the mayor on Monday, along with his wife Ada Brandt.\n\n“We will rebuild the bridge this year,” Brandt said.",
			[]string{"Tomas Brandt"}},
		{"nor the first lady named after a president known by title",
			"President Brandt and first lady Ada Brandt opened the bridge.\n\n“It took us four years,” Brandt said.",
			[]string{"Brandt"}},
		{"nor a relative described in apposition",
			"President Brandt and Ada Brandt, the first lady, opened the bridge.\n\n“It took us four years,” Brandt said.",
			[]string{"Brandt"}},
		{"a name in apposition between dashes is the pronoun's antecedent",
			"Piet Kroon was charged in Calder on Friday. His lawyer — Tomas Brandt — spoke to reporters outside the court.\n\n“We will fight the charge,” he said.",
			[]string{"Tomas Brandt"}},
		{"even with the name's own 'who' clause",
			"Piet Kroon was charged in Calder on Friday. His lawyer — Tomas Brandt, who once served as a judge — spoke to reporters outside the court.\n\n“We will fight the charge,” he said.",
			[]string{"Tomas Brandt"}},
		{"also between spaced hyphens",
			"Piet Kroon was charged in Calder on Friday. His lawyer - Tomas Brandt - spoke to reporters outside the court.\n\n“We will fight the charge,” he said.",
			[]string{"Tomas Brandt"}},
		{"but not a name in a clause between dashes",
			"Piet Kroon opened the new bridge in Calder on Friday — as did Mayor Tomas Brandt in 2010 — before a crowd of hundreds.\n\n“We waited long enough,” he said.",
			[]string{"Piet Kroon"}},
		{"a family noun with 'the' and 'of' but no name tells no relation",
			"Ada Brandt, a Liberal councillor from Calder, spoke first at the hearing. Tomas Brandt, the father of three girls, runs a bakery in Dover.\n\n“We want answers,” Brandt said.",
			[]string{"Tomas Brandt"}},
		{"but 'the wife of' a name does",
			"Governor Tomas Brandt spoke first at the hearing. Ada Brandt, the wife of Governor Brandt, sat beside him.\n\n“We want answers,” Brandt said.",
			[]string{"Tomas Brandt"}},
		{"and so does 'the wife of the governor'",
			"Governor Tomas Brandt spoke first at the hearing. Ada Brandt, the wife of the governor, sat beside him.\n\n“We want answers,” Brandt said.",
			[]string{"Tomas Brandt"}},
		{"an 'of' after a lower-case noun opens a phrase: no speaker named in it",
			"“We will appeal,” said the lawyer of Tomas Brandt.",
			[]string{""}},
		{"a capitalised family word is part of a name, no family noun",
			"Piet Kroon, a farmer, said prices fell. Mother Harbour reporter Tomas Kroon wrote about it.\n\n“Prices are rising,” Kroon said.",
			[]string{"Tomas Kroon"}},
		{"nor a priest's title",
			"Piet Kroon, a farmer, said prices fell. Father Tomas Kroon spoke at the church on Sunday.\n\n“Prices are rising,” Kroon said.",
			[]string{"Tomas Kroon"}},
		{"a relative with a description between the family noun and the name",
			"Piet Kroon will stay at Calder for one more season. He told his father, Calder coach Tomas Kroon, on Monday.\n\n“I owe the fans one more year,” Kroon said.",
			[]string{"Piet Kroon"}},
		{"a title of the relative's gender still picks the relative",
			"Governor Tomas Brandt met the mayor on Monday, along with his wife Ada Brandt.\n\n“The bridge matters to every family,” Mrs. Brandt said.",
			[]string{"Ada Brandt"}},
		{"a relative who opens a sentence as its subject may be the plain surname",
			"Tomas Brandt has coached the club for years. His son, Piet Brandt, plays for Calder and said he was pleased.\n\n“My father is ready for this,” Brandt said.",
			[]string{"Piet Brandt"}},
		{"a delegate's title Del. is no sentence end nor part of the name",
			"Democrats objected.\n\n\"This is a waste of time. It is destroying this committee,\" said Del. Ada Marsh of the Virgin Islands.",
			[]string{"Ada Marsh"}},
		{"a state's abbreviation is never a speaker",
			"Groups reacted on Monday.\n\n“Let the council know we stand with them,” tweeted the Calder, N.Y., chapter of Harbour Watch, a leader in the movement.",
			[]string{""}},
		{"a colon announces the words of the sentence's subject, whatever the verb",
			"Ada Marsh spoke first.\n\nAsked about the plan, Tomas Brandt demurred: \"I haven't given that any thought.\" Piet Kroon shot back: \"They were caught with their fingers in the till.\"",
			[]string{"Tomas Brandt", "Piet Kroon"}},
		{"but not the words of a name that does not open the main clause",
			"Ada Marsh spoke first, and fans had the same reaction when, shortly before noon, Tomas Brandt sent out the following message: \"I will be back next season.\"",
			[]string{""}},
		{"a name that modifies the title of a person named after it is no speaker",
			"Mayor Tomas Brandt spoke on Monday.\n\n“The plan will cost too much,” Brandt spokesman Piet Kroon said. “We need more time,” said Harbourwatch co-founder Ada Marsh.",
			[]string{"Piet Kroon", "Ada Marsh"}},
		{"a quote in a dash aside is not what its sentence is about",
			"Ada Marsh, the new councilwoman, spoke after Eva Stone, the mayor, on Monday.\n\nAsked for her reaction to Marsh’s “colorful language” ― the new councilwoman vowed to “stop that crook,” referring to the governor ― Stone said it was a free speech issue.\n\n“I am not in the censorship business,” she told reporters.",
			[]string{"Ada Marsh", "Eva Stone"}},
		{"nor a name in a dash aside",
			"Ada Marsh, the new councilwoman, spoke after Eva Stone, the mayor, on Monday.\n\nAsked for her reaction to Marsh’s “colorful language” ― Marsh vowed to “stop that crook,” referring to the governor ― Stone said it was a free speech issue.\n\n“I am not in the censorship business,” she told reporters.",
			[]string{"Ada Marsh", "Eva Stone"}},
		{"a dateline's dash opens no aside",
			"CALDER – Ada Marsh on Sunday urged the council – in particular its chair, Eva Stone – to wait.\n\nShe argued that the vote gave the mayor “this amazing opportunity” to seek changes.",
			[]string{"Ada Marsh"}},
		{"a relative who before the speech verb is the person named before it",
			"The visit was announced.\n\nTomas Brandt, who said in December \"the only reason I would not go there is the traffic\", tweeted the news was \"fantastic\".\n\nThe plan was backed by Ada Marsh, who told reporters that it was \"the best deal we could get.\"",
			[]string{"Tomas Brandt", "Ada Marsh"}}, // "fantastic" is a scare quote
		{"a pronoun after a sentence that a person's 's opens is that person",
			"The plan recalls a raid that Mr. Kroon considered ill-advised.\n\nMr. Brandt’s letter did not name any one ruling. Instead, it attacked Mr. Kroon’s approach as harmful.\n\nHe said the core of the city’s interests lay in “providing effective leadership to our neighbours.”",
			[]string{"Brandt"}},
		{"a participle with a colon after an earlier quote goes on with the sentence's subject",
			"The treaty was signed.\n\nTomas Brandt called the country’s admission “returning to her natural home,” saying: “It has been our destiny to rejoin those with whom we share values.”",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"a plain surname is the son when he is the only one of that name",
			"Tomas Brandt Jr. spoke on Monday.\n\n“We will rebuild the bridge this year,” Mr. Brandt said.",
			[]string{"Tomas Brandt Jr"}},
		{"a lone first name has its gender",
			"Kevin Hart slept on the sofa.\n\n“I would vote for him,” Melanie said.\n\n“I love you all,” he said.",
			[]string{"Melanie", "Kevin Hart"}},
		{"a pronoun in the sentence of a subject after an introductory phrase",
			"Ada Marsh spoke on Monday. Tomas Brandt chose her in May.\n\nIn his talk with the Gazette, Piet Kroon attacked Brandt for what he called “a failure to build anything at all.”",
			[]string{"Piet Kroon"}},
		{"a name set off by commas in an introductory phrase is not the subject",
			"After reports about his lawyer, Tomas Brandt, and a new book, Mayor Piet Kroon praised a visitor whom he called “a truly fine gentleman of the old school.”",
			[]string{"Piet Kroon"}},
		{"a pronoun before the verb is the subject, not a name in the clause before it",
			"Mayor Ada Marsh and Governor Tomas Brandt said in a joint statement that the plan \"will rebuild the bridge this year.\"\n\n\"The report also made clear the cost was not the real issue\" raised by engineer Piet Kroon, they added.",
			[]string{"Ada Marsh and Tomas Brandt", "Ada Marsh and Tomas Brandt"}},
		{"a person's name modifying an unnamed aide is no speaker, an organisation's is",
			"Ada Marsh spoke on Monday.\n\nA Marsh campaign aide, though, said \"that is a distinction without a difference\" for the city. \"The bridge will stay closed until spring,\" a Brandt administration official said. Calder Transport Department officials described the plan as \"too slow for the people of Calder.\"",
			[]string{"", "", "Calder Transport Department"}},
		{"a description before the verb is never the name between the verb and the quote",
			"The top Republican in the Calder council on Monday said Mayor Ada Marsh was “poisoning our city with false claims.”",
			[]string{""}},
		{"initials do not end the sentence of an attribution",
			"\"We're aware of the issue involving our player,\" team general manager A.J. Kowalski said in a statement.",
			[]string{"A.J. Kowalski"}},
		{"a straight quote closed by two apostrophes",
			"Tomas Brandt spoke first. \"We are trying to get away from this rut, '' Ada Marsh said in an interview. \"It seemed to us that the time had come to change course. ''",
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a speech verb reported by another is its own subject's",
			"Tomas Brandt met Mayor Ada Marsh in May.\n\nAfter Marsh agreed, Brandt said the mayor told him, \"I have always been loyal to you, always.\"\n\nPiet Kroon called the plan \"deeply troubling\" and said: \"The bridge will never be rebuilt this way.\"",
			[]string{"Ada Marsh", "Piet Kroon"}},
		{"a passive speech verb names no speaker",
			"Mayor Ada Marsh spoke on Monday.\n\nA Marsh aide said Tomas Brandt was being attacked because he has done \"an outstanding job for the city.\"",
			[]string{""}},
		{"a person named right after a quote's comma speaks it, whatever the verb, unless words before say who",
			"Mayor Ada Marsh spoke first.\n\n\"We will make no further payment on our notes until we move,\" Piet Kroon, president of Calder Dairy, notified the panel on Aug. 1.\n\nBut as they touted what Marsh called \"a very special relationship with the dairy,\" Kroon hinted at the issues.",
			[]string{"Piet Kroon", "Ada Marsh"}},
		{"a short name or title in title case is no quotation, shouting is",
			"Tomas Brandt appeared on \"Meet the Press\" and praised \"The Calder Creamery Corporation\" on Sunday. Brandt wrote that the memos showed \"NO COLLUSION and NO OBSTRUCTION,\" in capitals.",
			[]string{"Tomas Brandt"}},
		{"a verb in -ing after a quote opening the words before the next one is the sentence subject's",
			"Tomas Brandt met the mayor in May.\n\nPiet Kroon noted that Brandt \"never wrote that he felt threatened at all,\" adding that while Brandt \"went to great lengths to describe the dinner, he never mentioned the threat.\"",
			[]string{"Piet Kroon", "Piet Kroon"}},
		{"a description is the person the article names after that noun",
			"North Calder's dictator Piet Kroon met Mayor Ada Marsh in May.\n\nMarsh called him a tyrant, while the dictator described Marsh as a \"mentally deranged old crank.\"",
			[]string{"Piet Kroon"}},
		{"the vice president is never the president",
			"President Tomas Brandt spoke on Monday in the capital. The weather was cold.\n\n\"I believe that liberty means liberty for all of us,\" the former vice president said.\n\nFormer Vice President Piet Kroon spoke on Tuesday in the capital.\n\n\"Freedom is not free for anyone at all,\" the former vice president said.",
			[]string{"the former vice president", "Piet Kroon"}},
		{"a name modifying a description is not the subject a pronoun stands for",
			"Ivanka Brandt spoke on Monday.\n\nBrandt campaign spokesman Piet Kroon told reporters the plan was ready. However, he could not explain a rule mentioned by Ivanka Brandt.\n\n“We don't have the text yet,” he said.",
			[]string{"Piet Kroon"}},
		{"names after a preposition are no subject of a verb in -ing",
			"Small groups of protesters called for news of the shooting of Piet Kroon on Monday while chanting, “Hands up, don't shoot.”",
			[]string{""}},
		{"names in an aside set off by dashes, or after any preposition, are no subject of a verb in -ing",
			"Small groups of protesters marched on Monday, looping the streets around the Calder Arena - where the Calder Rovers played the Harriers - while chanting, “Hands up, don't shoot.”",
			[]string{""}},
		{"a name set off by dashes is the subject in apposition",
			"Her lawyer - Tomas Brandt - said on Monday, “We will appeal the ruling.”",
			[]string{"Tomas Brandt"}},
		{"a name and a description set off by dashes are the subject in apposition",
			"Her lawyer - the veteran attorney Tomas Brandt - said on Monday, “We will appeal the ruling.”",
			[]string{"Tomas Brandt"}},
		{"a name and an age set off by dashes are the subject in apposition",
			"Her lawyer - Tomas Brandt, 45, - said on Monday, “We will appeal the ruling.”",
			[]string{"Tomas Brandt"}},
		{"a name and a noun phrase set off by dashes are the subject in apposition",
			"Her lawyer - Tomas Brandt, a former judge - said on Monday, “We will appeal the ruling.”",
			[]string{"Tomas Brandt"}},
		{"a name in an aside with a verb set off by dashes is no subject",
			"Small groups of protesters marched on Monday - the Calder Rovers played Tomas Brandt's Harriers - while chanting, “Hands up, don't shoot.”",
			[]string{""}},
		{"a name after including set off by dashes is no subject",
			"Several council members - including Tomas Brandt - said on Monday, “We will appeal the ruling.”",
			[]string{""}},
		{"a name and its title set off by double dashes",
			"Her lawyer -- Attorney Tomas Brandt -- said on Monday, “We will appeal the ruling.”",
			[]string{"Tomas Brandt"}},
		{"a name set off by em dashes",
			"The team's owner — Tomas Brandt — told reporters, “We will build a new stadium.”",
			[]string{"Tomas Brandt"}},
		{"a name after past is an object",
			"Protesters marched past Tomas Brandt on Monday while chanting, “No more cuts.”",
			[]string{""}},
		{"a name right before a verb in -ing is its subject",
			"The ad ends with footage of Tomas Brandt saying, “That makes me smart.”",
			[]string{"Tomas Brandt"}},
		{"a speech act in -ing shares the sentence's subject",
			"Mayor Ada Marsh castigated the council on Monday, accusing it of being “corrupt, answerable to no one at all.”",
			[]string{"Ada Marsh"}},
		{"a joint statement of two people, the second with an institution in the title, and their 'they'",
			"“The order is plainly a grab for power,” Speaker Ada Marsh and Senate Democratic Leader Tomas Brandt said in a statement.\n\nThey vowed the council would “defend its authority in every court there is.”",
			[]string{"Ada Marsh and Tomas Brandt", "Ada Marsh and Tomas Brandt"}},
		{"words after an earlier quote with no subject of their own go on with the sentence's",
			"In a statement, union President Ada Marsh called the report “a cruel hoax on every school,” adding that the findings “are simply designed to sell more guns to schools.”",
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a sentence that only attributes: the verb and whom it was said to",
			"The mayor spoke on Monday.\n\n“We will not pay one single cent for the bridge!” Mr. Tomas Brandt told CNBC.",
			[]string{"Tomas Brandt"}},
		{"a sentence that only attributes: a name and its description set off by commas",
			"The council met on Monday.\n\n“Is this the way we are going to run the harbour from now on?” Representative Ada Marsh of Ohio, the opposition leader, asked at a news conference.",
			[]string{"Ada Marsh"}},
		{"a role description no one has as a title is the person who opens the sentence before",
			"Aitan Goelman said the bureau had overruled its own office.\n\n“This decision should be deeply troubling to all of us,” the attorney said.",
			[]string{"Aitan Goelman"}},
		{"the person who opens the sentence before may come after a place and a title",
			"California Rep. Tomas Brandt questioned the ruling on Friday.\n\n“The council should withdraw this decision at once,” the committee chairman said in a statement.",
			[]string{"Tomas Brandt"}},
		{"a verb in -ing with no name before it shares the clause's pronoun",
			"Ada Marsh spoke to the radio on Monday.\n\nIn that interview, she praised the \"harbour\" plan, saying it would \"bring the jobs back to the town at last.\"",
			[]string{"Ada Marsh"}},
		{"a paragraph that announces the next one's quote may open with a time phrase",
			"On Saturday afternoon, Mayor Ada Marsh defended the council's plan in a statement:\n\n“We have seen no reason to doubt the engineers' report on the bridge.”",
			[]string{"Ada Marsh"}},
		{"a quote continued in the next paragraph",
			"“The bridge is closed until spring,” said Ada Marsh.\n\n“We will rebuild it with the money we have.”",
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a dash and a name",
			"“The bridge was the heart of this town and now it is gone.” ― Tomas Brandt",
			[]string{"Tomas Brandt"}},
		{"according to",
			"According to Ada Marsh, “the bridge will be rebuilt before the winter.”",
			[]string{"Ada Marsh"}},
		{"a description with the person's title",
			"Senator Ada Marsh visited the site with Tomas Brandt.\n\n“This bridge will be rebuilt,” the senator said.",
			[]string{"Ada Marsh"}},
		{"a description with the person's rank",
			"Trooper Ada Marsh found the car with Tomas Brandt.\n\n“Nobody was hurt,” the trooper said.",
			[]string{"Ada Marsh"}},
		{"a description of a person by GloVe, who opens the sentence before",
			"Tomas Brandt will lead the rebuilding of the bridge, the board said.\n\n“The bridge comes first,” the engineer said.",
			[]string{"Tomas Brandt"}},
		{"but not someone the article never describes so",
			"The board said Tomas Brandt will lead the rebuilding of the bridge.\n\n“The bridge comes first,” the engineer said.",
			[]string{""}},
		{"no one named: no speaker",
			"“The bridge will stay closed for a year,” a spokesman said.",
			[]string{""}},
		{"a place is never the speaker",
			"In the Rose Garden, “we will build the wall very quickly,” the crowd heard.",
			[]string{""}},
		{"a document is not a person",
			"Ada Marsh spoke on Monday.\n\n“The bridge is unsafe for any traffic,” the report said.",
			[]string{""}},
		{"a joint statement is both speakers'",
			"Mayor Ada Marsh and Governor Tomas Brandt said in a joint statement, “The bridge will be rebuilt by the state and the city.”",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"a joint statement after the quote",
			"“The bridge will be rebuilt by the state and the city,” Ada Marsh and Tomas Brandt said.",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"a clause about two people does not make them the speakers",
			"Asked about Ada Marsh and Tomas Brandt, Kira Olsen said: “They have done nothing for the bridge.”",
			[]string{"Kira Olsen"}},
		{"an outlet relays someone else's words",
			"Ada Marsh met the engineers on Monday.\n\n“The bridge will be rebuilt before the winter,” according to the Calder Gazette.",
			[]string{""}},
		{"an outlet after the speaker's own verb",
			"According to the Calder Gazette, Ada Marsh said: “The bridge will be rebuilt before the winter.”",
			[]string{"Ada Marsh"}},
		{"according to a transcript",
			"“The bridge will be rebuilt before the winter,” according to a transcript released by Tomas Brandt.",
			[]string{""}},
		{"the title of a work is no quote",
			"Ada Marsh sang “Bridge Over Troubled Water” to the crowd. “We will rebuild it,” she said.",
			[]string{"Ada Marsh"}},
		{"a verb joined by and shares the speaker of the quote before",
			"Ada Marsh said on Monday, “The bridge is a blockbuster project,” and predicted, “It will open before the winter.”",
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"a participle clause after a quote is no attribution",
			"Kira Olsen vowed to “tear down that old bridge,” referring to Tomas Brandt ― Ada Marsh said it was a matter for the council.",
			[]string{"Kira Olsen"}},
		{"a quoted phrase inside a noun phrase is not attributed by a later verb",
			"The council kept its “build it once, build it right” policy after the board issued a report claiming the cost would fall.",
			[]string{""}},
		{"a closing attribution after a quoted phrase inside the sentence",
			"A clerk who “takes a handful of coins” is punished, Ada Marsh said.",
			[]string{"Ada Marsh"}},
		{"a sentence of attribution with an absolute phrase",
			"Tomas Brandt asked about the cost.\n\n“What difference, at this point, does it make?” Ada Marsh said, her voice rising.",
			[]string{"Ada Marsh"}},
		{"a possessive name does not open the sentence for a pronoun",
			"Asked about Kira Olsen’s remarks, Ada Marsh said it was a free speech issue.\n\n“I am not in the censorship business,” she told reporters.",
			[]string{"Ada Marsh"}},
		{"went on",
			"Tomas Brandt spoke to the council on Monday.\n\nHe went on, “The bridge will be rebuilt before the winter.”",
			[]string{"Tomas Brandt"}},
		{"a letter is nobody",
			"Ada Marsh received a letter from the council.\n\nThe letter goes on: “With little time left in this session, the bridge must wait.”",
			[]string{""}},
		{"an unnamed official is not the person named before",
			"Tomas Brandt, the director of the agency, defended the plan.\n\n“The plan is subject to oversight by the courts,” the official said.",
			[]string{""}},
		{"it is an organisation only when one is the subject of a recent sentence",
			"Kira Olsen writes about herself on her website, which the Senate archives.\n\n“Her mother worked many different jobs,” it says.",
			[]string{""}},
		{"a name after a preposition is an object, not the subject a pronoun stands for",
			"Ada Marsh spoke to the board on Monday.\n\n“The bridge is the heart of the town,” she said. He spoke with Kira Olsen about the cost.\n\n“It is still morning in Calder,” she said.",
			[]string{"Ada Marsh", "Ada Marsh"}},
		{"they are the two people a recent sentence opens with",
			"On Friday, Ada Marsh and Tomas Brandt released a joint statement on the bridge.\n\n“We have long been concerned about the cost,” they said.",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"they without two people named is nobody",
			"Ada Marsh met the engineers on Friday.\n\n“We have long been concerned about the cost,” they said.",
			[]string{""}},
		{"a sentence whose subject is a pronoun points further back",
			"Kira Olsen, the council chair, told reporters that she would back the plan. But she also said that Ms. Lena Voss was wrong about the cost.\n\n“I know that bridges are expensive,” she said.",
			[]string{"Kira Olsen"}},
		{"a name in a relative clause is not the subject of an -ing verb",
			"The council denied the report, which the Calder Gazette first published, telling the paper it was “the very definition of fake news.”",
			[]string{""}},
		{"a name in quoted words is not the speaker of the quote after",
			"“Your plan reflects the values of your hero, Tomas Brandt, rather than ours,” says the letter, which the members sent along with a copy of the law — “to help you understand it.”",
			[]string{"", ""}},
		{"a description, then the name, after the verb",
			"“A special session will be discussed,” said the Democratic leader of the Senate, Tomas Brandt.",
			[]string{"Tomas Brandt"}},
		{"a closing attribution after a clause that follows the quote",
			"Among the study’s conclusions is that “armed guards shorten the response time” in a shooting, Ms. Ada Marsh said.",
			[]string{"Ada Marsh"}},
		{"a clause after the quote with a long according to is no attribution",
			"Judges must withdraw where “their neutrality could fairly be doubted” ― and they did so in dozens of cases, according to a new study by a group that watches the Calder Court.",
			[]string{""}},
		{"a crowd is nobody named",
			"Ada Marsh spoke for an hour in Calder.\n\n“Build the bridge now,” her supporters chanted as she left.",
			[]string{""}},
		{"a comparison attributes words",
			"Another critic, Tomas Brandt, likened the plan to “burning the town's history” on Monday.",
			[]string{"Tomas Brandt"}},
		{"a sentence opened by a verb in -ing does not open with the name after it",
			"Radio host Tomas Brandt spoke on Saturday.\n\nWhen the crowd stopped laughing, he asked: “What are we suffering from?”\n\nSaying Mayor Ada Marsh, he said, was “too simple an answer.”",
			[]string{"Tomas Brandt", "Tomas Brandt"}},
		{"a verb in -ing followed by that after a quote is no attribution of it",
			"Tomas Brandt spoke on Monday.\n\nHe went on to call the levy “a dangerous thing” and then took a swipe at the Calder Gazette, saying that while its reporters are “biased,” he does not want it closed.",
			[]string{"Tomas Brandt"}},
		{"a quote that a thing is called by is said by no one",
			"Tomas Brandt said the photos were staged. Brandt posted a link to a video called “Behind the scenes with Ada Marsh” on Monday.\n\nWhat the mayor, Ada Marsh, called “a cheap stunt in bad taste” went on.",
			[]string{"", "Ada Marsh"}},
		{"a gendered description names no one of unknown gender or an organisation",
			"The Calder Gazette said the letter was sent to a female student in Calder.\n\nThe woman told the Gazette that she had never met Brandt, and that there had “never been any exchanges of that kind” between them.",
			[]string{""}},
		{"a quote after words put out in a medium is the subject's, not the object's",
			"Mayor Ada Marsh, a critic of the council, assailed Tomas Brandt in a tweet on Monday. “The bridge was never unsafe. Anyone who says it was is misleading the town.”",
			[]string{"Ada Marsh"}},
		{"with no medium the object is not made the speaker",
			"Mayor Ada Marsh assailed Tomas Brandt on Monday. “The bridge was never unsafe. Anyone who says it was is misleading the town.”",
			[]string{""}},
		{"on a platform is a medium",
			"Mayor Ada Marsh assailed Tomas Brandt on Twitter on Monday. “The bridge was never unsafe. Anyone who says it was is misleading the town.”",
			[]string{"Ada Marsh"}},
		{"via a video message is a medium",
			"Mayor Ada Marsh assailed Tomas Brandt via a video message on Monday. “The bridge was never unsafe. Anyone who says it was is misleading the town.”",
			[]string{"Ada Marsh"}},
		{"a statement quoted long after its speaker's quote is no one's",
			"“We will appeal,” Tomas Brandt said in a statement. The court sat on Monday. The judges heard the case. The town waited. “The ruling stands,” the statement said.",
			[]string{"Tomas Brandt", ""}},
		{"a passive subject is the target of the words in a tweet, not their author",
			"Mayor Ada Marsh was attacked in a tweet by Tomas Brandt on Monday.\n\n“She has misled the town for years and must resign.”",
			[]string{""}},
		{"a medium phrase followed by its author is passive too",
			"Mayor Ada Marsh drew scorn in a tweet by Tomas Brandt on Monday.\n\n“She has misled the town for years and must resign.”",
			[]string{""}},
		{"they after two people written after a dateline and with their party tags",
			"CALDER — Sen. Ada Marsh, D-Calif., and Sen. Tomas Brandt, R-Ore., wrote a letter on Monday. “The bridge must be rebuilt before the winter comes,” they wrote.",
			[]string{"Ada Marsh and Tomas Brandt"}},
		{"a statement's words go on with whoever put it out",
			"Calder Council said in a statement on Monday that “the bridge will reopen in the spring once the repairs are done.”\n\n“The repairs cost less than we feared,” the statement said.",
			[]string{"Calder Council", "Calder Council"}},
		{"an announcement is the statement quoted before",
			"Ada Marsh and Tomas Brandt announced the news in a joint statement on Monday. “We have decided to close the bridge for the winter,” they wrote. The announcement concluded, “We thank the town for its patience.”",
			[]string{"Ada Marsh and Tomas Brandt", "Ada Marsh and Tomas Brandt"}},
		{"a description before anyone is named is the person opening the next sentence",
			"The No. 2 Republican in the Calder council on Monday said the bridge was “a danger to every driver in town.” Councillor Ada Marsh, a critic of the mayor, spoke after the vote.",
			[]string{"Ada Marsh"}},
		{"a description after someone is named does not look ahead",
			"Tomas Brandt met the council on Monday. The No. 2 Republican on the council said the bridge was “a danger to every driver in town.” Councillor Ada Marsh spoke after the vote.",
			[]string{""}},
		{"a witness described before an official is named is not the official",
			"The woman said she saw the car speed away. “It was going far too fast for that street,” the woman said. Police Chief Ada Marsh said the driver had fled.",
			[]string{""}},
		{"a description is not the next sentence's opener who speaks for himself",
			"The No. 2 Republican in the Calder council on Monday said the bridge was “a danger to every driver in town.” Councillor Ada Marsh said the vote would be held in May.",
			[]string{""}},
		{"a statement the speaker reacted to is not his",
			"“We will appeal,” Tomas Brandt said, reacting to a statement from the council. “The ruling stands,” the statement said.",
			[]string{"Tomas Brandt", ""}},
		{"a statement another published since is not the speaker's",
			"“We will appeal,” Tomas Brandt said in a statement, which the council rejected. The council then published its own statement. “The ruling stands,” the statement said.",
			[]string{"Tomas Brandt", ""}},
		{"No. before a number ends no sentence of the subject",
			"Councillor Ada Marsh, the No. 2 Republican on the council, said on Monday that the bridge was “a danger to every driver in town.”",
			[]string{"Ada Marsh"}},
		{"a document no quote before was said in is no one's",
			"“The bridge will reopen in the spring,” Ada Marsh said on Monday.\n\n“The mayor knew of the cracks for a year,” the indictment says.\n\n“The mayor misled the council,” the report said.",
			[]string{"Ada Marsh", "", ""}},
	}
	runSpeakerCases(t, tests)
}

// TestEntityVariantsMerge checks that the forms of one name are one entity
// with the fullest name, and that titles and sentence openers stay out.
func TestEntityVariantsMerge(t *testing.T) {
	text := "President Donald J. Trump spoke in Texas on Friday. But Mr. Trump said little.\n\n" +
		"While Trump spoke, Goldman Sachs said it would not comment. House Speaker Nancy Pelosi left.\n\n" +
		"Among the guests was Trump's lawyer."
	ents := DefaultRecogniser().Entities(text)
	byName := map[string]Entity{}
	for _, e := range ents {
		byName[e.Name] = e
	}
	trump, ok := byName["Donald J. Trump"]
	if !ok || trump.Kind != news.Person || len(trump.Mentions) != 4 {
		t.Errorf("Donald J. Trump = %+v, want a person with 4 mentions; all: %+v", trump, ents)
	}
	for name, kind := range map[string]news.EntityKind{"Nancy Pelosi": news.Person, "Goldman Sachs": news.Org, "Texas": news.Place} {
		if e, ok := byName[name]; !ok || e.Kind != kind {
			t.Errorf("%s = %+v, want a %s; all: %+v", name, e, kind, ents)
		}
	}
	for _, e := range ents {
		for _, m := range e.Mentions {
			for _, bad := range []string{"But", "While", "Among", "President", "House Speaker", "Mr", "Donald J"} {
				if m.Text == bad || len(m.Text) > len(bad) && m.Text[:len(bad)+1] == bad+" " {
					t.Errorf("mention %q of %q starts with %q", m.Text, e.Name, bad)
				}
			}
		}
	}
}

func TestQuantitiesIn(t *testing.T) {
	tests := []struct {
		sentence string
		want     []Quantity
	}{
		{"Agents made 520,000 border arrests last year, up 30 percent.", []Quantity{
			{Text: "520,000", Value: 520000, Counts: "border arrests last"},
			{Text: "30 percent", Value: 30, Unit: "%"}}},
		{"The 69-year-old paid $4.5 million for No. 2 in 2017.", []Quantity{
			{Text: "69-year-old", Value: 69, Unit: "years old"},
			{Text: "$4.5 million", Value: 4.5e6, Unit: "$", Counts: ""}}},
		{"The vote is on Oct. 5.", []Quantity{{Text: "Oct. 5", Value: 5, Unit: "date"}}},
		{"No numbers here.", nil},
	}
	for _, tt := range tests {
		got := QuantitiesIn(tt.sentence, 0)
		if len(got) != len(tt.want) {
			t.Errorf("QuantitiesIn(%q) = %+v, want %+v", tt.sentence, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("QuantitiesIn(%q)[%d] = %+v, want %+v", tt.sentence, i, got[i], tt.want[i])
			}
		}
	}
}

// TestSpeakerMisfires checks shapes that look like attributions of the
// rules in TestSpeakers but are not, or that those rules must not break:
// each case is a misfire the review of session 5 found (fixtures written
// for the test).
func TestSpeakerMisfires(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // speaker of each quote, in order
	}{
		{"the president is who bears the title, not a former president named in passing",
			"President Tomas Brandt met donors on Monday. Earlier, former president Piet Kroon had criticised the plan. “We are going to cut taxes for everyone,” the president said.",
			[]string{"Tomas Brandt"}},
		{"the coach is who bears the title, not a former coach named in passing",
			"Coach Ada Marsh watched the game on Monday. Earlier, former coach Piet Kroon had praised the team. “We played hard for every minute,” the coach said.",
			[]string{"Ada Marsh"}},
		{"a two-word title is one noun: the attorney general is no general",
			"Attorney General Tomas Brandt spoke on Monday. Earlier, retired general Piet Kroon had criticised the plan. “The law applies to everyone,” the attorney general said.",
			[]string{"Tomas Brandt"}},
		{"a two-word title is one noun: the prime minister is no foreign minister",
			"Prime Minister Ada Marsh spoke on Monday. Earlier, foreign minister Piet Kroon had criticised the plan. “We will not change course,” the prime minister said.",
			[]string{"Ada Marsh"}},
		{"initials of several letters end a sentence before a first name",
			"The sanctions will hurt the U.S. Tomas Brandt said, “We will answer them in kind.”",
			[]string{"Tomas Brandt"}},
		{"words in title case with a speech verb next to them are speech, not a title",
			"Tomas Brandt spoke first.\n\n“Thank You, Mr. Mayor,” Kroon said.\n\n“Stop The Killing Now,” said Ada Marsh.",
			[]string{"Kroon", "Ada Marsh"}},
		{"a title in title case with no speech verb next to it is still no quote",
			"Tomas Brandt praised “The Calder Creamery Corporation,” the dairy he founded, on Sunday. Ada Marsh spoke at a briefing for “Take Your Children to Work Day,” noting the date.",
			nil},
		{"a name after a quoted phrase in the middle of a sentence is not its speaker",
			"The band closed with “We Will Rebuild the Bridge of the town tonight,” Piet Kroon waving to the crowd. Marchers carried signs reading “no bridge, no vote, no peace,” Ada Marsh marched in front.",
			[]string{"", ""}},
		{"a name after a quote that opens its sentence, then a participle, is not its speaker",
			"Ada Marsh spoke first.\n\n“We will rebuild the bridge of the town tonight,” Piet Kroon waving to the crowd.",
			[]string{""}},
		{"a raising passive names its subject as the speaker",
			"Tomas Brandt is said to have told aides, “Fire him now before it is too late.”\n\nAda Marsh was reported to have said that “the bridge will never open.”",
			[]string{"Tomas Brandt", "Ada Marsh"}},
		{"a colon after a clause naming a thing written on is no one's words",
			"Tomas Brandt walked past a banner held by strikers: “Pay us now.” Ada Marsh looked at the sign on the door: “Closed for the winter.”",
			[]string{"", ""}},
		{"a verb of motion before a colon still announces the subject's words",
			"Tomas Brandt went further: “We will close the port.”",
			[]string{"Tomas Brandt"}},
		{"a name after 'of' before ', who' is not who spoke",
			"Reporters spoke to the mother of Tomas Brandt, who said “He was a good boy.” They also met the coach of Sen. Ada Marsh, who told them “She never missed a game.”",
			[]string{"", ""}},
		{"a short phrase marked by the writer and credited to no one is no quote; one with a speaker is",
			"The board banned “critical race theory” from classrooms on Thursday. Tomas Brandt called the vote “a dark day” for teachers. Ada Marsh said it would “end the confusion.”",
			[]string{"Tomas Brandt", "Ada Marsh"}},
		{"a subject noun before a speech verb's -s form is its speaker's description",
			"Maria Lopez, the union leader, spoke on Monday, and the union leader warns the talks could fail. “We are close to walking out.”",
			[]string{"Maria Lopez"}},
		{"a four-word phrase of a law credited to no one is no quote",
			"Judges must withdraw where their “neutrality could be doubted” ― and they did so in dozens of cases.",
			nil},
		{"a lower-case title only people bear before a full name makes it a person",
			"“We have never seen the river this high,” said Calder mayor Piers Hollis.",
			[]string{"Piers Hollis"}},
		{"a passive of telling names no speaker",
			"Ada Marsh spoke on Monday.\n\nTomas Brandt was told to “get off the bridge before it falls down.”",
			[]string{""}},
	}
	runSpeakerCases(t, tests)
}

// runSpeakerCases checks the speaker of each quote of each case's text.
func runSpeakerCases(t *testing.T, tests []struct {
	name, text string
	want       []string
}) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Quotes(tt.text)
			var got []string
			for _, q := range qs {
				got = append(got, q.Speaker)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("quotes = %+v, want %d", qs, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("quote %d %q: speaker %q, want %q", i, qs[i].Text, got[i], tt.want[i])
				}
			}
		})
	}
}

// TestNameAfterTitleWithOfIsNoObject: the "of" of "Secretary of State"
// makes no object of the name after it; the pronoun is that person.
func TestNameAfterTitleWithOfIsNoObject(t *testing.T) {
	for _, title := range []string{"Secretary of State", "Secretary of the Interior", "Secretary of the Navy"} {
		text := "Piet Kroon spoke on Monday. The talks came days before " + title + " Tomas Brandt arrived in Calder.\n\n“We are ready for the talks,” he said."
		qs := Quotes(text)
		if len(qs) != 1 || qs[0].Speaker != "Tomas Brandt" {
			t.Errorf("%q: quotes %+v, want one by Tomas Brandt", text, qs)
		}
	}
}

// TestTitleWithOfAfterAnInvertedVerb: "said Secretary of State Tomas
// Brandt" names the speaker; the "of" of the title does not end the
// subject, and an armed service after "of the" is the title's, not an
// organisation's name ("Navy Tomas Brandt" was one).
func TestTitleWithOfAfterAnInvertedVerb(t *testing.T) {
	for _, title := range []string{"Secretary of State", "Secretary of Defense", "Secretary of the Navy", "Secretary of the Air Force", "Secretary of the Army"} {
		text := "“We want a ceasefire,” said " + title + " Tomas Brandt."
		if qs := Quotes(text); len(qs) != 1 || qs[0].Speaker != "Tomas Brandt" {
			t.Errorf("%q: quotes %+v, want one by Tomas Brandt", text, qs)
		}
		if es := groupMentions(recognise(text)); len(es) != 1 || es[0].Name != "Tomas Brandt" || es[0].Kind != news.Person {
			t.Errorf("%q: entities %+v, want the person Tomas Brandt", text, es)
		}
	}
}

// TestObjectBeforeCommaIsNoSubjectOfTheParticiple: "footage of Trump
// saying" makes Trump the subject of the verb right after him, but a comma
// between ("distance himself from Piet Kroon, saying") does not.
func TestObjectBeforeCommaIsNoSubjectOfTheParticiple(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"Tomas Brandt spoke.\n\nThe president has since moved to distance himself from Piet Kroon, saying that the lawyer handled only a “tiny little fraction” of his work.", ""},
		{"Tomas Brandt spoke.\n\nThe broadcast ends with Piet Kroon saying the lawyer handled only a “tiny little fraction” of his work.", "Piet Kroon"},
	} {
		qs := Quotes(c.text)
		if len(qs) != 1 || qs[0].Speaker != c.want {
			t.Errorf("%q: quotes %+v, want one by %q", c.text, qs, c.want)
		}
	}
}

func TestNamesAfterPrepositionsAreObjects(t *testing.T) {
	for _, p := range []string{"around", "across", "through", "near", "inside", "outside", "behind", "beyond", "within",
		"without", "along", "amid", "onto", "past"} {
		text := "Protesters marched " + p + " Tomas Brandt on Monday while chanting, “No more cuts.”"
		qs := Quotes(text)
		if len(qs) != 1 || qs[0].Speaker != "" {
			t.Errorf("%q: quotes %+v, want one without a speaker", text, qs)
		}
	}
}

// TestColonSubjectCue checks that a quote given to the subject before a
// colon carries the clause's verb as its cue, not an empty one.
func TestColonSubjectCue(t *testing.T) {
	for _, text := range []string{
		"Mayor Ada Marsh listed three priorities on Monday: “roads, schools and the bridge.”",
		"Mayor Ada Marsh also listed three priorities on Monday: “roads, schools and the bridge.”",
		"Mayor Ada Marsh, the new mayor, quickly listed three priorities: “roads, schools and the bridge.”",
	} {
		if qs := Quotes(text); len(qs) != 1 || qs[0].Speaker != "Ada Marsh" || qs[0].Cue != "listed" {
			t.Errorf("%q: got %+v, want one quote by Ada Marsh with cue \"listed\"", text, qs)
		}
	}
}
