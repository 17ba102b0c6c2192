"""First sentences that name their term the ways writers do, none as the samples do.

Each sentence is put together from pieces of the grammar of naming: a term, maybe
a bracket after it, appositives, the verb and a predicate. Each piece knows the
aliases it gives and the names a careful reader keeps out as doubtful, so the
sentence knows its expected term, aliases and doubts.

Naming verbs, adverbs, markers, terms, nicknames and brackets are chosen so
that none occurs in the samples (``tests/data/seeds-dev``);
``test_generalise.py`` checks it. Decoys come with them: metaphors ("serving as
a “…”"), scare quotes, explaining brackets, abbreviations of other nouns and
naming phrases far from the term.

``python -m tests.naming_pages [PAGES]`` prints the reader's figures on
generated pages.
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Thing:
    """A term and what can name it."""

    term: str
    genus: str  #: what it is: "a peptide hormone"
    plural: bool = False
    abbreviation: str = ""  #: abbreviates the term
    headed: str = ""  #: an abbreviation with the term's head noun: "HPT axis"
    synonym: str = ""  #: another name, written without quotes
    variant: str = ""  #: another spelling
    proper: bool = True  #: keeps its capital after "The"


THINGS = [
    Thing("Gastric inhibitory polypeptide", "an incretin hormone",
          abbreviation="GIP", synonym="glucose-dependent insulinotropic polypeptide"),
    Thing("Intestinal alkaline phosphatase", "a brush-border enzyme",
          abbreviation="IAP", synonym="gut phosphomonoesterase"),
    Thing("Thyroid-stimulating hormone", "a pituitary glycoprotein",
          abbreviation="TSH", synonym="thyrotropin"),
    Thing("Trimethylamine N-oxide", "a small organic compound",
          abbreviation="TMAO", synonym="trimethylamine oxide"),
    Thing("Interstitial cells of Cajal", "pacemaker cells of the gut wall",
          plural=True, abbreviation="ICC", synonym="gut pacemaker cells",
          proper=False),
    Thing("Hypothalamic-pituitary-thyroid axis", "a hormonal feedback loop",
          abbreviation="HPTA", headed="HPT axis", proper=False),
    Thing("Dipeptidyl peptidase-4 inhibitor", "a class of oral drugs",
          headed="DPP-4 inhibitor", synonym="gliptin"),
    Thing("Oxyntomodulin", "a gut hormone", abbreviation="OXM",
          synonym="enteroglucagon 37"),
    Thing("Cholecystokinin", "a peptide hormone", abbreviation="CCK",
          synonym="pancreozymin"),
    Thing("Hepcidin", "a liver peptide", synonym="LEAP-1"),
    Thing("Lactoferrin", "an iron-binding glycoprotein", synonym="lactotransferrin"),
    Thing("Kupffer cells", "resident macrophages of the liver", plural=True,
          synonym="stellate macrophages"),
    Thing("Enterochromaffin cells", "hormone-secreting cells", plural=True,
          synonym="Kulchitsky cells"),
    Thing("Calcitriol", "a secosteroid hormone",
          synonym="1,25-dihydroxycholecalciferol"),
    Thing("Faecal calprotectin", "a stool marker of inflammation",
          variant="fecal calprotectin", proper=False),
    Thing("Oesophageal sphincter", "a ring of muscle", variant="esophageal sphincter",
          proper=False),
    Thing("Motilin", "a 22-amino-acid peptide"),
    Thing("Defensins", "small antimicrobial peptides", plural=True),
]  # fmt: skip
NICKNAMES = [
    "iron switch", "fullness brake", "housekeeper wave", "satiety relay",
    "mucosal shield", "bile recycler", "night messenger", "thyroid dial",
    "hunger thermostat", "growth relay", "gut metronome", "copper courier",
]  # fmt: skip
OWNERS = ["the liver's", "the mucosa's", "the body’s", "the pancreas’s"]
ADVERBS = [
    "affectionately", "loosely", "routinely", "jokingly", "traditionally",
    "widely", "popularly", "casually", "playfully", "now", "still", "since",
]  # fmt: skip
#: Passive naming phrases, each as written before the name.
NAMING_PASSIVE = [
    "dubbed", "labelled", "labeled", "christened", "termed", "referred to as",
    "styled", "baptised", "branded", "renamed", "designated as",
]  # fmt: skip
#: Verbs that only describe: they name a quoted span after "the" only.
DESCRIBING = ["billed as", "hailed as", "touted as"]
#: Active forms after "which <someone>".
NAMING_ACTIVE = ["dub", "label", "christen", "style", "have dubbed", "have styled"]
SOMEONE = ["histologists", "many physiologists", "older textbooks", "researchers"]
MARKERS = ["formerly", "aka", "a.k.a.", "or simply", "or more plainly"]
EXPLAINING = [
    "(found chiefly in the ileum)",
    "(produced mostly after meals)",
    "(a small peptide)",
    "(mainly in adults)",
    "(e.g. in the duodenum)",
    "(first isolated in 1975)",
    "(see below)",
    "(plural: several)",
]
#: What it does, as "that <verb>s ...": the "s" goes for a plural term.
GENUS_DOINGS = [
    "that slows the emptying of the stomach",
    "that tunes iron uptake in the duodenum",
    "that shapes the rhythm of the small bowel",
    "that signals fullness to the hypothalamus",
    "that keeps bile salts in circulation",
]
METAPHORS = ["acting as {owner} “{nick}”", "much like a “{nick}”",
             "serving as a “{nick}”", "working like a “{nick}”"]  # fmt: skip
SCARE_PREDICATES = [
    "that feeds the “friendly” microbes of the colon",
    "that keeps the “bad” flora in check",
]
SECOND_SENTENCES = [
    "Its levels rise within an hour of a meal.",
    "Older texts once styled it the “{other},” a name no longer used.",
    "Its output falls during fasting and rises with protein intake.",
]


@dataclass
class Sentence:
    """A generated first sentence and what the reader should find in it."""

    thing: Thing
    parts: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    #: names that may name the term but must be kept out and reported
    doubts: list[str] = field(default_factory=list)
    #: naming phrases used (verbs, markers), to check that they are new
    phrases: list[str] = field(default_factory=list)
    term: str = ""

    @property
    def text(self) -> str:
        return "".join(self.parts)


def make_sentence(rng: random.Random) -> Sentence:
    """A first sentence: term, maybe a bracket, appositives, verb, predicate."""
    thing = rng.choice(THINGS)
    sentence = Sentence(thing)
    nicks = rng.sample(NICKNAMES, 4)
    _subject(rng, sentence)
    if rng.random() < 0.5:
        _bracket(rng, sentence)
    count = rng.choice([0, 1, 1, 2])
    if count:
        sentence.parts.append(",")
    for _ in range(count):
        _appositive(rng, sentence, nicks.pop())
    _predicate(rng, sentence, nicks.pop())
    return sentence


def _subject(rng: random.Random, sentence: Sentence) -> None:
    term = sentence.thing.term
    if not sentence.thing.proper and rng.random() < 0.5:
        term = term[0].lower() + term[1:]
        sentence.parts.append("The ")
    sentence.term = term
    sentence.parts.append(term)


def _bracket(rng: random.Random, sentence: Sentence) -> None:
    thing = sentence.thing
    choices = ["explain"]
    if thing.abbreviation:
        choices += ["abbreviation", "abbreviation"]
    if thing.headed:
        choices.append("headed")
    if thing.synonym:
        choices += ["synonym", "cued"]
    kind = rng.choice(choices)
    if kind == "explain":
        sentence.parts.append(" " + rng.choice(EXPLAINING))
        return
    if kind == "cued":
        marker = rng.choice(["formerly", "aka", "styled", "sometimes spelt"])
        if marker == "sometimes spelt" and not thing.variant:
            marker = "formerly"
        name = thing.variant if marker == "sometimes spelt" else thing.synonym
        sentence.phrases.append(marker)
        sentence.parts.append(f" ({marker} {name})")
        sentence.aliases.append(name)
        return
    name = {"abbreviation": thing.abbreviation, "headed": thing.headed}.get(
        kind, thing.synonym
    )
    sentence.parts.append(f" ({name})")
    if kind == "synonym" and _abbreviated(name):
        # "(LEAP-1)" after "Hepcidin": may abbreviate another noun; kept out.
        sentence.doubts.append(name)
    else:
        sentence.aliases.append(name)


def _appositive(rng: random.Random, sentence: Sentence, nick: str) -> None:
    """ ", <appositive>,": a naming phrase, a marker, a description or a decoy."""
    kind = rng.choice(
        ["passive", "passive", "relative", "marker", "describing", "describe",
         "metaphor", "far", "indefinite"]
    )  # fmt: skip
    text, aliases, doubts = _appositive_text(rng, sentence, kind, nick)
    if text.endswith("”") and rng.random() < 0.5:
        sentence.parts.append(f" {text[:-1]},”")  # the site's style: comma inside
    else:
        sentence.parts.append(f" {text},")
    sentence.aliases += aliases
    sentence.doubts += doubts


def _abbreviated(name: str) -> bool:
    return " " not in name and any(ch.isupper() for ch in name[1:])


def _unused_synonym(sentence: Sentence) -> str:
    """The thing's synonym if no piece has given it yet (each name once)."""
    synonym = sentence.thing.synonym
    taken = synonym in sentence.aliases or synonym in sentence.doubts
    return "" if taken else synonym


