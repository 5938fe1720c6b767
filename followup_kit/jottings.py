"""Reading what the candidate jotted down, so that it reads inside a sentence (R23, R26).

People jot the way they speak: "she asked about my biggest weakness", "Told me about
her trip to Japan.", "he asked how I'd migrate the ledger w/o downtime". A note needs
the phrase inside each: "my biggest weakness", "your trip to Japan", "how I would
migrate the ledger without downtime". :func:`read` turns one jotting into a
:class:`Jotting`:

* rewritten, when the rewrite is safe: a reporting lead dropped ("we talked about",
  "she asked about", "I mentioned"), a final full stop, a contraction or a common
  abbreviation written out ("w/o", "thru", "yrs", "mgmt"), "their" of the company
  made "the", a comma splice joined with "and", a bare count noun given its article
  ("SQL case study" -> "the SQL case study"), a gap in experience said as the
  candidate's ("I've never done compliance training" -> "my experience with
  compliance training");
* or with a ``problem`` in plain words and a ``suggestion`` to consider, when it
  would not read inside a sentence: a whole sentence where a phrase belongs, a
  question, text-message style, an exclamation, "it" with nothing to refer to, a
  phrase in another language (:mod:`followup_kit.language`);
* marked ``logistics`` (salary, benefits, relocation, start dates, hybrid days,
  notice periods, visas): never the highlight of a thank-you note (R26), left out;
* marked ``negative`` (a weakness, a failure): named at most after the rest.

Nothing is invented: a rewrite only drops, reorders or spells out what was written.
The English is heuristic and errs towards flagging: a flagged jotting never reaches
a note, and ``check`` names it with the rewrite to consider.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .dictionary import known as _known  # the dictionary itself is read on first use

Role = Literal["topic", "personal", "forgot", "concern", "extra", "highlight"]

#: What each role is called where a person reads about it.
ROLE_WORDS = {"topic": "topic", "personal": "personal connection", "forgot": "thing you forgot to mention",
              "concern": "concern", "extra": "title", "highlight": "what stood out"}


@dataclass(frozen=True)
class Jotting:
    """One jotting, read for a note."""

    text: str
    """As the candidate wrote it."""
    phrase: str
    """As it reads inside a sentence of the note ('' when it cannot be used)."""
    clause: bool = False
    """True for a sentence with its own subject ("we both studied in Wrocław"), which a
    template sets after "that" or a colon; False for a phrase ("your trip to Japan")."""
    problem: str = ""
    """Why it cannot go into a note as written, in plain words ('' when it can)."""
    suggestion: str = ""
    """A rewrite to consider, when there is a problem."""
    language: str = ""
    """The other language it is written in ('German'), if any."""
    logistics: bool = False
    """Salary, benefits, relocation, dates, office days…: left out of every note (R26)."""
    negative: bool = False
    """A weakness or a failure: never a note's first topic."""
    salutation: str = ""
    """"told me to call him Hiroshi" -> "Hiroshi": how to address the person, not a jotting."""
    concern: str = ""
    """For a concern: 'whether', 'question', 'gap' or 'other' (which answer fits)."""
    sure: bool = True
    """False when it is unclear whether the jotting is a phrase or a sentence ("every robot's
    telemetry lands in one lakehouse"): a template then sets it apart, after a colon."""

    @property
    def usable(self) -> bool:
        """True when the phrase can go into a note."""
        return bool(self.phrase) and not self.problem and not self.logistics and not self.salutation

    @property
    def rewritten(self) -> bool:
        """True when the note says it differently from how it was jotted."""
        return self.usable and self.phrase != self.text


# -- word lists -------------------------------------------------------------------------

class _Lazy:
    """A regular expression compiled on first use, so that importing the kit stays quick."""

    def __init__(self, pattern: str, flags: int = 0):
        self.pattern, self.flags = pattern, flags
        self._compiled: re.Pattern[str] | None = None

    def __getattr__(self, name: str):
        if self._compiled is None:
            self._compiled = re.compile(self.pattern, self.flags)
            # From now on the pattern's methods are found directly, without this look-up.
            for method in ("search", "match", "fullmatch", "sub", "findall", "finditer", "split"):
                setattr(self, method, getattr(self._compiled, method))
        return getattr(self._compiled, name)


# Practical matters (R26), in English and in the German and Spanish people jot in.
_LOGISTICS = _Lazy(
    r"\b(salar(?:y|ies)|pay (?:band|range|scale)|compensation|equity (?:refresh|grant|package|stake)|stock options?|bonus(?:es)?|"
    r"benefits?|stipend|pto|paid (?:leave|time off)|vacation days|relocat\w*|start(?:ing)? date|"
    r"notice period|visas?|sponsorship|work permit|hybrid|(?:days?|\d+) (?:in|at) (?:the )?office|"
    r"office days?|in-office|two office days|working remotely|work from home|wfh|homeoffice|home office|eor|"
    r"time ?zone overlap|interview process|next steps|background check|drug test|travel \d+ ?%|itar|"
    r"us person|citizen(?:ship)?|grant[- ]funded|\d+[- ]?(?:yr|year)s? (?:position|contract)|"
    r"contract length|other (?:interview )?processes|(?:is|are) paid|gehalt\w*|urlaub|kündigungsfrist|"
    r"sueldo|salario|\d+\s?[-–]\s?\d+k\b|[$€£]\s?\d)", re.I)
