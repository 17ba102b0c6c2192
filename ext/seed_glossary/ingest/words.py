"""The words of the language that the reader of names looks at.

The naming grammar (:mod:`.cues`, :mod:`.naming`, :mod:`.brackets`) and the
reader of a definition's subject (:mod:`.names`) ask of a word what class it
belongs to: a naming verb, an adverb, a preposition, a determiner.
"""

from __future__ import annotations

from .sentence import Token


def word_set(text: str) -> frozenset[str]:
    """The words of *text*, split at spaces: a word list that reads as prose."""
    return frozenset(text.split())


#: Each naming verb: its forms, the particle that must follow (``None``: an
#: optional "as" or "to"), and whether it names only quoted spans.
_VERBS: dict[str, tuple[str, str | None, bool]] = {
    "call": ("call calls called calling", None, False),
    "dub": ("dub dubs dubbed dubbing", None, False),
    "name": ("named renamed", None, False),
    "nickname": ("nickname nicknames nicknamed nicknaming", None, False),
    "term": ("term terms termed terming", None, False),
    "label": ("label labels labelled labeled labelling labeling", None, False),
    "christen": ("christen christens christened christening", None, False),
    "baptise": ("baptised baptized", None, False),
    "style": ("style styles styled", None, False),
    "brand": ("branded", None, False),
    "spell": ("spelled spelt", None, False),
    "write": ("written", None, False),
    "abbreviate": ("abbreviated", None, False),
    "shorten": ("shortened", "to", False),
    "short": ("short", "for", False),
    "know": ("known", "as", False),
    "refer": ("refer refers referred referring", "to as", False),
    "designate": ("designated", "as", False),
    "go": ("go goes went going gone", "by", False),
    "so-called": ("so-called", None, False),
    "describe": ("describe describes described describing", "as", True),
    "bill": ("billed", "as", True),
    "hail": ("hailed", "as", True),
    "tout": ("touted", "as", True),
    "characterise": ("characterised characterized", "as", True),
}
# Forms that are nouns too: verbs only after a subject ("which many term").
NOUNS_TOO = word_set(
    "call calls label labels nickname nicknames term terms style styles"
)
VERB_FORMS = {
    form: (lemma, particle, quoted_only)
    for lemma, (forms, particle, quoted_only) in _VERBS.items()
    for form in forms.split()
}
VERB_FORM_SET = frozenset(VERB_FORMS)
#: Markers that name without a verb, at the start of a clause.
MARKERS = word_set(
    "formerly previously originally now also aka a.k.a. alias syn. synonym synonyms "
    "abbr. abbreviation"
)
#: Languages whose name of a thing is another name of it: "(Latin: X)".
LANGUAGES = word_set(
    "latin greek german french italian spanish dutch arabic japanese chinese english"
)
PREPOSITIONS = word_set(
    "about above across after against along among amongst around at before behind "
    "below beneath beside besides between beyond by despite down during except for "
    "from in inside into like near off on onto out outside over past per since "
    "including excluding regarding concerning "
    "through throughout to toward towards under underneath unlike until up upon "
    "via with within without"
)
CONJUNCTIONS = word_set(
    "that which who whom whose where when while whereas because although though "
    "if unless as so but yet nor"
)
AUXILIARIES = word_set(
    "is are was were be been being am has have had having do does did can could "
    "may might must shall should will would"
)
DETERMINERS = word_set(
    "the a an this that these those its their his her our your my some any each "
    "every no such many most several all both"
)
PRONOUNS = word_set("it they them he she we you one itself themselves")
# Words that may stand between a naming verb and its name.
NAME_NOUNS = word_set(
    "name names nickname nicknames term label moniker epithet title designation "
    "so-called"
)
ADVERBS = word_set(
    "often also sometimes still once now today more most well long even first "
    "later since then just perhaps too again"
)
# Words in -ly that are not adverbs.
NOT_ADVERBS = word_set(
    "family anomaly assembly supply apply reply italy july jelly belly rally bully "
    "holly lily ally ugly holy oily silly monopoly homily butterfly firefly folly "
    "friendly lovely lonely likely early costly deadly elderly orderly lively daily "
    "weekly monthly yearly hourly nightly timely only"
)
# Single words that describe rather than name: "(rare)", "also present".
ADJECTIVE_ENDINGS = (
    "al", "ic", "ive", "ous", "ful", "less", "able", "ible", "ant", "ent", "ary",
)  # fmt: skip
# Adverbs not in -ly that may stand between a verb and its name: "called just
# “X”". Not "first": "the first “hormone”" is no name.
FILLER_ADVERBS = word_set("just also often sometimes still")
# "known in the clinic as", "referred to by clinicians as", "known to many as".
PLACE_PREPOSITIONS = word_set("in among to by within across throughout outside")
AUDIENCE = word_set("many most some all the its their")


PARTICIPLES = word_set(
    "found made seen known given taken built held shown grown drawn born bound "
    "kept left lost met paid sent set spent told thought understood used"
)


# Words of an explaining parenthesis, never of a name.
NOT_NAMES = word_set("e.g. i.e. etc cf cf. see vs vs. plural singular")


def is_adverb(token: Token) -> bool:
    """ "often", "widely", "colloquially": words that may precede a naming verb."""
    low = token.low
    if token.kind != "word" or not low.isalpha():
        return False
    if low in ADVERBS:
        return True
    return low.endswith("ly") and len(low) > 4 and low not in NOT_ADVERBS


def is_function_word(token: Token) -> bool:
    """A preposition, conjunction, auxiliary, determiner or pronoun."""
    low = token.low
    return token.kind == "word" and (
        low in PREPOSITIONS
        or low in CONJUNCTIONS
        or low in AUXILIARIES
        or low in DETERMINERS
        or low in PRONOUNS
    )