def _appositive_text(
    rng: random.Random, sentence: Sentence, kind: str, nick: str
) -> tuple[str, list[str], list[str]]:
    thing = sentence.thing
    adverb = rng.choice(ADVERBS)
    synonym = _unused_synonym(sentence)
    if kind == "passive":
        verb = rng.choice(NAMING_PASSIVE)
        sentence.phrases.append(f"{adverb} {verb}")
        if synonym and rng.random() < 0.4:
            return f"{adverb} {verb} {synonym}", [synonym], []
        owner = rng.choice(["the", "the nickname", *OWNERS])
        return f"{adverb} {verb} {owner} “{nick}”", [nick], []
    if kind == "relative":
        verb = rng.choice(NAMING_ACTIVE)
        sentence.phrases.append(verb)
        return f"which {rng.choice(SOMEONE)} {verb} the “{nick}”", [nick], []
    if kind == "marker":
        marker = rng.choice(MARKERS)
        sentence.phrases.append(marker)
        if synonym:
            return f"{marker} {synonym}", [synonym], []
        return f"{marker} the “{nick}”", [nick], []
    if kind == "describing":
        verb = rng.choice(DESCRIBING)
        sentence.phrases.append(verb)
        return f"{adverb} {verb} the “{nick}”", [nick], []
    if kind == "indefinite":
        verb = rng.choice(DESCRIBING)
        return f"{adverb} {verb} a “{nick}”", [], [nick]
    if kind == "metaphor":
        owner = rng.choice(OWNERS)
        return rng.choice(METAPHORS).format(owner=owner, nick=nick), [], []
    if kind == "far":
        verb = rng.choice(NAMING_ACTIVE)
        text = f"{thing.genus} made by cells that {rng.choice(SOMEONE)} {verb}"
        return f"{text} the “{nick}”", [], [nick]
    return f"{thing.genus} released by enteroendocrine cells", [], []


