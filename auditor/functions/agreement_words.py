"""Word lists for grammar.agreement (auditor/functions/grammar_subject.py): the nouns and
words whose number English leaves open, and the shapes where the parser is unsure."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# nouns that take either number in British English: never a finding with a plural verb
COLLECTIVE = words("""government council team committee board party club family public
police staff crew audience band group couple company firm jury panel management union army
navy cabinet parliament side squad pair trio number total majority minority population
electorate opposition administration bank industry media press class department ministry
commission authority agency community regime church congress senate court labour
leadership office service trust association federation league organisation organization
bbc crowd network household coalition consortium institute university college school
firm family faculty generation youth clergy orchestra choir cast personnel assembly duo
quartet quintet partnership alliance brigade delegation unit squadron troupe outfit
lineup line-up camp contingent franchise xi
""")
# plural in form, singular in use, or singular in form and either number in use
EITHER = words("""news series species politics economics physics mathematics athletics
gymnastics ethics maths means headquarters crossroads whereabouts measles diabetes aids
barracks works gallows billiards darts odds thanks lens bus gas yes data media criteria
bacteria statistics logistics tactics dynamics olympics games wales brussels athens paris
texas barclays reuters jones williams philippines netherlands bahamas
""")
# heads of quantities and parts: their number is the number of what follows "of"
QUANTITY = words("""number majority minority half third quarter lot lots rest bulk
most all some none any proportion percent per cent % share fraction part range variety
handful group series kind type sort pair couple total plenty set host number
dozen hundreds thousands millions billions tens score remainder average percentage
multitude array raft spate flurry wealth myriad collection list selection mix combination
batch string litany catalogue swathe suite package bunch crop wave stream
""")
# measures and sums read as one amount ("two years was a long time", "£5m was spent")
MEASURE = words("""years months weeks days hours minutes seconds miles metres meters
kilometres pounds dollars euros pence cents points goals runs wickets yards tonnes tons
percent acres feet inches litres gallons votes yen francs rupees pesos roubles rubles
dinars rand yuan kilos kilograms grams calories degrees centimetres millimetres barrels
""")
# a person's role before their name: "actor Clive Owen are" is one person
ROLES = words("""leader captain manager coach actor actress singer star director designer
farmer player striker midfielder defender goalkeeper sprinter athlete champion minister
secretary chancellor president chairman chief boss spokesman spokeswoman analyst economist
author writer presenter comedian rapper producer musician officer judge lawyer mp senator
governor winger batsman bowler skipper founder executive editor journalist reporter artist
composer novelist playwright dancer boxer golfer cyclist swimmer runner jockey trainer
driver rider chef doctor professor scientist inventor entrepreneur tycoon businessman
businesswoman hurdler jumper thrower forward""")
PERSONAL = frozenset({"he", "she", "his", "her", "him", "himself", "herself", "mr", "mrs", "ms"})
OF_SINGULAR = frozenset({"one", "each", "every"})
QUOTES = frozenset("\"'“”‘’«»")
# where a relative pronoun's noun may stand (not "a carriage with horses that is")
ANTECEDENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "appos", "conj", "ROOT"})
WH = frozenset({"what", "whatever", "how", "why", "whether", "whoever"})
IRREALIS = frozenset({"if", "though", "unless", "wish", "wished", "whether", "suppose",
                       "imagine", "lest"})  # fmt: skip
AND = frozenset({"and", "&", "or", "nor", "plus"})
BARE_INF = frozenset({"see", "let", "make", "help", "hear", "watch", "have", "feel", "bid",
                       "notice", "saw", "made"})  # fmt: skip
# parts whose number is that of the plural after "of": "most of the systems run"
PART_OF = words("most some all half lot lots rest bulk many few several both plenty third quarter")
# mandative subjunctive: "demanded that he resign", "it is vital that she attend"
MANDATIVE = words("""demand insist suggest recommend propose require request urge order ask
important essential vital necessary crucial imperative""")
INDEFINITE = words("""everybody everyone someone somebody anyone anybody nobody no-one
everything something nothing anything""")
PRONOUN_NUMBER = {"he": "sing", "she": "sing", "it": "sing", "they": "plur", "we": "plur",
                  "you": "plur"}  # fmt: skip
# a noun with one of these before it is a whole noun phrase ("the country need to")
DETERMINERS = words("the this that a an every each my his her its our their your")
# what opens a verb's object: after "the country need", a verb, not a compound noun
OBJECT_START = words("""the a an this that these those them him her us me it no some any
his their its our my your many much more all every each thousands hundreds millions billions
dozens""")
# plurals without -s: "The children plays", "the women was"
IRREGULAR_PLURALS = words("""children men women feet teeth mice geese oxen""")