_REMOTE_LEAD = _Lazy(r"^(remote|fully remote|on-?site|in office)\b(?!\s+team)", re.I)

_NEGATIVE = _Lazy(r"\b(weakness(?:es)?|failures?|a time I failed|mistakes?|regrets?)\b", re.I)

# Text-message style: words a note never carries, with what to write instead ('' = leave out).
SLANG = {
    "lol": "", "lmao": "", "haha": "", "omg": "", "tbh": "", "idk": "", "btw": "", "imo": "", "fyi": "",
    "cos": "companies", "convo": "conversation", "soln": "solution", "qs": "questions", "q's": "questions",
    "q": "question", "gonna": "going to", "wanna": "want to", "kinda": "kind of", "sorta": "sort of",
    "stuff": "", "chill": "relaxed", "ok": "comfortable", "okay": "comfortable", "awesome": "great",
    "super": "very", "cool": "interesting", "yeah": "", "thx": "", "u": "you", "ur": "your",
    "ppl": "people", "abt": "about", "rn": "now",
}

# Abbreviations written out: safe, as each has one meaning in a jotting.
_EXPAND = [
    (r"\bw/o\b", "without"), (r"(?<![\w/])w/(?=\s|\w)", "with "), (r"\bthru\b", "through"),
    (r"\byrs\b", "years"), (r"\byr\b", "year"), (r"\bexp\b", "experience"), (r"\bmgmt\b", "management"),
    (r"\beng\b(?= and\b)", "engineering"), (r"\bprod\b", "production"), (r"\bdept\b", "department"),
    (r"(?<=\d) ?mins?\b", " minutes"), (r"(?<=\d) ?hrs\b", " hours"), (r"\bcert\b", "certification"),
    (r"\bcerts\b", "certifications"), (r"\bchem\b", "chemistry"), (r"\bsoln\b", "solution"),
    (r"\bJan\b", "January"), (r"\bFeb\b", "February"), (r"\bAug\b", "August"), (r"\bSept?\b", "September"),
    (r"\bOct\b", "October"), (r"\bNov\b", "November"), (r"\bDec\b", "December"),
    (r"\s+\+\s+", " and "), (r"\s*→\s*", " to "), (r"\s+&\s+", " and "),
    (r"(?<![\w'’])i(?=\s|['’](?:d|m|ve|ll)\b)", "I"),
]
# One search over every pattern above tells whether a jotting needs any of them.
_ANY_EXPAND = _Lazy("|".join(f"(?:{pattern})" for pattern, _ in _EXPAND))
# That search tries thirty patterns at every character. What each needs is cheaper to see
# first: a whole word among these, one of these characters, or a digit before "min" or "hrs".
_EXPAND_WORDS = frozenset("thru yrs yr exp mgmt eng prod dept cert certs chem soln Jan Feb Aug Sep Sept Oct Nov "
                          "Dec i".split())
_EXPAND_MARKS = "/+→&"
_RUN = _Lazy(r"\w+")
_DIGIT = _Lazy(r"\d")
_EXPAND = [(_Lazy(pattern), new) for pattern, new in _EXPAND]

# Contractions without their apostrophe ("havent"): a slip, put right.
_APOSTROPHE = {"havent": "haven't", "hasnt": "hasn't", "dont": "don't", "didnt": "didn't",
               "doesnt": "doesn't", "isnt": "isn't", "wasnt": "wasn't", "werent": "weren't",
               "couldnt": "couldn't", "wouldnt": "wouldn't", "shouldnt": "shouldn't", "ive": "I've",
               "im": "I'm", "arent": "aren't"}

_SUBJECTS = {"i", "we", "you", "he", "she", "they", "it"}
_PRONOUN_LEAD = r"(?:(?:she|he|they|we|i)\s+)?"
_WH = {"how", "what", "why", "when", "where", "which", "who", "whom", "whose"}
_DETERMINERS = {"the", "a", "an", "my", "our", "your", "their", "his", "her", "its", "this", "that", "these",
                "those", "each", "every", "some", "any", "no", "one", "two", "three", "four", "five", "both",
                "all", "several", "many", "much", "more", "most", "another", "other", "such", "whose"}
# Finite verbs rarely used as nouns: after a bare noun they make a jotting a sentence.
_FINITE = {"is", "are", "was", "were", "has", "have", "had", "does", "did", "uses", "used", "wants", "wanted",
           "needs", "needed", "seems", "seemed", "likes", "liked", "loves", "loved", "hates", "hated",
           "said", "says", "told", "asked", "showed", "went", "goes", "thinks", "thought", "knows", "knew",
           "do", "gets", "got", "made", "makes", "ships", "shipped", "liked", "felt", "feels"}