def _predicate(rng: random.Random, sentence: Sentence, nick: str) -> None:
    thing = sentence.thing
    verb = "are" if thing.plural else "is"
    kind = rng.choice(["plain", "plain", "named", "genus", "metaphor", "scare", "far"])
    doing = rng.choice(GENUS_DOINGS)
    if thing.plural:
        that, verb_s, rest = doing.split(" ", 2)
        doing = f"{that} {verb_s[:-1]} {rest}"
    if kind == "named":
        aux = "have long been" if thing.plural else "has long been"
        passive = rng.choice(NAMING_PASSIVE)
        sentence.phrases.append(passive)
        sentence.parts.append(f" {aux} {passive} the “{nick}” because of {thing.genus}")
        sentence.aliases.append(nick)
    elif kind == "genus":
        passive = rng.choice(NAMING_PASSIVE)
        adverb = rng.choice(ADVERBS)
        sentence.phrases.append(f"{adverb} {passive}")
        sentence.parts.append(
            f" {verb} {thing.genus}, {adverb} {passive} the “{nick}”, {doing}"
        )
        sentence.aliases.append(nick)
    elif kind == "metaphor":
        sentence.parts.append(f" {verb} {thing.genus} serving as a “{nick}” in the gut")
    elif kind == "scare":
        sentence.parts.append(f" {verb} {thing.genus} {rng.choice(SCARE_PREDICATES)}")
    elif kind == "far":
        someone = rng.choice(SOMEONE)
        sentence.parts.append(
            f" {verb} {thing.genus} made in cells that {someone} dub the “{nick}”"
        )
        sentence.doubts.append(nick)
    else:
        sentence.parts.append(f" {verb} {thing.genus} {doing}")
    sentence.parts.append(".")


def definition(rng: random.Random, sentence: Sentence) -> str:
    """The sentence and a second one, which may name things too (not aliases)."""
    other = rng.choice([n for n in NICKNAMES if n not in sentence.text])
    return f"{sentence.text} {rng.choice(SECOND_SENTENCES).format(other=other)}"


# Each page's own words: a paragraph repeated across a folder is boilerplate.
SECTIONS = {
    "Origin": (
        "The name {term} was coined in the 1970s by physiologists studying "
        "digestion. Older papers also styled it the {other}, a name since dropped."
    ),
    "Mechanism": (
        "{term} binds a receptor on nearby cells and changes how they secrete. "
        "Its effect fades within hours as it is cleared."
    ),
}


def expected_entry(rng: random.Random, sentence: Sentence) -> dict:
    """An ``expected.json``-style record for :func:`tests.test_generalise.make_page`."""
    other = rng.choice(NICKNAMES)
    return {
        "file": "generated",
        "term": sentence.term,
        "aliases": sentence.aliases,
        "definition": definition(rng, sentence),
        "sections": {
            heading: text.format(other=other, term=sentence.thing.term)
            for heading, text in SECTIONS.items()
        },
        "traps": [],
        "title_line": sentence.thing.term.title(),
    }


def _figures(pages: int) -> None:
    """Print terms right, aliases exactly right, false aliases, doubts reported."""
    from seed_glossary.ingest.names import extract_names

    rng = random.Random(2024)
    terms = exact = false = reported = doubts = 0
    for _ in range(pages):
        sentence = make_sentence(rng)
        names = extract_names(definition(rng, sentence))
        terms += names.term == sentence.term
        exact += list(names.aliases) == sentence.aliases
        false += len(set(names.aliases) - set(sentence.aliases))
        left_out = {name for name, _phrase, _why in names.left_out}
        doubts += len(sentence.doubts)
        reported += len(set(sentence.doubts) & left_out)
    print(
        f"{pages} sentences: terms right {terms}, aliases exactly right {exact}, "
        f"false aliases {false}, doubts reported {reported} of {doubts}"
    )


if __name__ == "__main__":
    _figures(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
