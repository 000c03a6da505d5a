"""The one tokenizer every lexical comparison uses: folding, stopwords, stemming, word families.

BM25 (`lexical`), coverage, question terms and sentence matching all compare stems made here, so a
word is the same word everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+")

# Small numbers as words, in order from one: notes and questions write them either way ("three" / "3").
NUMBER_WORDS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
                "sixteen seventeen eighteen nineteen twenty").split()

# Function words that carry no topic. Question words are here too: "when" says what kind of
# answer is wanted (see answering), not what it is about.
STOPWORDS = frozenset(
    """a an the and or but if then else of to in on at by for with without from into onto over under
    about above below between through during before after since until while as than so such
    is are was were be been being am do does did done doing have has had having can could shall
    should will would may might must ought i me my we our you your he him his she her it its they
    them their this that these those there here what which who whom whose when where why how
    not no nor only own same too very just also any all both each few more most other some many much
    s t don didn doesn isn wasn weren aren won wouldn couldn shouldn let us
    explain describe tell give list name please happen happened happens occur occurred occurs""".split()
)


# Characters NFKD leaves whole, which the ASCII step would drop: a dash dropped joins its words
# ("1994–1999" read as "19941999", "Polish–Lithuanian" as "polishlithuanian"), a letter dropped
# breaks a name ("Skłodowska" read as "skodowska").
_UNDECOMPOSED = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "‐": "-", "‑": "-", "‒": "-",
                               "–": "-", "—": "-", "―": "-", "−": "-", "ł": "l", "Ł": "L", "ø": "o",
                               "Ø": "O", "đ": "d", "Đ": "D", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
                               "ß": "ss", "ı": "i", "\u00a0": " "})


# str.translate with this table goes character by character through Python objects (about 40 µs
# for a passage of notes); replacing only the characters it holds gives the same text 6x faster.
_UNDECOMPOSED_CHARACTER = re.compile("[" + re.escape("".join(map(chr, _UNDECOMPOSED))) + "]")


def _plain(match: re.Match[str]) -> str:
    return _UNDECOMPOSED[ord(match.group())]


def fold(text: str) -> str:
    """Lowercase ASCII: curly quotes, dashes and accents folded to their plain forms."""
    if text.isascii():  # nothing to fold (most texts): the same result, without the two passes
        return text.lower()
    text = unicodedata.normalize("NFKD", _UNDECOMPOSED_CHARACTER.sub(_plain, text))
    return text.encode("ascii", "ignore").decode("ascii").lower()


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("english")


def words(text: str) -> list[str]:
    """Folded words of a text, stopwords kept (for phrase checks). "Take place" is dropped as a
    whole: it says an event is asked about, nothing of which."""
    folded = fold(text).replace("'s ", " ")
    return _WORD.findall(_TAKE_PLACE.sub(" ", folded))


_TAKE_PLACE = re.compile(r"\b(take|takes|took|taken|taking) place\b")


# Irregular forms a suffix stemmer cannot join to their family ("died" -> "die", "deaths" ->
# "death"). Applied to folded words before stemming, on documents and questions alike.
IRREGULAR = {
    "died": "death", "die": "death", "dies": "death", "dying": "death", "dead": "death",
    "born": "birth", "began": "begin", "begun": "begin", "grew": "grow", "grown": "grow",
    "fell": "fall", "fallen": "fall", "led": "lead", "built": "build", "won": "win",
    "fought": "fight", "sought": "seek", "taught": "teach", "thought": "think", "bought": "buy",
    "brought": "bring", "caught": "catch", "held": "hold", "kept": "keep", "left": "leave",
    "lost": "lose", "made": "make", "meant": "mean", "paid": "pay", "sent": "send",
    "spent": "spend", "stood": "stand", "struck": "strike", "took": "take", "taken": "take",
    "went": "go", "gone": "go", "wrote": "write", "written": "write", "rose": "rise",
    "risen": "rise", "chose": "choose", "chosen": "choose", "drove": "drive", "driven": "drive",
    "gave": "give", "given": "give", "knew": "know", "known": "know", "saw": "see", "seen": "see",
    "spoke": "speak", "spoken": "speak", "worse": "worsen", "worst": "worsen",
    "withdrew": "withdraw", "withdrawn": "withdraw", "forbade": "forbid", "forbidden": "forbid",
    "overthrew": "overthrow", "overthrown": "overthrow", "undertook": "undertake", "undertaken": "undertake",
    "overcame": "overcome", "arose": "arise", "arisen": "arise", "became": "become", "came": "come",
    "fled": "flee", "sold": "sell", "told": "tell", "ran": "run",
    "felt": "feel", "dealt": "deal", "drew": "draw", "drawn": "draw", "threw": "throw",
    "thrown": "throw", "flew": "fly", "flown": "fly", "froze": "freeze", "frozen": "freeze",
    "shook": "shake", "shaken": "shake", "swore": "swear", "sworn": "swear", "tore": "tear", "torn": "tear",
    "wore": "wear", "worn": "wear", "woke": "wake", "woken": "wake", "rode": "ride", "ridden": "ride",
    "hid": "hide", "hidden": "hide", "bitten": "bite", "ate": "eat", "eaten": "eat",
    "bred": "breed", "sang": "sing", "sung": "sing", "swam": "swim",
    "understood": "understand", "withheld": "withhold", "upheld": "uphold", "foresaw": "foresee",
    "sank": "sink", "sunk": "sink", "slew": "slay", "slain": "slay",
    "stole": "steal", "stolen": "steal",
}


def tokenize(text: str) -> list[str]:
    """Stemmed content words: what BM25 indexes and what question/sentence overlap compares."""
    return [stem for _, stem in word_stems(text)]


def word_stems(text: str) -> list[tuple[str, str]]:
    """(folded word, stem) for each content word of a text, in order."""
    return list(_word_stems(text))


# A question's answer tokenizes the same passages, headings and sentences many times over, and
# the next question often the same passages again: each text is read once while it is recent.
@lru_cache(maxsize=8192)
def _word_stems(text: str) -> tuple[tuple[str, str], ...]:
    kept = [w for w in words(text) if w not in STOPWORDS]
    return tuple(zip(kept, _stemmer().stemWords([IRREGULAR.get(w, w) for w in kept])))


_ERN = "ern"


def same_family(a: str, b: str) -> bool:
    """Stems of one word family that the stemmer left apart ("voluntari" / "voluntarili",
    "relat" / "relationship"): equal, or one a prefix of the other of at least five letters."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    # "west" / "western", "east" / "eastern": a compass point and its adjective (the English suffix
    # "-ern"), four letters, which no five-letter prefix reads (ans31: "What did the West export?" /
    # "Among Western exports were horses ...").
    return len(short) >= 5 and long_.startswith(short) or len(short) == 4 and long_ == short + _ERN
