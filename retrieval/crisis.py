"""Recognising a message that signals thoughts of suicide or self-harm, however indirectly.

Rules, not a model: every pattern can be read, tested and argued about, and a miss is a bug
with a test. The message is normalised first (lower case, no apostrophes, contractions and
texting forms spelt out, stretched letters squeezed), so the rules are written once, in plain
words, against text like ``i do not want to be here anymore``.

Where a phrase is ambiguous, safety wins: crisis resources shown for an informational
question cost far less than a missed person at risk. In particular:

- any mention of suicide, overdose or a lethal dose counts, even as a question about research
  ("does ketamine cause suicidal thoughts?"): the article says nothing on these subjects, so
  nothing is lost by answering with the resources instead;
- "I can't go on like this", "I'd rather die than…", "I don't want to live with this pain",
  "I can't take this pain anymore" and "I want the pain to stop forever" count, though often
  said of the pain alone; so do feeling trapped ("I don't see a way out"), hopeless ("there is
  no hope for me") or a burden ("I'm a burden to my family"), the warning signs crisis lines
  list beside talk of dying;
- idioms about pain and treatment do not: "this pain is killing me", "I'm dying to know",
  "kill the pain", "cut down on opioids", "dead tired", "overdosed on coffee", "go on holiday".
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

# ---------------------------------------------------------------------------------------------
# Normalising what people type on phones

_APOSTROPHES = re.compile(r"['’‘ʼ`´]")
# Leetspeak inside a word only ("su1c1de"), so "5 kms" and "24/7" keep their digits.
_LEET = {"1": "i", "!": "i", "3": "e", "0": "o", "@": "a", "$": "s"}
_LEET_INSIDE_WORD = re.compile(r"(?<=[a-z])[13!0@$](?=[a-z])")
# Clause breaks are kept, as " . "; a line break is only a space (phones wrap lines).
_CLAUSE_BREAK = re.compile(r"[.!?;:,()\[\]…]+|\s[-–—]+\s")
_OTHER = re.compile(r"[^a-z0-9. ]+")
_SELF_SPLIT = re.compile(
    r"\b(my|your|him|her|them|our) self\b(?! (?:esteem|worth|confidence|image|care|talk|respect))"
)
_WORDS = {
    # contractions typed without their apostrophe
    "im": "i am",
    "ive": "i have",
    "id": "i would",
    "dont": "do not",
    "doesnt": "does not",
    "didnt": "did not",
    "wouldnt": "would not",
    "couldnt": "could not",
    "shouldnt": "should not",
    "isnt": "is not",
    "arent": "are not",
    "wasnt": "was not",
    "werent": "were not",
    "havent": "have not",
    "hasnt": "has not",
    "hadnt": "had not",
    "cant": "can not",
    "cannot": "can not",
    "wont": "will not",
    "aint": "am not",
    "theres": "there is",
    "whats": "what is",
    "thats": "that is",
    "shes": "she is",
    "hes": "he is",
    "hed": "he would",
    "theyre": "they are",
    "theyd": "they would",
    "youre": "you are",
    "youd": "you would",
    # texting forms and common slips
    "dnt": "do not",
    "wanna": "want to",
    "wana": "want to",
    "wanan": "want to",
    "gonna": "going to",
    "gona": "going to",
    "gunna": "going to",
    "finna": "going to",
    "gotta": "got to",
    "tryna": "trying to",
    "imma": "i am going to",
    "ima": "i am going to",
    "u": "you",
    "rn": "right now",
    "kil": "kill",
    "myslef": "myself",
    "mysef": "myself",
    "meself": "myself",
    "urself": "yourself",
    "ded": "dead",
    "itd": "it would",
    "aliv": "alive",
    "goin": "going",
    "hittin": "hitting",
    "endin": "ending",
    "killin": "killing",
    "thinkin": "thinking",
    "takin": "taking",
    "cuttin": "cutting",
    "dyin": "dying",
    "cnt": "can not",
    "abt": "about",
    "itll": "it will",
    "n": "and",
    "bc": "because",
    "nite": "night",
}
_WORD = re.compile(r"\b(" + "|".join(_WORDS) + r")\b")
_WILL = re.compile(r"\b(i|you|he|she|it|we|they|that)['’‘ʼ`´]ll\b")
_STRETCHED = re.compile(r"([a-z])\1{2,}")  # "diiiie"


def _normalise(message: str) -> list[str]:
    """The message in plain lower-case words, in a few spellings of its stretched letters."""
    text = unicodedata.normalize("NFKC", message).lower()
    text = _WILL.sub(r"\1 will", text)  # "i'll": without its apostrophe it would read "ill"
    text = _APOSTROPHES.sub("", text)
    text = _LEET_INSIDE_WORD.sub(lambda m: _LEET[m.group()], text)
    text = _CLAUSE_BREAK.sub(" . ", text)
    text = " ".join(_OTHER.sub(" ", text).split())
    # A stretched letter stands for one ("diiie") or two ("killll"): try both readings.
    variants = {_STRETCHED.sub(r"\1", text), _STRETCHED.sub(r"\1\1", text)}
    out = []
    for variant in variants:
        variant = _WORD.sub(lambda m: _WORDS[m.group()], variant)
        variant = _SELF_SPLIT.sub(r"\1self", variant).replace("any more", "anymore")
        out.append(variant)
    return out


# ---------------------------------------------------------------------------------------------
# Building blocks of the rules (written against normalised text)

_SELF = r"(?:myself|yourself|himself|herself|themselves|themself|ourselves)"
_WHO = r"(?:i|he|she|they|we|you)"
_MY = r"(?:my|his|her|their|your|our)"
_MED_WORDS = (
    r"pills?|tablets?|meds|medications?|medicines?|painkillers|pain killers|opioids|opiates"
    r"|prescriptions?|sleeping pills|antidepressants|benzos|oxys?|oxycodone|morphine|insulin"
    r"|tramadol|codeine|sertraline|amitriptyline|gabapentin|pregabalin|fluoxetine|citalopram"
    r"|duloxetine|diazepam|valium|xanax|zopiclone|lithium|co codamol|cocodamol|lyrica|sedatives"
)
_MEDS = f"(?:{_MED_WORDS})"
_DRUGS = f"(?:{_MED_WORDS}|ketamine|drugs|paracetamol|tylenol|acetaminophen|ibuprofen)"
# Open-ended phrases ("go on", "keep going", "be here") count only at the end of a clause or
# before words that keep them about life: "I can't go on." but not "I can't go on holiday".
_ONWARD = (
    r"(?=$| \.| (?:anymore|any longer|no more|much longer|like this|like that|with (?:life|living"
    r"|this|it|everything)|without|at all|living|in life|in this world|on this earth|now|today"
    r"|tonight|and|but|i|because|cause|so|please)\b)"
)
# Accidents, and idioms built on the same verbs: "hurt myself at the gym", "burn myself out".
_NOT_ON_PURPOSE = (
    r"(?! (?:(?:again |badly |this morning |today |yesterday )?(?:at (?!night)|during|while|in (?:a"
    r"|an|the) (?:fall|accident|crash|gym)|playing|lifting|doing|running|training)|exercising"
    r"|working|gardening|cooking|shaving|chopping|skiing|cycling|falling|by accident"
    r"|accidentally|on (?!purpose)|by (?:not|overdoing|pushing|sitting|working)|years|months"
    r"|weeks|a (?:few|couple)|last (?:year|month|week)"
    r"|out|off|some slack|slack|a break|short|free|with (?:hot|boiling)|in (?:a|an|the) (?:fall"
    r"|accident|crash|gym|garden|kitchen|car)|when (?:i|he|she|they) (?:fell|slipped|tripped"
    r"|crashed|was (?:lifting|playing|running|cooking))))"
)
# Times and ways of waking that are about sleep, not about not waking at all.
# A blade drawn over skin: the verb and the blade ("dragged a razor", "dug the knife").
_BLADE_ON_SKIN = (
    r"(?:drag\w*|draw\w*|drew|scrap\w*|slic\w*|dig\w*|dug|scratch\w*|press\w*)"
    r" (?:a |the |my )?(?:razors?|blades?|razor blades?|knife|knives)"
)
_ORDINARY_WAKING = (
    r"(?! (?:in (?:pain|agony|the night|the middle)|with pain|without|feeling|refreshed|rested"
    r"|early|before|until|till|til|during|at night|on time|properly|easily|stiff|sore|tired"
    r"|groggy|at (?:\d|five|six|seven|dawn)|so early|after (?:ketamine|the|an|my|infusion)"
    # a laptop that "won't wake up from sleep mode"
    r"|from (?:sleep|standby|hibernat\w*)))"
)
# Things people "overdose on" only in jest.
_TREATS = (
    r"(?:coffee|caffeine|chocolate|sugar|sweets|candy|cake|carbs|tv|netflix|sunshine|sun"
    r"|exercise|work)"
)
# "End it" with a person or a job is a break-up, not an end.
_NOT_A_BREAKUP = (
    r"(?! with (?:him|her|them|(?:my|the|a|an) (?:\w+ ){0,2}(?:boyfriend|girlfriend|partner|husband"
    r"|wife|ex|therapist|doctor|clinic|physio|job|boss|friend|gp|psychiatrist|counsellor|counselor"
    r"|psychologist|specialist|neurologist|consultant|surgeon|nurse|team|provider|dentist"
    r"|chiropractor|osteopath|acupuncturist|pharmacist|insurer|gym|membership|subscription)))"
)
# "Die down", "die off", "die-hard": not dying.
_DIE = r"die\b(?! (?:down|off|out|back|away|hard)\b)"
# Whole-message guards, as lookaheads from the start: a reason to be away, or a pet.
_UNLESS_AWAY = (
    r"^(?!.*\b(?:moving|move|moved|holiday|holidays|travel\w*|abroad|relocat\w*|trip|emigrat\w*"
    r"|away|deployed|uni|university|college|works? nights|back from|vacation|wedding|new job"
    r"|in town|visiting)\b).*?"
)
_UNLESS_PETS = r"^(?!.*\b(?:cats?|dogs?|pets?|vets?|horses?|animals?|puppy|kitten|rabbits?)\b).*?"
# "all my morning tablets at once" is one dose taken together, not a stockpile
_NOT_ONE_DOSE = r"(?:(?!(?:morning|lunchtime) )\w+ )?"
_GONE = (
    r"(?:dead|gone|not (?:here|around|alive|born)|never (?:been )?born|no longer (?:here|around"
    r"|alive))"
)

_NOT_A_BODY_PART = "".join(
    f"(?<!{part} )"
    for part in ("joints", "knees", "legs", "feet", "hips", "hands", "muscles", "bones", "back")
)


_NOT_A_NAME_FOR_SUICIDE = r"(?!suicide doors?\b)" + "".join(
    rf"(?!suicides\b(?<={verb} suicides))" for verb in ("running", "run", "ran")
)

_PATTERNS = [
    # -- naming it ---------------------------------------------------------------------------
    # Not a car's "suicide doors" or the sprints a coach calls "suicides".
    _NOT_A_NAME_FOR_SUICIDE + r"\bsuicid\w*",
    _NOT_A_NAME_FOR_SUICIDE
    + r"\bsu[ie]?[cs]{1,2}i?d(?:e|es|al|ally|ality|ial)?\b",  # sucide, suicde, suiside, sucidal
    r"\bsewer ?slide\b",
    r"\bself ?(?:harm|injur|mutilat)\w*",
    r"\bunaliv\w*",
    r"\bkys\b",
    # "kms" is "kill myself", unless it is kilometres: "5 kms", "a few kms away".
    r"(?<!\d )(?<!few )(?<!many )(?<!several )(?<!couple )(?<!of )\bkms\b"
    r"(?! (?:away|from|of|per|a day|each|every|walk|run|drive|long|far)\b)",
    r"\bkill\w* " + _SELF,
    r"\b(?:poison\w*|stab|stabs|stabbed|stabbing|strangl\w*|suffocat\w*|gas|gassing"
    r"|electrocut\w*|harm|harms|harming|harmed|starv\w*|mutilat\w*) " + _SELF,
    r"\b(?:shoot|shooting|shot) " + _SELF + r"(?! in the foot)",
    r"\b(?:hang|hanging|hanged|hung) " + _SELF + r"(?! upside down)",  # inversion tables
    r"\bdrown\w* " + _SELF + r"(?! in (?:work|\w+work|coffee|tea|chores|books|tv|tasks))",
    r"(?<!accidentally )(?<!accidently )\b(?:hurt|hurts|hurting|injur\w*|hit|hits|hitting"
    r"|punch\w*|burn|burns|burning|burned|burnt|cut|cuts|cutting) " + _SELF + _NOT_ON_PURPOSE,
    r"\b(?:do|doing|did) (?:something|anything) (?:stupid |drastic |bad |dangerous )?to " + _SELF,
    r"\b(?:might|may|could|will|would|going to|want to|tempted to|urge to|close to) (?:just )?"
    r"(?:do|doing) (?:something|anything) (?:stupid|drastic|dangerous|permanent)",
    # -- ending a life -----------------------------------------------------------------------
    r"\bend(?:s|ed|ing)? " + _MY + r" (?:own )?life\b",
    r"\bend(?:s|ed|ing)? it all\b",
    r"\bend(?:s|ed|ing)? (?:it|things|everything) (?:now|tonight|today|soon|for good|forever"
    r"|for real|right now|once and for all|this (?:weekend|week|month)|tomorrow|on (?:monday"
    r"|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    r"\b(?:want|wants|wanted|wanting|going|plan|planning|ready|decided|deciding|tempted|try"
    r"|trying|tried|need|needs|time|urge|urges|way|ways|how) to end (?:it|things|everything"
    r"|myself)\b" + _NOT_A_BREAKUP,
    r"\b(?:think\w*|thought\w*|dream\w*|fantasi[sz]\w*|talk\w*|speak\w*|joke\w*|joking"
    r"|obsess\w*|say\w*|said) (?:a lot |all the time |constantly )?(?:of|about) (?:just"
    r" )?(?:ending (?:it"
    r"|things|everything|" + _MY + r" life)|dying|death|being dead|not being (?:here|alive"
    r"|around)|not waking up|not existing|no longer existing|wanting to die)\b" + _NOT_A_BREAKUP,
    r"\b(?:take|takes|taking|taken|took) " + _MY + r" (?:own )?life\b"
    r"(?! back| into| in (?:my|his|her|their) (?:own )?hands)",
    r"\b(?:want|wants|wanted|wish|wishes|need|needs|hope) (?:it all|everything|this all|all of"
    r"|all this|it|my life|life) (?:this )?to (?:end|be over)\b",
    r"\b(?:want|wants|wanted|wish|wishes|need|needs) (?:it all|everything|all of this|my life"
    r"|life) to stop\b",
    # -- wishing to die or not to be ---------------------------------------------------------
    # Not said of a body part ("this weather makes my joints want to die").
    _NOT_A_BODY_PART
    + r"\b(?:want|wants|wanted|wanting|wish|wishes|wished|wishing|going|plan|plans|planned"
    r"|planning|ready|prepared|deserve|deserves|trying|tried|try|like|love|longing|hope"
    r"|hoping|pray|praying|choose|chose|decided|need|needs) to " + _DIE,
    r"\blet (?:me|him|her|them) " + _DIE,
    # Hoping to be hit or killed by something: "i keep hoping i get hit by a car".
    r"\b(?:hope|hopes|hoping|hoped|wish|wishing|wished|pray|praying)(?: that)? (?:i|i would"
    r"|i will|i could|to) (?:just )?(?:get |got |be |been )?(?:(?:hit|killed|struck) by"
    r" (?:a|an|the|some) (?:\w+ )?(?:car|bus|truck|lorry|train|van|tram|driver|vehicle|lightning)"
    r"|run over|knocked down)\b",
    r"\b(?:hope|hoping|wish|wishing|pray|praying)\b.{0,30}\b(?:car|bus|truck|lorry|train|van"
    r"|driver)\b.{0,15}\b(?:hits|would hit|will hit|runs me over|would run me over|kills) me\b",
    r"\b(?:hope|hoping|pray|praying) (?:that )?" + _WHO + r" (?:would |will |could |just )?"
    r"(?:die|dies|died|pass away)\b",
    r"\b(?:how|ways?|best way|easiest way|quickest way|painless way|methods?) to (?:"
    + _DIE
    + r"|kill"
    r" (?:me|myself|yourself)|end it|end (?:my|your) life)\b" + _NOT_A_BREAKUP,
    r"\bpainless (?:death|way to die)\b",
    r"\brather (?:be )?(?:dead|die|not (?:be alive|be here|exist|live|wake up|be around))\b",
    r"\bwish\w* (?:that )?" + _WHO + r" (?:(?:was|were|had|would|could|will|have|might|am|is|did"
    r"|just|be|been|simply) ){0,4}(?:dead|gone|die|died|disappear\w*|vanish\w*)\b",
    r"\bwish\w* (?:that )?" + _WHO + r" (?:(?:was|were|had|would|could|will|have|might|am|is|did"
    r"|just|be|been|simply) ){0,4}(?:never|not|no longer) (?:(?:have|been|be) )?(?:born|exist\w*"
    r"|here|alive|around)\b",
    r"\bbetter off (?:dead|gone|not (?:here|alive|existing|around|born))\b",
    # not "the team would do better without him"; always "the kids would do better without me"
    r"\b(?:better (?:off )?without (?:me|us)|(?<!do )better (?:off )?without (?:him|her))\b"
    + r"(?! (?:driving|on the|at the|doing|cooking|there|for (?:a|the)|in the (?:team|office|car"
    r"|kitchen)))",
    r"\b(?:might|may) (?:just )?as well (?:just )?(?:be dead|die\b(?! trying| laughing)|not be"
    r" (?:here|alive|around)|not exist)",
    r"\b(?:no|only|one) (?:other )?way out\b.{0,30}\b(?:death|dying|to die|suicide|ending it)\b",
    r"\bway out\b.{0,30}?\b(?:except|but|other than|apart from|besides) (?:death|dying|to die"
    r"|suicide|ending it)\b",
    r"\b(?:death|dying) (?:is|seems|feels like|looks like) (?:the|my) only (?:way out|option"
    r"|answer|escape|choice)\b",
    r"\bi (?:am |have been |have |started )?(?:planning|planned|arranging|arranged) my (?:own )?"
    r"funeral\b",
    r"\bbetter off (?:if|when) " + _WHO + r" (?:(?:was|were|am|is|are|had) " + _GONE + r"|died"
    r"|disappeared|did not exist|never existed|killed|ended it|was not here|were not here)",
    r"\b(?:want|wants|wish " + _WHO + r" could|need|needs|going|plan|planning|like) to (?:just )?"
    r"(?:disappear|vanish|cease to exist|stop existing|not exist|no longer exist|be gone"
    r"|not be here|not be alive|not be around|be dead)\b(?! (?:on (?:holiday|a)|for (?:a|two|the"
    r"|\d+)|to (?:the|my|a)|into|abroad)\b)",
    r"\b(?:disappear|vanish|be gone)\w* (?:forever|for good|permanently)\b" + r"(?! from )",
    # "I just want it to stop forever": forever is not how people speak of pain relief
    r"\b(?:want|wants|wanted|wish|wishes|need|needs) (?:\w+ ){0,3}to (?:stop|end) forever\b",
    # trapped: "I don't see a way out" (but "is there a way out of the pain cycle" asks)
    r"(?<!is there )(?<!isnt there )(?<!is there really )\bno way out\b"
    + r"(?! of (?:this|the|my|a) (?:contract|debt|lease|deal|car park|parking|building|job"
    r"|meeting|escape room|(?:first|second|third|next|last|final) room)\b)",
    r"\b(?:not|never) (?:\w+ )?(?:see|find|have|be) (?:a|any) way out\b"
    + r"(?! of (?:this|the|my|a) (?:contract|debt|lease|deal|car park|parking|building|job"
    r"|meeting|escape room|(?:first|second|third|next|last|final) room)\b)",
    r"\b(?:ready|going|about|want|wants|tempted|close|decided) to give up(?=$| \.| (?:now|today"
    r"|tonight|for good|on (?:everything|it all|all of it|myself|me|life|living|the world))\b)",
    r"\b(?:give|gives|giving|gave|given) up on (?:everything|it all|all of it|myself)\b(?! else)",
    r"\bi (?:just |totally |completely |have |have just )?(?:give|gave|given|am giving) up"
    r"(?=$| \.)",
    r"\b(?:i|he|she) (?:am|is|feel|feels|felt|was) (?:like |just |such |nothing but |only )*"
    r"(?:a|an) (?:\w+ )?burden\b(?! (?:of|for) (?:proof|cost|paperwork))",
    r"\b(?:tired|sick|weary) of being (?:a|such a) burden\b",
    r"\bnot (?:want|wish) to be (?:a|such a) burden (?:\w+ ){0,3}?(?:anymore|any longer)\b",
    r"\b(?:have|has|had|is|i have) had enough of (?:life|living|everything|it all|being alive"
    r"|existing)\b",
    r"\b(?:i am|im) (?:so )?done with (?:everything|it all|all of it|all of this|all this|this"
    r" world|this life|living|life)\b" + r"(?! (?:on|in|for|at) )",
    r"\b(?:want|wants|need|needs) out of (?:this |my )?(?:life|world|existence)\b",
    r"\bwant out(?=$| \.)",
    r"\b(?:can not|do not) see (?:a|any) future(?=$| \.| (?:for (?:me|myself)|anymore|ahead"
    r"|at all)\b)",
    r"\b(?:there is|i have|i see|i have got) no (?:more )?hope(?: left)?(?: for me| anymore)?"
    r"(?=$| \.)",
    r"\bno hope (?:left )?for me\b",
    r"\bi (?:feel|am|am feeling|felt|have been feeling) (?:so |completely |totally |utterly "
    r"|just )?hopeless(?=$| \.)",
    r"\b(?:i|there) (?:see|have|is) no future(?: for me)?(?=$| \.)",
    # "lost all hope in gabapentin" is about a treatment, not about living
    r"\blost all hope\b(?! (?:in|on|with|for) (?!(?:myself|me|life|living|everything|everyone"
    r"|the future|humanity)\b))",
    r"(?<!could )\bsleep forever\b",
    r"\b(?:eternal|endless) sleep\b",
    # "do not / never / no longer want to live, be here, wake up, go on..."
    r"\b(?:not|never|no longer) (?:really |even |just |actually |truly )?(?:want|wish|care|feel"
    r" like|like|need|have (?:the )?(?:will|desire|strength)) to (?:live|be alive|stay alive"
    r"|keep living|go on living|continue living|exist|be in this world|be on this earth"
    r"|see tomorrow|see another day|try anymore)\b"
    r"(?! (?:on|off|near|in (?:a|an|the) \w+|in (?!(?:pain|this|that|agony|misery|torment|hell|fear"
    r"|constant|such|so|my|a|an|the)\b)[a-z]+ (?:after|when|if|once|any|for|now)"
    r"|with (?:my )?(?:husband|wife|partner|parents?|mum"
    r"|mom|dad|family|kids|children|son|daughter|friends?|roommate))\b)",
    r"\b(?:not|never|no longer) (?:really |even |just |actually |truly )?(?:want|wish|care|feel"
    r" like|like|need|have (?:the )?(?:will|desire|strength)) to (?:be here|be around|go on"
    r"|keep going|keep on going|carry on|continue)" + _ONWARD,
    # Not the fear of it ("scared that i will never wake up" from a sedation): a wish is.
    r"^(?!.*\b(?:scared|afraid|worried|terrified|nervous|anxious|fear\w*)\b.{0,60}\b(?:will"
    r"|would|might|could) (?:never|not) wake up\b).*?"
    r"(?<!can )(?<!could )\b(?:not|never|no longer) (?:to |ever |want to |wish to )?wake up\b"
    + _ORDINARY_WAKING,
    r"\blive or die\b",
    # not being here, waiting to die, fading away
    r"\b(?:ready|prepared|want\w*|wish\w*|like|rather|better|prefer|need|tempted|going|plan\w*"
    r"|decided) (?:just )?(?:to )?not (?:be here|be around|exist|be alive|wake up)" + _ONWARD,
    r"\b(?:not|never) (?:\w+ )?see (?:myself|me) (?:being |still )?(?:here|around|alive) (?:by"
    r"|much longer|anymore|in (?:a|another|the) (?:year|month|week|few))\b",
    r"(?:^|\. )(?:i )?(?:am |will )?(?:not|never|no longer) (?:going to )?(?:be )?(?:around|here"
    r"|alive) (?:much longer|for much longer|for long|anymore|any longer)\b",
    r"\b(?:wish|hope|want|pray)\w* (?:it|this|the pain|they|you|he|she|someone|something) (?:would"
    r" |will |could )?(?:just )?finish (?:the job|me off)\b",
    r"\blet (?:myself|me) (?:just )?(?:fade|slip|drift|waste) away\b(?! into\b)",
    r"\b(?:want|wish|like) to (?:just )?(?:fade|slip|drift) away(?=$| \.| (?:and|forever|for good"
    r"|now|tonight)\b)",
    r"\bwaiting to die\b",
    r"\bnot done with (?:\w+ ){1,2}\. done(?=$| \.)",  # "Not done with treatment. Done."
    r"\b(?:sit|sitting|sat) in (?:the|my) car in (?:the|my|a) (?:closed |shut )?garage\b.{0,60}"
    r"\b(?:engine|running|exhaust)\b|\bthink\w* about leaving the engine running\b",
    r"^(?!.*\b(?:parking|elsewhere|another clinic|price|cost|cancel\w*|queue)\b).*?\bif\b.{0,60}"
    r"\bthen (?:that is|thats) it for me\b",
    r"\b(?:made|making) my peace\b.{0,40}\b(?:set|picked|chose|chosen) a date\b",
    r"\b(?:will not|wont|not going to) (?:have to )?(?:deal with|put up with|suffer|cope with)"
    r" (?:this|it|any of this) (?:much longer|for much longer|for long|anymore)\b",
    r"\bso (?:that )?i (?:could|can|would|might) (?:just )?(?:die|be dead|not wake up)\b",
    # not "we're moving to Leeds in May, so I might not be here by June"
    r"^(?!.*\b(?:moving|move|moved|relocat\w*|emigrat\w*)\b).*?"
    r"\bso (?:that )?i (?:could|can|would|might) (?:just )?not be here\b",
    r"\bmy (?:last|final) (?:view|sight|breath|words)\b",
    # "I want the pain to stop. All of it. Permanently.": "permanently" on its own, after a stop
    r"\b(?:stop|end|over|gone)(?: \. all of it| \. everything)? \. (?:permanently|forever|for good)"
    r"(?=$| \.)",
    r"\b(?:world|everyone|everybody|family|they|kids|he|she) would be (?:\w+ )?(?:better|lighter"
    r"|happier|easier|fine) without me\b",
    r"\b(?:after|when|once) (?:i am|i have) gone\b(?! (?:for|to|on|away|out|home|back|into)\b)",
    r"\bnot (?:planning|going|intending|expecting) (?:on )?(?:to )?(?:be|being) (?:here|around"
    r"|alive) (?:much longer|for much longer|for long|anymore|by (?:christmas|then|the weekend"
    r"|next \w+|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    r"\bnot going to do anything (?:tonight|today|yet|stupid|right now)\b",
    r"\b(?:only|one) way out\b.{0,40}\bpermanent\b",
    r"\b(?:he|she|they|i|partner|husband|wife|son|daughter|friend|brother|sister|mum|mom|dad)"
    r" (?:has |had |have )?attempted\b(?! (?:\w+ )?(?:to|the|a|an|it|that|this|my|his|her)\b)",
    _UNLESS_AWAY
    + r"\b(?:not|never) (?:think|expect|imagine) (?:that )?(?:i|he|she) (?:will|would|am going to"
    r"|is going to)? ?(?:still be (?:around|alive|here)|be around|be alive)\b(?! (?:in|on|at|next"
    r"|this|that|for) (?:\w+ )?(?:january|february|march|april|may|june|july|august|september"
    r"|october|november|december|week|month|day|weekend|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday|time|appointment|session|infusion)\b)",
    _UNLESS_AWAY + r"\b(?:will not|not going to) be (?:here|around|alive) (?:tomorrow |tonight "
    r"|next week |by (?:then|christmas|easter|summer|spring|autumn|winter|next year) )?anyway\b",
    r"\b(?:painless|easiest|quickest|fastest|best|peaceful|quietest|surest|simplest) (?:ways?"
    r"|methods?|means) to (?:go(?=$| \.)|not exist|stop existing|not wake up|disappear(?! into)"
    r"|end it|check out(?! (?:after|of (?:the|your)|at|from))"
    r"|do it(?=$| \.))|\bpainless way out\b",
    r"\bway to not exist\b",
    r"\bcheck(?:ing)? out (?:for good|permanently)\b|\bcheck(?:ing)? out of (?:life|this world)"
    r"(?=$| \.| (?:for good|forever|permanently|tonight|now|today|soon|early|already|and"
    r"|because)\b)",
    r"\btop(?:ping|ped)? (?:" + _SELF + r")\b(?! up| off)",
    r"\bctb\b",
    r"\bresearch\w* (?:different |the |suicide )?(?:methods|ways to (?:die|go|do it|end it))\b"
    r"(?! (?:of|for|to treat|to manage|to help|to ease)\b)",
    # hurting oneself to feel or to be punished
    r"\b(?:i|i just|i really|part of me|i kind of) (?:want|need|have an urge|deserve) to (?:bleed"
    r"(?! the)|be punished|suffer|hurt)\b(?! (?:less|a bit less|so much|this much|like this"
    r"|any more)\b)",
    r"\bi deserve (?:it|the pain|to hurt|to suffer|to bleed|this pain|to be in pain)(?=$| \.| (?:i"
    r"|and|because)\b)",
    r"\b(?:scratch|pick|pull|bit|bite|hit|punch|bang|slam|burn|pinch)\w* (?:at )?(?:my|his|her)"
    r" (?:\w+ )?(?:arms?|legs?|skin|thighs?|wrists?|head|face|hands?|knuckles?|hair)\b.{0,30}"
    r"\b(?:till|until|til|so) (?:it|they|i|he|she) (?:bleed|bleeds|bled|bruise|bruised|see stars"
    r"|feel something)\b"
    + r"(?! (?:because of|from|due to) (?:the |my )?(?:eczema|itch|itching|rash|psoriasis))",
    r"\b(?:hit|hitting|bang\w*|slam\w*|punch\w*) (?:my |his |her )?(?:head|fists?|hands?)"
    r" (?:against|into|on) (?:the |a )?(?:wall|door|floor|desk)\b.{0,20}?\bon purpose\b",
    r"\bpunch\w* (?:the )?walls?\b.{0,40}\b(?:till|until|til|because i deserve|bc i deserve)\b",
    r"\b(?:hit|bang|slam|punch)\w* (?:my|his|her) (?:head|face|fists?) (?:against|into|on)"
    r" (?:the |a )?(?:wall|door|floor|desk)\w*\b.{0,80}\b(?:bruis\w*|bleed\w*|blood|hard enough"
    r"|until|till|til|on purpose|deserve)",
    # Burning skin with a flame or a cigarette (not a hand at the stove, not by accident);
    # "sh", self-harm's own shorthand, relapsed on or clean from.
    r"(?<!accidentally )\b(?:burn|burns|burning|burned|burnt) (?:my|his|her) (?:\w+ )?(?:skin|arms?"
    r"|legs?|thighs?|wrists?|stomach) with (?:a |the |my )?(?:lighter|cigarettes?|candle|match"
    r"|matches)\b(?!.{0,40}\b(?:by accident|accidentally)\b)",
    r"\b(?:relaps\w*|clean from|clean of|urges? to|started|back to|went back to|stop|stopped"
    r"|quit) (?:on |doing )?sh\b|\bsh (?:again|urges?|relapse|scars?|cuts?|free)\b",
    # Pills set out ready: "the pills lined up on the counter".
    r"\b(?:pills|tablets|meds|medication|capsules)\b.{0,20}\blined up\b"
    r"(?! (?:for the week|in (?:a|my|the) (?:organi[sz]er|pill box|dosette)))"
    r"(?!.{0,40}\b(?:so (?:that )?i (?:remember|do not forget)|for (?:tomorrow|the (?:morning|day"
    r"|evening)))\b)",
    r"\b(?:razor|razors|blade|blades|knife)\b.{0,50}\b(?:for (?:the )?bad (?:nights|days|times)"
    r"|just in case)\b",
    r"\b(?:fresh |new |deep )?cuts (?:all )?(?:on|over) (?:my |his |her |their )?(?:\w+ ){0,2}"
    r"(?:wrists?|thighs?|arms|forearms)\b",
    r"\b(?:scratch|pick|burn|hit|bit|bite|pinch)\w* (?:my|his|her) (?:\w+ )?(?:skin|arms?|legs?"
    r"|thighs?|face|hands?|wrists?)\b.{0,40}\b(?:on purpose|only thing that (?:helps|takes the"
    r" edge off|works)|to cope)\b(?! (?:because of|from|due to) (?:the |my )?(?:eczema|itch|rash))",
    r"\bhope (?:the |a )?(?:car|bus|truck|train|lorry) (?:does not|doesnt|will not|wont) stop\b",
    r"\bcare (?:if|whether) "
    + _WHO
    + r" (?:live|lives|die|dies|wake up)\b"
    + r"(?! (?:near|in|at|with|late|early|on)\b)",
    r"\b(?:no|any|nothing|zero|lost (?:my|the)) (?:good |real |more )?reasons? (?:left )?"
    r"(?:for (?:me|him|her|them) )?(?:to|for) (?:live|living|be alive|stay alive|keep living"
    r"|exist|get up in the morning|wake up)\b",
    r"\b(?:no|any|nothing|zero|lost (?:my|the)) (?:good |real |more )?reasons? (?:left )?"
    r"(?:for (?:me|him|her|them) )?(?:to|for) (?:go on|keep going|carry on|be here|stay)" + _ONWARD,
    r"\b(?:nothing|no one|nobody) (?:left )?to live for\b",
    r"\bpoint (?:(?:of|in|to) (?:living|being alive|staying alive|existing|being here)|(?:of|to)"
    r" (?:life|live)|(?:of|in) (?:anything|it all|trying anymore)|anymore)\b",
    r"\bpoint (?:of |in |to )?(?:go on|going on|carry on|carrying on|keep going|keeping going)"
    + _ONWARD,
    r"\b(?:tired|sick|weary|exhausted) of (?:living|being alive|life|this life|my life|existing"
    r"|being here|fighting|trying to stay alive)\b"
    r"(?! (?:with|against|for|over|the|my|insurance)\b)",
    r"\b(?:tired|sick|weary|exhausted) of waking up\b" + _ORDINARY_WAKING,
    r"\bdone (?:with (?:living|life|being alive|existing)|living)\b",
    r"\b(?:give|gives|giving|gave|given) up on (?:life|living)\b",
    r"\b(?:not|no longer|never|hardly|isnt) worth (?:living|it anymore|being alive|staying alive"
    r"|going on|fighting for)\b",
    r"\blife (?:is|feels|seems|has become) (?:so )?(?:pointless|meaningless|worthless)\b",
    r"\bcan not (?:go on|keep going|carry on|keep on going)" + _ONWARD,
    r"(?<!knees )(?<!knee )(?<!back )(?<!body )(?<!joints )(?<!feet )(?<!legs )(?<!hips )"
    r"(?<!neck )(?<!stomach )(?<!shoulders )(?<!wrists )(?<!ankles )(?<!hands )"
    r"\bcan not (?:do this|take it|take this|handle it|handle this|live|take (?:this|the|my)"
    r" pain|bear (?:it|this|the pain)|stand (?:it|this|the pain)|cope) (?:anymore|any longer"
    r"|no more)\b",
    r"\bcan not (?:live|keep living|go on living) like this\b",
    r"\b" + _WHO + r" (?:will|am|is|are|would|might|may)? ?(?:not|never|no longer) (?:going to )?"
    r"(?:be )?(?:around|here|alive) (?:much longer|for much longer|for long|anymore|any longer)\b",
    # nobody would miss me
    r"\b(?:(?:nobody|no one|noone|no body) (?:would |will |is going to |even |really )*"
    r"|(?:who|would anyone|will anyone) (?:would |will )?(?:even |really )?)(?:miss|mourn)"
    r" (?:me|him|her)\b",
    _UNLESS_AWAY + r"\b(?:nobody|no one|noone|no body|anyone|anybody|people|who) (?:would |will "
    r"|is going to |even |really )*(?:miss|notice|care|mourn)\w* (?:about )?(?:(?:me|him|her) )?"
    r"(?:if|when|once|that) "
    + _WHO
    + r" (?:just )?(?:(?:was|were|am|is|are) "
    + _GONE
    + r"|died|die|dies|disappeared|disappear|vanished"
    r"|did not exist|never existed|killed|ended it|passed away|stopped existing)\b"
    r"(?! (?:for|to|on|into|off|from)\b)",
    # -- preparing ---------------------------------------------------------------------------
    r"\b(?:sav|stockpil|hoard|stash|squirrel|accumulat)\w* (?:up |away )?(?:all )?(?:of )?"
    r"(?:my |his |her |their |the |some |extra |spare |enough |a lot of |lots of |loads of )?"
    r"(?:\w+ )?"
    + _MEDS
    + r"\b"
    + r"(?! (?:\w+ )?(?:for (?:the|my|a) (?:flight|trip|holiday|holidays|travel|journey)|because"
    r"|in (?:my|the) (?:travel|bag|suitcase|car|handbag)|for (?:bedtime|later|the (?:morning"
    r"|evening|night|weekend))|for when (?:i|we) (?:travel|fly|go away|am away|are away)|in (?:a"
    r"|my)"
    r" (?:pill )?(?:organi[sz]er|pill box|dosette)))",
    r"\bcollect\w* (?:up |extra |spare |enough |unused |old |lots of |loads of |a lot of |all the "
    r"|all my )?" + _MEDS + r"\b(?! (?:from|at)\b)",
    r"\bbeen collecting (?:my |his |her )?" + _MEDS + r"\b(?! (?:from|at)\b)",
    _MEDS + r" (?:saved|stashed|stockpiled|hoarded|put aside|set aside|squirrell?ed away)"
    r"(?: up| away)?\b"
    + r"(?! (?:\w+ )?(?:for (?:the|my|a) (?:flight|trip|holiday|holidays|travel|journey)|because"
    r"|in (?:my|the) (?:travel|bag|suitcase|car|handbag)|for emergenc\w*|in case (?:of|i)|for when"
    r" (?:i|we) travel))",
    _MEDS + r" (?:to|so i can|so i could|and) (?:" + _DIE + r"|kill (?:myself|me)|end (?:it|my life"
    r"|things)|overdose|not wake up|never wake up)\b",
    r"\benough (?:\w+ )?" + _DRUGS + r" to (?:" + _DIE + r"|kill (?:myself|me|him|her)|end (?:it"
    r"|my life|things)|overdose|do it|not wake up|never wake up|take my life)\b",
    # -- overdose, lethal doses ---------------------------------------------------------------
    r"\boverdos\w*\b(?! on " + _TREATS + r"\b)",
    r"\b(?:to|going to|want to|might|will) od\b(?! on " + _TREATS + r"\b)",
    r"\bod(?:ed|ing)? on\b(?! " + _TREATS + r"\b)",
    r"\bodd on (?:my |his |her |the )?(?:\w+ )?" + _DRUGS + r"\b",  # "od'd on"
    r"\blethal\b",
    r"\b(?:fatal|deadly|toxic|killing) (?:dose|doses|dosage|amount|quantity|number)\b",
    r"\b(?:be|is|are) (?:fatal|deadly)\b",
    r"\bhow (?:many|much)\b.{0,50}\b(?:to die|would die|will die|could die|kill (?:me|you|someone"
    r"|a person|myself)|to overdose|to od)\b",
    r"\b(?:you|i|someone|people|a person) die (?:from|of|if|after) (?:an? )?(?:overdose|too much"
    r"|too many|ketamine|pills|taking|mixing)",
    # "took too many pills", not "I take too many pills already"
    r"\b(?:took|taken|swallowed|downed|ate|had) (?:way )?too (?:many|much)"
    r" (?:of )?(?:my |the |his |her )?(?:\w+ )?" + _DRUGS + r"\b",
    r"\ball (?:of )?(?:my |the |his |her |their )?"
    + _NOT_ONE_DOSE
    + _DRUGS
    + r" (?:at once|in one go)\b"
    r"(?! (?:each|every|in the morning|with food|daily|from now on|before|is that|is it"
    r"|with (?:my )?(?:breakfast|dinner|lunch|a meal|meals)|at (?:breakfast|bedtime|night))\b)",
    # "I took all my pills", "going to take all my meds"; not "I took all my meds this morning"
    # Intending to take all of one's pills counts; having taken them only at the end of a
    # clause or before what makes it an act ("I took all my pills." but not "I took all my
    # antidepressants for 6 months with no effect").
    r"\b(?:going|want|wants|about|plan|planning|tempted|ready|might|may|could|will|thinking of"
    r"|thinking about|considering) (?:to )?(?:take|taking|swallow|swallowing) all (?:of )?"
    r"(?:my |the |his |her |their )?(?:\w+ )?" + _DRUGS + r"\b(?! (?:with|at|in the|each|every"
    r"|daily|on time|as prescribed|from now on|before)\b)",
    r"\b(?:took|have taken|just taken|swallowed|downed) all (?:of )?(?:my |the |his |her |their )?"
    + _NOT_ONE_DOSE
    + _DRUGS
    + r"(?=$| \.| (?:at once|in one go|tonight|now|just now|and (?:i|now"
    r"|then|wrote)|so (?:i|that)|to (?:die|end|sleep|not wake))\b)",
    r"\b(?:took|take|taking|swallowed|swallow|downed) every (?:single )?(?:pill|tablet|capsule)"
    r"(?! (?:on time|as prescribed|my doctor|the doctor|every day|each day|daily)\b)",
    r"\b(?:took|swallowed|downed) (?:the|a) (?:whole|entire) (?:bottle|box|pack|packet)(?=$| \.)",
    r"(?<!struggle to )(?<!hard to )(?<!can not )(?<!difficult to )\b(?:swallow\w*|downed"
    r"|downing) (?:all|a handful|the whole|the entire|a whole) (?:of )?(?:my |the |his |her )?"
    r"(?:\w+ )?" + _DRUGS + r"\b",
    r"\b(?:took|take|taking|taken|swallow\w*|downed|downing) (?:a|the) (?:whole |entire )?"
    r"(?:bottle|box|pack|packet|strip|handful) of (?:my |the |his |her )?(?:\w+ )?"
    + _DRUGS
    # not "a whole pack of my ibuprofen over a week"
    + r"(?! (?:over|across) (?:a|the|two|three|four|five|\d+|several|a few|a couple of)"
    r" (?:days|weeks?|months?|fortnight)\b)",
    # -- other ways, and getting ready -------------------------------------------------------
    # Not the idiom said of others ("anyone who doubts it can go jump off a cliff"); "i can go
    # jump", "i should go jump" are no idiom.
    r"(?:(?<!can go )|(?<=i can go ))"
    r"\bjump\w* (?:off|from|of) (?:a|the|my|this|that|our|his|her) (?:\w+ )?(?:bridge|building|roof"
    r"|balcony|terrace"
    r"|cliff|tower|window|ledge|car park|parking garage|overpass|skyscraper)\b",
    # Heights: asking how high is enough, a height "calling", picturing the fall.
    r"\b(?:bridge|roof|balcony|cliff|ledge|car park|river|sea|water|rope|pills|edge|tracks"
    r"|train line|top floor)s?\b.{0,30}\b(?:keeps |is |are |keep )?(?:calling|calls) (?:me|my"
    r" name|to me)\b|\b(?:knife|knives|knife drawer|blade|razor|gun)s? (?:keeps? |is |are )?calling"
    r" (?:me|my name|to me|again|tonight)\b",
    r"\b(?:think\w*|thought|imagin\w*|realis\w*|realiz\w*) (?:about |of )?how easy it would be"
    r"(?=$| \.| to (?:just )?(?:jump|fall|let go|end|step|die|drive|go|slip|do it|not|stop|climb"
    r"|walk|swerve|lean))",
    r"\b(?:it will|it would|this will|that will|it is going to|today will|tonight will) be (?:the"
    r"|my) (?:very )?(?:last|final) time(?=$| \.)",
    r"\b(?:this|today|tonight|next week|it|monday|tuesday|wednesday|thursday|friday|saturday"
    r"|sunday) (?:is|will be|would be) my (?:very )?(?:last|final)"
    r" (?:day|night|week|weekend|month|christmas|birthday)\b(?! (?:of|at|in|on|with|before|off"
    r"|working|here)\b)",
    # Water, trains, fumes, bleeding, guns thought about
    r"\b(?:think\w*|thought|want\w*|wish\w*|tempted|urges?|going|plan\w*|imagin\w*"
    r"|fantasi[sz]\w*|dream\w*|consider\w*|could|might|will) (?:about |of |to )?(?:just )?(?:walk"
    r"|swim|wad|step|go|drift)\w* (?:out )?(?:into|under) (?:the |a )?(?:sea|ocean|river|lake"
    r"|water|waves|tide)\b"
    + r"(?! (?:\w+ )?(?:on holiday|for a swim|to swim|to cool off|for a paddle))",
    r"\b(?:floor it|put my foot down|speed up|accelerate) (?:straight )?(?:into|off) (?:a |an "
    r"|the )?(?:\w+ )?(?:tree|wall|river|lake|sea|bridge|cliff|traffic|truck|lorry)\b",
    r"\b(?:hose|hosepipe|pipe) (?:to|from|into|on) the exhaust\b",
    r"(?<!worried about )(?<!risk of )\bbleed(?:ing)? out\b(?! (?:normal|during|after|from))",
    r"\b(?:taken|took|swallowed) (?:a (?:whole )?(?:bunch|load|lot|handful)|loads|lots) of"
    r" (?:my |his |her |their |the )?(?:\w+ )?" + _MEDS + r"\b",
    r"\b(?:balcony|bridge|ledge|edge|roof|railing)\b.{0,80}\blean\w* (?:further |right |too far )?"
    r"(?:over|out)\b",
    r"\b(?:not|wouldnt|would not|will not|wont|never) survive (?:the|a|that) (?:fall|jump)\b",
    r"\b(?:bought|buying|got) (?:a |himself a |herself a |themselves a )?(?:gun|rifle|pistol"
    r"|shotgun|firearm)\b.{0,60}\b(?:depressed|not himself|not herself)\b",
    r"\bsat (?:there |up |at home |home )?with\b.{0,50}\b(?:gun|rifle|pistol|shotgun|rope|razor"
    r"|knife)\b",
    r"\b(?:does|would|will|do you think) it hurts? (?:to|when you) (?:drown|die|hang|jump|fall"
    r"|bleed)\b|\bhurts? to (?:drown|die|hang)\b" + r"(?<!fall)(?<!jump)(?<!bleed)",
    r"\bhelium\b.{0,60}\b(?:bag|hood|mask)\b|\bexit bags?\b",
    r"\b(?:blade|razor|knife)\b.{0,60}\b(?:to use it|use it on (?:myself|me)|keep using it)\b",
    r"\b(?:decided|chosen|picked) (?:that )?(?:\w+ ){1,2}(?:is|will be) (?:my|the) (?:last|final)"
    r" day\b",
    r"\burges? to (?:jump|step off|step in front|fall|lean|drive into|swerve)\b",
    r"\bhow (?:much|many) (?:\w+ ){0,3}(?:it )?takes? to (?:wreck|destroy|damage|kill|shut down"
    r"|stop) (?:your|my|the|a) (?:liver|kidneys?|heart)\b",
    r"\bcharcoal\b.{0,40}\b(?:tape|sealed|bucket|bedroom|car|tent)\b",
    r"\blife insurance\b.{0,60}\b(?:not an accident|(?:pays? out|still pays?)(?: \w+){0,3} (?:if"
    r" (?:it is|its|i|you|someone) (?:not an accident|suicide|self inflicted|on purpose|kill\w*"
    r"|(?:take|took) (?:my|your|their) (?:own )?life|overdose)|for suicide|when (?:it is|its)"
    r" suicide))\b|\blife (?:policy"
    r"|cover)\b.{0,60}\b(?:not an accident|suicide|overdose|self inflicted)\b",
    r"\b(?:platform|cliff|roof|ledge|bridge|balcony)\b.{0,100}\b(?:lean(?:ing)? forward"
    r"|step(?:ping)? (?:off|forward)(?! (?:of )?the (?:train|bus|tube|tram|car))|let myself"
    r" fall|just (?:jump|fall|step)|if i (?:just )?jumped)\b",
    r"\b(?:be|is) easier to (?:just )?(?:lean forward|let go|step off|end it|not wake up"
    r"|disappear|not be here|die|go)(?=$| \.| and)",
    r"\btoo late to save (?:you|me|someone|him|her|them)\b",
    r"\b(?:got|have|has) (?:a lot|loads|plenty|enough|lots|a stash|a stockpile) of (?:them|pills"
    r"|tablets|meds) (?:saved|stashed|stockpiled|put away|put aside)(?: up| away)?\b",
    # A number of pills, not of milligrams; "I take 20 of my tablets a day" is a habit.
    r"\b(?:took|taking|swallow\w*|take like|take about|take around) (?:like |about |around "
    r"|maybe )?(?:\d{2,}|twenty|thirty|forty|fifty|a hundred) (?!mg|mcg|ml|milligrams|micrograms)"
    r"(?:of )?(?:my |your |ur |the |his |her )?(?:\w+ )?"
    + _MEDS
    + r"\b(?! (?:\w+ )?(?:a|per|each|every) (?:day|week|month)| daily| over| today by| by"
    r" (?:accident|mistake)| for the)",
    r"\b(?:bottles?|packets?|boxes?) of (?:\w+ )?(?:" + _MED_WORDS + r")\b.{0,60}\bstar\w* at"
    r" (?:them|it)\b",
    r"\b(?:took|take|taking|swallowed) (?:a few |some |a couple |a handful of )?extra\b.{0,40}"
    r"\bjust to see what (?:happens|would happen)\b",
    r"\b(?:stop|stops|stopped) (?:my|your|his|her|their|someones|someone s|a persons|the)"
    r" (?:heart|breathing)\b(?! (?:palpitations|racing|pounding|from racing|rate))",
    r"\b(?:finish|finishing|finished) (?:my|his|her|their) (?:own )?life\b",
    r"\b(?:deadliest|most lethal|most deadly)\b.{0,30}\b(?:combination|together|combined|mix)\b",
    r"\btaking all (?:of )?(?:my |the |his |her |their )?(?:\w+ )?"
    + _DRUGS
    + r" (?:tonight|today|now|at once)\b"
    + r"(?! (?:in the morning|each|every|daily|is that|ok|okay|fine)\b)",
    r"(?:^|\. )(?:so )?done with (?:everything|it all|all of it|life|living)(?=$| \.)",
    r"\b(?:looking up|looked up|researching|research|reading up on|stuff about|info on|buying"
    r"|bought|ordered)\b.{0,20}\bhelium\b",
    r"\b(?:which|what|best) (?:\w+ )?veins?\b.{0,20}\bcut\b|\bvein to cut\b",
    # "I just want to make it stop for good", not "will the infusion make it stop for good?"
    r"^(?!(?:will|can|could|would|does|do|is|might) \w+(?: \w+)? make).*?\bmake\w* (?:it|the"
    r" pain|everything|this) stop for good\b",
    r"\bterminal (?:diagnosis|illness|cancer)\b.{0,60}\b(?:relief|hope|wish|fantasi\w*)"
    r"|\b(?:fantasi\w*|wish\w*|hop\w*|pray\w*) (?:about |for |that i (?:get|had) )?(?:getting )?"
    r"(?:a )?(?:terminal|cancer)\b|\bhave an end date\b",
    r"\b(?:i am|i feel like|i feel|i m) (?:such |just |a total |nothing but )?a waste of"
    r" (?:oxygen|space|air)\b",
    r"\b(?:everyone|everybody|they|family|kids|he|she) would (?:be|cope|do) (?:\w+ )?(?:fine|better"
    r"|happier|ok|okay) (?:if|when) (?:i|he|she) (?:was not|wasnt|were not|was gone|am gone|died)",
    r"\bhow long (?:before|until|till) (?:someone|anyone|they|somebody) (?:finds|find|would find)"
    r" (?:you|me|a body)\b",
    r"\b(?:only way|only thing)\b.{0,30}\bis if i (?:stop|die|am gone|go|end it)\b",
    r"\b" + _MEDS + r" (?:i|he|she) (?:had |would |have )?(?:been )?(?:collecting|saving|hoarding"
    r"|stockpiling|stashing)\b"
    + r"(?! for (?:the|my|a) (?:flight|trip|holiday|holidays|travel|journey))",
    r"\b(?:sorted|in order|ready|done|tidy|settled) before i go(?=$| \.)",
    r"\b(?:died|die|dying) by (?:hanging|drowning|jumping|overdose|gunshot|my own hand)\b",
    r"\bslip(?:ping)? under\b.{0,30}\b(?:stay|staying|not come up|not coming up)\b",
    r"\b(?:out of|no more|run out of|ran out of) reasons to (?:stay(?! (?:in|at|with|on)\b)|live"
    r"|go on|keep going|be here)\b",
    r"\b(?:took|take|taking|swallow\w*) (?:like |about |around |maybe )?(?:\d{2,}|twenty|thirty"
    r"|forty|fifty|a hundred) (?!mg|mcg|ml|milligrams|micrograms)(?:of )?(?:my |your |ur |the |his"
    r" |her |their )?\w+(?: \w+)? (?:at once|in one go|all at once)\b(?! (?:each|every|daily))",
    r"\bmy (?:last|previous|first|second|other) attempts?\b(?! (?:at|to|on|with)\b)",
    r"\battempt\b.{0,40}\bwish\w* it (?:had )?worked\b",
    r"\b(?:gun|guns|rifle|pistol|shotgun|firearm|handgun|rope|noose|razor|blade|knife)\b.{0,60}"
    r"\b(?:thinking about (?:it|using it)|thought about (?:it|using it))(?=$| \.| (?:a lot|lately"
    r"|all|every|again|and|but))",
    r"(?<!jump )(?<!skipping )(?<!skip )\b(?:bought|buying|ordered|ordering) (?:a |some |the )?"
    r"(?:length of )?rope\b(?! (?:for|to climb|ladder|swing|toy|lights)\b)",
    # How many of one's pills it would take
    r"\bhow (?:many|much) of (?:my|his|her|their|the|these|those) \w+(?: \w+)? (?:it )?(?:would"
    r"|will|does|to) (?:it )?take(?=$| \.| to (?:die|kill|end|not wake|od|overdose|do it|be"
    r" fatal|stop))",
    r"\b(?:jump|step|throw|walk|lie|lay)\w* (?:" + _SELF + r" )?in front of (?:a |the |an )?"
    r"(?:\S+ ){0,3}(?:train|car|bus|truck|lorry|traffic|tube|subway|vehicle)\b"
    + r"(?! (?:stop|station|barrier|park|shelter|lane)\b)",
    r"\bthrow\w* " + _SELF + r" (?:off|from|under)\b",
    # Driving into something on purpose, thought of or wished: "i think about just steering
    # into a tree", not "i crashed my car into a tree last year" (an accident, told).
    r"\b(?:think\w*|thought|want\w*|wish\w*|tempted|urges?|going|plan\w*|imagin\w*"
    r"|fantasi[sz]\w*|dream\w*|consider\w*|could|might|should|will|close|easy|easier)"
    r" (?:about |of |to )?(?:just |simply )?(?:driv|drove|steer|crash|swerv|veer|ram|plough|plow"
    r"|wrap|drift)\w* (?:my |the |our |his |her )?(?:car |truck |van |bike |motorbike )?(?:into"
    r"|off|in front of|under) (?:a |an |the |some |that |this )?(?:\w+ )?(?:tree|wall|bridge|cliff"
    r"|river|lake|traffic|truck|lorry|train|bus|pole|lamppost|lamp post|barrier|overpass|pillar"
    r"|ditch|sea|ocean|embankment|building|lane|canal|reservoir|quarry)\b(?! (?:district|lined"
    r"|avenue|car park|road|tunnel)\b)",
    r"\b(?:crash|wreck)\w* (?:my |the )?(?:car|truck|van|bike) (?:into (?:\w+ ){1,3})?on purpose\b",
    r"\b(?:driv|drove|steer|swerv)\w* (?:my |the )?(?:car |truck |van )?into (?:\w+ ){1,3}on"
    r" purpose\b",
    r"\b(?:slit|slitting|slash\w*) " + _MY + r" (?:arms?|wrists?|veins?|throat)\b",
    r"\b(?:cut|cuts|cutting) " + _MY + r" (?:wrists?|veins?|throat)\b",
    r"\b(?:cut|cuts|cutting) " + _MY + r" (?:arms?|legs?|thighs?|skin|stomach)\b" + _NOT_ON_PURPOSE,
    # "cutting" on its own, as a habit: "my teenager has been cutting", not "cutting my pills"
    r"\b(?:started|start|starting|been|keep|keeps|kept|stop|stopped|quit|urge to|urges to|want"
    r" to|relapsed and|is|am|are|was|were|thinking about|think about|thought about|thinking of"
    r"|urges? for|tempted by|miss) (?:\w+ )?cutting(?=$| \.| (?:again|deeper|at night"
    r"|every|when|whenever|to cope|to feel|because|lately|recently|for (?:weeks|months|years"
    r"|a while)|and|but|since)\b)",
    r"\bcutting again\b",
    r"\b(?:goodbye|suicide|farewell) (?:note|letter)s?\b",
    r"\bwrit\w* (?:a |my |his |her )?(?:goodbye|farewell)s?\b(?! (?:card|party|speech|email"
    r"|message to|to (?:a|my|our|the) (?:coworker|colleague|boss|team)))",
    r"\b(?:final|last) goodbyes?\b"
    + r"(?! (?:to|at) (?!(?:you|everyone|all|the world|my family|my kids|life)\b))",
    r"\bthis is (?:my )?(?:final )?goodbye\b"
    + r"(?! to (?!(?:you|everyone|all|the world|my family|my kids|life)\b))",
    r"\b(?:put|putting|get|getting|got) " + _MY + r" affairs in order\b",
    r"\bgiv\w* away (?:all )?(?:of )?" + _MY + r" (?:stuff|things|belongings|possessions|pets?"
    r"|dog|cat)\b" + r"(?! (?:i|we) (?:do not|dont|no longer) (?:need|use|want))",
    r"\bnoose\b",
    # goodbyes and preparations
    r"\b(?:said|saying|say|made|make|making) (?:my |all my |our )(?:last |final )?goodbyes\b",
    r"\b(?:said|saying|say) (?:my |our )?(?:last|final) goodbyes?\b",
    r"\b(?:letters?|notes?) (?:to|for) (?:my |the )?(?:\w+ )?(?:kids|children|family|wife|husband"
    r"|partner|mum|mom|dad|parents|son|daughter|loved ones|friends)\b.{0,40}\bjust in case\b",
    r"\b(?:gave|given|giving) away " + _MY + r" (?:dog|cat|pets?|belongings|possessions|things"
    r"|stuff)\b",
    r"\bsee (?:you|ya|u) on the other side\b",
    r"\bthank\w* (?:you )?for trying (?:with|to help|to save) me\b",
    r"\b(?:sorry for everything|thank\w* (?:you |us |me )?for everything)\b.{0,60}\b(?:(?:switched"
    r"|turned) (?:his|her|their|the) phone off|(?:is not|isnt|stopped) (?:answering|replying"
    r"|picking up))\b",
    r"\b(?:no one|nobody|noone) would (?:even |really )?(?:notice|care|miss me)(?=$| \.)",
    r"\b(?:not|do not|dont) deserve (?:food|to eat|to live|to be (?:alive|here))\b",
    r"\bnot eaten (?:in|for) (?:\w+ )?(?:days|weeks)\b.{0,20}\bon purpose\b",
    r"\b(?:made|make|had|survived) (?:an |a |my |another |one |two |three |several )?(?:suicide )?"
    r"attempts?\b(?! (?:at|to|on) (?!(?:my|his|her|their) (?:own )?life\b))",
    r"\b(?:choose|chose|decide|pick) when (?:i|to) (?:die|go)\b",
    r"\b(?:picture|picturing|imagin\w*|think\w* about|dream\w* (?:of|about)|plan\w*) my (?:own )?"
    r"funeral\b",
    r"\b(?:no quiero (?:vivir|seguir|estar aqui)|quiero morir\w*|matarme|quitarme la vida)\b",
    r"\b(?:crisis|suicide|samaritans|lifeline|988) (?:line|lines|hotline|hotlines|number|text line"
    r"|team|service)s?\b",
    r"\b(?:rope|gun|pistol|rifle|shotgun|knife|blade|razor) (?:is )?(?:ready|loaded|to my (?:head"
    r"|throat|wrist|chest)|against my (?:head|throat|wrist))\b",
    r"\b(?:loaded|load|loading) (?:a |the |my )?(?:gun|pistol|rifle|shotgun)\b",
    r"\b(?:(?<!massage )(?<!glue )(?<!nail )(?<!heat )gun|pistol|rifle|shotgun|knife|blade|razor"
    r"|rope)\b.{0,60}\b(?:on|to|against) " + _SELF,
    r"\b(?:use|using|used|point|pointing|put|putting) (?:a|the|my) (?:gun|pistol|knife|blade"
    r"|razor|rope) (?:on|to|against) " + _SELF,
    r"\bi (?:have|have got|got|made|came up with|worked out|figured out|now have) a (?:plan|way)"
    r"(?=$| \.| (?:and|now|already|ready|for (?:tonight|tomorrow|how|it|doing it)|to (?:do"
    r" it|end|die|kill|take|go through|overdose|od|jump|hang)|i)\b)" + r"(?! to take\b)",
    r"\b(?:know|decided|figured out|worked out|planned|planning|picked|chosen|chose) (?:exactly )?"
    r"(?:how|when|where) (?:i would|i will|i am going to|to|i could) (?:do it|end it|die|kill"
    r"|end things)\b",
    r"\b(?:working|figuring) out (?:exactly )?(?:how|when|where) (?:i would|i will|i am going to"
    r"|i could) (?:do it|end it|die|kill|end things)(?=$| \.| (?:tonight|soon|and|without)\b)",
    # -- warning signs the blind probes 9-12 showed no rule knew ------------------------------
    # Written by warning sign, then narrowed after a review wrote ordinary messages close to
    # each (docs/quality.md): where a guard must see the whole message, it is a lookahead
    # from its start (_UNLESS_AWAY, _UNLESS_PETS).
    # Would anyone even notice, with the means or the absence in the message ("if I was gone"
    # itself is an older rule's).
    r"^(?=.*\b(?:" + _MED_WORDS + r"|gone|dead|died|die|disappear\w*|took all|jump\w*|end it"
    r"|overdose)\b).*?\bwould (?:anyone|anybody|someone|people) (?:even|really|actually) (?:notice"
    r"|care|miss me)(?=$| \.)",
    # All of one's pills, as a thought ("if I took all my pregabalin tonight"), not as history.
    r"\bif (?:i|he|she) (?:took|swallowed|downed) (?:all|every one|the lot|(?:the|a) whole"
    r" (?:bottle"
    r"|box|pack|packet)) (?:of )?(?:my|his|her"
    r"|the|their) " + _NOT_ONE_DOSE + _DRUGS + r"\b(?=$| \.| (?:at once|tonight|together|in one go"
    r"|would (?:it|that|i|anyone)|will (?:it|that|i)|and (?:the|my|some))\b)",
    r"\bif (?:i|he|she) (?:take|swallow) (?:all|every one|the lot) (?:of )?(?:my|his|her|the"
    r"|their) (?:\w+ )?" + _DRUGS + r"\b (?:at once|tonight|together|in one go)\b",
    # Fearing someone will use the weapon or pills they have.
    r"\b(?:guns?|rifle|pistol|shotgun|firearm|rope|pills|tablets|knife|blade)\b.{0,100}\b(?:scared"
    r"|afraid|worried|terrified|frightened|fear)\b.{0,30}\b(?:going to|will|might|may|could)"
    r" use (?:it|them)\b(?! (?:up|too|wrong|correctly|properly|more|often|again)\b)",
    r"\b(?:scared|afraid|worried|terrified|frightened)\b (?:that )?(?:i|he|she|they|my \w+)"
    r" (?:will|might"
    r"|may|could|am going to|is going to|are going to) use (?:the|my|his|her|their) (?:gun|rifle"
    r"|pistol|shotgun|rope|pills|tablets|knife|blade)\b(?! (?:up|too|wrong|correctly|properly"
    r"|more|often|again)\b)",
    # Something burning held to the skin: a lit cigarette, a lighter, a hot spoon (not by
    # accident, lighting a barbecue, drunk, on a dare or to show off: probe 24's review).
    r"^(?!.*\b(?:by accident|accidentally|by mistake|mistake|lighting|bbq|barbecue|candle|dare"
    r"|drunk|doz\w*|asleep|did not notice|without noticing|ashtray|dancing|show off)\b).*?"
    r"\b(?:press|stub|hold|held|put|push)\w* (?:out )?(?:a |my |the |her |his )?(?:lit )?"
    r"(?:cigarettes?|cigs?|ciggies|ciggie|ciggy|lighters?|matches|match|hot (?:spoon|knife|iron"
    r"|metal|coin|key|pan|poker)\w*)(?: out)? (?:on|against|to|onto|into) (?:my|her|his|their)"
    r" (?:\w+ )?(?:fore)?"
    r"(?:arms?|thighs?|legs?|skin|wrists?|hands?|stomach|chest|belly)\b",
    # Dying on one's own terms, and asking about assisted dying (named, it counts, like suicide).
    r"\b(?:go|going|die|dying|pass|check out|end it)(?: (?:peacefully|quietly|with dignity|now"
    r"|soon))? on my own terms\b",
    r"\b(?:want|like|ready|wish|let me|help me|wish i could) (?:to )?(?:just )?(?:go|die|slip away"
    r"|pass away"
    r"|pass) (?:peacefully|with dignity|in my sleep)\b",
    r"\bassisted dying\b|\bdignitas\b|" + _UNLESS_PETS + r"\beuthanasia\b",
    # Asking where the highest drop near here is.
    r"\b(?:tallest|highest) (?:\w+ )?(?:car park|multi ?stor(?:e)?y|parking (?:garage|structure"
    r"|deck)|bridge|cliff|rooftop)s?\b(?=.{0,30}\b(?:near|nearby|around here|round here|close"
    r"|closest|in town|local)\b)",
    # How much it would take not to come back from it (not "until I don't wake up in pain").
    r"\bhow (?:much|many)\b(?:(?! \.).){0,80}\b(?:never|not) (?:come|coming) (?:back )?(?:up|round"
    r"|around)\b(?! (?:during|in the middle|mid|halfway|part way|for|too|until|till|after)\b)",
    r"\bhow (?:much|many)\b(?:(?! \.).){0,80}\b(?:never|not) (?:wake|waking) up\b"
    + _ORDINARY_WAKING,
    # "Checking out", said of leaving life, with no place to check out of.
    r"\b(?:planning|plan|decided|want|wants|tempted) to check out(?=$| \.| (?:anyway|soon"
    r"|tonight|for good|permanently)\b)",
    r"\b(?:note|notes|letter|letters)\b.{0,60}\bsorry (?:for|about) being (?:a|such a|so much of a)"
    r" burden\b",
    # Not being around by a date, unless the writer is moving or travelling.
    _UNLESS_AWAY + r"\b(?:might|may|probably|likely|will|i will|i am going to) (?:will )?not"
    r" (?:still )?be (?:around|here|alive) (?:by|past|beyond|come) (?:then|christmas|easter|new"
    r" year|the new year|summer|spring|autumn|fall|winter|next (?:month|year|week|christmas|summer"
    r"|spring)|the end of the (?:year"
    r"|month)|january|february|march|april|may|june|july|august|september|october|november"
    r"|december|my birthday)\b",
    _UNLESS_AWAY + r"\b(?:i will|ill|i am going to) be (?:gone|dead) (?:by (?:christmas|easter"
    r"|summer|spring|autumn|winter|then|next \w+)|soon)(?: anyway)?(?=$| \.| anyway)",
    _UNLESS_AWAY + r"\bnot being (?:here|around|alive) (?:next|by|this) (?:year|christmas|summer"
    r"|month|week)\b",
    _UNLESS_AWAY + r"\bnot like (?:i (?:will|would|am going to)|ill) (?:still )?be (?:around|here"
    r"|alive)\b",
    r"\bstill be (?:here|around|alive) by the time\b",
    _UNLESS_AWAY + r"\b(?:doubt|not sure) (?:that )?(?:i will|ill|i would) (?:still )?be (?:here"
    r"|around|alive) by\b",
    _UNLESS_AWAY
    + r"\b(?:might|may|will) not make it (?:to|till|until) (?:christmas|my birthday|the"
    r" new year|new year|next (?:year|month|week))\b(?! (?:dinner|party|lunch|market|service|do"
    r"|eve)\b)",
    # Enough not to wake up or come back.
    r"\benough (?:\w+ ){0,2}to (?:not|never) (?:have to )?(?:come back|come round|come around)\b"
    r"(?! (?:during|in the middle|mid|halfway|too|until|till|for|next|again|to the)\b)",
    r"\benough (?:\w+ ){0,2}to (?:not|never) wake up\b" + _ORDINARY_WAKING,
    # A rehearsal with a ligature (not a play, a class or pilates).
    r"^(?!.*\b(?:play|show|concert|performance|wedding|speech|recital|choir|band|class|lesson"
    r"|pilates|yoga|costume|scouts)\b).*?\b(?:rehears(?:ed|ing|al)|practi[sc](?:ed|ing)|dry run"
    r"|test run|trial run|practice run)\b.{0,60}\b(?:belt|noose|ligature|dressing gown cord"
    r"|scarf)\b",
    # Asking to be put down, as animals are.
    r"\bbe put down like (?:a |an |the )?(?:dogs?|cats?|animals?|pets?|horses?)\b",
    r"\b(?:want|wish|ask|asking|beg\w*|like|way|ways|how|can i|could i) (?:to )?(?:just )?be put"
    r" down(?=$| \.|"
    r" like| humanely| the way| as (?:they|you) do)|\bput (?:me|myself) down like (?:a|an|the)"
    r" (?:dog|cat|animal|pet|horse)\b",
    r"\bpick\w* (?:at )?(?:the |my |old |at )*(?:scars?|scabs|cuts|wounds) (?:open|until (?:they"
    r"|it) bleeds?)\b",
    # Going without food to punish oneself.
    r"\bpunish\w* (?:myself|herself|himself) by (?:not eating|starving|cutting|burning|hurting"
    r"|scratching|hitting)\b|\b(?:not eat\w*|stop\w* eating|starv\w*|skip\w* meals)\b(?:(?! \.)"
    r".){0,40}\bto punish (?:myself|herself|himself)\b",
    r"\b(?:why|point in|point of|reason to) (?:i should |should i |to )?(?:even )?(?:bother|keep|go"
    r" on|carry on) (?:living|being alive|existing)\b(?! (?:in|at|near|on|here|there|abroad)\b)",
    # A whole month's pills at once: an attempt, told or planned.
    r"\b(?:swallow\w*|downed) (?:my |his |her |their |a )?(?:whole|entire) (?:month|week"
    r"|fortnight)(?:s? supply\b|s?(?: worth| supply)?(?: of)? (?:my |the |his |her )?(?:\w+ )?"
    + _DRUGS
    + r"\b)"
    r"|\b(?:took|take|taking|taken) (?:my |his |her |their |a )?(?:whole|entire) (?:month|week"
    r"|fortnight)(?:s? supply|s?(?: worth| supply)?(?: of)? (?:my |the |his |her )?(?:\w+ )?"
    + _DRUGS
    + r")\b(?: \w+){0,2} (?:at once|in one go|all at once)\b",
    # Attempted, said with no object: "patients who have attempted before".
    r"\b(?:who|people|patients|anyone|someone|somebody)(?: who)? (?:have|has|had) (?:previously"
    r" |already )?attempted(?=$| \.| (?:before|in the past|previously|once|twice|again|suicide"
    r"|last|\w+ (?:years|months|weeks) ago)\b)(?!(?: \w+)? to\b)",
    # Hoping an illness is the end ("hoping the lump is cancer"), not fearing it.
    r"\b(?:hop\w*|wish\w*|pray\w*) (?:that )?(?:the |my |this )?(?:(?!but |not |and )\w+ ){0,4}?"
    r"(?:is|are|was|were|its|it is|turns out to be|will be|comes back(?: as)?) (?:cancer|terminal"
    r"|malignant)\b",
    # Sitting in a closed garage with the engine running (not at the garage for an MOT).
    r"^(?!.*\b(?:waiting room|mot|mechanic|service|repair\w*)\b).*?\b(?:sit|sat|sitting|lie|lay"
    r"|lying|stay\w*)\b.{0,30}\bgarage\b.{0,60}\b(?:engines?|motor|car) (?:running|on)\b",
    r"\b(?:want|wanted|need|going|urges?) to cut (?:again|tonight|deeper)\b",
    r"\b(?:do not|can not) trust myself (?:tonight|right now|alone|anymore|with (?:my|the|these"
    r"|those) (?:pills|meds|tablets|knife|knives|razor|blades?))\b",
    r"\b(?:would not|wouldnt) mind if i (?:never|did not) (?:woke|wake) up\b" + _ORDINARY_WAKING,
    r"\b(?:lie|lay) down and never (?:get|wake) up\b",
    r"\bin (?:the|a|my) (?:closed|shut|locked) garage\b.{0,40}\b(?:engine|motor|car|exhaust)\b"
    r"|\b(?:engine|motor|car) (?:running )?in (?:the|a|my) (?:closed|shut|locked) garage\b",
    r"\burges? to (?:cut|burn|hurt|harm)\b(?! (?:down|back|out|off|costs?|my (?:hair|nails|losses"
    r"|hours)|the cord|ties)\b)",
    r"\b(?:i am|i will be|i will|ill) (?:end|ending) (?:it|things|everything)(?=$| \.| (?:by|if"
    r"|when|before|soon|tonight|tomorrow)\b)" + _NOT_A_BREAKUP,
    # A time set for it: "given myself till the end of the month before i end it" (not "should
    # i taper before i end it": a treatment ended).
    r"\b(?:given|giving|give) myself\b.{0,60}\b(?:before|then|till|until|and then) i (?:will )?"
    r"(?:finally |just )?end (?:it|things|everything|my life)\b" + _NOT_A_BREAKUP,
    r"\b(?:before|till|until|til|once|then) i (?:finally |just )?end (?:it all|everything|my"
    r" life)\b",
    # A method worked out, said of oneself (not "we have got the means sorted", "my way sorted").
    r"\bi (?:have |had )?(?:got |now )?(?:the|a|my) (?:method|means) (?:all )?(?:worked out|planned"
    r"|figured out|sorted|chosen|picked)\b(?! (?:for|to|with|of|on|in|at) )"
    r"|\bi (?:have |had )?(?:got )?(?:a|the) way (?:all )?(?:worked out|planned|figured out)"
    r"(?=$| \.)"
    r"|\bi (?:have )?(?:chosen|picked|decided on) (?:my|the) method\b",
    # Begging God to take one (not "i asked him to take me to the infusion").
    r"\b(?:beg|begs|begged|begging|pray|prays|prayed|praying|ask|asks|asking|asked) (?:to )?(?:god"
    r"|allah|jesus|the lord|lord|the universe)(?: every night| each night| daily)? (?:to )?"
    r"(?:please |just )*take (?:me|my soul|my life)\b(?! (?:to|through|back|home|out of"
    r" (?:the|this) (?:pain|flare)))",
    # A mix taken to see if one would wake up (not an alarm set "to see if i would wake up").
    r"\b(?:took|take|taken|taking|mixed|mixing|swallowed|downed|had) .{0,80}\bto see (?:if"
    r"|whether) i (?:would|will|could) (?:wake up|survive|die)(?=$| \.| or (?:not|die))",
    # Hoping the road, the sea or an illness takes one (not "hoping the clinic takes me").
    r"\bhop\w* (?:that )?(?:the |a |this |my )?(?:bend|road|river|sea|ocean|water|waves|tide"
    r"|current|cliff|fall|drop|cold|snow|storm|lightning|traffic|cancer|tumou?r|illness|disease"
    r"|infection|virus|covid|flu|pneumonia|heart attack|stroke|next one|next seizure) (?:takes"
    r"|will take|would take|might take) me(?=$| \.| (?:away|too|for good|with it|one day|tonight"
    r"|soon|first|in my sleep)\b)",
    # Hoping not to survive, or wishing one had not: "part of me hopes i do not survive my
    # operation next week".
    r"\b(?:hope|hopes|hoped|hoping|wish|wishing|pray|praying)\b(?: \w+){0,3}? i (?:do not|will"
    r" not|would not|never|did not|had not|have not) (?:survive|survived|come (?:round|around|to)"
    r" (?:from|after)|make it through (?:the |my |this )?(?:\w+ )?(?:surgery|operation|op"
    r"|procedure|night|anaesthetic|anesthetic))\b",
    # Saying one is not safe, with oneself or tonight (not "alone after sedation", "to drive").
    r"\bi (?:am|feel|am feeling) (?:really |very |so )?(?:not |un)safe(?=$| \.| (?:tonight|with"
    r" myself|around myself|anymore|on my own tonight|right now(?=$| \.))\b)|\b(?:i )?do not"
    r" feel safe(?=$| \.| (?:tonight|with myself|around myself|anymore|on my own tonight)\b)"
    r"|\bnot safe (?:with|around) myself\b",
    # Voices telling one to die.
    r"\bvoices?(?: \w+){0,3} (?:telling|tells|told|saying|says|keeps? telling|tell) (?:me|you) to"
    r" (?:jump|die|kill|hurt|cut(?! (?:down|back|out))|end (?:it|things|my life)|do it|step off"
    r"|step in front)\b",
    r"\bvoices?(?: \w+){0,3} (?:saying|says|say|telling me|tell me) (?:that )?i should (?:die"
    r"|kill myself|end it|jump|not be here)\b",
    r"(?<!could )(?<!could just )(?<!would )\b(?:lie down|lay down) forever\b",
    # Pills set aside night after night, or for weeks.
    r"\b(?:putting|put|setting|set|keeping|keep|kept|hiding|hid|hidden|stashing|saving) (?:aside"
    r" )?(?:some |a few )?(?:of )?(?:my |his |her |their |the )?(?:\w+ )?" + _MEDS + r"(?: aside)?"
    r" (?:each|every) night\b|\b(?:putting|put|setting|set|keeping|keep|kept|hiding|hid|hidden"
    r"|stashing|saving) (?:my |his |her |their |the )?(?:\w+ )?" + _MEDS + r" (?:aside|away)"
    r" (?:for weeks|for months|just in case|for a rainy day)\b",
    _UNLESS_AWAY + r"\bif i never (?:came|come|woke|wake) (?:back|up)\b(?: from(?: \w+){1,3})?"
    r"(?: \.)? (?:i would "
    r"|i will )?(?:be )?(?:fine|ok|okay|happy|relieved)\b|\b(?:fine|ok|okay|happy|relieved) if i"
    r" never (?:came|come|woke|wake) (?:back|up)(?=$| \.)",
    # Drinking a poison, said of oneself or of someone who threatens it (not by accident).
    r"\b(?:(?:i|he|she|they) (?:will |would |might |am going to |is going to |are going to |want"
    r" to |wants to |keep |keeps )?|(?:going to|want to|thinking of|thinking about|about to"
    r"|tempted to) )(?:just )?(?:drink|drinks|drank|drinking|consume|consumes|swallow\w*"
    r"|ingest\w*) (?:some |the |a bottle of |a cup of )?(?:pesticide|weedkiller|weed killer|bleach"
    r"|rat poison|antifreeze|paraquat|insecticide)\b(?!.{0,40}\b(?:by accident|accidentally|as a"
    r" (?:kid|child|toddler|baby))\b)",
    r"\b(?:point|reason) (?:in |of |to )?(?:sticking|staying|hanging|stick|stay|hang) around"
    r"(?=$| \.| anymore| any longer| much longer)",
    # Thinking of using the means at hand on oneself.
    r"\b(?:(?<!massage )(?<!glue )(?<!nail )(?<!heat )gun|rifle|pistol|shotgun|knife|blade|razor"
    r"|pills|tablets|meds|drugs|cupboard|cabinet|insulin|ketamine|morphine)\b.{0,120}\b(?:think\w*"
    r"|thought|urges?|tempted|want\w*) (?:about |of |to )?(?:using|use) (?:it|them|some|that"
    r"|those) on (?:myself|herself|himself)\b|\b(?:using|use) (?:my |the |his |her )?(?:pills"
    r"|tablets|meds|drugs|insulin|knife|blade|razor) on (?:myself|herself|himself)\b",
    r"\b(?:big|large|huge|lot of|enough|stockpile|stash|supply)\b (?:of )?(?:\w+ ){0,2}(?:"
    + _DRUGS
    + r"|it|them)\b.{0,20}(?<!okay )(?<!ok )(?<!safe )(?<!fine )\bto (?:take|swallow) (?:it |them"
    r" )?"
    r"all (?:at once|in one go)\b",
    r"\b(?:worth more|better off) (?:dead|with (?:my|his|her|the|their) (?:life )?insurance)\b",
    # Taking more on purpose, hoping it would be too much.
    r"\b(?:took|take|taking|swallowed|overdid|overdo\w*)\b.{0,40}\bon purpose\b.{0,40}\bhop\w*"
    r" (?:it|they)"
    r" (?:would|will) be (?:too much|fatal|the end|enough(?=$| \.| to (?:die|end|not wake|kill)))",
    # Sitting at the edge of a drop, or at "the edge" said alone (not of a bed or a pool).
    r"\b(?:sit|sat|sitting|stand|stood|standing) (?:\w+ ){0,3}(?:near|at|on|by|over) the edge(?=$"
    r"| \.| (?:again|tonight|for (?:an|a|hours|ages)|of (?:the |a )?(?:cliff|roof|bridge"
    r"|platform|building|car park|balcony|quarry|drop))\b)",
    r"\b(?:everyone|everybody|the world|they would all|my (?:family|kids|children|wife|husband"
    r"|partner))(?: would)? (?:all )?be better off(?=$| \.| (?:now"
    r"|tbh|honestly|really)\b)",
    r"\bhow (?:much|many) (?:of )?(?:my |the |his |her )?" + _DRUGS + r" (?:it )?(?:would|will)"
    r" (?:it )?take(?= to (?:die|kill (?:me|myself|someone|you)|end it|not wake|od|overdose|be"
    r" fatal|stop (?:my|your|the|a) (?:heart|breathing)|(?:just )?(?:not|never) (?:come back|wake"
    r" up)))",
    # Pills with drink, or a whole bottle, "will that do it".
    r"\b" + _DRUGS + r"\b(?:(?! \.).){0,60}\b(?:all (?:my|of)|whole bottle|bottle of|vodka|whisky"
    r"|whiskey|alcohol|wine|booze|gin|rum|mix\w*)\b(?:(?! \.).){0,40}\b(?:will|would) (?:that"
    r"|it|this|they) do it(?=$| \.)|\b(?:would|will) (?:a |the )?(?:whole |entire )?(?:bottle"
    r"|box|pack|packet|strip) of (?:\w+ )?" + _DRUGS + r" do it\b",
    r"\bgood innings\b.{0,40}\bready to go(?=$| \.| now| soon)",
    # A blade going deeper (not a knife-like pain going deeper).
    r"\b(?:blade|razor)s?\b(?!.{0,10}\bpain\b).{0,40}\b(?:cut\w*|went|going|goes|gone|slic\w*)"
    r" deeper\b|\b(?:cut\w*|going|gone) deeper\b.{0,40}\b(?:blade|razor)s?\b",
    # -- warning signs blind probes 12-14 showed no rule knew --------------------------------
    # A second review wrote 325 ordinary messages near the first versions of these rules, and
    # they alarmed on 136 (docs/quality.md): the rules kept are narrowed to the signal itself;
    # the phrasings too close to everyday ones ("take them all tonight" after a missed dose, "I'm
    # on the bridge now", "he'll manage fine without me") are left to the crisis net.
    r"^(?!.*\b(?:find|looking for|trying to|plasters?|bandages?|gummies|sweets|vitamins)\b)"
    + _UNLESS_PETS
    + r"\bstar(?:e|es|ed|ing) at (?:the |my |her |his )?(?:drugs?|medicines?|meds|pills?|tablets)"
    r" (?:cabinet|cupboard|drawer|stash)\b",
    r"\b(?:max|maximum|most) (?:amount|dose|number)\b.{0,40}\bbefore (?:the |my |your |a )?(?:heart"
    r"|breathing|body) (?:stops|gives out|shuts down)\b",
    # One's own eulogy or obituary written (not a eulogy for the funeral of someone else, not
    # the well-known exercise of a class or a coach, not a journalist's or a joke).
    r"^(?!.*\b(?:exercise|class|course|workshop|prompt|assignment|homework|essay|teacher|coach\w*"
    r"|dbt|funeral|service|lol|haha|lmao|terminal|cancer|advance care|group|death cafe|club"
    r"|bucket list|values|psycholog\w*|birthday|paper|journalis\w*)\b).*?\b(?:writ\w*|wrote"
    r"|draft\w*|rehears\w*|finish\w*|typed|compos\w*) (?:out |up )?my (?:own (?:eulogy|obituary"
    r"|obit)|obituary|obit)\b(?! (?:for|about|to|speech|column|pieces?|photo|caption)\b)",
    # A blade taken to the skin (not a razor: shaving; not a beauty treatment's blade).
    r"^(?!.*\b(?:dermaplan\w*|exfoliat\w*|facial)\b).*?"
    r"\b(?:tak\w*|took|drag\w*) (?:a |the |my )?(?:kitchen )?(?:knife|blade|scissors|compass"
    r"|glass)\b (?:to|across|into) (?:my|her|his) (?:fore)?(?:arms?|thighs?|legs?|skin|wrists?"
    r"|stomach|chest|belly)\b(?! (?:cast|hair|plaster)\b)",
    r"\b(?:want|wish|wishing|hope|hopes|hoping|just) (?:\w+ ){0,4}(?:keep\w*|put\w*) me under"
    r" forever\b",
    r"\bthis (?:whole )?(?:being alive|staying alive) thing\b|\bthis whole existing thing\b",
    r"\bassisted death\b",
    r"\bsaving (?:them|it|my \w+|the \w+|her \w+|his \w+) for when(?=$| \.| the time (?:comes|is"
    r" right))",
    r"\bbe with (?:my|her|his) late (?:dad|mum|mom|husband|wife|son|daughter|father|mother|brother"
    r"|sister|partner|nan|gran|grandma|grandad)\b|\bbe with (?:my|her|his) (?:\w+ )?in heaven\b",
    r"\b(?:bath|bathwater|water|pool|sea|lake|river)\b.{0,60}\b(?:should just|want to|wish i could"
    r"|could just|just) (?:not|never) (?:come|coming) (?:back )?up(?=$| \.| again)",
    r"\b(?:not going to|will not|do not want to) (?:keep|go on|carry on) (?:living|living it"
    r"|living like this) (?:past|beyond|after) \w+",
    r"\bcarv\w* (?:\w+ ){0,2}into (?:my|her|his) (?:fore)?(?:arms?|thighs?|legs?|skin|wrists?"
    r"|stomach)\b",
    r"\b(?:not|never) (?:think|sure) i (?:have|have got) (?:\w+ )?(?:weeks|months|days|long|fight)"
    r" left in me(?=$| \.| (?:tbh|honestly|anymore)\b)",
    # Biting oneself, in the first person (not a dog, a toddler or a slip while eating).
    r"\bi (?:keep |have been |have started |started |am )?(?:bite|biting|bit) my (?:own )?(?:hands?"
    r"|arms?|wrists?)\b(?! (?:by accident|accidentally|while|when)\b)",
    _UNLESS_AWAY
    + r"\bescap\w* (?:from )?(?:it all |this life |this world |everything )?(?:permanently"
    r"|for good|forever)(?=$| \.)",
    # -- warning signs check8 and probe 22 showed no rule knew -------------------------------
    # A second look by a reviewer, who tried each rule on ordinary near-misses and close
    # variants, narrowed them to the signal itself (docs/quality.md, "Probe 22 and check8").
    # "I want die", as a learner of English writes it (not "want die my hair": dye).
    r"\b(?:i|me) (?:just |really |only |so |very )?want(?:s|ed)? " + _DIE + r"(?=$| \.| (?:now"
    r"|already|pain|because|cause|so|please|i|and|but|every|tonight|today|soon|the pain|from"
    r"|of)\b)",
    # An overdose taken: ten or more tablets in figures, a dozen or more in words (not a dose in
    # mg, units or minutes, not a count over days, weeks or months).
    r"^(?!.*\b(?:last (?:week|month|year)|this (?:week|month|year)|per (?:day|week)|over the"
    r" (?:week|month)|in the first)\b).*?"
    r"(?<!it )\b(?:took|taken|swallowed|downed|necked|popped|ate)\b (?:like |about |around |over"
    r" |nearly |almost |a )?(?:[1-9]\d+|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|dozen)\b (?:of )?(?:(?:my|his|her|the"
    r"|mums?|moms?|nans?|dads?) ){0,2}(?:(?!\d|units?\b|minutes?\b|mins?\b|hours?\b|days?\b"
    r"|weeks?\b|months?\b|mg\b|ml\b)\w+ )?(?:" + _MED_WORDS + r"|tabs|capsules|paracetamol"
    r"|tylenol|acetaminophen|ibuprofen)\b(?!.{0,40}\b(?:a day|per day|daily|a week"
    r"|per week|a month|in (?:a|the|one) (?:week|month|year)|over (?:a|the|two|three|\d+)"
    r" (?:days|weeks|months)|so far|in total|since)\b)",
    # Skin held to a hob or a flame until it burns (not by accident, not to warm it).
    r"\b(?:hold|holds|holding|held|put|puts|putting|press|presses|pressing|pressed|keep|keeps"
    r"|keeping|kept|rest|resting) (?:my|his|her) (?:\w+ )?(?:hands?|palms?|arms?|fingers?|wrists?"
    r"|skin|thighs?|legs?|feet|foot) (?:over|on|onto|against|above|in|to) (?:the |a )?(?:hob|stove"
    r"|stovetop|hot ?plate|flames?|fire|kettle|gas ring|burner|(?:curling )?iron(?! (?:railings?"
    r"|radiator|gate|fence|bars?|pan|skillet))|grill|candle|lighter)\b(?=.{0,60}\b(?:on purpose"
    r"|deliberately|punish\w*|deserve|until (?:it|the skin|my skin|they) (?:burns?|burned|burnt"
    r"|blisters?|blistered|hurts?|smells?|smelt)|until i can"
    r" smell|all i (?:can|could) feel|longer and longer|until i (?:can not|could not) feel (?:the"
    r" other|my other|anything else))\b)"
    r"(?!.{0,60}\b(?:by accident|accidentally|without (?:thinking|looking|realising|realizing)"
    r"|warm|noticed|to (?:test|check|see if)|wrong)\b)",
    # A fall or a jump thought of as the end of the pain (not "for grandad", not the autumn).
    r"\b(?:think\w*|thought|wonder\w*|imagin\w*|tell\w* myself)\b.{0,30}\b(?:one|a|that) (?:\w+"
    r" )?(?:fall|jump|leap)(?: from(?: \w+){1,3}?)? (?:would|could|will|might) (?:(?:end|stop"
    r"|finish) (?:it|this|all|everything|the pain|my pain|all of (?:this|it)(?: pain)?)(?=$| \.|"
    r" (?:for good|forever|once and for all|and|now)\b)|be the end of (?:me|it)(?=$| \.))",
    # Hoping or praying the heart or the body gives out, or the heart stops.
    r"\b(?:hop(?:e|es|ed|ing)|wish\w*|pray\w*) (?:that )?(?:(?:something|my body|it all|my liver"
    r"|my kidneys)(?: (?:just|finally|will|would))* (?:gives?|giving) (?:out|up)|my heart"
    r"(?: (?:just|finally|will|would))* (?:(?:gives?|giving) (?:out|up)|stops?))(?=$| \.| (?:soon"
    r"|already|on me|in my sleep|so|and|for good|tonight)\b)",
    # Taking "the lot" to be done with it (not a package of infusions, not a course).
    r"^(?!.*\b(?:sessions|infusions|package|course|exercises|to the)\b).*?"
    r"\b(?:take|taking|swallow\w*|neck\w*) (?:the lot|the (?:whole|entire) (?:lot|box|packet|pack"
    r"|bottle|strip|blister pack))\b(?!.{0,40}\b(?:morning|breakfast|daily|a day|each day|every day"
    r"|as prescribed)\b).{0,30}\b(?:be done with it|done with it all|end it|never wake|not (?:have"
    r" to )?wake up)\b",
    # Ending it on a day that marks a life, said of oneself ("i am ending it on my birthday").
    r"(?:\bi (?:am |will |would )?(?:going to )?|(?:^|\. )(?:just )?)end(?:ing)? (?:it|things"
    r"|everything) (?:on|before) (?:(?:my|our) (?:\w+ )?(?:birthday|anniversary)|my (?:sons"
    r"|daughters|mums|moms|dads|wifes|husbands) birthday|(?:mothers|fathers) day|christmas|new"
    r" years?)(?: (?:day|eve))?\b(?!.{0,10} with\b)"
    r"(?!.{0,30}\b(?:i mean|the job|my job|the lease|the relationship)\b)",
    # About to do what cannot be undone, in distress (not a tattoo, a contract or an email).
    r"^(?=.{0,60}$|.*\b(?:pain|hurts?|agony|help|scared|tonight|anymore|goodbye|got till|have till"
    r"|given myself)\b)(?!.*\b(?:tattoo\w*|piercing|contract|email|account|flight|pension)\b).*?"
    r"(?:\b(?:before|till|until|or) i|\bi (?:am )?(?:going to|about to|might|will|could))(?: just)?"
    r" (?:do|go and do) (?:something|anything) (?:i|that i|i will|i would) (?:can not|could not"
    r"|will not be able to|can never) (?:undo|take back|come back from)\b",
    # Looking for methods that would not hurt (not IV methods or hair removal that do not).
    r"(?:^|\. |\b(?:a|any|some|the|find|for|up|googl\w*|search\w*|research\w*) )(?:methods?"
    r"|ways?)(?: out| to go| to do it)? (?:that|which) (?:(?:would|will|do|does) not (?:hurt|be"
    r" painful)|(?:would|will) be painless)(?=$| \.| (?:much|too much|as much|anyone|anybody|my"
    r" family|is that|tbh|at all)\b)",
    # "where it turns fatal", of a drug.
    r"\b" + _DRUGS + r"\b.{0,40}\b(?:turns?|becomes?|gets?|goes) (?:fatal|deadly)\b"
    r"(?! (?:boring|dull|serious)\b)",
    # About to drive into water or something solid ("bout to drive my car into the river").
    r"\b(?:a?bout|fixing|finna) to (?:just )?(?:driv|steer|crash|swerv)\w* (?:my |the )?(?:car"
    r" |truck |van )?(?:into|off) (?:a |an |the )?(?:tree|wall|river|lake|sea|ocean|canal|reservoir"
    r"|quarry|cliff|pole|lamppost|ditch|bridge|lorry|truck|bus|train|oncoming traffic)\b"
    r"(?! (?:district|side|front|path|road|car park|lined|avenue)\b)",
    # Pills set out in a pile beside one (not for a dosette box, not spilled).
    r"^(?!.*\b(?:dosette|organi[sz]er|remember|spilled|spilt|dropped|for the (?:morning|week)"
    r"|should i take|can i take|which ones|with food|pharmacist|husband|wife|carer|partner|by"
    r" (?:day|date|expiry|colou?r|size|time)|expiry|so i (?:do not|dont) forget|shelf|cupboard"
    r"|drawer|boxes|bottles|vitamins|supplements|inhalers?|creams?|refill|trip|holiday|planner"
    r"|organi[sz]\w*|toddler|son|daughter|kids?|child|photo|pic|picture|is this normal|review"
    r"|to (?:check|compare|count|work out))\b)"
    r".*?\b(?:" + _MED_WORDS + r"|paracetamol|ibuprofen|capsules)s?\b.{0,60}\b(?:in a (?:little"
    r" |neat |big |small )?(?:pile|heap) (?:next to|beside|in front of) me|popped out of (?:the"
    r" |their )?blister\w*(?: packs?)? (?:and )?(?:sitting |lying )?(?:in a (?:little )?pile"
    r"|next to me|beside me)|lined (?:them|it) (?:all )?up\b(?! for\b))",
    # -- warning signs probe 23 showed no rule knew ---------------------------------------------
    # A reviewer tried the first versions on 160 ordinary near-misses and 113 alarmed ("wave
    # when you find me", a nurse's tourniquet "so tight it goes numb", a grandmother in a
    # hospice who "has stopped eating and drinking", a eulogy rehearsed for the service): each
    # is narrowed to the signal itself (docs/quality.md, "Probe 23").
    # Who finds one's body (not "wave when you find me", not a game of hide and seek).
    r"^(?!.*\b(?:hide|hiding|seek|game|lost|playing)\b).*?\b(?:who|whoever|the day|the one"
    r"|the ones|the person|gone|too late) (?:\w+ ){0,5}(?:finds?|will find|would find) me"
    r"(?=$| \.| (?:first|dead|in time|like this|tbh|honestly|lol|x)\b)"
    r"|\b(?:not to|dont|do not|never) (?:ring|call|phone)\b.{0,60}\bfinds? me\b"
    # nobody having to find one "for a while" (probe 24; not off grid, at a festival or a cabin)
    r"|^(?!.*\b(?:hide|hiding|seek|game|playing|off grid|detox|festival|cabin|camping|holiday|spa"
    r"|novel|bliss|peace|retreat|phone died)\b).*?\b(?:nobody|no one|noone) (?!could\b)"
    r"(?:\w+ ){0,3}find me(?=$| \.| for (?:a while|ages|days|weeks|a long time)\b| in time\b"
    r"| until (?:it is|its) (?:over|done|too late)\b)",
    # Hurting one's own body until it bleeds, swells or welts: snapping, clawing, raking or
    # digging one's nails in, or any blow with a sign it was meant (not a fall, not an itch,
    # not a tourniquet or a physiotherapist's thumbs).
    r"^(?!.*\b(?:by accident|accidentally|fell|fall|slipped|tripped|crash\w*|eczema|itch\w*"
    r"|psoriasis|dermatitis|hives|rash|bites?|chapped|cracked|dry|blister\w*|gym|workout)\b)"
    r"(?:.*?\b(?:snap|claw|rake)(?:s|\w?ing)?\b|.*?\bdig(?:s|\w?ing)? (?:my|his|her) nails\b"
    r"|(?=.*\b(?:on purpose|deliberately|purposely|punish\w*|deserve\w*|feel something|hate"
    r" myself|hides? it|hiding it|i picked|i chose|my choice|less loud|against (?:the|a) wall"
    r"|with (?:a|the|my) (?:belt|hammer|ruler|hairbrush|brush|hair tie|rubber band|elastic))\b)"
    r".*?\b(?:scrub|scratch|whack|hit|bang|punch|pick|dig|press|slam|smash|pinch|twist|bite"
    r"|tie|squeeze|drag|knock|thump|grind|pull|slap|tear)(?:s|es|\w?ing|ed)?\b).{0,40}\b(?:my"
    r"|his|her) (?:own |bad |good |left |right )?(?:fore)?(?:arms?|wrists?|legs?|thighs?|knees?"
    r"|hands?|palms?|face|skin|head|stomach|scars?|fingers?|thumbs?|shins?|ankles?)\b.{0,60}"
    r"\b(?:till|until|til|so hard|so tight) (?:it|they|the skin|my skin|the stitches|the scar)"
    r" (?:\w+ )?(?:bleeds?|bleed|swells?|swell|weeps?|weep|welts?|bruises?|bruise|splits?"
    r"|pulls? open|opens?|open up|goes purple|go purple|goes numb|raw|black and blue)\b",
    # Those one leaves made sure of "without me", said as a last arrangement (check9), not for a
    # stay in hospital, a trip, a move or a job.
    r"^(?!.*\b(?:hospital|op|operation|surgery|holiday|trip|away|weekend|conference|week|night"
    r"|appointment|infusion|session|retreat|respite|while|when|during|until|till|for a|for the"
    r"|tonight|today|tomorrow|day|days|admission|ward|rehab|work|job|shifts?|back to|uni"
    r"|college|school|abroad|moving|move|course|training|deployment|contract)\b)"
    r".*?\b(?:made|making|make) sure (?:that )?(?:the |my |our )?(?:kids|children|family|wife"
    r"|husband|partner|son|daughter|dogs?|cats?|pets?|everyone|they|he|she|mum|mom|dad|girls"
    r"|boys) (?:will|would|are going to|is going to|can|could) (?:be|manage|cope|get by) ?(?:fine"
    r"|ok|okay|alright|all right|well)? without me(?: now| already)?(?=$| \.)",
    # -- warning signs probe 24 showed no rule knew ---------------------------------------------
    # A reviewer tried the first versions on 140 ordinary near-misses and 74 alarmed (a blade
    # taken out to oil a sharpener, boiling water poured on a hand making tea, "opting out of
    # life insurance", going to the lake "and not coming back without a fish"): each is
    # narrowed to the signal itself (docs/quality.md, "Probe 23").
    # A blade taken out of a pencil sharpener, or one broken open for it (not to clean, fix or
    # recycle it, not for a child's craft).
    r"^(?!.*\b(?:clean\w*|replac\w*|chang\w*|swap\w*|new|blunt|sharpen(?!er)\w*|kids?|son"
    r"|daughter|child|toddler|nephew|niece|school|teacher|class|craft\w*|project|model\w*"
    r"|miniatures?|minis|screw|stuck|jam\w*|fix\w*|oil\w*|lead|shavings|recycl\w*|safe\w*"
    r"|arthritis|put it back|how do i|how to|works?)\b).*?\b(?:took|take|taking|takes|got|get"
    r"|getting|pulled|pull\w*|snapped|prised|prising|pried|prying|unscrew\w*|broke|break\w*"
    r"|smash\w*) (?:the |a |my )?(?:blades?|razors?) out of (?:a |the |my |his |her )?(?:pencil )?"
    r"sharpeners?\b(?=$| \.| (?:again|tonight|last night|and (?:hid|hide|hidden|kept|keep|used"
    r"|use|cut)|to (?:cut|use (?:it )?on)|for (?:when|later|tonight))\b)"
    r"|\b(?:broke|break\w*|snapped|smash\w*|cracked) (?:open )?(?:a|my|the) (?:pencil )?"
    r"sharpeners?(?: open)? to get (?:the|a) (?:blade|razor)",
    # A burn made on one's own skin: a lit cigarette, a lighter or boiling water (not by
    # accident or mistake, not making tea, lighting a candle or on a dare, not a question).
    r"^(?!.*\b(?:by accident|accidentally|spilled|spilt|spill|knocked|dropped|slipped|kettle fell"
    r"|by mistake|mistake|making (?:tea|coffee|dinner|food)|tea|coffee|cooking|pan|handle|broke"
    r"|tap|thermostat|lighting|light|bbq|barbecue|candle|fire|dare|drunk|doz\w*|asleep|too long"
    r"|did not notice|without noticing|can i|should i|is it ok|warm up|hot water bottle|ashtray"
    r"|dancing)\b).*?\b(?:(?:press\w*|put\w*|stub\w*|hold\w*|held|push\w*) (?:a |the |lit |my )?"
    r"(?:lit )?(?:cigarettes?|cigs?|fags?|lighters?|lit match\w*)(?: ends?)? (?:into|on|onto"
    r"|against|out on|to)|pour\w* (?:boiling|scalding) water (?:over|on|onto)) (?:my|his|her)"
    r" (?:own )?(?:bare )?(?:fore)?(?:arms?|wrists?|legs?|thighs?|ankles?|skin|hands?|palms?|feet"
    r"|foot|stomach|chest|fingers?)\b",
    # How many of a drug before the harm cannot be reversed or it is too late (not years of
    # use, the bladder, a child or a pet, not an accident: a poisoning, not a plan).
    r"^(?!.*\b(?:by accident|accidentally|by mistake|toddler|child|kids?|dog|cat|pet|puppy|exam"
    r"|student|bladder|kidneys?|tolerance|addiction|dependence|side effects|years|months|weeks"
    r"|infusions)\b).*?\bhow (?:many|much)\b.{0,60}\b" + _DRUGS + r"\b.{0,60}\b(?:before|until"
    r"|till) (?:it|the damage|the harm|they|the liver damage|the hospital|the doctors)\b.{0,20}"
    r"\b(?:(?:can not|cant|could not|is not|isnt) (?:be )?(?:reversed|reversible|undone|fixed"
    r"|treatable|saved)|(?:is|its|it is|becomes?) (?:irreversible|permanent|too late|fatal)|can"
    r" not (?:save|help|fix|reverse)(?: (?:it|you|me|them))?(?=$| \.))\b"
    r"|\bhow (?:many|much)\b.{0,60}\b" + _DRUGS + r"\b.{0,20}\b(?:before|until) (?:there is"
    r"|theres) no going back\b",
    # Clocking out of life, as an end (not of life insurance or a game, not for a weekend).
    r"\b(?:clock|check|log|sign|bow|tap|opt)(?:ing)? (?:out|off) (?:of|from) (?:life|this life"
    r"|existence|this world|living)(?=$| \.| (?:for good|forever|permanently|tonight|now|today"
    r"|soon|early|once and for all|already|and|because)\b)",
    # Going to the river, the sea or the cliffs and not coming back (not for a week, not
    # without a fish, not people who move to the coast).
    r"^(?!.*\b(?:people|surf\w*|fish\w*|dog|cat|movie|film|book|horror|moved|retired|holiday"
    r"|cabin)\b).*?\b(?:go|goes|going|walk|walks|walking|drive|drives|driving|head\w*)(?: down"
    r"| out)? (?:in)?to the (?:river|sea|lake|bridge|cliffs?|tracks|railway|ocean|canal|reservoir"
    r"|quarry|woods|forest)(?: \w+){0,2}(?: \.)? (?:and )?(?:i am |i will |i would )?(?:not|never"
    r"|wont|will not|would not|wouldnt) (?:be )?(?:come|coming) (?:back|home)\b(?! (?:for|till"
    r"|until|before|with|without|is|empty|to the|from)\b)",
    # Stopping eating and drinking to die (not fasting before a procedure or for a faith, not a
    # relative at the end of an illness, not a diet).
    r"^(?!.*\b(?:before|prior|fast\w*|midnight|an(?:a)?esthe\w*|sedation|surgery|procedure"
    r"|infusion|operation|scan|colonoscopy|ramadan|lent|hospice|palliative|end stage|dementia"
    r"|(?<!not )terminal\w*|cancer|stage \d|motor neurone|mnd|famine|charity|diet|weight"
    r"|natural\w*|old age)\b)"
    r"(?=.*\b(?:on purpose|deliberately|decided|not terminal|not dying|had enough|to die|until i"
    r" die|till i die|want to die)\b).*?\bstop\w* (?:all )?eating and drinking(?= \.|$| (?:on"
    r" purpose|deliberately|completely|altogether|at home|to|so|until|till|and|now|if|how|for"
    r" good)\b)",
    # -- warning signs check10 showed no rule knew -----------------------------------------------
    # How peaceful (nice, easier) it would be not to exist: not how it felt (a day offline, a
    # float tank, an infusion), not for a place or an illness to stop existing.
    r"(?<!\bwas )(?<!\bwas so )(?<!\bfelt )(?<!\bfelt so )(?<!\bfeels )(?<!\bfeels so )"
    r"(?<!\bfeel )(?<!\bfeel so )"
    r"\b(?:peacef(?:u|ul)l+|nice|easier|a relief|blissful|lovely|restful|calm|better|quiet)\b"
    r"(?:(?! for (?!me\b|everyone\b|everybody\b|all\b|us\b|them\b|my (?:family|kids|wife"
    r"|husband|partner)\b)) \w+){0,4}"
    r" to (?:just |simply )?(?:not exist|stop existing|no longer exist)\b(?! (?:on|online"
    r"|in(?! this (?:world|life|body))|at(?! all)|for|to|as|during|until|till)\b)",
    # Others happier if one went to sleep and stayed asleep (for good), or never woke: not a
    # night's sleep, insomnia, snoring or a child's bedtime.
    r"^(?!.*\b(?:insomnia|snor\w*|cpap|melatonin|toddler|baby|newborn|puppy|sleep (?:problems?"
    r"|issues?|aids?|hygiene|better))\b)"
    r".*?\b(?:happier|better off|easier|relieved)\b.{0,40}\bif (?:i|he|she) (?:just |simply "
    r"|only )?(?:went|go|were to go) to sleep and (?:stayed|stay) asleep\b"
    r"(?= \.|$| (?:forever|for good|for ever|permanently|and never|and not|this time|please)\b)"
    r"|\b(?:happier|better off|easier|relieved)\b.{0,40}\bif (?:i|he|she) (?:just |simply "
    r"|only )?(?:(?:went|go|were to go) to sleep|fell asleep|fall asleep)(?: one night| tonight"
    r"| one day)? and (?:never|did not|didnt|not) (?:woke|wake) up\b" + _ORDINARY_WAKING,
    # A razor or blade dragged across one's own skin: not shaving, not a clinician's or an
    # artist's blade on it, not a blade that slipped.
    r"^(?!.*\b(?:shav\w*|hair\w*|wax\w*|rash|bumps?|razor burn|stubble|beard|nick\w*"
    r"|legs smooth|accident\w*|by mistake|(?:it|knife|blade|razor|hand) slipped|glue"
    r"|dermaplan\w*|exfoliat\w*)\b)"
    r"(?!.*\b(?:she|he|they|surgeon|nurse|doctor|dr|physio|physiotherapist|allergist|artist"
    r"|dermatologist|barber|esthetician|beautician) (?:\w+ )?" + _BLADE_ON_SKIN + r" \w+ my\b)"
    r".*?\b" + _BLADE_ON_SKIN + r" (?:across|into|along|over|down|up) (?:my|his|her) (?:own )?"
    r"(?:skin|arms?|forearms?|thighs?|wrists?|legs?|stomach|belly|hips?|ankles?|chest)\b",
    # Not "around" (in this world, much longer) if a treatment fails: not a queue, a clinic
    # left for another, a move, or someone else leaving.
    r"^(?!.*\b(?:somewhere else|elsewhere|another (?:clinic|doctor|provider|place)|moving"
    r"|move (?:back|to|house|away)|tms|refund)\b)"
    r".*?\bif\b(?! (?:the |my |this )?(?:\w+ )?(?:parking|meter|wifi|insurance|call|phone"
    r"|doctor|boss|app|website|card|machine|queue|line|intake)\b).{0,50}\b(?:(?:does not|do not"
    r"|did not|will not|wont|is not|isnt|is no) (?:work|help|good)\w*|fail(?:s|ed)?)\b.{0,30}"
    r"(?<!he is )(?<!she is )(?<!they are )(?<!he will )(?<!she will )(?<!they will )"
    r"\b(?:not|no longer) (?:be (?:hanging |sticking |staying )?|hanging |sticking |staying "
    r"|going to be |gonna be )around\b"
    r"(?= \.|$| (?:anymore|any longer|much longer|for long|for much longer|long|in this world"
    r"|on this earth|to see|for another (?:\w+ )?(?:years?|months?|decades?)|and|but|i)\b)"
    r"|^(?!.*\b(?:moving|move (?:back|to|house|away)|somewhere else|elsewhere)\b)"
    r".*?\bnot (?:hanging|sticking) around for (?:another|more|much more|many more) (?:\w+ )?"
    r"(?:years?|decades?|months?|winters?) of (?:it|this|the pain|pain|this pain)(?= \.|$)",
    # Counting out one's pills, wondering if they would be enough: not a supply for a trip,
    # not counting on a treatment, not someone else counting.
    r"^(?!.*\b(?:refill\w*|prescription (?:runs?|lasts?)|pharmacy|chemist|holiday|trip"
    r"|travel\w*|weekend|run out|running out|ran out|last (?:me|until|till)"
    r"|left (?:for|until|till|over|to last)|dosette|organi[sz]er|blister"
    r"|week|month|supply|conference|retreat)\b)"
    r"(?!.*\b(?:nurse|pharmacist|doctor|vet|mum|mom|dad|she|he) count)"
    r".*?\bcount\w* (?!on\b|down\b|it (?:all )?up\b)(?:out |up )?(?:all )?(?:my |the |of my )?"
    r"(?:\w+ )?(?:" + _DRUGS + r"|capsules|stash|it|them|these|those)\b(?! down\b).{0,80}"
    r"\b(?:(?:it|they|that|them|this|those) (?:would|will|might|could) (?:be )?"
    r"|(?:would|will|might|could) (?:it|they|that|this|those) be )"
    r"enough(?= \.|$| (?:now|yet|tonight|this time)\b)",
]
_CRISIS = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def signals_crisis(message: str) -> bool:
    """True when the message signals thoughts of suicide or self-harm."""
    return any(_CRISIS.search(text) for text in _normalise(message))


def rules_fingerprint() -> str:
    """A digest of the rules and the normalising (this module's source): it changes when what
    ``signals_crisis`` says may change."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