# Nouns that take an article in English when they stand alone ("the SQL case study").
_COUNT_NOUNS = {
    "study", "challenge", "exercise", "case", "project", "question", "walkthrough", "review", "exam", "test",
    "scenario", "module", "program", "programme", "lab", "launch", "model", "plan", "tour", "party",
    "dashboard", "pipeline", "roadmap", "rebrand", "migration", "switch", "move", "rotation", "offsite",
    "presentation", "talk", "course", "unit", "product", "platform", "framework", "interview", "round",
    "system", "service", "tool", "stack", "team", "office", "site", "org", "organisation", "organization",
    "story", "outage", "incident", "rollout", "release", "feature", "app", "api", "design", "proposal",
    "initiative", "process", "report", "workshop", "meetup", "conference", "book", "article", "paper",
}
_MASS_HEADS = {"design", "system"}  # "system design" is a subject, not one design

_IRREGULAR = {"led": "lead", "built": "build", "ran": "run", "wrote": "write", "taught": "teach",
              "made": "make", "gave": "give", "took": "take", "did": "do", "done": "do", "had": "have",
              "got": "get", "gotten": "get", "went": "go", "gone": "go", "been": "be", "held": "hold",
              "run": "run", "set": "set", "shipped": "ship", "planned": "plan", "managed": "manage",
              "used": "use", "worked": "work", "written": "write", "begun": "begin", "spoken": "speak",
              "sold": "sell", "taken": "take", "given": "give", "seen": "see", "met": "meet"}


def gerund(verb: str) -> str:
    """'migrate' -> 'migrating', 'run' -> 'running', 'test' -> 'testing' (English spelling rules)."""
    v = verb.lower()
    if v.endswith("ie"):
        return v[:-2] + "ying"
    if v.endswith("e") and not v.endswith(("ee", "ye", "oe")) and len(v) > 2:
        return v[:-1] + "ing"
    if (len(v) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", v)):
        return v + v[-1] + "ing"
    return v + "ing"


def lemma(verb: str) -> str:
    """A past form's base: 'led' -> 'lead', 'worked' -> 'work', 'migrated' -> 'migrate'."""
    v = verb.lower()
    if v in _IRREGULAR:
        return _IRREGULAR[v]
    if v.endswith("ied"):
        return v[:-3] + "y"
    if v.endswith("ed"):
        for candidate in (v[:-1], v[:-2], v[:-3] if len(v) > 5 and v[-3] == v[-4] else ""):
            if candidate and _known(candidate):
                return candidate
        return v[:-2]
    return v


# -- reading ---------------------------------------------------------------------------

def _tidy(text: str) -> str:
    text = " ".join(text.split())  # spaces only, one at a time: a space before a mark is " ,"
    return re.sub(r" ([,;:])", r"\1", text) if " ," in text or " ;" in text or " :" in text else text


def _may_expand(text: str) -> bool:
    """Whether ``text`` may hold something :data:`_EXPAND` writes out (a superset of its matches)."""
    return (any(mark in text for mark in _EXPAND_MARKS)
            or (("min" in text or "hrs" in text) and _DIGIT.search(text) is not None)
            or not _EXPAND_WORDS.isdisjoint(_RUN.findall(text)))


def _expand(text: str) -> str:
    # Each step runs only where a quick look finds something for it: most jottings need none.
    if _may_expand(text) and _ANY_EXPAND.search(text):
        for pattern, new in _EXPAND:
            text = pattern.sub(new, text)
    if not _APOSTROPHE.keys().isdisjoint(map(str.lower, _RUN.findall(text))):
        text = re.sub(r"\b(\w+)\b", lambda m: _APOSTROPHE.get(m.group(1).lower(), m.group(1))
                      if m.group(1).lower() in _APOSTROPHE and not (m.group(1) == "Im") else m.group(1), text)
    if "I'" in text or "I’" in text:
        # I'd + a base verb is "I would"; I'd + a past participle ("I'd been") is "I had".
        text = re.sub(r"\bI['’]d (been|had|done|seen|worked|used|led|built)\b", r"I had \1", text)
        text = re.sub(r"\bI['’]d\b", "I would", text)
        text = re.sub(r"\bI['’]m\b", "I am", text)
        text = re.sub(r"\bI['’]ve\b", "I have", text)
        text = re.sub(r"\bI['’]ll\b", "I will", text)
    return _tidy(text)


_VERB_STARTS = {"told", "grew", "asked", "talked", "spoke", "went", "also", "worried", "wondered", "showed",
                "walked", "took", "discussed", "mentioned", "said", "had", "has", "is", "was", "loves", "likes",
                "fellow", "from", "wasn't", "hasn't", "haven't", "never", "lack", "career"}


def _lower_start(text: str, names: frozenset[str], *, loose: bool = False) -> str:
    """The first letter lowered when the first word is plainly not a name ('Told me…',
    'Engineers rotate…'); 'I', a name, a product or an acronym keeps its capital."""
    from .phrasing import _COMMON_ENDINGS, _LOWER_STARTS

    first = re.match(r"[^\s,;:]+", text)
    if not first:
        return text
    word = first.group(0)
    low = word.lower()
    if (word in names and not (loose and _known(low))) or not word[:1].isupper() or sum(c.isupper() for c in word) > 1 or low in (
            "i", "i'm", "i've", "i'd", "i'll"):
        return text
    plural = low.endswith("s") and not low.endswith("ss") and _known(low[:-1])
    if (low in _LOWER_STARTS or re.split(r"['’-]", low)[0] in _LOWER_STARTS or low.endswith(_COMMON_ENDINGS)
            or low in _VERB_STARTS or low in _APOSTROPHE or plural or (loose and _known(low))):
        return word[0].lower() + text[1:]
    return text


def _slang(text: str) -> list[str]:
    found = []
    for match in re.finditer(r"(?<![\w@/.-])([A-Za-z]+(?:'s)?)(?![\w@-])", text):
        word = match.group(1)
        low = word.lower()
        if low in SLANG and not (len(low) <= 2 and word.isupper()):
            found.append(word)
    return found


def _without_slang(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        word = match.group(1)
        better = SLANG.get(word.lower())
        if better is None or (len(word) <= 2 and word.isupper()):
            return word
        if word.lower() in ("ok", "okay") and not re.search(r"\bbe\s+$", text[:match.start()]):
            return "fine"
        return better
    text = re.sub(r"(?<![\w@/.-])([A-Za-z]+(?:'s)?)(?![\w@-])", swap, text)
    return _tidy(re.sub(r"[!]+", "", text)).strip(" ,;-")


_LEADS: list[tuple[_Lazy, str]] = [(_Lazy(p, re.I), r) for p, r in [
    # "told me to call him Hiroshi": how to address the person (handled by the caller).
    (_PRONOUN_LEAD + r"(?:told|asked) me to call (?:him|her|them) (\S+)$", "SALUTATION"),
    (_PRONOUN_LEAD + r"(?:talked|spoke|chatted) (?:a lot )?(?:about|of) (.+)$", r"\1"),
    (_PRONOUN_LEAD + r"discussed (.+)$", r"\1"),
    (_PRONOUN_LEAD + r"(?:asked|quizzed) (?:me )?about (.+)$", r"\1"),
    (_PRONOUN_LEAD + r"asked (?:me )?if I (?:have|had) (?:a |an )?(portfolio|\w+ portfolio|github|website)$",
     r"my \1"),
    (_PRONOUN_LEAD + r"asked (?:me )?to (\w+) (.+)$", "GERUND"),
    (_PRONOUN_LEAD + r"asked (?:me )?((?:how|what|why|when|where|which|who) .+)$", r"\1"),
    (_PRONOUN_LEAD + r"asked (?:me )?(?:if|whether) (.+)$", r"whether \1"),
    (_PRONOUN_LEAD + r"told me about (.+)$", r"\1"),
    (_PRONOUN_LEAD + r"showed me (.+)$", r"\1"),
    (_PRONOUN_LEAD + r"(?:walked|took|showed) me (?:around|round) (.+)$", "TOUR"),
    (_PRONOUN_LEAD + r"(?:walked|took) me through (.+)$", r"\1"),
    (r"^I (?:mentioned|brought up|presented|talked through|walked (?:him|her|them) through) (.+)$", r"\1"),
]]
_CONCERN_LEADS: list[tuple[_Lazy, str]] = [(_Lazy(p, re.I), r) for p, r in [
    (_PRONOUN_LEAD + r"(?:was |were )?(?:worried|concerned|unsure|not sure|wasn't sure|was not sure|"
     r"wondered|doubted)(?: about)?(?: (?:that|if|whether))? (.+)$", "INNER"),
    (r"^(?:I )?(?:have not|haven't|has not|hasn't|have never|has never|never|not) "
     r"(?:really |formally |yet )?(\w+)(?: (.+))?$", "EXPERIENCE"),
    (r"^(?:lack of|no|not much|minimal) (.+)$", "LACK"),
    (r"^(?:little|limited) (.+)$", r"my limited \1"),
    (r"^only (.+)$", r"having only \1"),
    (r"^(?:will|would|can|could|do|does|did|am|is|are|should) I (.+)$", "WHETHER"),
]]


def _experience(verb: str, rest: str) -> str:
    """The gap a concern names, as the candidate's experience: 'led a team' -> 'my
    experience leading a team', 'done compliance training' -> 'my experience with
    compliance training'."""
    base = lemma(verb)
    rest = (rest or "").strip()
    if base in ("do", "have", "use", "touch", "try"):
        return f"my experience with {rest}".strip()
    if base == "work" and re.match(r"(with|on|in|at|for) ", rest):
        return f"my experience working {rest}"
    return f"my experience {gerund(base)} {rest}".strip()


def _concern_phrase(text: str) -> str | None:
    for pattern, how in _CONCERN_LEADS:
        m = pattern.match(text)
        if not m:
            continue
        if how == "INNER":
            inner = m.group(1)
            done = re.match(r"I (?:have|had) (\w+) (.+)$", inner)
            if done:
                return _experience(done.group(1), done.group(2))  # "whether I have used dbt" is a gap
            if re.match(r"I (?:have |had |would |am |can |will |could )?", inner):
                return _concern_phrase(inner) or f"whether {inner}"
            return _concern_phrase(inner) or inner
        if how == "EXPERIENCE":
            if m.group(1).lower() in _FINITE - {"had", "used", "did", "done"} or m.group(1).lower() in ("a", "an", "the"):
                return None
            return _experience(m.group(1), m.group(2) or "")
        if how == "LACK":
            rest = m.group(1)
            if re.search(r"\b(experience|exposure|background|knowledge|familiarity)\b", rest, re.I):
                rest = re.sub(r"^experience (?:with|in) (.+)$", r"experience with \1", rest)
                return f"my {rest}" if not rest.startswith("experience") else f"my {rest}"
            return f"my lack of {rest}"
        if how == "WHETHER":
            aux = text.split(" ", 1)[0].lower()
            return f"whether I {aux} {m.group(1)}"
        return m.expand(how)
    return None


def _second_person(text: str) -> str:
    from .phrasing import second_person

    return second_person(text)


def _article(phrase: str) -> str:
    """'SQL case study (…)' -> 'the SQL case study (…)': a bare singular count noun takes 'the'."""
    words = phrase.split(" ")
    if not words or words[0].lower() in _DETERMINERS or words[0].lower() in _WH or words[0].lower() in (
            "whether", "if", "why", "designing", "having"):
        return phrase
    head = re.split(r"\s+(?:of|for|on|in|at|to|with|from|about|by|vs\.?|versus|and|across|through|into|over|"
                    r"under|between|per|after|before|during|around|\()\s*", phrase, maxsplit=1)[0]
    if re.search(r"\bexperience$", head) and len(head.split(" ")) <= 3:
        return "my " + phrase  # "budgeting experience" -> "my budgeting experience"
    if words[0].lower().endswith("ing") or words[0][:1].isdigit():
        return phrase  # "moving the pipeline…", "testing data models"
    if any(w.lower() in _DETERMINERS for w in head.split(" ")):
        return phrase
    last = head.split(" ")[-1].strip("(),").lower()
    if (last in _COUNT_NOUNS and not (last in _MASS_HEADS and len(head.split(" ")) > 1 and head.split(" ")[-2].lower()
                                      in ("system", "product", "ux", "ui", "api", "database", "schema", "data"))):
        return "the " + phrase
    if re.fullmatch(r"[\w-]+", head) and head.lower() in ("pace", "scope", "size", "structure", "culture"):
        return "the " + phrase
    if re.search(r"\bexperience$", head) and len(head.split(" ")) <= 3:
        return "my " + phrase
    return phrase


def _subject_article(clause: str) -> str:
    words = clause.split(" ")
    if words[0].lower() in _SUBJECTS | _SUBJECT_WORDS | _DETERMINERS or words[0][:1].isupper():
        return clause
    for i, word in enumerate(words[1:4], 1):
        if word.lower() in _COUNT_NOUNS and i + 1 < len(words) and _verb_like(words[i + 1], words[i + 2] if i + 2 < len(words) else ""):
            return "the " + clause
    return clause


def _is_clause(phrase: str) -> bool:
    words = phrase.split(" ")
    first = words[0].lower().strip("(")
    if first in _SUBJECTS or first in ("there", "i'm", "you're", "we're", "they're", "it's", "he's", "she's",
                                       "i've", "we've", "you've"):
        return True
    if first in ("your", "my", "our", "his", "her", "their", "the") and len(words) > 2:
        # "your son is in grade 10": a subject with its verb
        return any(w.lower() in _FINITE for w in words[1:4]) and not any(w.lower() in _WH for w in words[:3])
    return False


_FUNCTION = _DETERMINERS | _WH | {"of", "for", "on", "in", "at", "to", "with", "from", "about", "by", "and",
                                   "or", "but", "as", "into", "over", "under", "between", "across", "per", "through",
                                   "around", "onto", "up", "down", "out", "off", "during", "after", "before",
                                   "vs", "vs.", "versus", "than", "not", "that", "whether", "if"}
_NUMBERS = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "a", "an"}
_SUBJECT_WORDS = {"everyone", "everybody", "nobody", "someone", "people", "nothing", "everything"}


def _verb_like(word: str, after: str) -> bool:
    """True when ``word``, followed by ``after``, reads as a verb in the present or past
    ("rotate through", "publishes its", "reports directly")."""
    low = word.lower()
    if low in _FINITE:
        return True
    if low in _FUNCTION or not low.isalpha() or not _known(low):
        return False
    nxt = after.lower()
    # After a verb comes its object or an adverb ("publishes its", "reports directly"); after
    # a plural noun, a preposition ("definitions for", "events into"), so prepositions do not count.
    # "that" after a plural noun starts a relative clause: "alerts that page nobody".
    follows = ((nxt in _DETERMINERS and nxt not in ("that", "whose")) or nxt.endswith("ly") or nxt in _SUBJECTS
               or bool(after[:1].isupper()))
    if low.endswith("s") and not low.endswith("ss") and _known(low[:-1] if not low.endswith("es") else low[:-2]):
        return follows
    return False


def _has_finite_verb(phrase: str) -> bool:
    """True when a phrase that should be a noun phrase holds a verb with its subject
    ("team uses Go and Kafka", "exactly-once is a lie", "engineers rotate through…")."""
    words = [w.strip(",;:()") for w in phrase.split(" ")]
    if not words or not words[0]:
        return False
    first = words[0].lower()
    if first in _SUBJECTS or first in _SUBJECT_WORDS:
        return len(words) > 1
    if first in _WH or first in ("whether", "if"):
        return False
    for i, word in enumerate(words[1:6], 1):
        low = word.lower()
        before = {w.lower() for w in words[:i]}
        if before & (_WH | {"that", "which", "who", "where", "when", "whether", "if", "of", "for", "on", "in",
                            "with", "about", "to", "from", "at", "by"}) or any(
                w[:1].isdigit() or w.lower() in _NUMBERS for w in words[:i]):
            return False
        after = words[i + 1] if i + 1 < len(words) else ""
        if low in _FINITE and not (low in ("used", "made") and words[i - 1].lower() in _DETERMINERS):
            return True
        if _verb_like(word, after):
            return True
        prev = words[i - 1]
        # A possessive is not a plural subject: "the team's architecture" is a phrase.
        plural_subject = (prev.lower().endswith("s") and not prev.lower().endswith(("ss", "'s", "’s"))
                          and prev.lower() not in _FUNCTION and not prev.isupper() and not word.isupper())
        if (plural_subject and i <= 3 and low.isalpha() and low not in _FUNCTION and _known(low)
                and not low.endswith(("s", "ing", "ed", "ly"))
                and (after.lower() in _FUNCTION or after.lower() in ("next", "together", "closely") or not after)):
            return True  # "engineers rotate through", "analysts present to"
    return False


def _segments(text: str) -> list[str]:
    # "SQL case study - fleet utilisation", "system design: double-entry ledger", "accessibility, WCAG"
    return [s.strip() for s in re.split(r"\s+[-–—]\s+|:\s+|,\s+(?!and\b|or\b|not\b|but\b)", text) if s.strip()]


def _question_suggestion(text: str, company_words: frozenset[str]) -> str:
    m = re.match(r"(?i)^why (?:not )?(.+?)(?: and not .+| over .+| instead of .+| rather than .+)?$", text)
    if m:
        what = m.group(1)
        return f"why I chose {what}" if what.split(" ")[0].lower() not in ("i", "we", "you") else f"why {what}"
    return ""


def read(text: str, role: Role = "topic", names: frozenset[str] = frozenset()) -> Jotting:
    """One jotting, read for a note (see the module docstring).

    ``names`` are the record's proper words (people, places, products), kept as written
    and never taken for another language.
    """
    return _read_among(text, role, frozenset(names))


@lru_cache(maxsize=16384)  # composing and proofreading an interview read each jotting many times
def _read_among(text: str, role: Role, names: frozenset[str]) -> Jotting:
    # Only the names the jotting holds can change how it reads, so the same jotting ("the
    # team's roadmap") is read once for every interview it appears in.
    if names:
        folded = text.lower()
        names = frozenset(n for n, low in _lowered(names) if low in folded)
    return _read(text, role, names)


@lru_cache(maxsize=256)
def _lowered(names: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """Each name with its lower case (a record's names are read against every jotting)."""
    return tuple((n, n.lower()) for n in names)


@lru_cache(maxsize=16384)
def _read(text: str, role: Role, names: frozenset[str]) -> Jotting:
    original = text
    raw = _tidy(text)
    logistics = bool(_LOGISTICS.search(raw)) or (role != "highlight" and bool(_REMOTE_LEAD.match(raw)))
    negative = bool(_NEGATIVE.search(raw))

    def flagged(problem: str, suggestion: str = "", language: str = "") -> Jotting:
        return Jotting(original, "", problem=problem, suggestion=suggestion, language=language,
                       logistics=logistics, negative=negative)

    if not raw:
        return Jotting(original, "")
    # Another language first: no rewrite helps there.
    from .language import other_language

    lowered = {n.lower() for n in names}
    language = "" if logistics else other_language(raw, known=lambda w: _known(w) or w in lowered,
                                                   names=names)
    if language:
        shown = language if language.endswith("script") else f"in {language}"
        return flagged(f"it is {shown}, and the note is in English", "the same in English", language)

    question = raw.endswith("?") or bool(re.match(r"(?i)^(?:will|would|can|could|do|does|did|is|are|am)\s+I\b", raw))
    exclaimed = "!" in raw
    body = re.sub(r"[\s.;,:!?]+$", "", raw)
    body = re.sub(r"^[\s\-–•*]+", "", body)
    body = _expand(body)
    inner_bang = "!" in body
    # Lower the first letter when it is plainly not a name ("Told me…", "Grew up…").
    body = _lower_start(body, names, loose=role == "highlight")

    salutation = ""
    phrase = body
    for pattern, how in _LEADS:
        m = pattern.match(phrase)
        if not m:
            continue
        if how == "SALUTATION":
            salutation = m.group(1).strip(".,!")
            break
        if how == "TOUR":
            # An event, not a subject: "our discussion of the office tour" would not read.
            return Jotting(original, "", problem="it says what happened, not what you discussed",
                           suggestion=f"what you talked about on the tour of {m.group(1)}", logistics=logistics,
                           negative=negative)
        if how == "GERUND":
            phrase = f"{gerund(m.group(1))} {m.group(2)}"
        else:
            phrase = m.expand(how)
        break
    if salutation:
        return Jotting(original, "", salutation=salutation, logistics=logistics, negative=negative,
                       problem="", suggestion="")

    concern = ""
    sure = True
    if role == "concern":
        phrase = re.sub(r"\s*\([^)]*\)\s*$", "", phrase)  # "(only side project)": a note to oneself
        phrase = re.sub(r"(?:,|\s+[-–—])\s+(?:only|just)\b.*$", "", phrase)  # ", only mentored 2 juniors": the same
        phrase = re.sub(r",?\s+(?:since|because|as) I .+$", "", phrase)  # why they asked: not for the note
        segments = _segments(phrase)
        if len(segments) > 1 and re.match(r"(?i)(will|would|can|could|do|does|am|is) I\b", segments[-1]):
            phrase = segments[-1]  # "career changer - will I miss the classroom"
        converted = _concern_phrase(phrase)
        if converted:
            phrase = converted
        phrase = re.sub(r"\bbe (?:ok|okay) with\b", "be comfortable with", phrase)
        concern = _concern_kind(phrase)

    problems: list[str] = []
    suggestion = ""
    slang = _slang(phrase)
    if slang:
        shown = ", ".join(f"\"{w}\"" for w in slang)
        problems.append(f"it has text-message style ({shown})")
        phrase = _without_slang(phrase)
    if inner_bang or (exclaimed and role in ("topic", "personal", "concern", "extra")):
        problems.append("it has an exclamation mark")
        phrase = _tidy(phrase.split("!", 1)[0]) or phrase

    if role == "personal":
        phrase, clause, problem, hint = _personal(phrase)
        if problem:
            problems.append(problem)
            suggestion = hint
    elif role == "extra":
        phrase, clause = _extra_title(phrase), False
    else:
        clause = False
        segments = _segments(phrase)
        if role in ("topic", "highlight") and len(segments) > 1:
            head, rest = segments[0], segments[1:]
            if re.fullmatch(r"(?i)system design", head) and len(rest) == 1 and not _has_finite_verb(rest[0]):
                detail = rest[0]
                art = "" if detail.split(" ")[0].lower() in _DETERMINERS else (
                    "an " if detail[:1].lower() in "aeiou" else "a ")
                phrase = f"designing {art}{detail}"
            elif all(not _has_finite_verb(r) and not _verb_led(r) for r in rest) and not _has_finite_verb(head):
                phrase = f"{_article(head)} ({', '.join(rest)})"
            else:
                problems.append("it runs a phrase and a sentence together")
                suggestion = _article(head)
        elif role in ("forgot",):
            if len(segments) > 1 and any(_verb_led(s) for s in segments[1:]):
                verb_part = next(s for s in segments[1:] if _verb_led(s))
                problems.append("it runs a phrase and a half sentence together")
                suggestion = f"I {verb_part} ({_article(segments[0])})"
            else:
                from .phrasing import as_clause

                phrase = as_clause(phrase)
                clause = phrase.split(" ", 1)[0].lower() in ("i", "we")
        if role == "highlight" and len(segments) > 1:
            problems.append("it runs several points together")
        if role in ("topic", "highlight") and not any("sentence" in p or "several" in p for p in problems):
            clause = _is_clause(phrase) or (role == "highlight" and _has_finite_verb(phrase))
            if role == "highlight" and clause:
                phrase = _subject_article(phrase)  # "data team reports…" -> "the data team reports…"
            if role == "highlight":
                sure = clause or not any(_maybe_verb(w) for w in phrase.split(" ")[1:])
            if role == "topic" and (_has_finite_verb(phrase) or clause):
                problems.append("it is a whole sentence, and the note needs a short phrase")
                suggestion = _phrase_of_sentence(phrase)
            elif role == "topic" and _verb_led(phrase):
                problems.append("it starts with a verb, so the note cannot say who did it")
                suggestion = "what was discussed, as a phrase"
        if role in ("topic", "highlight") and not any("sentence" in p for p in problems):
            if re.match(r"(?i)^why\b", phrase) and not any(w.lower() in _SUBJECTS or w.lower() in _FINITE
                                                               for w in phrase.split(" ")[1:]):
                problems.append("it is a question, not a phrase")
                suggestion = _question_suggestion(phrase, names)
            else:
                phrase = _article(re.sub(r"(?i)^their\b", "the", phrase))
    if question and not problems and not phrase.lower().startswith(("whether", "how", "what", "why", "which",
                                                                       "when", "where", "who")):
        problems.append("it is a question, not a phrase")
        suggestion = _question_suggestion(body, names) or "the subject of the question, as a phrase"
    if role == "topic" and re.search(r"\b(it|them)$", phrase) and not problems:
        problems.append("\"it\" has nothing to refer to in the note")
        suggestion = re.sub(r"\b(it|them)$", "…", phrase) + " (name what it was)"
    if re.fullmatch(r"[A-Z][a-z]+-[A-Z][a-z]+", phrase) and phrase not in names and all(
            _known(part.lower()) for part in phrase.split("-")):
        problems.append("it is spelled the German way")  # "Stakeholder-Management"
        suggestion = phrase.replace("-", " ").lower()
    if role in ("topic", "highlight", "personal"):
        phrase = _lower_start(_second_person(phrase), names)  # "He's also…" -> "you're also…"
    phrase = _tidy(phrase)
    if problems:
        best = suggestion or phrase
        return Jotting(original, "", problem="; ".join(problems), suggestion=best, logistics=logistics,
                       negative=negative)
    if role == "concern" and not concern:
        concern = _concern_kind(phrase)
    if role == "concern" and concern in ("other", "gap"):
        phrase = _article(phrase)  # "pace of a startup" -> "the pace…", "on-call experience" -> "my on-call…"
    return Jotting(original, phrase, clause=clause, logistics=logistics, negative=negative, concern=concern,
                   sure=sure)


def _maybe_verb(word: str) -> bool:
    """A word that may be a verb as well as a noun ("lands", "sit"): the shape is in doubt."""
    low = word.lower().strip(",;:()")
    if low in _FINITE:
        return True
    if low in _FUNCTION or not low.isalpha() or len(low) < 3:
        return False
    return (low.endswith("s") and not low.endswith("ss") and _known(low[:-1])) or (
        low.endswith("ed") and _known(lemma(low)))


def _verb_led(phrase: str) -> bool:
    first = phrase.split(" ", 1)[0].lower()
    return (first in _IRREGULAR and first not in ("set", "run", "design")) or (
        first.endswith("ed") and len(first) > 4 and first not in ("embedded", "distributed", "red", "need",
                                                                    "speed", "feed", "seed", "shared"))


def _phrase_of_sentence(sentence: str) -> str:
    words = sentence.split(" ")
    for i, word in enumerate(words):
        if word.lower() in ("uses", "used") and i > 0:
            subject = " ".join(words[:i])
            return f"the {subject}'s use of {' '.join(words[i + 1:])}".replace("the the ", "the ")
        if word.lower() in ("is", "are", "was", "were") and i > 0:
            return " ".join(words[:i])
    verbs = [i for i, word in enumerate(words[1:-1], 1)
             if word.lower() in _FINITE or _verb_like(word, words[i + 1])]
    if verbs:
        return " ".join(words[verbs[-1] + 1:])  # "she said the team liked my portfolio" -> "my portfolio"
    return "a short phrase for what was discussed"


def _personal(phrase: str) -> tuple[str, bool, str, str]:
    """A personal connection: a phrase ("your trip to Japan") or a clause ("we both…")."""
    text = phrase
    # "From Lagos too", "Fellow Steelers fan": a fragment worth a sentence of its own.
    m = re.match(r"(?i)^from (.+?) too\b(.*)$", text)
    if m:
        return "", False, "it is a fragment", f"we are both from {m.group(1)}"
    m = re.match(r"(?i)^fellow (.+?)(?:,.*)?$", text)
    if m:
        what = m.group(1)
        return "", False, "it is a fragment", f"we are both {what}s" if not what.endswith("s") else f"we are both {what}"
    m = re.match(r"(?i)^also (\w+ed|went|grew|did|taught|ran|studied) (.+)$", text)
    if m:
        text = f"we both {m.group(1)} {m.group(2)}"
    if _verb_led(text) or text.split(" ", 1)[0].lower() in ("grew", "told", "went", "taught", "ran", "loves",
                                                             "likes", "has", "is"):
        # Jotted about the interviewer, without the subject: "Grew up in Debrecen".
        text = "you " + text
    # A comma splice, "…along the Isar, he does it even in winter": joined with "and".
    text = re.sub(r",\s+(?!and\b)((?:we|he|she|they|you|i)\b)", r", and \1", text, flags=re.I)
    clause = _is_clause(text) or text.split(" ", 1)[0].lower() == "you"
    if not clause and _has_finite_verb(text):
        return "", False, "it is a sentence without a clear subject", "you " + text
    return text, clause, "", ""


def _extra_title(title: str) -> str:
    """An extra's title as a sentence names it: 'Capstone: real-time bus tracker' ->
    'my capstone “Real-time bus tracker”'; 'an article on X' -> 'the article on X'."""
    m = re.match(r"^(?:(my|the|our|a|an)\s+)?([^:]{2,40}):\s+(.+)$", title, re.I)
    if m:
        det, label, name = m.group(1), m.group(2), m.group(3)
        label_words = label.split(" ")
        label = label if any(w[:1].isupper() and w.lower() not in ("my", "the") and not _known(w.lower())
                             for w in label_words) else label.lower()
        own = det and det.lower() == "my" or label.lower().split(" ")[-1] in (
            "capstone", "portfolio", "thesis", "project", "post", "blog", "talk", "slides", "demo", "paper")
        determiner = "my" if own else "the"
        return f"{determiner} {label} “{name[:1].upper() + name[1:]}”"
    first = title.split(" ", 1)[0].lower()
    if first in ("a", "an"):
        return "the " + title.split(" ", 1)[1]
    if first not in ("the", "my", "our", "this", "these", "his", "her", "their", "your"):
        return "the " + title
    return title


def _concern_kind(text: str) -> str:
    from .phrasing import concern_kind

    return concern_kind(text)


__all__ = ["Jotting", "ROLE_WORDS", "SLANG", "gerund", "lemma", "read"]
